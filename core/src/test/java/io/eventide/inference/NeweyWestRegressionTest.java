package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * {@link NeweyWestRegression} against independent calculations: Commons Math's {@code
 * OLSMultipleLinearRegression} for the coefficients and R², and the sandwich {@code (X'X)⁻¹ S
 * (X'X)⁻¹} written out naively below with Commons Math matrices (every (t, s) pair with |t − s| ≤
 * L, weight 1 − |t − s| / (L + 1)).
 */
class NeweyWestRegressionTest {

  @Test
  void lagRule() {
    // floor(4 (T/100)^(2/9)): T = 100 -> 4; T = 250 -> floor(4 · 1.2256) = 4; T = 1000 ->
    // floor(4 · 1.6681) = 6; T = 10 -> floor(4 · 0.5995) = 2
    assertThat(NeweyWestRegression.defaultLag(100)).isEqualTo(4);
    assertThat(NeweyWestRegression.defaultLag(250)).isEqualTo(4);
    assertThat(NeweyWestRegression.defaultLag(1000)).isEqualTo(6);
    assertThat(NeweyWestRegression.defaultLag(10)).isEqualTo(2);
  }

  @Test
  void matchesCommonsMathOlsAndANaiveSandwich() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 260;
    double[] y = new double[n];
    double[] m = new double[n];
    double[] s = new double[n];
    double prev = 0;
    for (int t = 0; t < n; t++) {
      m[t] = 0.01 * rnd.nextGaussian();
      s[t] = 0.005 * rnd.nextGaussian();
      double u = 0.6 * prev + 0.004 * rnd.nextGaussian() * (1 + Math.abs(m[t]) * 50);
      prev = u;
      y[t] = 0.0003 + 0.8 * m[t] - 0.3 * s[t] + u;
    }
    NeweyWestRegression.Fit fit = NeweyWestRegression.fit(y, m, s).orElseThrow();
    int lag = NeweyWestRegression.defaultLag(n);
    assertThat(fit.lag()).isEqualTo(lag);

    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    double[][] xNoConst = new double[n][];
    for (int t = 0; t < n; t++) {
      xNoConst[t] = new double[] {m[t], s[t]};
    }
    ols.newSampleData(y, xNoConst);
    double[] b = ols.estimateRegressionParameters();
    double[] e = ols.estimateResiduals();
    assertThat(fit.coefficients()).containsExactly(b, within(1e-12));
    assertThat(fit.r2()).isCloseTo(ols.calculateRSquared(), within(1e-12));

    double[][] x = new double[n][];
    for (int t = 0; t < n; t++) {
      x[t] = new double[] {1, m[t], s[t]};
    }
    RealMatrix xm = new Array2DRowRealMatrix(x);
    RealMatrix bread = new LUDecomposition(xm.transpose().multiply(xm)).getSolver().getInverse();
    double[][] meat = new double[3][3];
    for (int t = 0; t < n; t++) {
      for (int u = 0; u < n; u++) {
        int d = Math.abs(t - u);
        if (d > lag) {
          continue;
        }
        double w = 1.0 - d / (lag + 1.0);
        for (int a = 0; a < 3; a++) {
          for (int c = 0; c < 3; c++) {
            meat[a][c] += w * e[t] * e[u] * x[t][a] * x[u][c];
          }
        }
      }
    }
    RealMatrix v = bread.multiply(new Array2DRowRealMatrix(meat)).multiply(bread);
    double[] se = fit.standardErrors();
    for (int j = 0; j < 3; j++) {
      assertThat(se[j]).isCloseTo(Math.sqrt(v.getEntry(j, j)), within(1e-12 * se[j] + 1e-18));
      double tj = b[j] / Math.sqrt(v.getEntry(j, j));
      assertThat(fit.tStatistics()[j]).isCloseTo(tj, within(1e-8));
      double pj = 2 * new TDistribution(n - 3).cumulativeProbability(-Math.abs(tj));
      assertThat(fit.pValues()[j]).isCloseTo(pj, within(1e-10));
    }
  }

  @Test
  void noRegressionWhenTooShortOrRankDeficient() {
    assertThat(NeweyWestRegression.fit(new double[] {1, 2, 3}, new double[] {1, 2, 4})).isEmpty();
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] twice = {2, 4, 6, 8, 10, 12};
    assertThat(NeweyWestRegression.fit(new double[] {1, 3, 2, 5, 4, 6}, x, twice)).isEmpty();
    double[] constant = {3, 3, 3, 3, 3, 3};
    assertThat(NeweyWestRegression.fit(new double[] {1, 3, 2, 5, 4, 6}, constant)).isEmpty();
  }
}
