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
   * ln L and its gradient in {@code (α, β, ω, a, b)}, by the derivatives of the recursion
   * (Fiorentini, Calzolari and Panattoni 1996, J. Applied Econometrics 11: 399–417), including
   * those of {@code h_1 = (1/M) Σ ε_t²} in α and β:
   *
   * <pre>
   *   ∂h_1/∂α = −(2/M) Σ ε_t,   ∂h_1/∂β = −(2/M) Σ ε_t x_t,   ∂h_1/∂(ω, a, b) = 0
   *   ∂h_t/∂α = −2a ε_{t−1} + b ∂h_{t−1}/∂α,   ∂h_t/∂β = −2a ε_{t−1} x_{t−1} + b ∂h_{t−1}/∂β
   *   ∂h_t/∂ω = 1 + b ∂h_{t−1}/∂ω,  ∂h_t/∂a = ε_{t−1}² + b ∂h_{t−1}/∂a,  ∂h_t/∂b = h_{t−1} + b ∂h_{t−1}/∂b
   *   ∂ln L/∂θ = Σ_t [ ½ (ε_t²/h_t − 1)/h_t · ∂h_t/∂θ − (ε_t/h_t) · ∂ε_t/∂θ ]
   * </pre>
   *
   * with {@code ∂ε_t/∂α = −1}, {@code ∂ε_t/∂β = −x_t}. Two passes, no allocation; about twice the
   * cost of {@link #logLikelihood}.
   *
   * @param y the dependent variable
   * @param x the regressor
   * @param m M ≥ 1
   * @param alpha α
   * @param beta β
   * @param omega ω
   * @param arch a
   * @param garch b
   * @param grad receives {@code ∂ln L/∂(α, β, ω, a, b)} at 0..4 (unspecified when the result is
   *     {@code NaN})
   * @return ln L, {@code NaN} if some {@code h_t} is not positive and finite, or M = 0
   */
  public static double logLikelihoodAndGradient(
      double[] y,
      double[] x,
      int m,
      double alpha,
      double beta,
      double omega,
      double arch,
      double garch,
      double[] grad) {
    if (m == 0) {
      return Double.NaN;
    }
    double sse = 0;
    double se = 0;
    double sex = 0;
    for (int t = 0; t < m; t++) {
      double e = y[t] - alpha - beta * x[t];
      sse += e * e;
      se += e;
      sex += e * x[t];
    }
    double h = sse / m;
    double dhA = -2 * se / m;
    double dhB = -2 * sex / m;
    double dhW = 0;
    double dhR = 0;
    double dhG = 0;
    double gA = 0;
    double gB = 0;
    double gW = 0;
    double gR = 0;
    double gG = 0;
    double sum = 0;
    double prevE = 0;
    double prevX = 0;
    for (int t = 0; t < m; t++) {
      double xt = x[t];
      double e = y[t] - alpha - beta * xt;
      if (t > 0) {
        double prev2 = prevE * prevE;
        dhA = -2 * arch * prevE + garch * dhA;
        dhB = -2 * arch * prevE * prevX + garch * dhB;
        dhW = 1 + garch * dhW;
        dhR = prev2 + garch * dhR;
        dhG = h + garch * dhG;
        h = omega + arch * prev2 + garch * h;
      }
      if (!(h > 0 && h < Double.POSITIVE_INFINITY)) {
        return Double.NaN;
      }
      double inv = 1 / h;
      double e2 = e * e;
      double u = 0.5 * (e2 * inv - 1) * inv;
      double r = e * inv;
      gA += u * dhA + r;
      gB += u * dhB + r * xt;
      gW += u * dhW;
      gR += u * dhR;
      gG += u * dhG;
      sum += Math.log(h) + e2 * inv;
      prevE = e;
      prevX = xt;
    }
    grad[0] = gA;
    grad[1] = gB;
    grad[2] = gW;
    grad[3] = gR;
    grad[4] = gG;
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
