package io.eventide.regression;

/**
 * Ordinary least squares of {@code y} on one regressor {@code x} with an intercept, over a range of
 * two {@code double[]} arrays: the market-model kernel.
 *
 * <p>Rows where {@code y} or {@code x} is {@code NaN} are skipped. The fit is
 *
 * <pre>
 *   β̂ = Sxy / Sxx,  α̂ = ȳ − β̂ x̄,  s² = Σ (y − α̂ − β̂ x)² / (M − 2)
 *   Sxx = Σ (x − x̄)²,  Sxy = Σ (x − x̄)(y − ȳ),  M = number of rows used
 * </pre>
 *
 * <p>Numerics: one pass accumulates sums of the data shifted by its first valid row ({@code x − x₀},
 * {@code y − y₀}), which removes a large common offset (returns that share a large mean) before
 * any product is formed; centred moments follow as {@code Σd² − (Σd)²/M}. The residual sum of
 * squares is {@code Syy − β̂ Sxy}; when that would lose over three digits to cancellation
 * (a near-perfect fit, R² above 0.999) it is recomputed from explicit residuals in a second pass.
 *
 * <p>Allocation-free: results go into a caller-supplied array, indexed by the constants of this
 * class. Edge cases: {@code M = 0} gives {@code NaN} everywhere but {@link #COUNT}; {@code Sxx = 0}
 * (constant regressor) gives {@code NaN} slope and intercept; {@code M ≤ 2} gives {@code NaN}
 * residual variance.
 */
public final class SimpleRegressionKernel {

  /** Index of α̂ in the output. */
  public static final int ALPHA = 0;
  /** Index of β̂ in the output. */
  public static final int BETA = 1;
  /** Index of s² (divisor M − 2) in the output. */
  public static final int RESIDUAL_VARIANCE = 2;
  /** Index of M (as a double) in the output. */
  public static final int COUNT = 3;
  /** Index of x̄ in the output. */
  public static final int X_MEAN = 4;
  /** Index of Sxx in the output. */
  public static final int X_SUM_SQUARES = 5;
  /** Index of ȳ in the output. */
  public static final int Y_MEAN = 6;
  /** Length of the output array. */
  public static final int OUTPUT_LENGTH = 7;

  /** Below this share of Syy the residual sum of squares is recomputed from residuals. */
  private static final double CANCELLATION_GUARD = 1e-3;

  private SimpleRegressionKernel() {}

  /**
   * Fits {@code y = α + β x} over rows {@code [fromInclusive, toExclusive)}.
   *
   * @param y dependent variable
   * @param x regressor
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @param out receives the results at {@link #ALPHA}, {@link #BETA}, ... (length at least {@link
   *     #OUTPUT_LENGTH})
   * @return M, the number of rows used
   */
  public static int fit(double[] y, double[] x, int fromInclusive, int toExclusive, double[] out) {
    double x0 = Double.NaN;
    double y0 = Double.NaN;
    int m = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      double xt = x[t];
      double yt = y[t];
      if (xt != xt || yt != yt) {
        continue;
      }
      if (m == 0) {
        x0 = xt;
        y0 = yt;
      }
      double dx = xt - x0;
      double dy = yt - y0;
      m++;
      sx += dx;
      sy += dy;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    return finish(y, x, fromInclusive, toExclusive, m, x0, y0, sx, sy, sxx, sxy, syy, out);
  }

  /**
   * Fits {@code y = α + β x} reusing the regressor's moments, which many firm-events on one calendar
   * and one estimation range share. The moments must have been computed by {@link
   * #regressorMoments} over the same range; if {@code y} has a missing value where {@code x} has
   * not, the rows differ and this falls back to {@link #fit}.
   *
   * @param y dependent variable
   * @param x regressor
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @param moments the output of {@link #regressorMoments} for {@code x} on this range
   * @param out receives the results
   * @return M
   */
  public static int fitWithRegressorMoments(
      double[] y, double[] x, int fromInclusive, int toExclusive, double[] moments, double[] out) {
    double xMean = moments[0];
    int mx = (int) moments[2];
    double y0 = Double.NaN;
    int m = 0;
    double sy = 0;
    double sxy = 0;
    double syy = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      double xt = x[t];
      if (xt != xt) {
        continue;
      }
      double yt = y[t];
      if (yt != yt) {
        return fit(y, x, fromInclusive, toExclusive, out);
      }
      if (m == 0) {
        y0 = yt;
      }
      double dy = yt - y0;
      m++;
      sy += dy;
      sxy += (xt - xMean) * dy;
      syy += dy * dy;
    }
    if (m != mx) {
      return fit(y, x, fromInclusive, toExclusive, out);
    }
    double sxxCentred = moments[1];
    double syyCentred = syy - sy * (sy / m);
    return solve(y, x, fromInclusive, toExclusive, m, xMean, y0 + sy / m, sxxCentred, sxy,
        syyCentred, out);
  }

  /**
   * The regressor's moments over the rows where it is present: {@code [x̄, Σ(x − x̄)², count]}.
   *
   * @param x regressor
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @param out receives the three moments (length at least 3)
   */
  public static void regressorMoments(double[] x, int fromInclusive, int toExclusive, double[] out) {
    int m = 0;
    double sum = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      double xt = x[t];
      if (xt == xt) {
        sum += xt;
        m++;
      }
    }
    double mean = m == 0 ? Double.NaN : sum / m;
    double ss = 0;
    double comp = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      double xt = x[t];
      if (xt == xt) {
        double d = xt - mean;
        ss += d * d;
        comp += d;
      }
    }
    out[0] = m == 0 ? Double.NaN : mean + comp / m;
    out[1] = m == 0 ? Double.NaN : ss - comp * (comp / m);
    out[2] = m;
  }

  private static int finish(double[] y, double[] x, int from, int to, int m, double x0, double y0,
      double sx, double sy, double sxx, double sxy, double syy, double[] out) {
    if (m == 0) {
      out[ALPHA] = Double.NaN;
      out[BETA] = Double.NaN;
      out[RESIDUAL_VARIANCE] = Double.NaN;
      out[COUNT] = 0;
      out[X_MEAN] = Double.NaN;
      out[X_SUM_SQUARES] = Double.NaN;
      out[Y_MEAN] = Double.NaN;
      return 0;
    }
    double mx = sx / m;
    double my = sy / m;
    double cxx = sxx - sx * mx;
    double cxy = sxy - sx * my;
    double cyy = syy - sy * my;
    return solve(y, x, from, to, m, x0 + mx, y0 + my, cxx, cxy, cyy, out);
  }

  private static int solve(double[] y, double[] x, int from, int to, int m, double xMean,
      double yMean, double cxx, double cxy, double cyy, double[] out) {
    out[COUNT] = m;
    out[X_MEAN] = xMean;
    out[Y_MEAN] = yMean;
    out[X_SUM_SQUARES] = cxx;
    if (!(cxx > 0)) {
      out[ALPHA] = Double.NaN;
      out[BETA] = Double.NaN;
      out[RESIDUAL_VARIANCE] = Double.NaN;
      return m;
    }
    double beta = cxy / cxx;
    double alpha = yMean - beta * xMean;
    double ssr = cyy - beta * cxy;
    if (!(ssr > CANCELLATION_GUARD * cyy) && m > 2) {
      // Near-perfect fit: Syy − β̂Sxy has lost over three digits to cancellation. Recompute.
      ssr = 0;
      for (int t = from; t < to; t++) {
        double xt = x[t];
        double yt = y[t];
        if (xt == xt && yt == yt) {
          double e = yt - alpha - beta * xt;
          ssr += e * e;
        }
      }
    }
    out[ALPHA] = alpha;
    out[BETA] = beta;
    out[RESIDUAL_VARIANCE] = m > 2 ? Math.max(ssr, 0.0) / (m - 2) : Double.NaN;
    return m;
  }
}
