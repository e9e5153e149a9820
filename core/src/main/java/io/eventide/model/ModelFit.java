package io.eventide.model;

import java.util.List;

/**
 * A normal-return model fitted on one firm-event's estimation window: its parameters, residual
 * variance and what the variance formulas of {@code spec/STATISTICS.md} section 2 need.
 *
 * <ul>
 *   <li>Expected return {@code E[R_t]} and abnormal return {@code AR_t = R_t − E[R_t]}.
 *   <li>Forecast-error variance of one day {@code v_t = s² (1 + x_t'(X'X)⁻¹x_t)}: market model
 *       {@code s² (1 + 1/M + (R_mt − R̄_m)² / Σ(R_mτ − R̄_m)²)}, constant-mean {@code s² (1 +
 *       1/M)}, market-adjusted {@code s²}.
 *   <li>CAR variance over {@code [a, b]} with the estimation-error covariance (Campbell, Lo and
 *       MacKinlay 1997): {@code s² (L + g'(X'X)⁻¹g)}, {@code g = Σ x_t}; market model {@code s² (L
 *       + L²/M + (Σ(R_mt − R̄_m))² / Σ(R_mτ − R̄_m)²)}, market-adjusted {@code s² L}.
 * </ul>
 *
 * <p>Residual variance {@code s² = Σ ε̂² / (M − k)}; for the market-adjusted model {@code ε̂ = R −
 * R_m} and the divisor is {@code M} (no parameter is estimated, and the residuals are not centred).
 * Any value needing a missing return or regressor is {@code NaN}.
 *
 * <p>Immutable. It reads the listing's {@link ModelInputs} (shared, never modified) to evaluate
 * expected returns on event days.
 */
public final class ModelFit {

  enum Kind {
    MARKET_ADJUSTED,
    CONSTANT_MEAN,
    MARKET,
    FACTOR
  }

  private final NormalReturnModel model;
  private final Kind kind;
  private final ModelInputs inputs;
  private final int observations;
  private final double[] parameters;
  private final double residualVariance;
  private final String failure;
  // Market model: x̄ and Sxx. Factor model: means, scales and R⁻¹ (correlation form of C⁻¹).
  private final double xMean;
  private final double xSumSquares;
  private final double[] factorMeans;
  private final double[] factorScales;
  private final double[] inverseCorrelation;

  ModelFit(
      NormalReturnModel model,
      Kind kind,
      ModelInputs inputs,
      int observations,
      double[] parameters,
      double residualVariance,
      String failure,
      double xMean,
      double xSumSquares,
      double[] factorMeans,
      double[] factorScales,
      double[] inverseCorrelation) {
    this.model = model;
    this.kind = kind;
    this.inputs = inputs;
    this.observations = observations;
    this.parameters = parameters;
    this.residualVariance = residualVariance;
    this.failure = failure;
    this.xMean = xMean;
    this.xSumSquares = xSumSquares;
    this.factorMeans = factorMeans;
    this.factorScales = factorScales;
    this.inverseCorrelation = inverseCorrelation;
  }

  /**
   * @return the model that was fitted
   */
  public NormalReturnModel model() {
    return model;
  }

  /**
   * @return M, the estimation days with the return and every regressor present
   */
  public int observations() {
    return observations;
  }

  /**
   * @return k, the number of estimated parameters
   */
  public int parameterCount() {
    return model.parameterCount();
  }

  /**
   * @return {@code M − k}, the residual degrees of freedom
   */
  public int degreesOfFreedom() {
    return observations - model.parameterCount();
  }

  /**
   * @return a copy of the parameters, in the order of {@link NormalReturnModel#parameterNames()}
   */
  public double[] parameters() {
    return parameters.clone();
  }

  /**
   * @param j parameter index
   * @return parameter j
   */
  public double parameter(int j) {
    return parameters[j];
  }

  /**
   * @return the parameter names
   */
  public List<String> parameterNames() {
    return model.parameterNames();
  }

  /**
   * @return s², the residual variance
   */
  public double residualVariance() {
    return residualVariance;
  }

  /**
   * @return s, the residual standard deviation
   */
  public double sigma() {
    return Math.sqrt(residualVariance);
  }

  /**
   * Whether the fit can be used: enough observations for its degrees of freedom, a full-rank
   * design, and a finite residual variance whose square root exceeds the rounding of returns (64 ε
   * ≈ 1.4e-14; below it the model fits the returns exactly).
   *
   * @return true if usable
   */
  public boolean isUsable() {
    return failure == null;
  }

  /**
   * @return why the fit cannot be used, or an empty string
   */
  public String failureReason() {
    return failure == null ? "" : failure;
  }

  /**
   * @param t a session index
   * @return {@code E[R_t]}, {@code NaN} if a regressor is missing
   */
  public double expected(int t) {
    switch (kind) {
      case MARKET_ADJUSTED:
        return inputs.market()[t];
      case CONSTANT_MEAN:
        return parameters[0];
      case MARKET:
        return parameters[0] + parameters[1] * inputs.market()[t];
      default:
        double[][] f = inputs.factors();
        double e = inputs.riskFree()[t] + parameters[0];
        for (int j = 0; j < f.length; j++) {
          e += parameters[j + 1] * f[j][t];
        }
        return e;
    }
  }

  /**
   * @param t a session index
   * @return {@code AR_t = R_t − E[R_t]}, {@code NaN} if anything is missing
   */
  public double abnormal(int t) {
    return inputs.returnAt(t) - expected(t);
  }

  /**
   * Abnormal returns of a range of sessions, with the model chosen once outside the loop: the bulk
   * form of {@link #abnormal(int)} for kernels.
   *
   * @param fromInclusive first session
   * @param toExclusive one past the last session
   * @param out receives {@code AR_t} at {@code out[offset + t − fromInclusive]}
   * @param offset where the first value goes
   */
  public void abnormal(int fromInclusive, int toExclusive, double[] out, int offset) {
    double[] y = inputs.returns();
    int shift = offset - fromInclusive;
    switch (kind) {
      case MARKET_ADJUSTED:
        {
          double[] x = inputs.market();
          for (int t = fromInclusive; t < toExclusive; t++) {
            out[t + shift] = y[t] - x[t];
          }
          return;
        }
      case CONSTANT_MEAN:
        {
          double mu = parameters[0];
          for (int t = fromInclusive; t < toExclusive; t++) {
            out[t + shift] = y[t] - mu;
          }
          return;
        }
      case MARKET:
        {
          double[] x = inputs.market();
          double a = parameters[0];
          double b = parameters[1];
          for (int t = fromInclusive; t < toExclusive; t++) {
            out[t + shift] = y[t] - (a + b * x[t]);
          }
          return;
        }
      default:
        for (int t = fromInclusive; t < toExclusive; t++) {
          out[t + shift] = y[t] - expected(t);
        }
    }
  }

  /**
   * @param t a session index
   * @return {@code x_t'(X'X)⁻¹x_t}, the leverage of session t relative to the estimation design
   */
  public double leverage(int t) {
    switch (kind) {
      case MARKET_ADJUSTED:
        return 0.0;
      case CONSTANT_MEAN:
        return 1.0 / observations;
      case MARKET:
        double d = inputs.market()[t] - xMean;
        return 1.0 / observations + d * d / xSumSquares;
      default:
        double[][] f = inputs.factors();
        int p = f.length;
        double q = 0;
        for (int j = 0; j < p; j++) {
          double wj = (f[j][t] - factorMeans[j]) / factorScales[j];
          for (int k = 0; k < p; k++) {
            q +=
                wj * inverseCorrelation[j * p + k] * ((f[k][t] - factorMeans[k]) / factorScales[k]);
          }
        }
        return 1.0 / observations + q;
    }
  }

  /**
   * @param t a session index
   * @return {@code v_t = s² (1 + x_t'(X'X)⁻¹x_t)}
   */
  public double forecastVariance(int t) {
    return residualVariance * (1.0 + leverage(t));
  }

  /**
   * {@code Var(CAR) = s² (L + g'(X'X)⁻¹g)} over sessions {@code [fromInclusive, toInclusive]}.
   *
   * @param fromInclusive first session of the window
   * @param toInclusive last session of the window
   * @return the variance, {@code NaN} if a regressor is missing on a day of the window
   */
  public double carVariance(int fromInclusive, int toInclusive) {
    int len = toInclusive - fromInclusive + 1;
    switch (kind) {
      case MARKET_ADJUSTED:
        return residualVariance * len;
      case CONSTANT_MEAN:
        return residualVariance * (len + (double) len * len / observations);
      case MARKET:
        double[] x = inputs.market();
        double g = 0;
        for (int t = fromInclusive; t <= toInclusive; t++) {
          g += x[t] - xMean;
        }
        return residualVariance * (len + (double) len * len / observations + g * g / xSumSquares);
      default:
        double[][] f = inputs.factors();
        int p = f.length;
        double q = 0;
        for (int j = 0; j < p; j++) {
          double wj =
              centredSum(f[j], fromInclusive, toInclusive, factorMeans[j]) / factorScales[j];
          for (int k = 0; k < p; k++) {
            double wk =
                centredSum(f[k], fromInclusive, toInclusive, factorMeans[k]) / factorScales[k];
            q += wj * inverseCorrelation[j * p + k] * wk;
          }
        }
        return residualVariance * (len + (double) len * len / observations + q);
    }
  }

  private static double centredSum(double[] col, int from, int to, double mean) {
    double s = 0;
    for (int t = from; t <= to; t++) {
      s += col[t] - mean;
    }
    return s;
  }

  @Override
  public String toString() {
    return "ModelFit["
        + model.id()
        + ", M="
        + observations
        + ", params="
        + java.util.Arrays.toString(parameters)
        + ", s="
        + sigma()
        + (failure == null ? "" : ", unusable: " + failure)
        + "]";
  }
}
