package io.eventide.regression.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class LinearRegressionKernelTest {

  /**
   * NIST StRD Longley (Longley 1967, J. Amer. Statist. Assoc. 62, 819-841): 16 observations, 6
   * highly collinear predictors. Data and certified values from NIST's Longley.dat (lines 31-76).
   */
  static final double[] LONGLEY_Y = {
    60323, 61122, 60171, 61187, 63221, 63639, 64989, 63761,
    66019, 67857, 68169, 66513, 68655, 69564, 69331, 70551
  };

  static final double[][] LONGLEY_X = {
    {
      83.0, 88.5, 88.2, 89.5, 96.2, 98.1, 99.0, 100.0, 101.2, 104.6, 108.4, 110.8, 112.6, 114.2,
      115.7, 116.9
    },
    {
      234289, 259426, 258054, 284599, 328975, 346999, 365385, 363112, 397469, 419180, 442769,
      444546, 482704, 502601, 518173, 554894
    },
    {
      2356, 2325, 3682, 3351, 2099, 1932, 1870, 3578, 2904, 2822, 2936, 4681, 3813, 3931, 4806, 4007
    },
    {
      1590, 1456, 1616, 1650, 3099, 3594, 3547, 3350, 3048, 2857, 2798, 2637, 2552, 2514, 2572, 2827
    },
    {
      107608, 108632, 109773, 110929, 112075, 113270, 115094, 116219, 117388, 118734, 120445,
      121950, 123366, 125368, 127852, 130081
    },
    {1947, 1948, 1949, 1950, 1951, 1952, 1953, 1954, 1955, 1956, 1957, 1958, 1959, 1960, 1961, 1962}
  };

  static final double[] CERTIFIED_B = {
    -3482258.63459582,
    15.0618722713733,
    -0.358191792925910E-01,
    -2.02022980381683,
    -1.03322686717359,
    -0.511041056535807E-01,
    1829.15146461355
  };
  static final double[] CERTIFIED_SE = {
    890420.383607373,
    84.9149257747669,
    0.334910077722432E-01,
    0.488399681651699,
    0.214274163161675,
    0.226073200069370,
    455.478499142212
  };
  static final double CERTIFIED_RESIDUAL_SD = 304.854073561965;

  @Test
  void longleyMatchesNistCertifiedValues() {
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(6);
    int m = LinearRegressionKernel.fit(LONGLEY_Y, LONGLEY_X, 0, 16, ws);
    assertThat(m).isEqualTo(16);
    assertThat(ws.isRankDeficient()).isFalse();
    // Centred, correlation-scaled normal equations: every certified digit we print agrees to
    // about 1e-11 relative; 1e-9 leaves room across JVMs.
    for (int j = 0; j < 7; j++) {
      assertThat(ws.coefficient(j)).as("b%d", j).isCloseTo(CERTIFIED_B[j], withinPercentage(1e-7));
    }
    assertThat(Math.sqrt(ws.residualVariance()))
        .isCloseTo(CERTIFIED_RESIDUAL_SD, withinPercentage(1e-7));
    // Standard errors: slopes s √(C⁻¹)_jj; intercept s √(1/M + x̄'C⁻¹x̄).
    double s = Math.sqrt(ws.residualVariance());
    double[] mean = new double[6];
    for (int j = 0; j < 6; j++) {
      mean[j] = ws.regressorMean(j);
      double[] unit = new double[6];
      unit[j] = 1;
      double seJ = s * Math.sqrt(ws.quadraticForm(unit));
      assertThat(seJ).as("se b%d", j + 1).isCloseTo(CERTIFIED_SE[j + 1], withinPercentage(1e-6));
    }
    double se0 = s * Math.sqrt(1.0 / 16 + ws.quadraticForm(mean));
    assertThat(se0).isCloseTo(CERTIFIED_SE[0], withinPercentage(1e-6));
  }

  @Test
  void matchesCommonsMathOnReturnLikeDataWithHoles() {
    SplittableRandom rnd = new SplittableRandom(11);
    int n = 300;
    int p = 4;
    double[][] x = new double[p][n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double yy = 0.0004;
      for (int j = 0; j < p; j++) {
        x[j][t] = 0.01 * (rnd.nextDouble() - 0.5) * (j + 1);
        yy += (0.5 + j * 0.3) * x[j][t];
      }
      y[t] = yy + 0.02 * (rnd.nextDouble() - 0.5);
    }
    y[17] = Double.NaN;
    x[2][40] = Double.NaN;
    int from = 10;
    int to = 260;
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(p);
    int m = LinearRegressionKernel.fit(y, x, from, to, ws);

    // Reference: Commons Math QR-based OLS on the same complete rows.
    int rows = 0;
    double[] yy = new double[to - from];
    double[][] xx = new double[to - from][];
    for (int t = from; t < to; t++) {
      if (Double.isNaN(y[t]) || Double.isNaN(x[2][t])) {
        continue;
      }
      yy[rows] = y[t];
      xx[rows] = new double[] {x[0][t], x[1][t], x[2][t], x[3][t]};
      rows++;
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(java.util.Arrays.copyOf(yy, rows), java.util.Arrays.copyOf(xx, rows));
    double[] b = ols.estimateRegressionParameters();
    assertThat(m).isEqualTo(rows).isEqualTo(248);
    for (int j = 0; j <= p; j++) {
      assertThat(ws.coefficient(j)).isCloseTo(b[j], within(1e-10 * Math.max(1, Math.abs(b[j]))));
    }
    assertThat(ws.residualVariance())
        .isCloseTo(ols.estimateErrorVariance(), withinPercentage(1e-8));

    // The same fit with the factors' sums from shared prefix sums (rows where every factor is
    // present; y's hole at 17 is where the factors are present, so that fit falls back).
    LinearRegressionKernel.Workspace shared = new LinearRegressionKernel.Workspace(p);
    RegressorMoments moments = RegressorMoments.of(x);
    assertThat(LinearRegressionKernel.fit(y, x, from, to, moments, shared)).isEqualTo(248);
    y[17] = 0.001;
    LinearRegressionKernel.fit(y, x, from, to, ws);
    LinearRegressionKernel.fit(y, x, from, to, moments, shared);
    for (int j = 0; j <= p; j++) {
      assertThat(shared.coefficient(j))
          .isCloseTo(ws.coefficient(j), within(1e-11 * Math.max(1, Math.abs(ws.coefficient(j)))));
    }
    assertThat(shared.residualVariance()).isCloseTo(ws.residualVariance(), withinPercentage(1e-9));
  }

  @Test
  void fiveCollinearLongleyColumnsOnTheOnePassPathMatchCommonsMath() {
    // Five of Longley's six predictors (year left out) take the one-pass shifted path; Commons
    // Math's Householder QR on the same rows is the reference.
    double[][] x = java.util.Arrays.copyOf(LONGLEY_X, 5);
    double[][] rows = new double[16][5];
    for (int t = 0; t < 16; t++) {
      for (int j = 0; j < 5; j++) {
        rows[t][j] = x[j][t];
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(LONGLEY_Y, rows);
    double[] b = ols.estimateRegressionParameters();
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(5);
    LinearRegressionKernel.fit(LONGLEY_Y, x, 0, 16, ws);
    for (int j = 0; j <= 5; j++) {
      assertThat(ws.coefficient(j)).as("b%d", j).isCloseTo(b[j], withinPercentage(1e-7));
    }
    assertThat(ws.residualVariance())
        .isCloseTo(ols.estimateErrorVariance(), withinPercentage(1e-7));
  }

  @Test
  void farFirstRowTakesTheExactPathAndMatchesBigDecimal() {
    // 20,000 rows; the first row's regressor lies 1,000 standard deviations from the rest, so
    // shifting by it would leave Σd² about 2e4 times the centred sum: the kernel centres exactly
    // instead. Reference: the normal equations of the centred data in 50-digit BigDecimal.
    SplittableRandom rnd = new SplittableRandom(5);
    int n = 20_000;
    double[] y = new double[n];
    double[][] x = new double[2][n];
    for (int t = 0; t < n; t++) {
      x[0][t] = t == 0 ? 10.0 : 0.01 * (rnd.nextDouble() - 0.5);
      x[1][t] = 0.01 * (rnd.nextDouble() - 0.5);
      y[t] = 0.5 * x[0][t] - 0.3 * x[1][t] + 0.001 * (rnd.nextDouble() - 0.5);
    }
    java.math.MathContext mc = new java.math.MathContext(50);
    java.math.BigDecimal[] mean = new java.math.BigDecimal[3];
    double[][] cols = {x[0], x[1], y};
    for (int j = 0; j < 3; j++) {
      java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
      for (int t = 0; t < n; t++) {
        sum = sum.add(new java.math.BigDecimal(cols[j][t]));
      }
      mean[j] = sum.divide(java.math.BigDecimal.valueOf(n), mc);
    }
    java.math.BigDecimal[][] c = new java.math.BigDecimal[3][3];
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 3; k++) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int t = 0; t < n; t++) {
          sum =
              sum.add(
                  new java.math.BigDecimal(cols[j][t])
                      .subtract(mean[j])
                      .multiply(new java.math.BigDecimal(cols[k][t]).subtract(mean[k])));
        }
        c[j][k] = sum;
      }
    }
    // Cramer's rule for [c00 c01; c01 c11] b = [c02; c12].
    java.math.BigDecimal det = c[0][0].multiply(c[1][1]).subtract(c[0][1].multiply(c[0][1]));
    double b1 =
        c[0][2].multiply(c[1][1]).subtract(c[0][1].multiply(c[1][2])).divide(det, mc).doubleValue();
    double b2 =
        c[0][0].multiply(c[1][2]).subtract(c[0][1].multiply(c[0][2])).divide(det, mc).doubleValue();
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(2);
    LinearRegressionKernel.fit(y, x, 0, n, ws);
    assertThat(ws.coefficient(1)).isCloseTo(b1, within(1e-9 * Math.abs(b1)));
    assertThat(ws.coefficient(2)).isCloseTo(b2, within(1e-9 * Math.abs(b2)));
  }

  @Test
  void sharedMomentsDetectCollinearFactorsFarFromZero() {
    // x1 = 3·x0 + 0.02 exactly, with x0's mean 30 to 90 of its standard deviations from zero:
    // centring from prefix sums loses about ε·Σx²/C per entry, which once hid the collinearity
    // (the fit came out full rank with arbitrary loadings). Both paths must call it
    // rank-deficient. (Reproduction from the code review, java.util.Random seed 1.)
    java.util.Random r = new java.util.Random(1);
    for (double ratio : new double[] {0, 30, 60, 90}) {
      for (int trial = 0; trial < 200; trial++) {
        int n = 300;
        double[] x0 = new double[n];
        double[] x1 = new double[n];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
          x0[t] = 0.01 * (ratio + r.nextGaussian());
          x1[t] = 3 * x0[t] + 0.02;
          y[t] = 0.001 + x0[t] + 0.02 * r.nextGaussian();
        }
        double[][] x = {x0, x1};
        LinearRegressionKernel.Workspace plain = new LinearRegressionKernel.Workspace(2);
        LinearRegressionKernel.Workspace shared = new LinearRegressionKernel.Workspace(2);
        LinearRegressionKernel.fit(y, x, 30, 270, plain);
        LinearRegressionKernel.fit(y, x, 30, 270, RegressorMoments.of(x), shared);
        assertThat(plain.isRankDeficient()).as("plain, ratio %s", ratio).isTrue();
        assertThat(shared.isRankDeficient()).as("shared, ratio %s", ratio).isTrue();
      }
    }
  }

  @Test
  void sharedMomentsOnNearlyCollinearFactorsMatchCommonsMath() {
    // 1 − r² of x1 on x0 about 1e-8: the shared-moments path hands such fits to the exact path,
    // which agrees with Commons Math's QR to its own accuracy on this conditioning.
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 250;
    double[] x0 = new double[n];
    double[] x1 = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x0[t] = 0.01 * (rnd.nextDouble() - 0.5);
      x1[t] = 2 * x0[t] + 1e-6 * (rnd.nextDouble() - 0.5);
      y[t] = 0.5 * x0[t] + 0.25 * x1[t] + 0.01 * (rnd.nextDouble() - 0.5);
    }
    double[][] x = {x0, x1};
    double[][] rows = new double[n][];
    for (int t = 0; t < n; t++) {
      rows[t] = new double[] {x0[t], x1[t]};
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, rows);
    double[] b = ols.estimateRegressionParameters();
    LinearRegressionKernel.Workspace plain = new LinearRegressionKernel.Workspace(2);
    LinearRegressionKernel.Workspace shared = new LinearRegressionKernel.Workspace(2);
    LinearRegressionKernel.fit(y, x, 0, n, plain);
    LinearRegressionKernel.fit(y, x, 0, n, RegressorMoments.of(x), shared);
    for (int j = 0; j <= 2; j++) {
      assertThat(shared.coefficient(j)).as("b%d", j).isEqualTo(plain.coefficient(j));
      assertThat(plain.coefficient(j))
          .as("b%d vs OLS", j)
          .isCloseTo(b[j], within(1e-5 * Math.max(1, Math.abs(b[j]))));
    }
  }

  @Test
  void constantRegressorIsRankDeficient() {
    double[] y = {1, 2, 3, 4, 5};
    double[][] x = {{1, 2, 3, 4, 6}, {7, 7, 7, 7, 7}};
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(2);
    LinearRegressionKernel.fit(y, x, 0, 5, ws);
    assertThat(ws.isRankDeficient()).isTrue();
    assertThat(ws.coefficient(0)).isNaN();
  }

  @Test
  void collinearRegressorsAreRankDeficient() {
    double[] y = {1, 2, 3, 4, 5, 3};
    double[][] x = {{1, 2, 3, 4, 6, 2}, {2, 4, 6, 8, 12, 4}};
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(2);
    LinearRegressionKernel.fit(y, x, 0, 6, ws);
    assertThat(ws.isRankDeficient()).isTrue();
  }

  @Test
  void aNearPerfectButRealFitKeepsItsResidualVariance() {
    // y = 0.001 + 0.8 x1 − 0.3 x2 + 1e-9 u: residuals ~3e-10, R² ≈ 1 − 1e-14, so the residual sum
    // of squares is recomputed from residuals; it must agree with Commons Math's QR-based OLS.
    SplittableRandom rnd = new SplittableRandom(22);
    int n = 250;
    double[] y = new double[n];
    double[][] x = new double[2][n];
    double[][] rows = new double[n][2];
    for (int t = 0; t < n; t++) {
      x[0][t] = 0.01 * (rnd.nextDouble() - 0.5);
      x[1][t] = 0.005 * (rnd.nextDouble() - 0.5);
      y[t] = 0.001 + 0.8 * x[0][t] - 0.3 * x[1][t] + 1e-9 * (rnd.nextDouble() - 0.5);
      rows[t][0] = x[0][t];
      rows[t][1] = x[1][t];
    }
    LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(2);
    LinearRegressionKernel.fit(y, x, 0, n, ws);
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, rows);
    double s2 = ols.estimateErrorVariance();
    // Var(1e-9 u) = 1e-18 / 12 ≈ 8.3e-20
    assertThat(s2).isBetween(6e-20, 1.1e-19);
    assertThat(ws.residualVariance()).isCloseTo(s2, within(1e-6 * s2));
  }
}
