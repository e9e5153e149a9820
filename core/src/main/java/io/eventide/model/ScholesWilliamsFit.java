package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Objects;

/**
 * A fitted Scholes-Williams model: {@code E[R_t] = α_SW + β_SW R_mt} (k = 2, parameters {@code
 * alpha}, {@code beta}), with the three slopes and the market autocorrelation it was built from
 * (Scholes and Williams 1977, JFE 5: 309–327; {@code docs/statistics.md} section 3c).
 *
 * <p><b>Variances (the implementation's choice).</b> The residuals are those of the
 * Scholes-Williams line itself over D, {@code ε̂_t = R_t − α_SW − β_SW R_mt}, and {@code s² = Σ ε̂²
 * / (M − 2)}: two parameters were estimated, and {@code α_SW} makes the residuals sum to zero, as
 * OLS residuals do. These, not the OLS market-model residuals, are the errors the event window's
 * ARs are measured by, so they are the right yardstick for them. The forecast-error variance and
 * Var(CAR) take the market model's form with the moments of {@code R_mt} over D, {@code R̄_m} and
 * {@code S_mm = Σ_D (R_mτ − R̄_m)²}:
 *
 * <pre>
 *   v_t      = s² (1 + 1/M + (R_mt − R̄_m)² / S_mm)
 *   Var(CAR) = s² (L + L²/M + (Σ_{t=a}^b (R_mt − R̄_m))² / S_mm)
 * </pre>
 *
 * The estimation-error term treats {@code β_SW} as having the OLS slope's sampling variance {@code
 * s²/S_mm}. Its exact variance (of a ratio of three correlated slopes and an autocorrelation) is
 * not available in closed form; under the model it is of the same order, {@code O(1/M)}, so the
 * term, already a correction of order 1/M to {@code v_t}, changes SARs by well under one percent
 * for a 250-day window; and it keeps every test of {@code docs/statistics.md} section 3 usable
 * unchanged (their degrees of freedom are M − 2).
 *
 * <p>Edge cases: {@code E[R_t]}, the leverage and Var(CAR) are {@code NaN} where the market return
 * is missing; a fit with M ≤ 2, a market constant over D or {@code 1 + 2ρ_m ≤ 0} is unusable.
 *
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M = |D|
 * @param alpha α_SW
 * @param beta β_SW
 * @param residualVariance s² of the Scholes-Williams residuals
 * @param lagSlope b_−1, the slope on the previous session's market return
 * @param slope b_0
 * @param leadSlope b_+1, the slope on the next session's market return
 * @param marketAutocorrelation ρ_m
 * @param marketMean R̄_m over D
 * @param marketSumSquares S_mm over D
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record ScholesWilliamsFit(
    ModelInputs inputs,
    int observations,
    double alpha,
    double beta,
    double residualVariance,
    double lagSlope,
    double slope,
    double leadSlope,
    double marketAutocorrelation,
    double marketMean,
    double marketSumSquares,
    String failureReason)
    implements ModelFit {

  /** Checks the inputs and reads a {@code null} reason as usable. */
  public ScholesWilliamsFit {
    Objects.requireNonNull(inputs, "inputs");
    failureReason = FitText.reason(failureReason);
  }

  @Override
  public ScholesWilliamsModel model() {
    return ScholesWilliamsModel.of();
  }

  @Override
  public double[] parameters() {
    return new double[] {alpha, beta};
  }

  @Override
  public double parameter(int j) {
    switch (j) {
      case 0:
        return alpha;
      case 1:
        return beta;
      default:
        throw new IndexOutOfBoundsException("The Scholes-Williams model has no parameter " + j);
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
   * @return {@code 1/M + (R_mt − R̄_m)² / S_mm}
   */
  @Override
  public double leverage(int t) {
    return MarketLine.leverage(inputs, observations, marketMean, marketSumSquares, t);
  }

  /**
   * @return {@code s² (L + L²/M + (Σ_{t=a}^b (R_mt − R̄_m))² / S_mm)}
   */
  @Override
  public double carVariance(int fromInclusive, int toInclusive) {
    return MarketLine.carVariance(
        inputs,
        residualVariance,
        observations,
        marketMean,
        marketSumSquares,
        fromInclusive,
        toInclusive);
  }

  @Override
  public String toString() {
    return FitText.of(this);
  }
}
