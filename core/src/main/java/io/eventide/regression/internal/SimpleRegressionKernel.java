package io.eventide.regression.internal;

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
 * <p>Numerics: one pass accumulates sums of the data shifted by its first valid row ({@code x −
 * x₀}, {@code y − y₀}), which removes a large common offset (returns that share a large mean)
 * before any product is formed; centred moments follow as {@code Σd² − (Σd)²/M}. The residual sum
 * of squares is {@code Syy − β̂ Sxy}; when that would lose over three digits to cancellation (a
 * near-perfect fit, R² above 0.999) it is recomputed from explicit residuals in a second pass.
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

  /** Shared moments are used only while Σx² stays below this multiple of the centred sum. */
  private static final double SHIFT_GUARD = 1e4;

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
    // The shift: the first complete row.
    int first = fromInclusive;
    while (first < toExclusive && (x[first] != x[first] || y[first] != y[first])) {
      first++;
    }
    if (first == toExclusive) {
      return finish(
          y, x, fromInclusive, toExclusive, 0, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, out);
    }
    final double x0 = x[first];
    final double y0 = y[first];
    // Two interleaved sets of sums (even and odd rows), so that consecutive rows do not wait on
    // each other's additions; fused multiply-adds. Added together at the end. The shift row adds
    // nothing but its count (its deviations are 0), so when the rows from it are odd in number it
    // is counted up front and the pairs start after it: no row is left over.
    int m = 0;
    int t = first;
    if (((toExclusive - first) & 1) != 0) {
      m = 1;
      t = first + 1;
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    double sx2 = 0;
    double sy2 = 0;
    double sxx2 = 0;
    double sxy2 = 0;
    double syy2 = 0;
    for (; t < toExclusive; t += 2) {
      double xa = x[t];
      double ya = y[t];
      double xb = x[t + 1];
      double yb = y[t + 1];
      if (xa == xa && ya == ya) {
        double dx = xa - x0;
        double dy = ya - y0;
        m++;
        sx += dx;
        sy += dy;
        sxx = Math.fma(dx, dx, sxx);
        sxy = Math.fma(dx, dy, sxy);
        syy = Math.fma(dy, dy, syy);
      }
      if (xb == xb && yb == yb) {
        double dx = xb - x0;
        double dy = yb - y0;
        m++;
        sx2 += dx;
        sy2 += dy;
        sxx2 = Math.fma(dx, dx, sxx2);
        sxy2 = Math.fma(dx, dy, sxy2);
        syy2 = Math.fma(dy, dy, syy2);
      }
    }
    return finish(
        y,
        x,
        fromInclusive,
        toExclusive,
        m,
        x0,
        y0,
        sx + sx2,
        sy + sy2,
        sxx + sxx2,
        sxy + sxy2,
        syy + syy2,
        out);
  }

  /**
   * Fits {@code y = α + β x} with the regressor's sums taken from prefix sums that many firm-events
   * on one calendar share: one pass over {@code y} remains. The rows are those where {@code x} is
   * present; if {@code y} is missing on such a row the rows differ from the moments', and this
   * falls back to {@link #fit(double[], double[], int, int, double[])}, as it does when centring
   * {@code x} from its sums would lose more than four digits (a regressor whose mean is over a
   * hundred standard deviations from zero).
   *
   * @param y dependent variable
   * @param x regressor: the column {@code moments} was built from
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @param moments prefix sums of {@code x}
   * @param out receives the results
   * @return M
   */
  public static int fit(
      double[] y,
      double[] x,
      int fromInclusive,
      int toExclusive,
      RegressorMoments moments,
      double[] out) {
    int mx = moments.count(fromInclusive, toExclusive);
    double sx = moments.sum(0, fromInclusive, toExclusive);
    double sxx = moments.cross(0, 0, fromInclusive, toExclusive);
    double cxx = mx == 0 ? 0 : sxx - sx * (sx / mx);
    if (mx == 0 || !(sxx <= SHIFT_GUARD * cxx)) {
      return fit(y, x, fromInclusive, toExclusive, out);
    }
    double y0 = Double.NaN;
    int m = 0;
    double sy = 0;
    double sxy = 0;
    double syy = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      if (!moments.isComplete(t)) {
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
      sxy += x[t] * dy;
      syy += dy * dy;
    }
    double xMean = sx / m;
    return solve(
        y,
        x,
        fromInclusive,
        toExclusive,
        m,
        xMean,
        y0 + sy / m,
        cxx,
        sxy - xMean * sy,
        syy - sy * (sy / m),
        out);
  }

  private static int finish(
      double[] y,
      double[] x,
      int from,
      int to,
      int m,
      double x0,
      double y0,
      double sx,
      double sy,
      double sxx,
      double sxy,
      double syy,
      double[] out) {
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

  private static int solve(
      double[] y,
      double[] x,
      int from,
      int to,
      int m,
      double xMean,
      double yMean,
      double cxx,
      double cxy,
      double cyy,
      double[] out) {
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
