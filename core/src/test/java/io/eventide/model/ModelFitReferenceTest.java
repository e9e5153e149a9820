package io.eventide.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.model.internal.ModelInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model's fit against the matrix form of {@code docs/statistics.md} section 2, computed here
 * from scratch: rows kept when the return and every regressor are present and the session is not
 * excluded; parameters from Commons Math ({@link SimpleRegression}, {@link
 * OLSMultipleLinearRegression}) or a plain mean; {@code s² = Σε̂² / (M − k)} (market-adjusted:
 * {@code / M}, uncentred) from explicit residuals; {@code (X'X)⁻¹} inverted explicitly with {@link
 * LUDecomposition}; {@code x'(X'X)⁻¹x} and {@code s² (L + g'(X'X)⁻¹g)} evaluated as matrix
 * products. The engine uses closed forms (centred sums, a correlation-scaled Cholesky inverse):
 * agreement is the evidence that the closed forms are the matrix forms.
 *
 * <p>Data: seeded random returns with NaNs in every column, a random exclusion mask, and (seed 3)
 * regressors with a large mean relative to their spread, which makes {@code X'X} ill-conditioned.
 * Tolerance 1e-9 relative.
 */
class ModelFitReferenceTest {

  private static final int N = 360;
  private static final int FROM = 40;
  private static final int TO = 290;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (long seed = 1; seed <= 4; seed++) {
      for (String model : List.of("market", "constant-mean", "market-adjusted", "factors")) {
        for (boolean exclude : new boolean[] {false, true}) {
          out.add(Arguments.of(model, seed, exclude));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} seed {1} excluded {2}")
  @MethodSource("cases")
  void closedFormsEqualTheMatrixForms(String modelId, long seed, boolean exclude) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double offset = seed == 3 ? 0.08 : 0.0;
    double spread = seed == 3 ? 0.002 : 0.01;
    double[] market = new double[N];
    double[][] f = new double[3][N];
    double[] rf = new double[N];
    double[] y = new double[N];
    for (int t = 0; t < N; t++) {
      market[t] = offset + spread * gaussian(rnd);
      for (int j = 0; j < 3; j++) {
        f[j][t] = offset * (j + 1) + spread * gaussian(rnd);
      }
      rf[t] = 0.0001 + 0.00001 * rnd.nextDouble();
      y[t] =
          rf[t] + 0.0002 + 1.1 * market[t] + 0.3 * f[1][t] - 0.2 * f[2][t] + 0.02 * gaussian(rnd);
    }
    for (int q = 0; q < 12; q++) {
      y[rnd.nextInt(N)] = Double.NaN;
      market[rnd.nextInt(N)] = Double.NaN;
      f[rnd.nextInt(3)][rnd.nextInt(N)] = Double.NaN;
      rf[rnd.nextInt(N)] = Double.NaN;
    }
    boolean[] excluded = null;
    if (exclude) {
      excluded = new boolean[TO - FROM];
      for (int q = 0; q < 30; q++) {
        excluded[rnd.nextInt(TO - FROM)] = true;
      }
    }

    NormalReturnModel model;
    ModelInputs inputs;
    int k;
    switch (modelId) {
      case "market":
        model = MarketModel.of();
        inputs = ModelInputs.of(y, market);
        k = 2;
        break;
      case "constant-mean":
        model = ConstantMeanModel.of();
        inputs = ModelInputs.of(y, market);
        k = 1;
        break;
      case "market-adjusted":
        model = MarketAdjustedModel.of();
        inputs = ModelInputs.of(y, market);
        k = 0;
        break;
      default:
        model = FactorModel.of(List.of("A", "B", "C"));
        inputs = ModelInputs.of(y, market, f, rf);
        k = 4;
        break;
    }
    ModelFit fit = model.fitter().fit(inputs, FROM, TO, excluded);

    // The reference.
    List<Integer> rows = new ArrayList<>();
    for (int t = FROM; t < TO; t++) {
      if (!Double.isNaN(y[t])
          && row(modelId, t, market, f, rf) != null
          && (excluded == null || !excluded[t - FROM])) {
        rows.add(t);
      }
    }
    int m = rows.size();
    double[] params = new double[k];
    if (modelId.equals("market")) {
      SimpleRegression reg = new SimpleRegression();
      for (int t : rows) {
        reg.addData(market[t], y[t]);
      }
      params = new double[] {reg.getIntercept(), reg.getSlope()};
    } else if (modelId.equals("constant-mean")) {
      double s = 0;
      for (int t : rows) {
        s += y[t];
      }
      params = new double[] {s / m};
    } else if (modelId.equals("factors")) {
      double[] yy = new double[m];
      double[][] xx = new double[m][3];
      for (int i = 0; i < m; i++) {
        int t = rows.get(i);
        yy[i] = y[t] - rf[t];
        for (int j = 0; j < 3; j++) {
          xx[i][j] = f[j][t];
        }
      }
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.newSampleData(yy, xx);
      params = ols.estimateRegressionParameters();
    }
    double ss = 0;
    double[][] xtx = new double[k][k];
    for (int t : rows) {
      double e = y[t] - expected(modelId, t, params, market, f, rf);
      ss += e * e;
      double[] x = row(modelId, t, market, f, rf);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          xtx[a][b] += x[a] * x[b];
        }
      }
    }
    double s2 = ss / (k == 0 ? m : m - k);
    double[][] inv =
        k == 0
            ? new double[0][0]
            : new LUDecomposition(MatrixUtils.createRealMatrix(xtx))
                .getSolver()
                .getInverse()
                .getData();

    assertThat(fit.observations()).isEqualTo(m);
    assertThat(fit.isUsable()).isTrue();
    for (int j = 0; j < k; j++) {
      assertClose("parameter " + j, params[j], fit.parameter(j));
    }
    assertClose("s²", s2, fit.residualVariance());
    int checked = 0;
    for (int t = TO; t < N; t++) {
      double[] x = row(modelId, t, market, f, rf);
      if (x == null) {
        assertThat(fit.expected(t)).as("E[R] at %d with a missing regressor", t).isNaN();
        continue;
      }
      assertClose("E[R] at " + t, expected(modelId, t, params, market, f, rf), fit.expected(t));
      double lev = quadratic(x, inv);
      assertClose("leverage at " + t, lev, fit.leverage(t));
      assertClose("v at " + t, s2 * (1 + lev), fit.forecastVariance(t));
      checked++;
    }
    assertThat(checked).isGreaterThan(40);
    // Var(CAR) on every window [a, b] of length 1..12 after the estimation range whose
    // regressors are all present.
    int windows = 0;
    for (int a = TO; a < N; a++) {
      for (int b = a; b < Math.min(N, a + 12); b++) {
        double[] g = new double[k];
        boolean ok = true;
        for (int t = a; t <= b && ok; t++) {
          double[] x = row(modelId, t, market, f, rf);
          if (x == null) {
            ok = false;
          } else {
            for (int j = 0; j < k; j++) {
              g[j] += x[j];
            }
          }
        }
        if (!ok) {
          continue;
        }
        double expectedVar = s2 * ((b - a + 1) + quadratic(g, inv));
        assertClose("Var(CAR) on [" + a + ", " + b + "]", expectedVar, fit.carVariance(a, b));
        windows++;
      }
    }
    assertThat(windows).isGreaterThan(100);
  }

  private static double[] row(String model, int t, double[] market, double[][] f, double[] rf) {
    switch (model) {
      case "market":
        return Double.isNaN(market[t]) ? null : new double[] {1, market[t]};
      case "constant-mean":
        return new double[] {1};
      case "market-adjusted":
        return Double.isNaN(market[t]) ? null : new double[0];
      default:
        if (Double.isNaN(rf[t])
            || Double.isNaN(f[0][t])
            || Double.isNaN(f[1][t])
            || Double.isNaN(f[2][t])) {
          return null;
        }
        return new double[] {1, f[0][t], f[1][t], f[2][t]};
    }
  }

  private static double expected(
      String model, int t, double[] params, double[] market, double[][] f, double[] rf) {
    double[] x = row(model, t, market, f, rf);
    if (model.equals("market-adjusted")) {
      return market[t];
    }
    double e = model.equals("factors") ? rf[t] : 0;
    for (int j = 0; j < params.length; j++) {
      e += params[j] * x[j];
    }
    return e;
  }

  private static double quadratic(double[] g, double[][] inv) {
    double q = 0;
    for (int a = 0; a < g.length; a++) {
      for (int b = 0; b < g.length; b++) {
        q += g[a] * inv[a][b] * g[b];
      }
    }
    return q;
  }

  private static void assertClose(String what, double expected, double actual) {
    double tol = Math.max(1e-12, 1e-9 * Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: reference %s, engine %s", what, expected, actual)
        .isLessThanOrEqualTo(tol);
  }

  private static double gaussian(SplittableRandom rnd) {
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
