package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Objects;

/**
 * A fitted market model: {@code E[R_t] = α̂ + β̂ R_mt}, OLS on the M valid estimation days (k = 2,
 * parameters {@code alpha}, {@code beta}).
 *
 * <p>{@code s² = Σ ε̂² / (M − 2)}. With {@code R̄_m} the estimation mean of the market return and
 * {@code S_mm = Σ_τ (R_mτ − R̄_m)²}: leverage {@code 1/M + (R_mt − R̄_m)² / S_mm}, {@code v_t = s²
 * (1 + 1/M + (R_mt − R̄_m)² / S_mm)} and {@code Var(CAR) = s² (L + L²/M + (Σ_{t=a}^b (R_mt −
 * R̄_m))² / S_mm)} ({@code docs/statistics.md} section 2; MacKinlay 1997; Campbell, Lo and
 * MacKinlay 1997, chapter 4).
 *
 * <p>Edge cases: a market return that is constant over the estimation window ({@code S_mm = 0}) or
 * M ≤ 2 gives an unusable fit; {@code E[R_t]}, the leverage and Var(CAR) are {@code NaN} where the
 * market return is missing.
 *
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M
 * @param alpha α̂
 * @param beta β̂
 * @param residualVariance s²
 * @param marketMean R̄_m over the estimation days
 * @param marketSumSquares S_mm
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record MarketFit(
    ModelInputs inputs,
    int observations,
    double alpha,
    double beta,
    double residualVariance,
    double marketMean,
    double marketSumSquares,
    String failureReason)
    implements ModelFit {

  /** Checks the inputs and reads a {@code null} reason as usable. */
  public MarketFit {
    Objects.requireNonNull(inputs, "inputs");
    failureReason = FitText.reason(failureReason);
  }

  @Override
  public MarketModel model() {
    return MarketModel.of();
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
        throw new IndexOutOfBoundsException("The market model has no parameter " + j);
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
