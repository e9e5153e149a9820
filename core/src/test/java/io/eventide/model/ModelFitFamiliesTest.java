package io.eventide.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eventide.model.internal.ModelInputs;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The sealed family of fitted models: each family's record on a hand-sized example (the arithmetic
 * is written next to each assertion), a factor model's Var(CAR) against the naive matrix form
 * computed with Commons Math, the lookup of models by command-line id, and the shape of the family.
 *
 * <p>The hand-sized example: estimation sessions 0..3, event sessions 4 and 5, with
 *
 * <pre>
 *   t      0     1     2     3     4     5
 *   R_t    0.01  0.03  0.02  0.04  0.05  -0.01
 *   R_mt   0.01  0.02  0.01  0.03  0.02   0.01
 * </pre>
 */
class ModelFitFamiliesTest {

  private static final double[] R = {0.01, 0.03, 0.02, 0.04, 0.05, -0.01};
  private static final double[] RM = {0.01, 0.02, 0.01, 0.03, 0.02, 0.01};

  private static ModelInputs inputs() {
    return ModelInputs.of(R.clone(), RM.clone());
  }

  @Test
  void marketAdjustedOnTheHandSizedExample() {
    ModelFit fit = MarketAdjustedModel.of().fitter().fit(inputs(), 0, 4, null);
    assertThat(fit).isInstanceOf(MarketAdjustedFit.class);
    // ε̂ = R − R_m = 0, 0.01, 0.01, 0.01; s² = Σε̂² / M = 3e-4 / 4 = 7.5e-5 (divisor M, uncentred).
    assertThat(fit.observations()).isEqualTo(4);
    assertThat(fit.degreesOfFreedom()).isEqualTo(4);
    assertThat(fit.residualVariance()).isCloseTo(7.5e-5, within(1e-18));
    assertThat(fit.sigma()).isCloseTo(Math.sqrt(7.5e-5), within(1e-15));
    assertThat(fit.parameters()).isEmpty();
    assertThatThrownBy(() -> fit.parameter(0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(fit.isUsable()).isTrue();
    assertThat(fit.failureReason()).isEmpty();
    // E[R_4] = R_m4 = 0.02, AR_4 = 0.05 − 0.02 = 0.03; no estimation error: v = s², Var(CAR) = s²
    // L.
    assertThat(fit.expected(4)).isEqualTo(0.02);
    assertThat(fit.abnormal(4)).isCloseTo(0.03, within(1e-17));
    assertThat(fit.leverage(4)).isZero();
    assertThat(fit.forecastVariance(4)).isCloseTo(7.5e-5, within(1e-18));
    assertThat(fit.carVariance(4, 5)).isCloseTo(1.5e-4, within(1e-18));
    assertBulkAbnormalEqualsDaily(fit);
  }

  @Test
  void constantMeanOnTheHandSizedExample() {
    ModelFit fit = ConstantMeanModel.of().fitter().fit(inputs(), 0, 4, null);
    assertThat(fit).isInstanceOf(ConstantMeanFit.class);
    // μ̂ = (0.01 + 0.03 + 0.02 + 0.04) / 4 = 0.025; deviations −0.015, 0.005, −0.005, 0.015;
    // Σ = 5e-4; s² = 5e-4 / (M − 1) = 1.6666...e-4.
    assertThat(fit.parameters()).containsExactly(new double[] {0.025}, within(1e-17));
    assertThat(fit.parameter(0)).isCloseTo(0.025, within(1e-17));
    assertThatThrownBy(() -> fit.parameter(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(fit.degreesOfFreedom()).isEqualTo(3);
    assertThat(fit.residualVariance()).isCloseTo(5e-4 / 3, within(1e-18));
    // E[R_4] = μ̂, AR_4 = 0.025; leverage 1/M = 0.25, v = s² · 1.25;
    // Var(CAR[4, 5]) = s² (L + L²/M) = s² (2 + 1) = 5e-4.
    assertThat(fit.expected(4)).isCloseTo(0.025, within(1e-17));
    assertThat(fit.abnormal(4)).isCloseTo(0.025, within(1e-17));
    assertThat(fit.leverage(4)).isEqualTo(0.25);
    assertThat(fit.forecastVariance(4)).isCloseTo(1.25 * 5e-4 / 3, within(1e-18));
    assertThat(fit.carVariance(4, 5)).isCloseTo(5e-4, within(1e-18));
    assertBulkAbnormalEqualsDaily(fit);
  }

  @Test
  void marketOnTheHandSizedExample() {
    MarketFit fit = (MarketFit) MarketModel.of().fitter().fit(inputs(), 0, 4, null);
    // x̄ = 0.0175, ȳ = 0.025, S_mm = 0.000275, S_my = 0.00035: β̂ = 14/11, α̂ = 0.025 − β̂ x̄ =
    // 0.03/11; s² = Σε̂² / (M − 2) = 0.0003/11 (ModelApiTest shows the residuals).
    assertThat(fit.alpha()).isCloseTo(0.03 / 11, within(1e-15));
    assertThat(fit.beta()).isCloseTo(14.0 / 11, within(1e-13));
    assertThat(fit.parameter(1)).isEqualTo(fit.beta());
    assertThatThrownBy(() -> fit.parameter(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(fit.marketMean()).isCloseTo(0.0175, within(1e-17));
    assertThat(fit.marketSumSquares()).isCloseTo(0.000275, within(1e-18));
    assertThat(fit.residualVariance()).isCloseTo(0.0003 / 11, within(1e-17));
    // E[R_4] = 0.03/11 + 14/11 · 0.02 = 0.31/11; AR_4 = 0.05 − 0.31/11 = 0.24/11.
    assertThat(fit.expected(4)).isCloseTo(0.31 / 11, within(1e-15));
    assertThat(fit.abnormal(4)).isCloseTo(0.24 / 11, within(1e-15));
    // Leverage of 4: 1/4 + (0.02 − 0.0175)² / 0.000275 = 0.25 + 1/44.
    assertThat(fit.leverage(4)).isCloseTo(0.25 + 1.0 / 44, within(1e-12));
    // g = (0.02 − 0.0175) + (0.01 − 0.0175) = −0.005, g² / S_mm = 2.5e-5 / 0.000275 = 1/11;
    // Var(CAR[4, 5]) = s² (2 + 4/4 + 1/11) = (0.0003/11) · 34/11.
    assertThat(fit.carVariance(4, 5)).isCloseTo(0.0003 / 11 * 34 / 11, within(1e-15));
    assertBulkAbnormalEqualsDaily(fit);
  }

  @Test
  void oneFactorOnTheHandSizedExample() {
    // One factor F = R_m and a constant RF of 0.001: the excess return R − RF has the same slope on
    // F as R on R_m, and the intercept falls by RF, so E[R_t] = RF + α̂ + b̂ F_t is the market
    // model's: α̂ = 0.03/11 − 0.001, b̂ = 14/11, s² = 0.0003/11. With one factor R⁻¹ = 1 and
    // d = √S_mm, so Var(CAR) = s² (L + L²/M + g² / S_mm) as for the market model.
    double[] rf = {0.001, 0.001, 0.001, 0.001, 0.001, 0.001};
    FactorModel model = FactorModel.of(List.of("F"));
    FactorFit fit =
        (FactorFit)
            model
                .fitter()
                .fit(ModelInputs.of(R.clone(), null, new double[][] {RM.clone()}, rf), 0, 4, null);
    assertThat(fit.model()).isSameAs(model);
    assertThat(fit.parameterNames()).containsExactly("alpha", "b_F");
    assertThat(fit.parameters())
        .containsExactly(new double[] {0.03 / 11 - 0.001, 14.0 / 11}, within(1e-13));
    assertThat(fit.factorMeans()).containsExactly(new double[] {0.0175}, within(1e-17));
    assertThat(fit.factorScales())
        .containsExactly(new double[] {Math.sqrt(0.000275)}, within(1e-17));
    assertThat(fit.inverseCorrelation()).containsExactly(new double[] {1.0}, within(1e-15));
    assertThat(fit.residualVariance()).isCloseTo(0.0003 / 11, within(1e-17));
    assertThat(fit.expected(4)).isCloseTo(0.31 / 11, within(1e-15));
    assertThat(fit.abnormal(4)).isCloseTo(0.24 / 11, within(1e-15));
    assertThat(fit.leverage(4)).isCloseTo(0.25 + 1.0 / 44, within(1e-12));
    assertThat(fit.carVariance(4, 5)).isCloseTo(0.0003 / 11 * 34 / 11, within(1e-15));
    assertThat(fit.isUsable()).isTrue();
    assertBulkAbnormalEqualsDaily(fit);
    // Copies in and out; equality by value over the same inputs.
    fit.coefficients()[0] = 9;
    assertThat(fit.parameter(0)).isCloseTo(0.03 / 11 - 0.001, within(1e-15));
    FactorFit same =
        new FactorFit(
            model,
            fit.inputs(),
            fit.observations(),
            fit.coefficients(),
            fit.residualVariance(),
            fit.factorMeans(),
            fit.factorScales(),
            fit.inverseCorrelation(),
            null);
    assertThat(same).isEqualTo(fit).hasSameHashCodeAs(fit).hasToString(fit.toString());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new FactorFit(
                    model,
                    fit.inputs(),
                    4,
                    new double[1],
                    1,
                    new double[1],
                    new double[1],
                    new double[1],
                    ""))
        .withMessage("A fit of factors[F] needs 2 coefficients and 1 factor moments");
  }

  @Test
  void collinearFactorsGiveAnUnusableFitWithItsReason() {
    double[] f = {0.01, 0.02, 0.01, 0.03, 0.02, 0.01};
    double[] twice = {0.02, 0.04, 0.02, 0.06, 0.04, 0.02};
    ModelFit fit =
        FactorModel.of(List.of("A", "B"))
            .fitter()
            .fit(
                ModelInputs.of(R.clone(), null, new double[][] {f, twice}, new double[6]),
                0,
                6,
                null);
    assertThat(fit.isUsable()).isFalse();
    assertThat(fit.failureReason())
        .isEqualTo(
            "the factors are collinear or constant over the estimation window"
                + " (rank-deficient design)");
  }

  /**
   * Var(CAR) of a three-factor fit against the naive matrix form {@code σ² (L_w + ι'X_w (X'X)⁻¹
   * X_w'ι)}: X the estimation design with a column of ones (M × 4), X_w the window's rows, (X'X)⁻¹
   * by Commons Math's LU decomposition, σ² from Commons Math's OLS. Data: seeded Gaussian factors
   * with means of about 0.0005 to 0.0015 and spread 0.01.
   */
  @Test
  void factorCarVarianceIsTheMatrixForm() {
    SplittableRandom rnd = new SplittableRandom(8);
    int n = 140;
    int m = 120;
    double[][] f = new double[3][n];
    double[] rf = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < 3; j++) {
        f[j][t] = 0.0005 * (j + 1) + 0.01 * gaussian(rnd);
      }
      rf[t] = 0.0001;
      y[t] = rf[t] + 0.0003 + 0.9 * f[0][t] + 0.4 * f[1][t] - 0.3 * f[2][t] + 0.015 * gaussian(rnd);
    }
    ModelFit fit =
        FactorModel.of(List.of("A", "B", "C"))
            .fitter()
            .fit(ModelInputs.of(y, null, f, rf), 0, m, null);

    double[][] x = new double[m][];
    double[][] regressors = new double[m][];
    double[] excess = new double[m];
    for (int t = 0; t < m; t++) {
      x[t] = new double[] {1, f[0][t], f[1][t], f[2][t]};
      regressors[t] = new double[] {f[0][t], f[1][t], f[2][t]};
      excess[t] = y[t] - rf[t];
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(excess, regressors);
    double sigma2 = ols.estimateErrorVariance();
    RealMatrix design = MatrixUtils.createRealMatrix(x);
    RealMatrix inverse =
        new LUDecomposition(design.transpose().multiply(design)).getSolver().getInverse();
    assertThat(fit.residualVariance()).isCloseTo(sigma2, within(1e-11 * sigma2));
    int windows = 0;
    for (int a = m; a < n; a++) {
      for (int b = a; b < Math.min(n, a + 11); b++) {
        int len = b - a + 1;
        double[][] rows = new double[len][];
        for (int t = a; t <= b; t++) {
          rows[t - a] = new double[] {1, f[0][t], f[1][t], f[2][t]};
        }
        RealMatrix xw = MatrixUtils.createRealMatrix(rows);
        RealMatrix iota = MatrixUtils.createColumnRealMatrix(filled(len));
        double q =
            iota.transpose()
                .multiply(xw)
                .multiply(inverse)
                .multiply(xw.transpose())
                .multiply(iota)
                .getEntry(0, 0);
        double naive = sigma2 * (len + q);
        assertThat(fit.carVariance(a, b))
            .as("Var(CAR) on [%d, %d]", a, b)
            .isCloseTo(naive, within(1e-11 * naive));
        windows++;
      }
    }
    assertThat(windows).isEqualTo(165);
  }

  @Test
  void modelsByCommandLineId() {
    assertThat(NormalReturnModel.ids())
        .containsExactly(
            "market",
            "constant-mean",
            "market-adjusted",
            "ff3",
            "carhart4",
            "ff5",
            "scholes-williams",
            "dimson",
            "garch");
    for (String id : NormalReturnModel.ids()) {
      assertThat(NormalReturnModel.of(id).id()).isEqualTo(id);
    }
    assertThat(NormalReturnModel.of(" market ")).isSameAs(MarketModel.of());
    assertThat(NormalReturnModel.of("constant-mean")).isSameAs(ConstantMeanModel.of());
    assertThat(NormalReturnModel.of("market-adjusted")).isSameAs(MarketAdjustedModel.of());
    assertThat(NormalReturnModel.of("ff3").factorNames()).containsExactly("Mkt-RF", "SMB", "HML");
    assertThat(NormalReturnModel.of("carhart4").factorNames())
        .containsExactly("Mkt-RF", "SMB", "HML", "Mom");
    assertThat(NormalReturnModel.of("ff5").factorNames())
        .containsExactly("Mkt-RF", "SMB", "HML", "RMW", "CMA");
  }

  @Test
  void anUnknownIdIsRejectedWithTheKnownOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NormalReturnModel.of("capm"))
        .withMessage(
            "Unknown model id 'capm'; known ids: market, constant-mean, market-adjusted, ff3,"
                + " carhart4, ff5, scholes-williams, dimson, garch");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NormalReturnModel.of("Market"))
        .withMessageStartingWith("Unknown model id 'Market'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NormalReturnModel.of(null))
        .withMessageStartingWith("Unknown model id 'null'");
  }

  /**
   * The family is closed: exactly seven records, one per model family, and each model's fitter
   * returns its own. (A switch expression over the family without a default, the compiler's own
   * exhaustiveness check, needs pattern matching for switch: Java 21, a preview in the Java 17 this
   * build targets.)
   */
  @Test
  void theFamilyIsSealedWithOneRecordPerModelFamily() {
    assertThat(ModelFit.class.isSealed()).isTrue();
    assertThat(ModelFit.class.getPermittedSubclasses())
        .containsExactly(
            MarketAdjustedFit.class,
            ConstantMeanFit.class,
            MarketFit.class,
            FactorFit.class,
            ScholesWilliamsFit.class,
            DimsonFit.class,
            GarchFit.class)
        .allMatch(Class::isRecord);
    assertThat(NormalReturnModel.class.getPermittedSubclasses())
        .containsExactly(
            MarketAdjustedModel.class,
            ConstantMeanModel.class,
            MarketModel.class,
            FactorModel.class,
            ScholesWilliamsModel.class,
            DimsonModel.class,
            GarchModel.class);
    ModelInputs in =
        ModelInputs.of(R.clone(), RM.clone(), new double[][] {RM.clone()}, new double[6]);
    assertThat(MarketAdjustedModel.of().fitter().fit(in, 0, 4, null))
        .isInstanceOf(MarketAdjustedFit.class);
    assertThat(ConstantMeanModel.of().fitter().fit(in, 0, 4, null))
        .isInstanceOf(ConstantMeanFit.class);
    assertThat(MarketModel.of().fitter().fit(in, 0, 4, null)).isInstanceOf(MarketFit.class);
    assertThat(FactorModel.of(List.of("F")).fitter().fit(in, 0, 4, null))
        .isInstanceOf(FactorFit.class);
    assertThat(ScholesWilliamsModel.of().fitter().fit(in, 0, 4, null))
        .isInstanceOf(ScholesWilliamsFit.class);
    assertThat(DimsonModel.of(1).fitter().fit(in, 0, 4, null)).isInstanceOf(DimsonFit.class);
    assertThat(GarchModel.of().fitter().fit(in, 0, 4, null)).isInstanceOf(GarchFit.class);
  }

  private static void assertBulkAbnormalEqualsDaily(ModelFit fit) {
    double[] out = new double[8];
    fit.abnormal(0, 6, out, 2);
    for (int t = 0; t < 6; t++) {
      assertThat(out[t + 2]).isEqualTo(fit.abnormal(t));
    }
  }

  private static double[] filled(int len) {
    double[] ones = new double[len];
    java.util.Arrays.fill(ones, 1.0);
    return ones;
  }

  private static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
