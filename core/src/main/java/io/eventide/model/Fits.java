package io.eventide.model;

/** Shared pieces of the fitters: masking excluded sessions and the usability checks. */
final class Fits {

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
  static double[] masked(double[] column, int from, int to, boolean[] excluded) {
    double[] out = new double[to - from];
    for (int t = from; t < to; t++) {
      out[t - from] = excluded != null && excluded[t - from] ? Double.NaN : column[t];
    }
    return out;
  }

  /**
   * The reason a fit cannot be used, or {@code null}.
   *
   * @param model the model
   * @param m observations
   * @param rankDeficient whether the design was singular
   * @param residualVariance s²
   * @return the reason or {@code null}
   */
  static String failure(NormalReturnModel model, int m, boolean rankDeficient,
      double residualVariance) {
    int k = model.parameterCount();
    if (m <= k) {
      return "M = " + m + " estimation observations for k = " + k + " parameters";
    }
    if (rankDeficient) {
      return model instanceof MarketModel
          ? "the market return does not vary over the estimation window (rank-deficient design)"
          : "the factors are collinear or constant over the estimation window"
              + " (rank-deficient design)";
    }
    if (!(residualVariance > 0) || Double.isInfinite(residualVariance)) {
      return "residual variance is " + residualVariance
          + " (the model fits the returns exactly: a price that never moves, or returns equal to"
          + " the benchmark's, as for a listing that is its own benchmark)";
    }
    return null;
  }
}
