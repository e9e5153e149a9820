package io.eventide.model;

import java.util.List;

/**
 * A normal-return model fitted on one firm-event's estimation window: one record per model family
 * ({@link MarketAdjustedFit}, {@link ConstantMeanFit}, {@link MarketFit}, {@link FactorFit} of
 * {@code docs/statistics.md} section 2; {@link ScholesWilliamsFit}, {@link DimsonFit}, {@link
 * GarchFit} of section 3c), each with its own formulas.
 *
 * <ul>
 *   <li>Expected return {@code E[R_t]} and abnormal return {@code AR_t = R_t − E[R_t]}.
 *   <li>Forecast-error variance of one day {@code v_t = s² (1 + x_t'(X'X)⁻¹x_t)}, the second term
 *       being the estimation error of the parameters ({@link #leverage(int)}).
 *   <li>CAR variance over {@code [a, b]} with the estimation-error covariance (Campbell, Lo and
 *       MacKinlay 1997, chapter 4): {@code Var(CAR) = s² (L + g'(X'X)⁻¹g)}, {@code g = Σ_{t=a}^b
 *       x_t}, {@code L = b − a + 1}.
 * </ul>
 *
 * <p>Residual variance {@code s² = Σ ε̂² / (M − k)} (market-adjusted: {@code / M}, uncentred). Any
 * value needing a missing return or regressor is {@code NaN}. A fit that cannot be used (too few
 * observations, a singular design, residuals at rounding level) still exists, with {@link
 * #isUsable()} false and a {@link #failureReason()}.
 *
 * <p>Immutable. A fit reads the listing's calendar-aligned inputs (shared, never modified) to
 * evaluate expected returns on event days.
 */
public sealed interface ModelFit
    permits MarketAdjustedFit,
        ConstantMeanFit,
        MarketFit,
        FactorFit,
        ScholesWilliamsFit,
        DimsonFit,
        GarchFit {

  /**
   * @return the model that was fitted
   */
  NormalReturnModel model();

  /**
   * @return M, the estimation days with the return and every regressor present
   */
  int observations();

  /**
   * @return k, the number of estimated parameters
   */
  default int parameterCount() {
    return model().parameterCount();
  }

  /**
   * @return {@code M − k}, the residual degrees of freedom
   */
  default int degreesOfFreedom() {
    return observations() - parameterCount();
  }

  /**
   * @return a copy of the parameters, in the order of {@link #parameterNames()} (which may end with
   *     derived columns beyond the k estimated parameters, see {@link
   *     NormalReturnModel#parameterNames()})
   */
  double[] parameters();

  /**
   * @param j parameter index, {@code 0 ≤ j < parameterNames().size()}
   * @return parameter j
   * @throws IndexOutOfBoundsException if there is no parameter j
   */
  double parameter(int j);

  /**
   * @return the parameter names, as {@link NormalReturnModel#parameterNames()}
   */
  default List<String> parameterNames() {
    return model().parameterNames();
  }

  /**
   * @return s², the residual variance
   */
  double residualVariance();

  /**
   * @return s, the residual standard deviation
   */
  default double sigma() {
    return Math.sqrt(residualVariance());
  }

  /**
   * @return why the fit cannot be used, or an empty string if it can
   */
  String failureReason();

  /**
   * Whether the fit can be used: enough observations for its degrees of freedom, a full-rank
   * design, and a finite residual variance whose square root exceeds the rounding of returns (64 ε
   * ≈ 1.4e-14; below it the model fits the returns exactly).
   *
   * @return true if usable
   */
  default boolean isUsable() {
    return failureReason().isEmpty();
  }

  /**
   * Whether an iterative fit found its estimate: false only for a fit whose likelihood has no
   * maximum inside the parameter region ({@link GarchFit}); such a fit is not usable and its
   * firm-event's outcome is {@code NO_CONVERGENCE} rather than {@code INSUFFICIENT_ESTIMATION}.
   * Closed-form fits always converge.
   *
   * @return false if the fit failed for want of a maximum
   */
  default boolean converged() {
    return true;
  }

  /**
   * @param t a session index
   * @return {@code E[R_t]}, {@code NaN} if a regressor is missing
   */
  double expected(int t);

  /**
   * @param t a session index
   * @return {@code AR_t = R_t − E[R_t]}, {@code NaN} if anything is missing
   */
  double abnormal(int t);

  /**
   * Abnormal returns of a range of sessions: the bulk form of {@link #abnormal(int)} for kernels,
   * with the same values.
   *
   * @param fromInclusive first session
   * @param toExclusive one past the last session
   * @param out receives {@code AR_t} at {@code out[offset + t − fromInclusive]}
   * @param offset where the first value goes
   */
  void abnormal(int fromInclusive, int toExclusive, double[] out, int offset);

  /**
   * @param t a session index
   * @return {@code x_t'(X'X)⁻¹x_t}, the leverage of session t relative to the estimation design
   */
  double leverage(int t);

  /**
   * @param t a session index
   * @return {@code v_t = s² (1 + x_t'(X'X)⁻¹x_t)}
   */
  default double forecastVariance(int t) {
    return residualVariance() * (1.0 + leverage(t));
  }

  /**
   * {@code Var(CAR) = s² (L + g'(X'X)⁻¹g)} over sessions {@code [fromInclusive, toInclusive]}.
   *
   * @param fromInclusive first session of the window
   * @param toInclusive last session of the window
   * @return the variance, {@code NaN} if a regressor is missing on a day of the window
   */
  double carVariance(int fromInclusive, int toInclusive);
}
