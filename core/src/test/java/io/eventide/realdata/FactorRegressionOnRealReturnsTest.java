package io.eventide.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.io.FactorFileReader;
import io.eventide.market.FactorSet;
import io.eventide.market.ListingReturns;
import io.eventide.regression.internal.LinearRegressionKernel;
import io.eventide.regression.internal.RegressorMoments;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * The k-regressor kernel on real data: BABA's daily excess returns (Adj Close, NYSE sessions of the
 * S&P 500) on the Ken French Carhart factors (FF3 daily file 202408 vintage, momentum 202511
 * vintage), every window of 250 sessions starting each month of 2021-2023, against Commons Math
 * {@code OLSMultipleLinearRegression} (Householder QR) on the same rows.
 */
class FactorRegressionOnRealReturnsTest {

  @Test
  void carhartRegressionsOfBabaMatchCommonsMathToTenDigits() {
    ListingReturns baba =
        RealData.panel(RealData.UNIVERSE.subList(0, 1), ReturnType.SIMPLE)
            .returnsOf("BABA")
            .orElseThrow();
    FactorSet factors =
        FactorSet.merge(
            List.of(
                FactorFileReader.read(RealData.file("factors/F-F_Research_Data_Factors_daily.CSV")),
                FactorFileReader.read(RealData.file("factors/F-F_Momentum_Factor_daily.csv"))));
    long[] sessions = baba.calendar().sessionEpochDays();
    List<String> names = List.of("Mkt-RF", "SMB", "HML", "Mom");
    double[][] f = new double[4][];
    for (int j = 0; j < 4; j++) {
      f[j] = factors.alignTo(names.get(j), sessions);
    }
    double[] rf = factors.riskFreeAlignedTo(sessions);
    double[] r = baba.returns();
    double[] excess = new double[r.length];
    for (int t = 0; t < r.length; t++) {
      excess[t] = r[t] - rf[t];
    }
    RegressorMoments moments = RegressorMoments.of(f);
    LinearRegressionKernel.Workspace plain = new LinearRegressionKernel.Workspace(4);
    LinearRegressionKernel.Workspace shared = new LinearRegressionKernel.Workspace(4);
    int windows = 0;
    for (LocalDate start = LocalDate.of(2021, 1, 4);
        start.getYear() < 2024;
        start = start.plusMonths(1)) {
      int from = baba.calendar().firstSessionOnOrAfter(start);
      int to = from + 250;
      // Reference rows: sessions where the return, RF and every factor are present.
      List<double[]> rows = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int t = from; t < to; t++) {
        boolean ok = !Double.isNaN(excess[t]);
        for (double[] c : f) {
          ok &= !Double.isNaN(c[t]);
        }
        if (ok) {
          rows.add(new double[] {f[0][t], f[1][t], f[2][t], f[3][t]});
          ys.add(excess[t]);
        }
      }
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.newSampleData(
          ys.stream().mapToDouble(Double::doubleValue).toArray(), rows.toArray(new double[0][]));
      double[] b = ols.estimateRegressionParameters();
      double s2 = ols.estimateErrorVariance();
      assertThat(LinearRegressionKernel.fit(excess, f, from, to, plain)).isEqualTo(rows.size());
      assertThat(LinearRegressionKernel.fit(excess, f, from, to, moments, shared))
          .isEqualTo(rows.size());
      for (LinearRegressionKernel.Workspace ws : List.of(plain, shared)) {
        for (int j = 0; j <= 4; j++) {
          // 1e-10 relative; the intercept (about 1e-3) is held to 1e-10 of the slopes' scale.
          double tol = 1e-10 * Math.max(Math.abs(b[j]), j == 0 ? 1e-2 : 0);
          assertThat(ws.coefficient(j))
              .as("b%d of window from %s", j, start)
              .isCloseTo(b[j], within(tol));
        }
        assertThat(ws.residualVariance()).isCloseTo(s2, within(1e-10 * s2));
      }
      windows++;
    }
    assertThat(windows).isEqualTo(36);
  }
}
