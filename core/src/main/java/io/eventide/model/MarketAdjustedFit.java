package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Objects;

/**
 * A fitted market-adjusted model: {@code E[R_t] = R_mt}, no parameter (k = 0).
 *
 * <p>{@code ε̂_t = R_t − R_mt} over the M valid estimation days and {@code s² = Σ ε̂² / M}: the
 * divisor is M and the residuals are not centred, since nothing is estimated. No estimation error:
 * leverage 0, {@code v_t = s²}, {@code Var(CAR) = s² L} ({@code docs/statistics.md} section 2;
 * Brown and Warner 1985; Campbell, Lo and MacKinlay 1997, chapter 4).
 *
 * <p>Edge cases: M = 0 gives {@code s² = NaN} and an unusable fit; {@code E[R_t]} is {@code NaN}
 * where the market return is missing.
 *
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M
 * @param residualVariance s²
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record MarketAdjustedFit(
    ModelInputs inputs, int observations, double residualVariance, String failureReason)
    implements ModelFit {

  /** Checks the inputs and reads a {@code null} reason as usable. */
  public MarketAdjustedFit {
    Objects.requireNonNull(inputs, "inputs");
    failureReason = FitText.reason(failureReason);
  }

  @Override
  public MarketAdjustedModel model() {
    return MarketAdjustedModel.of();
  }

  @Override
  public double[] parameters() {
    return new double[0];
  }

  @Override
  public double parameter(int j) {
    throw new IndexOutOfBoundsException("The market-adjusted model has no parameter " + j);
  }

  @Override
  public double expected(int t) {
    return inputs.market()[t];
  }

  @Override
  public double abnormal(int t) {
    return inputs.returnAt(t) - expected(t);
  }

  @Override
  public void abnormal(int fromInclusive, int toExclusive, double[] out, int offset) {
    double[] y = inputs.returns();
    double[] x = inputs.market();
    int shift = offset - fromInclusive;
    for (int t = fromInclusive; t < toExclusive; t++) {
      out[t + shift] = y[t] - x[t];
    }
  }

  /**
   * @return 0: nothing is estimated
   */
  @Override
  public double leverage(int t) {
    return 0.0;
  }

  /**
   * @return {@code s² L}
   */
  @Override
  public double carVariance(int fromInclusive, int toInclusive) {
    int len = toInclusive - fromInclusive + 1;
    return residualVariance * len;
  }

  @Override
  public String toString() {
    return FitText.of(this);
  }
}
