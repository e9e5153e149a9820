package io.eventide.model.internal;

/** Shared pieces of the fitters: masking excluded sessions and the usability checks. Internal. */
public final class Fits {

  private Fits() {}

  /**
   * Copies {@code column[from, to)} with excluded sessions set to {@code NaN}.
   *
   * @param column a calendar-aligned column
   * @param from first session
   * @param to one past the last
   * @param excluded flags by {@code t - from}, or {@code null} to copy unchanged
   * @return a new array of {@code to - from} values
   */
  public static double[] masked(double[] column, int from, int to, boolean[] excluded) {
    double[] out = new double[to - from];
    for (int t = from; t < to; t++) {
      out[t - from] = excluded != null && excluded[t - from] ? Double.NaN : column[t];
    }
    return out;
  }

  /**
   * The largest residual standard deviation that is rounding noise rather than data: 64 ε ≈
   * 1.4e-14. A return formed as {@code P_t / P_t-1 − 1} (or its log) carries an absolute rounding
   * error of about ε = 2⁻⁵², so residuals this small mean that the model fits the returns exactly
   * and there is nothing to standardize by: a listing that is its own benchmark gives s ≈ 2e-18
   * under the market model, a price that never moves gives s ≈ 1e-20 under a factor model with a
   * constant RF. Real daily returns, quoted to a cent or a basis point, have s of 1e-4 or more.
   */
  public static final double ROUNDING_SIGMA = 64 * Math.ulp(1.0);

  /** The reason given for a fit whose residual standard deviation is at most ROUNDING_SIGMA. */
  public static final String EXACT_FIT =
      "residual variance is zero up to the rounding of the returns"
          + " (s ≤ 64 ε ≈ 1.4e-14): the model fits the returns exactly, as for a price that never"
          + " moves or a listing that is its own benchmark";

  /** The reason given for a market model whose market return is constant. */
  public static final String FLAT_MARKET =
      "the market return does not vary over the estimation window (rank-deficient design)";

  /** The reason given for a Dimson model whose lead-lag design is singular. */
  public static final String COLLINEAR_MARKET_LAGS =
      "the market's leads and lags are collinear or constant over the estimation window"
          + " (rank-deficient design)";

  /** The reason given for a factor model whose design is singular. */
  public static final String COLLINEAR_FACTORS =
      "the factors are collinear or constant over the estimation window (rank-deficient design)";

  /**
   * The reason a fit cannot be used, or {@code null}, checked in this order: M ≤ k; a
   * rank-deficient design; a residual variance that is not finite (returns beyond double
   * precision); or a residual standard deviation of at most {@link #ROUNDING_SIGMA} (an exact fit
   * up to rounding).
   *
   * @param k the number of estimated parameters
   * @param m observations
   * @param rankDeficiency why the design is singular ({@link #FLAT_MARKET}, {@link
   *     #COLLINEAR_FACTORS}), or {@code null} if it has full rank
   * @param residualVariance s²
   * @return the reason or {@code null}
   */
  public static String failure(int k, int m, String rankDeficiency, double residualVariance) {
    if (m <= k) {
      return "M = " + m + " estimation observations for k = " + k + " parameters";
    }
    if (rankDeficiency != null) {
      return rankDeficiency;
    }
    if (!Double.isFinite(residualVariance)) {
      return "residual variance is "
          + residualVariance
          + " (returns of extreme magnitude, beyond"
          + " double precision: look for a misplaced decimal point in the prices)";
    }
    if (!(residualVariance > ROUNDING_SIGMA * ROUNDING_SIGMA)) {
      return EXACT_FIT;
    }
    return null;
  }
}
