package io.eventide.regression.internal;

/**
 * The Gaussian log-likelihood of a regression with GARCH(1,1) errors (Bollerslev 1986, J.
 * Econometrics 31: 307–327) over M consecutive observations {@code y[0..M)}, {@code x[0..M)}:
 *
 * <pre>
 *   ε_t = y_t − α − β x_t
 *   h_1 = (1/M) Σ_{t=1..M} ε_t²,   h_t = ω + a ε_{t−1}² + b h_{t−1}   (t ≥ 2)
 *   ln L = −½ Σ_{t=1..M} [ln(2π) + ln h_t + ε_t² / h_t]
 * </pre>
 *
 * <p>({@code docs/statistics.md} section 3c.) Two passes, no allocation: the residuals are formed
 * twice rather than stored. A non-positive or non-finite {@code h_t} makes the likelihood {@code
 * NaN}.
 */
public final class GarchKernel {

  private static final double LN_2PI = Math.log(2 * Math.PI);

  private GarchKernel() {}

  /**
   * @param y the dependent variable, M values
   * @param x the regressor, M values
   * @param m M
   * @param alpha α
   * @param beta β
   * @param omega ω
   * @param arch a
   * @param garch b
   * @return ln L, {@code NaN} if some {@code h_t} is not positive and finite, or M = 0
   */
  public static double logLikelihood(
      double[] y,
      double[] x,
      int m,
      double alpha,
      double beta,
      double omega,
      double arch,
      double garch) {
    if (m == 0) {
      return Double.NaN;
    }
    double sse = 0;
    for (int t = 0; t < m; t++) {
      double e = y[t] - alpha - beta * x[t];
      sse += e * e;
    }
    double h = sse / m;
    double sum = 0;
    double prev = 0;
    for (int t = 0; t < m; t++) {
      double e = y[t] - alpha - beta * x[t];
      if (t > 0) {
        h = omega + arch * prev + garch * h;
      }
      if (!(h > 0 && h < Double.POSITIVE_INFINITY)) {
        return Double.NaN;
      }
      double e2 = e * e;
      sum += Math.log(h) + e2 / h;
      prev = e2;
    }
    return -0.5 * (m * LN_2PI + sum);
  }

  /**
   * The last conditional variance {@code h_M} and the last residual {@code ε_M}: the state a
   * forecast starts from.
   *
   * @param y the dependent variable
   * @param x the regressor
   * @param m M ≥ 1
   * @param alpha α
   * @param beta β
   * @param omega ω
   * @param arch a
   * @param garch b
   * @param out receives {@code h_M} at 0 and {@code ε_M} at 1
   */
  public static void lastState(
      double[] y,
      double[] x,
      int m,
      double alpha,
      double beta,
      double omega,
      double arch,
      double garch,
      double[] out) {
    double sse = 0;
    for (int t = 0; t < m; t++) {
      double e = y[t] - alpha - beta * x[t];
      sse += e * e;
    }
    double h = sse / m;
    double prev = 0;
    double e = 0;
    for (int t = 0; t < m; t++) {
      e = y[t] - alpha - beta * x[t];
      if (t > 0) {
        h = omega + arch * prev + garch * h;
      }
      prev = e * e;
    }
    out[0] = h;
    out[1] = e;
  }
}
