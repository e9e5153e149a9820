package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Objects;

/**
 * A fitted constant-mean model: {@code E[R_t] = μ̂}, the mean return over the M valid estimation
 * days (k = 1, parameter {@code alpha}).
 *
 * <p>{@code s² = Σ (R_t − μ̂)² / (M − 1)}; the design is a column of ones, so {@code (X'X)⁻¹ =
 * 1/M}, the leverage is {@code 1/M}, {@code v_t = s² (1 + 1/M)} and {@code Var(CAR) = s² (L +
 * L²/M)} ({@code docs/statistics.md} section 2; Campbell, Lo and MacKinlay 1997, chapter 4).
 *
 * <p>Edge cases: M = 0 gives {@code μ̂ = NaN}, M ≤ 1 gives {@code s² = NaN}; both are unusable.
 *
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M
 * @param mean μ̂
 * @param residualVariance s²
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record ConstantMeanFit(
    ModelInputs inputs,
    int observations,
    double mean,
    double residualVariance,
    String failureReason)
    implements ModelFit {

  /** Checks the inputs and reads a {@code null} reason as usable. */
  public ConstantMeanFit {
    Objects.requireNonNull(inputs, "inputs");
    failureReason = FitText.reason(failureReason);
  }

  @Override
  public ConstantMeanModel model() {
    return ConstantMeanModel.of();
  }

  @Override
  public double[] parameters() {
    return new double[] {mean};
  }

  @Override
  public double parameter(int j) {
    if (j != 0) {
      throw new IndexOutOfBoundsException("The constant-mean model has no parameter " + j);
    }
    return mean;
  }

  @Override
  public double expected(int t) {
    return mean;
  }

  @Override
  public double abnormal(int t) {
    return inputs.returnAt(t) - mean;
  }

  @Override
  public void abnormal(int fromInclusive, int toExclusive, double[] out, int offset) {
    double[] y = inputs.returns();
    double mu = mean;
    int shift = offset - fromInclusive;
    for (int t = fromInclusive; t < toExclusive; t++) {
      out[t + shift] = y[t] - mu;
    }
  }

  /**
   * @return {@code 1/M}
   */
  @Override
  public double leverage(int t) {
    return 1.0 / observations;
  }

  /**
   * @return {@code s² (L + L²/M)}
   */
  @Override
  public double carVariance(int fromInclusive, int toInclusive) {
    int len = toInclusive - fromInclusive + 1;
    return residualVariance * (len + (double) len * len / observations);
  }

  @Override
  public String toString() {
    return FitText.of(this);
  }
}
