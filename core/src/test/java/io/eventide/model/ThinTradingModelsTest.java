package io.eventide.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eventide.model.internal.ModelInputs;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scholes-Williams and Dimson against calculations written here with Commons Math on a hand-sized
 * panel of 28 sessions ({@code docs/statistics.md} section 3c): the rows of D chosen by hand (a
 * missing stock return, a missing market return that removes three rows for Scholes-Williams, the
 * first and last sessions whose lag or lead is off the calendar, an excluded session), then {@link
 * SimpleRegression} for the three Scholes-Williams slopes, {@link PearsonsCorrelation} for ρ_m,
 * {@link OLSMultipleLinearRegression} for Dimson and an explicit {@code (X'X)⁻¹} ({@link
 * LUDecomposition}) for its leverage and Var(CAR).
 */
class ThinTradingModelsTest {

  // 28 sessions; estimation over sessions 0..23, event days 24..27. The stock reacts to the
  // market with a lag (0.3 R_m,t + 0.5 R_m,t−1 + noise), as a thinly traded listing does.
  static final double[] MARKET = {
    -0.002,
    0.006,
    -0.002,
    Double.NaN,
    -0.009,
    -0.002,
    0.012,
    0.005,
    0.011,
    0.003,
    0.004,
    0.002,
    -0.016,
    0.009,
    0.006,
    0.005,
    -0.016,
    -0.017,
    -0.008,
    -0.004,
    0.004,
    0.0,
    0.006,
    -0.006,
    0.004,
    0.004,
    -0.006,
    0.018
  };
  static final double[] STOCK = {
    0.004,
    0.01,
    -0.003,
    -0.008,
    -0.007,
    -0.006,
    0.008,
    0.009,
    0.002,
    Double.NaN,
    -0.001,
    0.012,
    -0.01,
    -0.003,
    0.01,
    -0.007,
    -0.002,
    -0.003,
    -0.027,
    -0.008,
    -0.002,
    -0.005,
    0.006,
    0.001,
    -0.014,
    0.01,
    0.006,
    0.01
  };
  static final int FROM = 0;
  static final int TO = 24;
  static final boolean[] EXCLUDED = new boolean[TO - FROM];

  static {
    EXCLUDED[6] = true;
  }

  static ModelInputs inputs() {
    return ModelInputs.of(STOCK, MARKET);
  }

  /**
   * D by hand. Session 0: no lag (off the calendar). Sessions 2, 3, 4: the market of 3 is missing
   * (lead of 2, same day of 3, lag of 4). 6: excluded. 9: stock missing. 23: its lead, 24, is on
   * the calendar (beyond the estimation window, but a regressor, not an estimation day).
   */
  static final int[] SW_DAYS = {1, 5, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23};

  @Test
  void scholesWilliamsEqualsThreeSimpleRegressionsAndACorrelation() {
    ScholesWilliamsFit fit =
        ScholesWilliamsModel.of().fitter().fit(inputs(), FROM, TO, EXCLUDED)
                instanceof ScholesWilliamsFit f
            ? f
            : null;
    assertThat(fit).isNotNull();
    assertThat(fit.observations()).isEqualTo(SW_DAYS.length);
    double[] slopes = new double[3];
    for (int j = -1; j <= 1; j++) {
      SimpleRegression r = new SimpleRegression();
      for (int t : SW_DAYS) {
        r.addData(MARKET[t + j], STOCK[t]);
      }
      slopes[j + 1] = r.getSlope();
    }
    double[] now = new double[SW_DAYS.length];
    double[] lag = new double[SW_DAYS.length];
    double ybar = 0;
    double mbar = 0;
    for (int i = 0; i < SW_DAYS.length; i++) {
      now[i] = MARKET[SW_DAYS[i]];
      lag[i] = MARKET[SW_DAYS[i] - 1];
      ybar += STOCK[SW_DAYS[i]] / SW_DAYS.length;
      mbar += now[i] / SW_DAYS.length;
    }
    double rho = new PearsonsCorrelation().correlation(now, lag);
    double beta = (slopes[0] + slopes[1] + slopes[2]) / (1 + 2 * rho);
    double alpha = ybar - beta * mbar;
    assertThat(fit.lagSlope()).isCloseTo(slopes[0], within(1e-12));
    assertThat(fit.slope()).isCloseTo(slopes[1], within(1e-12));
    assertThat(fit.leadSlope()).isCloseTo(slopes[2], within(1e-12));
    assertThat(fit.marketAutocorrelation()).isCloseTo(rho, within(1e-12));
    assertThat(fit.beta()).isCloseTo(beta, within(1e-12));
    assertThat(fit.alpha()).isCloseTo(alpha, within(1e-14));
    assertThat(fit.parameters()).containsExactly(fit.alpha(), fit.beta());

    // s² of the Scholes-Williams residuals over D, divisor M − 2; market-model form of v_t.
    double sse = 0;
    double smm = 0;
    for (int t : SW_DAYS) {
      double e = STOCK[t] - alpha - beta * MARKET[t];
      sse += e * e;
      smm += (MARKET[t] - mbar) * (MARKET[t] - mbar);
    }
    double s2 = sse / (SW_DAYS.length - 2);
    assertThat(fit.residualVariance()).isCloseTo(s2, within(1e-16));
    int t = 25;
    double d = MARKET[t] - mbar;
    assertThat(fit.forecastVariance(t))
        .isCloseTo(s2 * (1 + 1.0 / SW_DAYS.length + d * d / smm), within(1e-16));
    assertThat(fit.abnormal(t)).isCloseTo(STOCK[t] - alpha - beta * MARKET[t], within(1e-15));
    double g = (MARKET[24] - mbar) + (MARKET[25] - mbar) + (MARKET[26] - mbar);
    assertThat(fit.carVariance(24, 26))
        .isCloseTo(s2 * (3 + 9.0 / SW_DAYS.length + g * g / smm), within(1e-16));
    assertThat(fit.isUsable()).isTrue();
  }

  @Test
  void scholesWilliamsWithTooFewDaysIsUnusable() {
    ModelFit fit = ScholesWilliamsModel.of().fitter().fit(inputs(), 0, 3, null);
    // Only session 1 qualifies (0 has no lag, 2 has no lead).
    assertThat(fit.observations()).isEqualTo(1);
    assertThat(fit.isUsable()).isFalse();
    assertThat(fit.failureReason()).contains("M = 1");
  }

  /**
   * D of Dimson with K lags: sessions whose K leads and lags are all present and on the calendar.
   */
  static List<Integer> dimsonDays(int k) {
    List<Integer> days = new ArrayList<>();
    for (int t = FROM; t < TO; t++) {
      boolean ok = !Double.isNaN(STOCK[t]) && !EXCLUDED[t - FROM];
      for (int j = -k; j <= k && ok; j++) {
        ok = t + j >= 0 && t + j < MARKET.length && !Double.isNaN(MARKET[t + j]);
      }
      if (ok) {
        days.add(t);
      }
    }
    return days;
  }

  @ParameterizedTest(name = "K = {0}")
  @ValueSource(ints = {0, 1, 2})
  void dimsonEqualsOlsOnTheLeadLagDesign(int k) {
    List<Integer> days = dimsonDays(k);
    // By hand for K = 1: 0 (lag off), 2, 3, 4 (market 3 missing), 6 (excluded), 9 (stock) out.
    if (k == 1) {
      assertThat(days)
          .containsExactly(1, 5, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23);
    }
    int p = 2 * k + 1;
    double[] yy = new double[days.size()];
    double[][] xx = new double[days.size()][p];
    for (int i = 0; i < days.size(); i++) {
      int t = days.get(i);
      yy[i] = STOCK[t];
      for (int j = -k; j <= k; j++) {
        xx[i][j + k] = MARKET[t + j];
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(yy, xx);
    double[] b = ols.estimateRegressionParameters();
    double s2 = ols.estimateErrorVariance();

    DimsonModel model = DimsonModel.of(k);
    DimsonFit fit = (DimsonFit) model.fitter().fit(inputs(), FROM, TO, EXCLUDED);
    assertThat(fit.isUsable()).isTrue();
    assertThat(fit.observations()).isEqualTo(days.size());
    assertThat(fit.parameterCount()).isEqualTo(2 * k + 2);
    double sum = 0;
    for (int j = -k; j <= k; j++) {
      assertThat(fit.slope(j)).isCloseTo(b[j + k + 1], within(1e-10));
      sum += b[j + k + 1];
    }
    assertThat(fit.parameter(0)).isCloseTo(b[0], within(1e-12));
    assertThat(fit.parameter(1)).isCloseTo(sum, within(1e-10));
    assertThat(fit.residualVariance()).isCloseTo(s2, within(1e-15));

    // (X'X)⁻¹ explicitly; leverage and Var(CAR) as matrix products.
    double[][] design = new double[days.size()][p + 1];
    for (int i = 0; i < days.size(); i++) {
      design[i][0] = 1;
      System.arraycopy(xx[i], 0, design[i], 1, p);
    }
    RealMatrix x = MatrixUtils.createRealMatrix(design);
    RealMatrix inv = new LUDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
    int t = 25;
    RealVector row = MatrixUtils.createRealVector(regressors(t, k));
    double leverage = row.dotProduct(inv.operate(row));
    assertThat(fit.leverage(t)).isCloseTo(leverage, within(1e-9));
    assertThat(fit.forecastVariance(t)).isCloseTo(s2 * (1 + leverage), within(1e-15));
    double expected = row.dotProduct(MatrixUtils.createRealVector(b));
    assertThat(fit.expected(t)).isCloseTo(expected, within(1e-14));
    assertThat(fit.abnormal(t)).isCloseTo(STOCK[t] - expected, within(1e-14));
    // Var(CAR) over 24..25 (26, 27 would need leads beyond the calendar for K = 2).
    RealVector g =
        MatrixUtils.createRealVector(regressors(24, k))
            .add(MatrixUtils.createRealVector(regressors(25, k)));
    assertThat(fit.carVariance(24, 25))
        .isCloseTo(s2 * (2 + g.dotProduct(inv.operate(g))), within(1e-15));
  }

  private static double[] regressors(int t, int k) {
    double[] r = new double[2 * k + 2];
    r[0] = 1;
    for (int j = -k; j <= k; j++) {
      r[j + k + 1] = MARKET[t + j];
    }
    return r;
  }

  @Test
  void dimsonLeadOffTheCalendarIsMissing() {
    DimsonFit fit = (DimsonFit) DimsonModel.of(1).fitter().fit(inputs(), FROM, TO, EXCLUDED);
    // Session 27 is the last: its lead is off the calendar.
    assertThat(fit.expected(27)).isNaN();
    assertThat(fit.abnormal(27)).isNaN();
    assertThat(fit.leverage(27)).isNaN();
    assertThat(fit.carVariance(26, 27)).isNaN();
    assertThat(fit.expected(26)).isFinite();
  }

  @Test
  void dimsonWithKZeroIsTheMarketModel() {
    DimsonFit d = (DimsonFit) DimsonModel.of(0).fitter().fit(inputs(), FROM, TO, null);
    MarketFit m = (MarketFit) MarketModel.of().fitter().fit(inputs(), FROM, TO, null);
    assertThat(d.observations()).isEqualTo(m.observations());
    assertThat(d.parameter(0)).isCloseTo(m.alpha(), within(1e-14));
    assertThat(d.parameter(1)).isCloseTo(m.beta(), within(1e-12));
    assertThat(d.residualVariance()).isCloseTo(m.residualVariance(), within(1e-16));
    assertThat(d.carVariance(24, 27)).isCloseTo(m.carVariance(24, 27), within(1e-15));
  }

  @Test
  void namesIdsAndBounds() {
    assertThat(DimsonModel.of(2).parameterNames())
        .containsExactly("alpha", "beta", "b_lag-2", "b_lag-1", "b_lag0", "b_lag+1", "b_lag+2");
    assertThat(NormalReturnModel.of("dimson")).isSameAs(DimsonModel.of(1));
    assertThat(NormalReturnModel.of("scholes-williams")).isSameAs(ScholesWilliamsModel.of());
    assertThat(NormalReturnModel.of("garch")).isSameAs(GarchModel.of());
    assertThat(NormalReturnModel.ids()).contains("scholes-williams", "dimson", "garch");
    assertThatThrownBy(() -> DimsonModel.of(11))
        .hasMessageContaining("0..10")
        .hasMessageContaining("11");
    assertThatThrownBy(() -> DimsonModel.of(-1)).hasMessageContaining("-1");
    assertThat(GarchModel.of().parameterNames())
        .containsExactly("alpha", "beta", "omega", "arch", "garch", "loglik");
    assertThat(GarchModel.of().parameterCount()).isEqualTo(5);
  }
}
