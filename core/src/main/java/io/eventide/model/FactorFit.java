package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted factor model: {@code E[R_t] = RF_t + α̂ + Σ_j b̂_j F_jt}, from OLS of the excess return
 * {@code R_t − RF_t} on the p factors over the M valid estimation days (k = p + 1, parameters
 * {@code alpha, b_<factor>...}).
 *
 * <p>{@code s² = Σ ε̂² / (M − k)}. The design {@code x_t = (1, F_t)} is held in centred form: with
 * {@code F̄} the estimation means, {@code C = Σ_τ (F_τ − F̄)(F_τ − F̄)'} the centred cross-product
 * matrix, {@code d_j = √C_jj} and {@code R⁻¹} the inverse of its correlation form {@code D⁻¹CD⁻¹},
 * {@code C⁻¹ = D⁻¹R⁻¹D⁻¹} and
 *
 * <ul>
 *   <li>leverage {@code x_t'(X'X)⁻¹x_t = 1/M + z_t'R⁻¹z_t}, {@code z_jt = (F_jt − F̄_j) / d_j};
 *   <li>{@code v_t = s² (1 + 1/M + z_t'R⁻¹z_t)};
 *   <li>{@code Var(CAR) = s² (L + g'(X'X)⁻¹g) = s² (L + L²/M + w'R⁻¹w)} with {@code g = Σ_{t=a}^b
 *       x_t} and {@code w_j = Σ_{t=a}^b (F_jt − F̄_j) / d_j}: the p window sums are taken once per
 *       call, then the quadratic form, in O(pL + p²).
 * </ul>
 *
 * ({@code docs/statistics.md} section 2; Fama and French 1993, 2015; Carhart 1997; Campbell, Lo and
 * MacKinlay 1997, chapter 4.) The centred form is the matrix form {@code (X'X)⁻¹} by the
 * partitioned inverse, and stays accurate when the factors' means are large relative to their
 * spread.
 *
 * <p>Edge cases: collinear or constant factors, or M ≤ k, give an unusable fit; {@code E[R_t]}, the
 * leverage and Var(CAR) are {@code NaN} where RF or a factor is missing.
 *
 * <p>The arrays are copied in and out: the record is immutable.
 *
 * @param model the factor model that was fitted
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M
 * @param coefficients {@code (α̂, b̂_1, ..., b̂_p)}
 * @param residualVariance s²
 * @param factorMeans {@code F̄_j}
 * @param factorScales {@code d_j = √C_jj}
 * @param inverseCorrelation {@code R⁻¹}, row-major p × p
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record FactorFit(
    FactorModel model,
    ModelInputs inputs,
    int observations,
    double[] coefficients,
    double residualVariance,
    double[] factorMeans,
    double[] factorScales,
    double[] inverseCorrelation,
    String failureReason)
    implements ModelFit {

  /** Checks the shapes against the model, copies the arrays and reads a {@code null} reason. */
  public FactorFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inputs, "inputs");
    int p = model.factorNames().size();
    if (coefficients.length != p + 1
        || factorMeans.length != p
        || factorScales.length != p
        || inverseCorrelation.length != p * p) {
      throw new IllegalArgumentException(
          "A fit of " + model + " needs " + (p + 1) + " coefficients and " + p + " factor moments");
    }
    coefficients = coefficients.clone();
    factorMeans = factorMeans.clone();
    factorScales = factorScales.clone();
    inverseCorrelation = inverseCorrelation.clone();
    failureReason = FitText.reason(failureReason);
  }

  /**
   * @return a copy of {@code (α̂, b̂_1, ..., b̂_p)}
   */
  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /**
   * @return a copy of the factors' estimation means
   */
  @Override
  public double[] factorMeans() {
    return factorMeans.clone();
  }

  /**
   * @return a copy of the factors' scales {@code √C_jj}
   */
  @Override
  public double[] factorScales() {
    return factorScales.clone();
  }

  /**
   * @return a copy of {@code R⁻¹}, row-major
   */
  @Override
  public double[] inverseCorrelation() {
    return inverseCorrelation.clone();
  }

  @Override
  public double[] parameters() {
    return coefficients.clone();
  }

  @Override
  public double parameter(int j) {
    return coefficients[j];
  }

  @Override
  public double expected(int t) {
    double[][] f = inputs.factors();
    double e = inputs.riskFree()[t] + coefficients[0];
    for (int j = 0; j < f.length; j++) {
      e += coefficients[j + 1] * f[j][t];
    }
    return e;
  }

  @Override
  public double abnormal(int t) {
    return inputs.returnAt(t) - expected(t);
  }

  @Override
  public void abnormal(int fromInclusive, int toExclusive, double[] out, int offset) {
    double[] y = inputs.returns();
    int shift = offset - fromInclusive;
    for (int t = fromInclusive; t < toExclusive; t++) {
      out[t + shift] = y[t] - expected(t);
    }
  }

  /**
   * @return {@code 1/M + z_t'R⁻¹z_t}
   */
  @Override
  public double leverage(int t) {
    double[][] f = inputs.factors();
    int p = f.length;
    double q = 0;
    for (int j = 0; j < p; j++) {
      double wj = (f[j][t] - factorMeans[j]) / factorScales[j];
      for (int k = 0; k < p; k++) {
        q += wj * inverseCorrelation[j * p + k] * ((f[k][t] - factorMeans[k]) / factorScales[k]);
      }
    }
    return 1.0 / observations + q;
  }

  /**
   * @return {@code s² (L + L²/M + w'R⁻¹w)}
   */
  @Override
  public double carVariance(int fromInclusive, int toInclusive) {
    int len = toInclusive - fromInclusive + 1;
    double[][] f = inputs.factors();
    int p = f.length;
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      double[] col = f[j];
      double mean = factorMeans[j];
      double s = 0;
      for (int t = fromInclusive; t <= toInclusive; t++) {
        s += col[t] - mean;
      }
      w[j] = s / factorScales[j];
    }
    double q = 0;
    for (int j = 0; j < p; j++) {
      double wj = w[j];
      for (int k = 0; k < p; k++) {
        q += wj * inverseCorrelation[j * p + k] * w[k];
      }
    }
    return residualVariance * (len + (double) len * len / observations + q);
  }

  /**
   * Equal when the model, the inputs (the same arrays) and every number and reason are equal.
   *
   * @param o another object
   * @return whether equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof FactorFit other
        && model.equals(other.model)
        && inputs == other.inputs
        && observations == other.observations
        && Double.compare(residualVariance, other.residualVariance) == 0
        && Arrays.equals(coefficients, other.coefficients)
        && Arrays.equals(factorMeans, other.factorMeans)
        && Arrays.equals(factorScales, other.factorScales)
        && Arrays.equals(inverseCorrelation, other.inverseCorrelation)
        && failureReason.equals(other.failureReason);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(model, System.identityHashCode(inputs), observations, residualVariance);
    h = 31 * h + Arrays.hashCode(coefficients);
    h = 31 * h + Arrays.hashCode(factorMeans);
    h = 31 * h + Arrays.hashCode(factorScales);
    h = 31 * h + Arrays.hashCode(inverseCorrelation);
    return 31 * h + failureReason.hashCode();
  }

  @Override
  public String toString() {
    return FitText.of(this);
  }
}
