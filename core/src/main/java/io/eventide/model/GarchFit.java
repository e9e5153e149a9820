package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Objects;

/**
 * A fitted market model with GARCH(1,1) errors: {@code E[R_t] = α + β R_mt}, {@code h_t = ω + a
 * ε_{t−1}² + b h_{t−1}} (k = 5; Bollerslev 1986; {@code docs/statistics.md} section 3c).
 *
 * <p><b>Event-window variances.</b> The abnormal return {@code AR_t = R_t − α − β R_mt} is
 * standardised by the conditional variance forecast made on the last estimation day T (the last of
 * the M days, a calendar session):
 *
 * <pre>
 *   ĥ_{T+1} = ω + a ε_T² + b h_T
 *   ĥ_{T+j} = σ² + (a + b)^{j−1} (ĥ_{T+1} − σ²),   σ² = ω / (1 − a − b)
 *   v_t = ĥ_t,   Var(CAR) = Σ_{t=a}^b ĥ_t
 * </pre>
 *
 * with j the number of calendar sessions after T. Var(CAR) sums the forecasts because GARCH errors
 * are serially uncorrelated. Neither carries an estimation-error term for the five parameters (as
 * in Savickas 2003, JFR 26: 165–178): their sampling variance is of order 1/M of the forecast, and
 * the likelihood's Hessian would be needed to include it. So {@link #leverage(int)} is 0 and {@link
 * #forecastVariance(int)} is {@code ĥ_t}, not {@code s²(1 + leverage)}. {@link #residualVariance()}
 * is the unconditional variance σ² (the {@code sigma} column reports σ).
 *
 * <p>Edge cases: the forecast is defined after T only ({@code NaN} on and before T); AR and the
 * forecast's sums are {@code NaN} where the market return is missing. An unusable fit (see {@link
 * #unusable}) has {@code NaN} numbers; when it failed for want of a maximum, {@link #converged()}
 * is false.
 *
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M
 * @param alpha α
 * @param beta β
 * @param omega ω
 * @param arch a
 * @param garch b
 * @param logLikelihood ln L at the estimate, the constant included
 * @param lastDay T, the calendar session of the last estimation observation
 * @param nextVariance {@code ĥ_{T+1}}
 * @param converged false when the likelihood had no interior maximum
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record GarchFit(
    ModelInputs inputs,
    int observations,
    double alpha,
    double beta,
    double omega,
    double arch,
    double garch,
    double logLikelihood,
    int lastDay,
    double nextVariance,
    boolean converged,
    String failureReason)
    implements ModelFit {

  /** Checks the inputs and reads a {@code null} reason as usable. */
  public GarchFit {
    Objects.requireNonNull(inputs, "inputs");
    failureReason = FitText.reason(failureReason);
    if (!converged && failureReason.isEmpty()) {
      throw new IllegalArgumentException("A fit that did not converge needs a reason");
    }
  }

  /**
   * A fit that cannot be used, with {@code NaN} numbers.
   *
   * @param inputs the inputs
   * @param observations M
   * @param reason why
   * @param converged false if the reason is the absence of a maximum
   * @return the fit
   */
  public static GarchFit unusable(
      ModelInputs inputs, int observations, String reason, boolean converged) {
    double nan = Double.NaN;
    return new GarchFit(
        inputs, observations, nan, nan, nan, nan, nan, nan, -1, nan, converged, reason);
  }

  @Override
  public GarchModel model() {
    return GarchModel.of();
  }

  /**
   * @return {@code a + b}, the persistence of the conditional variance
   */
  public double persistence() {
    return arch + garch;
  }

  /**
   * @return {@code σ² = ω / (1 − a − b)}
   */
  @Override
  public double residualVariance() {
    return omega / (1 - arch - garch);
  }

  @Override
  public double[] parameters() {
    return new double[] {alpha, beta, omega, arch, garch, logLikelihood};
  }

  @Override
  public double parameter(int j) {
    switch (j) {
      case 0:
        return alpha;
      case 1:
        return beta;
      case 2:
        return omega;
      case 3:
        return arch;
      case 4:
        return garch;
      case 5:
        return logLikelihood;
      default:
        throw new IndexOutOfBoundsException("The GARCH model has no column " + j);
    }
  }

  @Override
  public double expected(int t) {
    return alpha + beta * inputs.market()[t];
  }

  @Override
  public double abnormal(int t) {
    return inputs.returnAt(t) - expected(t);
  }

  @Override
  public void abnormal(int fromInclusive, int toExclusive, double[] out, int offset) {
    MarketLine.abnormal(inputs, alpha, beta, fromInclusive, toExclusive, out, offset);
  }

  /**
   * @return 0: the GARCH forecast carries no estimation-error term
   */
  @Override
  public double leverage(int t) {
    return 0;
  }

  /**
   * @return {@code ĥ_t = σ² + (a + b)^{t−T−1} (ĥ_{T+1} − σ²)} for {@code t > T}, {@code NaN}
   *     otherwise
   */
  @Override
  public double forecastVariance(int t) {
    if (t <= lastDay) {
      return Double.NaN;
    }
    double sigma2 = residualVariance();
    return sigma2 + Math.pow(arch + garch, t - lastDay - 1) * (nextVariance - sigma2);
  }

  /**
   * @return {@code Σ_{t=a}^b ĥ_t}, {@code NaN} if a market return of the window is missing
   */
  @Override
  public double carVariance(int fromInclusive, int toInclusive) {
    double[] x = inputs.market();
    double v = 0;
    for (int t = fromInclusive; t <= toInclusive; t++) {
      if (x[t] != x[t]) {
        return Double.NaN;
      }
      v += forecastVariance(t);
    }
    return v;
  }

  @Override
  public String toString() {
    return FitText.of(this);
  }
}
