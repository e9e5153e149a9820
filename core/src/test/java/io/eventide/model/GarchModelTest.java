package io.eventide.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.model.internal.ModelInputs;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The GARCH(1,1) market model ({@code docs/statistics.md} section 3c) on series simulated here from
 * known parameters. The likelihood is recomputed by a second, naive implementation written in this
 * test (the conditional variances stored in an array, then summed), and the reported maximum is
 * checked to be one: no point of a grid of 3⁵ perturbations around it, at two step sizes, has a
 * higher likelihood.
 */
class GarchModelTest {

  static final int M = 500;
  static final int EVENT_DAYS = 6;

  /** Simulated {@code R_t = α + β R_mt + ε_t}, GARCH(1,1) errors; market N(0, 0.01²). */
  static double[][] simulate(
      long seed, double alpha, double beta, double omega, double a, double b, int n) {
    Random rnd = new Random(seed);
    double[] y = new double[n];
    double[] x = new double[n];
    double h = omega / (1 - a - b);
    double prev = 0;
    for (int t = 0; t < n; t++) {
      if (t > 0) {
        h = omega + a * prev + b * h;
      }
      double e = Math.sqrt(h) * rnd.nextGaussian();
      x[t] = 0.01 * rnd.nextGaussian();
      y[t] = alpha + beta * x[t] + e;
      prev = e * e;
    }
    return new double[][] {y, x};
  }

  /** ln L of docs/statistics.md 3c, the naive way: residuals, then h stored, then the sum. */
  static double naiveLogLikelihood(double[] y, double[] x, int m, double[] p) {
    double[] e = new double[m];
    double[] h = new double[m];
    for (int t = 0; t < m; t++) {
      e[t] = y[t] - p[0] - p[1] * x[t];
    }
    double h1 = 0;
    for (double v : e) {
      h1 += v * v;
    }
    h[0] = h1 / m;
    for (int t = 1; t < m; t++) {
      h[t] = p[2] + p[3] * e[t - 1] * e[t - 1] + p[4] * h[t - 1];
    }
    double ll = 0;
    for (int t = 0; t < m; t++) {
      ll += -0.5 * Math.log(2 * Math.PI) - 0.5 * Math.log(h[t]) - 0.5 * e[t] * e[t] / h[t];
    }
    return ll;
  }

  @Test
  void theReportedMaximumIsAMaximum() {
    double[][] data = simulate(11, 0.0002, 1.1, 4e-6, 0.08, 0.88, M + EVENT_DAYS);
    double[] y = data[0];
    double[] x = data[1];
    GarchFit fit = (GarchFit) GarchModel.of().fitter().fit(ModelInputs.of(y, x), 0, M, null);
    assertThat(fit.isUsable()).as(fit.failureReason()).isTrue();
    assertThat(fit.converged()).isTrue();
    assertThat(fit.observations()).isEqualTo(M);
    double[] p = {fit.alpha(), fit.beta(), fit.omega(), fit.arch(), fit.garch()};
    double ll = naiveLogLikelihood(y, x, M, p);
    assertThat(fit.logLikelihood()).isCloseTo(ll, within(1e-9));
    assertThat(fit.parameter(5)).isEqualTo(fit.logLikelihood());

    // Recovered near the simulation's parameters (500 days: loose bounds).
    assertThat(fit.beta()).isCloseTo(1.1, within(0.15));
    assertThat(fit.persistence()).isBetween(0.75, 0.9999);
    assertThat(fit.arch()).isBetween(0.01, 0.3);

    double[] scale = {1e-3, 1.0, fit.omega(), Math.max(fit.arch(), 0.01), fit.garch()};
    for (double step : new double[] {1e-2, 1e-4}) {
      double best = Double.NEGATIVE_INFINITY;
      int[] d = new int[5];
      for (int code = 0; code < 243; code++) {
        int c = code;
        for (int j = 0; j < 5; j++) {
          d[j] = c % 3 - 1;
          c /= 3;
        }
        double[] q = p.clone();
        for (int j = 0; j < 5; j++) {
          q[j] += d[j] * step * scale[j];
        }
        if (q[2] <= 0 || q[3] < 0 || q[4] < 0 || q[3] + q[4] >= 1) {
          continue;
        }
        best = Math.max(best, naiveLogLikelihood(y, x, M, q));
      }
      // The centre is one of the grid points; none may beat it beyond rounding.
      assertThat(best).isLessThanOrEqualTo(fit.logLikelihood() + 1e-7);
    }
  }

  @Test
  void eventWindowVariancesAreTheForecastFromTheLastEstimationDay() {
    double[][] data = simulate(5, 0.0, 0.9, 1e-5, 0.12, 0.8, M + EVENT_DAYS);
    double[] y = data[0];
    double[] x = data[1];
    y[M - 1] = Double.NaN; // the last estimation day T is then M − 2
    GarchFit fit = (GarchFit) GarchModel.of().fitter().fit(ModelInputs.of(y, x), 0, M, null);
    assertThat(fit.isUsable()).as(fit.failureReason()).isTrue();
    int last = M - 2;
    assertThat(fit.lastDay()).isEqualTo(last);
    // The recursion over the M − 1 valid days, by hand.
    double[] e = new double[M - 1];
    double h = 0;
    for (int t = 0; t < M - 1; t++) {
      e[t] = y[t] - fit.alpha() - fit.beta() * x[t];
      h += e[t] * e[t] / (M - 1);
    }
    for (int t = 1; t < M - 1; t++) {
      h = fit.omega() + fit.arch() * e[t - 1] * e[t - 1] + fit.garch() * h;
    }
    double next = fit.omega() + fit.arch() * e[M - 2] * e[M - 2] + fit.garch() * h;
    double ab = fit.arch() + fit.garch();
    double sigma2 = fit.omega() / (1 - ab);
    assertThat(fit.residualVariance()).isCloseTo(sigma2, within(1e-18));
    assertThat(fit.forecastVariance(last + 1)).isCloseTo(next, within(1e-15));
    // Session M: two sessions after T (the missing day M − 1 counts as a session).
    double h2 = sigma2 + ab * (next - sigma2);
    assertThat(fit.forecastVariance(M)).isCloseTo(h2, within(1e-15));
    double h3 = sigma2 + ab * ab * (next - sigma2);
    assertThat(fit.carVariance(M, M + 1)).isCloseTo(h2 + h3, within(1e-15));
    assertThat(fit.forecastVariance(last)).isNaN();
    assertThat(fit.leverage(M)).isZero();
    assertThat(fit.abnormal(M)).isCloseTo(y[M] - fit.alpha() - fit.beta() * x[M], within(1e-16));
  }

  @Test
  void aVarianceThatShiftsForGoodHasNoInteriorMaximum() {
    // Calm for 125 days, then six times as volatile: the likelihood keeps rising towards
    // a + b = 1 (an integrated GARCH), the textbook case of a spurious unit root in variance
    // caused by a structural break (Lamoureux and Lastrapes 1990).
    Random rnd = new Random(3);
    int n = 250;
    double[] y = new double[n];
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = 0.01 * rnd.nextGaussian();
      y[t] = x[t] + (t < n / 2 ? 0.004 : 0.024) * rnd.nextGaussian();
    }
    GarchFit fit = (GarchFit) GarchModel.of().fitter().fit(ModelInputs.of(y, x), 0, n, null);
    assertThat(fit.converged()).as(fit.toString()).isFalse();
    assertThat(fit.isUsable()).isFalse();
    assertThat(fit.failureReason()).contains("no interior maximum");
  }

  @Test
  void tooFewDaysIsInsufficientNotNoConvergence() {
    double[][] data = simulate(2, 0, 1, 1e-5, 0.1, 0.8, 20);
    GarchFit fit =
        (GarchFit) GarchModel.of().fitter().fit(ModelInputs.of(data[0], data[1]), 0, 5, null);
    assertThat(fit.isUsable()).isFalse();
    assertThat(fit.converged()).isTrue();
    assertThat(fit.failureReason()).contains("M = 5");
  }

  @Test
  void deterministic() {
    double[][] data = simulate(7, 0.0001, 0.8, 3e-6, 0.06, 0.9, 250);
    ModelInputs in = ModelInputs.of(data[0], data[1]);
    GarchFit a = (GarchFit) GarchModel.of().fitter().fit(in, 0, 250, null);
    GarchFit b = (GarchFit) GarchModel.of().fitter().fit(in, 0, 250, null);
    assertThat(a.isUsable()).as(a.failureReason()).isTrue();
    assertThat(a).isEqualTo(b);
  }
}
