package io.eventide.model;

import io.eventide.model.internal.ModelInputs;
import java.util.Arrays;
import java.util.Objects;

/**
 * A fitted Dimson model: {@code E[R_t] = α̂ + Σ_{j=−K..K} b̂_j R_m,t+j}, OLS over the M days of D
 * (k = 2K + 2; Dimson 1979, JFE 7: 197–226; {@code docs/statistics.md} section 3c).
 *
 * <p>{@code s² = Σ ε̂² / (M − k)}. With {@code f_t = (R_m,t−K, ..., R_m,t+K)}, {@code f̄} its means
 * over D, {@code C = Σ_D (f − f̄)(f − f̄)'}, {@code d_j = √C_jj} and {@code R⁻¹} the inverse of
 * {@code D⁻¹CD⁻¹}: leverage {@code x_t'(X'X)⁻¹x_t = 1/M + z_t'R⁻¹z_t}, {@code z_jt = (f_jt − f̄_j)
 * / d_j}; {@code v_t = s² (1 + 1/M + z_t'R⁻¹z_t)}; {@code Var(CAR) = s² (L + L²/M + w'R⁻¹w)},
 * {@code w_j = Σ_{t=a}^b (f_jt − f̄_j) / d_j} (section 2 with this design).
 *
 * <p>Edge cases: {@code E[R_t]}, AR, the leverage and Var(CAR) are {@code NaN} where a lead or lag
 * of the market is missing or off the calendar; a design with collinear or constant columns, or M ≤
 * k, is unusable. The arrays are copied in and out: the record is immutable.
 *
 * @param model the model (its K)
 * @param inputs the listing's calendar-aligned inputs (shared, never modified)
 * @param observations M
 * @param coefficients {@code (α̂, b̂_−K, ..., b̂_K)}
 * @param residualVariance s²
 * @param lagMeans {@code f̄_j}
 * @param lagScales {@code d_j}
 * @param inverseCorrelation {@code R⁻¹}, row-major (2K + 1)²
 * @param failureReason why the fit cannot be used, or empty ({@code null} is read as empty)
 */
public record DimsonFit(
    DimsonModel model,
    ModelInputs inputs,
    int observations,
    double[] coefficients,
    double residualVariance,
    double[] lagMeans,
    double[] lagScales,
    double[] inverseCorrelation,
    String failureReason)
    implements ModelFit {

  /** Checks the shapes against the model, copies the arrays and reads a {@code null} reason. */
  public DimsonFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inputs, "inputs");
    int p = 2 * model.lags() + 1;
    if (coefficients.length != p + 1
        || lagMeans.length != p
        || lagScales.length != p
        || inverseCorrelation.length != p * p) {
      throw new IllegalArgumentException(
          "A fit of " + model + " needs " + (p + 1) + " coefficients and " + p + " moments");
    }
    coefficients = coefficients.clone();
    lagMeans = lagMeans.clone();
    lagScales = lagScales.clone();
    inverseCorrelation = inverseCorrelation.clone();
    failureReason = FitText.reason(failureReason);
  }

  /**
   * @return a copy of {@code (α̂, b̂_−K, ..., b̂_K)}
   */
  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /**
   * @return a copy of the lead-lag columns' means over D
   */
  @Override
  public double[] lagMeans() {
    return lagMeans.clone();
  }

  /**
   * @return a copy of {@code d_j}
   */
  @Override
  public double[] lagScales() {
    return lagScales.clone();
  }

  /**
   * @return a copy of {@code R⁻¹}, row-major
   */
  @Override
  public double[] inverseCorrelation() {
    return inverseCorrelation.clone();
  }

  /**
   * @param lag j, −K..K
   * @return {@code b̂_j}, the slope on {@code R_m,t+j}
   */
  public double slope(int lag) {
    int k = model.lags();
    if (lag < -k || lag > k) {
      throw new IndexOutOfBoundsException("Lag " + lag + " outside -" + k + ".." + k);
    }
    return coefficients[1 + lag + k];
  }

  /**
   * @return the Dimson beta {@code Σ_j b̂_j}
   */
  public double beta() {
    double b = 0;
    for (int j = 1; j < coefficients.length; j++) {
      b += coefficients[j];
    }
    return b;
  }

  /**
   * @return {@code (α̂, Σ b̂_j, b̂_−K, ..., b̂_K)}, the columns of {@link
   *     DimsonModel#parameterNames()}
   */
  @Override
  public double[] parameters() {
    double[] out = new double[coefficients.length + 1];
    out[0] = coefficients[0];
    out[1] = beta();
    System.arraycopy(coefficients, 1, out, 2, coefficients.length - 1);
    return out;
  }

  @Override
  public double parameter(int j) {
    if (j == 0) {
      return coefficients[0];
    }
    if (j == 1) {
      return beta();
    }
    return coefficients[j - 1];
  }

  @Override
  public double expected(int t) {
    double[] m = inputs.market();
    int k = model.lags();
    double e = coefficients[0];
    for (int j = -k; j <= k; j++) {
      int s = t + j;
      e += coefficients[1 + j + k] * (s >= 0 && s < m.length ? m[s] : Double.NaN);
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

  private double lagged(int t, int j) {
    double[] m = inputs.market();
    int s = t + j - model.lags();
    return s >= 0 && s < m.length ? m[s] : Double.NaN;
  }

  /**
   * @return {@code 1/M + z_t'R⁻¹z_t}
   */
  @Override
  public double leverage(int t) {
    int p = lagMeans.length;
    double q = 0;
    for (int j = 0; j < p; j++) {
      double zj = (lagged(t, j) - lagMeans[j]) / lagScales[j];
      for (int k = 0; k < p; k++) {
        q += zj * inverseCorrelation[j * p + k] * ((lagged(t, k) - lagMeans[k]) / lagScales[k]);
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
    int p = lagMeans.length;
    double[] w = new double[p];
    for (int j = 0; j < p; j++) {
      double s = 0;
      for (int t = fromInclusive; t <= toInclusive; t++) {
        s += lagged(t, j) - lagMeans[j];
      }
      w[j] = s / lagScales[j];
    }
    double q = 0;
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        q += w[j] * inverseCorrelation[j * p + k] * w[k];
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
    return o instanceof DimsonFit other
        && model.equals(other.model)
        && inputs == other.inputs
        && observations == other.observations
        && Double.compare(residualVariance, other.residualVariance) == 0
        && Arrays.equals(coefficients, other.coefficients)
        && Arrays.equals(lagMeans, other.lagMeans)
        && Arrays.equals(lagScales, other.lagScales)
        && Arrays.equals(inverseCorrelation, other.inverseCorrelation)
        && failureReason.equals(other.failureReason);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(model, System.identityHashCode(inputs), observations, residualVariance);
    h = 31 * h + Arrays.hashCode(coefficients);
    h = 31 * h + Arrays.hashCode(lagMeans);
    h = 31 * h + Arrays.hashCode(lagScales);
    h = 31 * h + Arrays.hashCode(inverseCorrelation);
    return 31 * h + failureReason.hashCode();
  }

  @Override
  public String toString() {
    return FitText.of(this);
  }
}
