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
 * <p>Speed: each sum is kept in four independent lanes (row {@code first + 4i + j} in lane j, lanes
 * added pairwise at the end), so the loop is bound by the throughput of loads and floating-point
 * units rather than by the latency of one long chain of additions; a pass without NaN checks runs
 * first and the checked pass only when a sum comes out NaN. The summation order is fixed by the row
 * positions alone, so results do not depend on the caller or the thread.
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
    // Four lanes of the five sums: row first + 4i + j goes to lane j, so the additions of
    // consecutive rows do not wait on each other (each sum's chain is a quarter as long); fused
    // multiply-adds; the lanes are added pairwise at the end. A first pass assumes every row
    // complete and checks nothing: a NaN anywhere makes the sums NaN, and the checked pass below
    // runs instead. It adds a missing row's nothing to its lane, so on complete data both passes
    // perform the same operations in the same order and give the same bits.
    int end4 = first + ((toExclusive - first) & ~3);
    double sx0 = 0;
    double sy0 = 0;
    double sxx0 = 0;
    double sxy0 = 0;
    double syy0 = 0;
    double sx1 = 0;
    double sy1 = 0;
    double sxx1 = 0;
    double sxy1 = 0;
    double syy1 = 0;
    double sx2 = 0;
    double sy2 = 0;
    double sxx2 = 0;
    double sxy2 = 0;
    double syy2 = 0;
    double sx3 = 0;
    double sy3 = 0;
    double sxx3 = 0;
    double sxy3 = 0;
    double syy3 = 0;
    int t = first;
    for (; t < end4; t += 4) {
      double dx0 = x[t] - x0;
      double dy0 = y[t] - y0;
      sx0 += dx0;
      sy0 += dy0;
      sxx0 = Math.fma(dx0, dx0, sxx0);
      sxy0 = Math.fma(dx0, dy0, sxy0);
      syy0 = Math.fma(dy0, dy0, syy0);
      double dx1 = x[t + 1] - x0;
      double dy1 = y[t + 1] - y0;
      sx1 += dx1;
      sy1 += dy1;
      sxx1 = Math.fma(dx1, dx1, sxx1);
      sxy1 = Math.fma(dx1, dy1, sxy1);
      syy1 = Math.fma(dy1, dy1, syy1);
      double dx2 = x[t + 2] - x0;
      double dy2 = y[t + 2] - y0;
      sx2 += dx2;
      sy2 += dy2;
      sxx2 = Math.fma(dx2, dx2, sxx2);
      sxy2 = Math.fma(dx2, dy2, sxy2);
      syy2 = Math.fma(dy2, dy2, syy2);
      double dx3 = x[t + 3] - x0;
      double dy3 = y[t + 3] - y0;
      sx3 += dx3;
      sy3 += dy3;
      sxx3 = Math.fma(dx3, dx3, sxx3);
      sxy3 = Math.fma(dx3, dy3, sxy3);
      syy3 = Math.fma(dy3, dy3, syy3);
    }
    if (t < toExclusive) {
      double dx0 = x[t] - x0;
      double dy0 = y[t] - y0;
      sx0 += dx0;
      sy0 += dy0;
      sxx0 = Math.fma(dx0, dx0, sxx0);
      sxy0 = Math.fma(dx0, dy0, sxy0);
      syy0 = Math.fma(dy0, dy0, syy0);
    }
    if (t + 1 < toExclusive) {
      double dx1 = x[t + 1] - x0;
      double dy1 = y[t + 1] - y0;
      sx1 += dx1;
      sy1 += dy1;
      sxx1 = Math.fma(dx1, dx1, sxx1);
      sxy1 = Math.fma(dx1, dy1, sxy1);
      syy1 = Math.fma(dy1, dy1, syy1);
    }
    if (t + 2 < toExclusive) {
      double dx2 = x[t + 2] - x0;
      double dy2 = y[t + 2] - y0;
      sx2 += dx2;
      sy2 += dy2;
      sxx2 = Math.fma(dx2, dx2, sxx2);
      sxy2 = Math.fma(dx2, dy2, sxy2);
      syy2 = Math.fma(dy2, dy2, syy2);
    }
    int m = toExclusive - first;
    double sx = (sx0 + sx1) + (sx2 + sx3);
    double sy = (sy0 + sy1) + (sy2 + sy3);
    double sxx = (sxx0 + sxx1) + (sxx2 + sxx3);
    double sxy = (sxy0 + sxy1) + (sxy2 + sxy3);
    double syy = (syy0 + syy1) + (syy2 + syy3);
    double probe = sx + sy + sxx + sxy + syy;
    if (probe != probe) {
      return fitChecked(y, x, fromInclusive, toExclusive, first, out);
    }
    return finish(y, x, fromInclusive, toExclusive, m, x0, y0, sx, sy, sxx, sxy, syy, out);
  }

  /** The pass of {@link #fit(double[], double[], int, int, double[])} that skips missing rows. */
  private static int fitChecked(
      double[] y, double[] x, int fromInclusive, int toExclusive, int first, double[] out) {
    final double x0 = x[first];
    final double y0 = y[first];
    int end4 = first + ((toExclusive - first) & ~3);
    double sx0 = 0;
    double sy0 = 0;
    double sxx0 = 0;
    double sxy0 = 0;
    double syy0 = 0;
    double sx1 = 0;
    double sy1 = 0;
    double sxx1 = 0;
    double sxy1 = 0;
    double syy1 = 0;
    double sx2 = 0;
    double sy2 = 0;
    double sxx2 = 0;
    double sxy2 = 0;
    double syy2 = 0;
    double sx3 = 0;
    double sy3 = 0;
    double sxx3 = 0;
    double sxy3 = 0;
    double syy3 = 0;
    int m = 0;
    int t = first;
    for (; t < end4; t += 4) {
      double xa0 = x[t];
      double ya0 = y[t];
      if (xa0 == xa0 && ya0 == ya0) {
        double dx0 = xa0 - x0;
        double dy0 = ya0 - y0;
        m++;
        sx0 += dx0;
        sy0 += dy0;
        sxx0 = Math.fma(dx0, dx0, sxx0);
        sxy0 = Math.fma(dx0, dy0, sxy0);
        syy0 = Math.fma(dy0, dy0, syy0);
      }
      double xa1 = x[t + 1];
      double ya1 = y[t + 1];
      if (xa1 == xa1 && ya1 == ya1) {
        double dx1 = xa1 - x0;
        double dy1 = ya1 - y0;
        m++;
        sx1 += dx1;
        sy1 += dy1;
        sxx1 = Math.fma(dx1, dx1, sxx1);
        sxy1 = Math.fma(dx1, dy1, sxy1);
        syy1 = Math.fma(dy1, dy1, syy1);
      }
      double xa2 = x[t + 2];
      double ya2 = y[t + 2];
      if (xa2 == xa2 && ya2 == ya2) {
        double dx2 = xa2 - x0;
        double dy2 = ya2 - y0;
        m++;
        sx2 += dx2;
        sy2 += dy2;
        sxx2 = Math.fma(dx2, dx2, sxx2);
        sxy2 = Math.fma(dx2, dy2, sxy2);
        syy2 = Math.fma(dy2, dy2, syy2);
      }
      double xa3 = x[t + 3];
      double ya3 = y[t + 3];
      if (xa3 == xa3 && ya3 == ya3) {
        double dx3 = xa3 - x0;
        double dy3 = ya3 - y0;
        m++;
        sx3 += dx3;
        sy3 += dy3;
        sxx3 = Math.fma(dx3, dx3, sxx3);
        sxy3 = Math.fma(dx3, dy3, sxy3);
        syy3 = Math.fma(dy3, dy3, syy3);
      }
    }
    if (t < toExclusive) {
      double xa0 = x[t];
      double ya0 = y[t];
      if (xa0 == xa0 && ya0 == ya0) {
        double dx0 = xa0 - x0;
        double dy0 = ya0 - y0;
        m++;
        sx0 += dx0;
        sy0 += dy0;
        sxx0 = Math.fma(dx0, dx0, sxx0);
        sxy0 = Math.fma(dx0, dy0, sxy0);
        syy0 = Math.fma(dy0, dy0, syy0);
      }
    }
    if (t + 1 < toExclusive) {
      double xa1 = x[t + 1];
      double ya1 = y[t + 1];
      if (xa1 == xa1 && ya1 == ya1) {
        double dx1 = xa1 - x0;
        double dy1 = ya1 - y0;
        m++;
        sx1 += dx1;
        sy1 += dy1;
        sxx1 = Math.fma(dx1, dx1, sxx1);
        sxy1 = Math.fma(dx1, dy1, sxy1);
        syy1 = Math.fma(dy1, dy1, syy1);
      }
    }
    if (t + 2 < toExclusive) {
      double xa2 = x[t + 2];
      double ya2 = y[t + 2];
      if (xa2 == xa2 && ya2 == ya2) {
        double dx2 = xa2 - x0;
        double dy2 = ya2 - y0;
        m++;
        sx2 += dx2;
        sy2 += dy2;
        sxx2 = Math.fma(dx2, dx2, sxx2);
        sxy2 = Math.fma(dx2, dy2, sxy2);
        syy2 = Math.fma(dy2, dy2, syy2);
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
        (sx0 + sx1) + (sx2 + sx3),
        (sy0 + sy1) + (sy2 + sy3),
        (sxx0 + sxx1) + (sxx2 + sxx3),
        (sxy0 + sxy1) + (sxy2 + sxy3),
        (syy0 + syy1) + (syy2 + syy3),
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
    if (mx == toExclusive - fromInclusive) {
      return fitCompleteRegressor(y, x, fromInclusive, toExclusive, sx, cxx, out);
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
      sxy = Math.fma(x[t], dy, sxy);
      syy = Math.fma(dy, dy, syy);
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

  /**
   * The shared-moments fit when the regressor is present on every row of the range: one pass over y
   * (and x for Σxy) in four lanes, as in {@link #fit(double[], double[], int, int, double[])},
   * without a per-row check. A missing y makes the sums NaN and the plain fit runs instead, as it
   * does for a missing y on the checked path.
   */
  private static int fitCompleteRegressor(
      double[] y,
      double[] x,
      int fromInclusive,
      int toExclusive,
      double sx,
      double cxx,
      double[] out) {
    final double y0 = y[fromInclusive];
    int end4 = fromInclusive + ((toExclusive - fromInclusive) & ~3);
    double sy0 = 0;
    double sxy0 = 0;
    double syy0 = 0;
    double sy1 = 0;
    double sxy1 = 0;
    double syy1 = 0;
    double sy2 = 0;
    double sxy2 = 0;
    double syy2 = 0;
    double sy3 = 0;
    double sxy3 = 0;
    double syy3 = 0;
    int t = fromInclusive;
    for (; t < end4; t += 4) {
      double dy0 = y[t] - y0;
      sy0 += dy0;
      sxy0 = Math.fma(x[t], dy0, sxy0);
      syy0 = Math.fma(dy0, dy0, syy0);
      double dy1 = y[t + 1] - y0;
      sy1 += dy1;
      sxy1 = Math.fma(x[t + 1], dy1, sxy1);
      syy1 = Math.fma(dy1, dy1, syy1);
      double dy2 = y[t + 2] - y0;
      sy2 += dy2;
      sxy2 = Math.fma(x[t + 2], dy2, sxy2);
      syy2 = Math.fma(dy2, dy2, syy2);
      double dy3 = y[t + 3] - y0;
      sy3 += dy3;
      sxy3 = Math.fma(x[t + 3], dy3, sxy3);
      syy3 = Math.fma(dy3, dy3, syy3);
    }
    if (t < toExclusive) {
      double dy0 = y[t] - y0;
      sy0 += dy0;
      sxy0 = Math.fma(x[t], dy0, sxy0);
      syy0 = Math.fma(dy0, dy0, syy0);
    }
    if (t + 1 < toExclusive) {
      double dy1 = y[t + 1] - y0;
      sy1 += dy1;
      sxy1 = Math.fma(x[t + 1], dy1, sxy1);
      syy1 = Math.fma(dy1, dy1, syy1);
    }
    if (t + 2 < toExclusive) {
      double dy2 = y[t + 2] - y0;
      sy2 += dy2;
      sxy2 = Math.fma(x[t + 2], dy2, sxy2);
      syy2 = Math.fma(dy2, dy2, syy2);
    }
    double sy = (sy0 + sy1) + (sy2 + sy3);
    double sxy = (sxy0 + sxy1) + (sxy2 + sxy3);
    double syy = (syy0 + syy1) + (syy2 + syy3);
    if (sy + sxy + syy != sy + sxy + syy) {
      return fit(y, x, fromInclusive, toExclusive, out);
    }
    int m = toExclusive - fromInclusive;
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
