package io.eventide.regression.internal;

/**
 * Ordinary least squares of {@code y} on {@code p} regressors and an intercept over a range of
 * {@code double[]} columns: the factor-model kernel ({@code k = p + 1} parameters).
 *
 * <p>Rows where {@code y} or any regressor is {@code NaN} are skipped; {@code M} rows remain. With
 * {@code f̄} the regressor means and {@code C = Σ (f − f̄)(f − f̄)'} the centred cross-product
 * matrix,
 *
 * <pre>
 *   b̂ = C⁻¹ Σ (f − f̄)(y − ȳ),  α̂ = ȳ − b̂'f̄,  s² = Σ (y − α̂ − b̂'f)² / (M − p − 1)
 *   x'(X'X)⁻¹x = 1/M + (f − f̄)' C⁻¹ (f − f̄)   for a row x = (1, f)
 * </pre>
 *
 * <p>Numerics: two passes (exact means, then centred sums), so a common offset in the data never
 * enters a product; {@code C} is scaled to unit diagonal (a correlation matrix) before its Cholesky
 * factorisation, which keeps the error at about {@code ε·cond(R)} rather than {@code ε·cond(X'X)}.
 * The residual sum of squares is {@code Syy − b̂'Sfy}, recomputed from explicit residuals when that
 * would lose over three digits to cancellation.
 *
 * <p>Rank deficiency (a constant regressor, or regressors collinear to 1e-12 in correlation form)
 * is reported by {@link Workspace#isRankDeficient()}, with {@code NaN} coefficients. {@code M ≤ p +
 * 1} gives a {@code NaN} residual variance.
 *
 * <p>Allocation-free: every intermediate lives in a {@link Workspace} made once per thread and
 * number of regressors.
 */
public final class LinearRegressionKernel {

  private static final double PIVOT_TOLERANCE = 1e-12;
  private static final double CANCELLATION_GUARD = 1e-3;

  /** The one-pass path keeps its sums in locals for up to this many regressors. */
  private static final int FAST_MAX = 5;

  /**
   * Shared moments are used only while every regressor's Σx² stays below this multiple of its
   * centred sum (its mean within about ten standard deviations of zero, as factor returns are).
   */
  private static final double MOMENTS_GUARD = 1e2;

  /**
   * A Cholesky pivot of the correlation matrix below this (1 − R² of a regressor on the others
   * below 1e-8) sends a shared-moments fit to the exact path.
   */
  private static final double NEAR_COLLINEAR = 1e-8;

  /** The shifted path is refused when Σd² exceeds this multiple of the centred sum. */
  private static final double SHIFT_GUARD = 1e4;

  private LinearRegressionKernel() {}

  /**
   * Reusable state for fits with {@code p} regressors; holds the last fit's results. Not
   * thread-safe: one per thread.
   */
  public static final class Workspace {
    private final int p;
    private final double[] mean;
    private final double[] scale;
    private final double[] corr;
    private final double[] inverse;
    private final double[] fy;
    private final double[] coef;
    private final double[] tmp;
    private int count;
    private double yMean;
    private double yy;
    private double[] zeros = new double[0];
    private final double[] rawSums = new double[FAST_MAX];
    private final double[] rawShifts = new double[FAST_MAX];
    private final double[] rawCrossY = new double[FAST_MAX];
    private final double[] rawCross = new double[FAST_MAX * FAST_MAX];
    private double residualVariance;
    private boolean rankDeficient;
    private double minPivot;

    /**
     * @param regressors p, the number of regressors besides the intercept (at least 1)
     */
    public Workspace(int regressors) {
      if (regressors < 1) {
        throw new IllegalArgumentException("Need at least one regressor, got " + regressors);
      }
      this.p = regressors;
      this.mean = new double[p];
      this.scale = new double[p];
      this.corr = new double[p * p];
      this.inverse = new double[p * p];
      this.fy = new double[p];
      this.coef = new double[p + 1];
      this.tmp = new double[p];
    }

    double[] zeros(int length) {
      if (zeros.length < length) {
        zeros = new double[Math.max(length, 2 * zeros.length)];
      }
      return zeros;
    }

    /**
     * @return p, the number of regressors besides the intercept
     */
    public int regressors() {
      return p;
    }

    /**
     * @return M, the rows used by the last fit
     */
    public int count() {
      return count;
    }

    /**
     * @return whether the last fit's centred design was singular
     */
    public boolean isRankDeficient() {
      return rankDeficient;
    }

    /**
     * @param j 0 for the intercept, {@code 1..p} for the regressors
     * @return the coefficient
     */
    public double coefficient(int j) {
      return coef[j];
    }

    /**
     * @return s², divisor {@code M − p − 1}
     */
    public double residualVariance() {
      return residualVariance;
    }

    /**
     * @return ȳ over the rows used
     */
    public double yMean() {
      return yMean;
    }

    /**
     * @param j regressor {@code 0..p-1}
     * @return its mean over the rows used
     */
    public double regressorMean(int j) {
      return mean[j];
    }

    /**
     * @param j regressor {@code 0..p-1}
     * @return {@code √C_jj}, the scale of regressor j
     */
    public double regressorScale(int j) {
      return scale[j];
    }

    /**
     * @param j row {@code 0..p-1}
     * @param k column {@code 0..p-1}
     * @return element of {@code R⁻¹}, the inverse of the correlation form of C
     */
    public double inverseCorrelation(int j, int k) {
      return inverse[j * p + k];
    }

    /**
     * {@code v'C⁻¹v} for a vector of centred regressor values, from the last fit.
     *
     * @param v {@code p} values, such as {@code f − f̄} or {@code Σ (f_t − f̄)}
     * @return the quadratic form
     */
    public double quadraticForm(double[] v) {
      double q = 0;
      for (int j = 0; j < p; j++) {
        double wj = v[j] / scale[j];
        double row = 0;
        for (int k = 0; k < p; k++) {
          row += inverse[j * p + k] * (v[k] / scale[k]);
        }
        q += wj * row;
      }
      return q;
    }
  }

  /**
   * Fits {@code y = α + Σ b_j x_j} over rows {@code [fromInclusive, toExclusive)}.
   *
   * @param y dependent variable
   * @param x regressor columns, {@code x[j][t]}; {@code x.length} must equal the workspace's p
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @param ws receives the results
   * @return M, the number of rows used
   */
  public static int fit(
      double[] y, double[][] x, int fromInclusive, int toExclusive, Workspace ws) {
    final int p = ws.p;
    if (x.length != p) {
      throw new IllegalArgumentException(
          "Workspace is for " + p + " regressors, got " + x.length + " columns");
    }
    int m = p <= FAST_MAX ? accumulateShifted(y, x, fromInclusive, toExclusive, ws) : -1;
    if (m < 0) {
      m = accumulateCentred(y, x, fromInclusive, toExclusive, ws);
    }
    ws.count = m;
    if (m == 0) {
      fail(ws, Double.NaN);
      return 0;
    }
    return solve(y, x, fromInclusive, toExclusive, m, ws);
  }

  /**
   * Fits {@code y = α + Σ b_j x_j} with the regressors' sums taken from prefix sums that many
   * firm-events on one calendar share (the factor columns of a study): one pass over {@code y} with
   * {@code p + 2} sums remains. Rows are those where every regressor is present; if {@code y} is
   * missing on such a row, if {@code p} exceeds {@value #FAST_MAX}, or if centring a regressor from
   * its sums would lose more than four digits, this falls back to {@link #fit(double[], double[][],
   * int, int, Workspace)}.
   *
   * @param y dependent variable
   * @param x regressor columns: those {@code moments} was built from
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @param moments prefix sums of {@code x}
   * @param ws receives the results
   * @return M
   */
  public static int fit(
      double[] y,
      double[][] x,
      int fromInclusive,
      int toExclusive,
      RegressorMoments moments,
      Workspace ws) {
    final int p = ws.p;
    if (x.length != p || moments.columns() != p) {
      throw new IllegalArgumentException(
          "Workspace is for "
              + p
              + " regressors, got "
              + x.length
              + " columns and moments of "
              + moments.columns());
    }
    int m = moments.count(fromInclusive, toExclusive);
    if (m == 0 || p > FAST_MAX) {
      return fit(y, x, fromInclusive, toExclusive, ws);
    }
    double[] c = ws.corr;
    double[] sums = ws.rawSums;
    for (int j = 0; j < p; j++) {
      sums[j] = moments.sum(j, fromInclusive, toExclusive);
    }
    for (int j = 0; j < p; j++) {
      double sjj = moments.cross(j, j, fromInclusive, toExclusive);
      double cjj = sjj - sums[j] * (sums[j] / m);
      if (!(sjj <= MOMENTS_GUARD * cjj)) {
        return fit(y, x, fromInclusive, toExclusive, ws);
      }
      c[j * p + j] = cjj;
      for (int k = j + 1; k < p; k++) {
        c[j * p + k] = moments.cross(j, k, fromInclusive, toExclusive) - sums[j] * (sums[k] / m);
      }
    }
    double[] zero = ws.zeros(toExclusive);
    double[] c0 = x[0];
    double[] c1 = p > 1 ? x[1] : zero;
    double[] c2 = p > 2 ? x[2] : zero;
    double[] c3 = p > 3 ? x[3] : zero;
    double[] c4 = p > 4 ? x[4] : zero;
    double y0 = 0;
    int n = 0;
    double sy = 0;
    double syy = 0;
    double s0y = 0;
    double s1y = 0;
    double s2y = 0;
    double s3y = 0;
    double s4y = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      if (!moments.isComplete(t)) {
        continue;
      }
      double yt = y[t];
      if (yt != yt) {
        return fit(y, x, fromInclusive, toExclusive, ws);
      }
      if (n == 0) {
        y0 = yt;
      }
      n++;
      double dy = yt - y0;
      sy += dy;
      syy = Math.fma(dy, dy, syy);
      s0y = Math.fma(c0[t], dy, s0y);
      s1y = Math.fma(c1[t], dy, s1y);
      s2y = Math.fma(c2[t], dy, s2y);
      s3y = Math.fma(c3[t], dy, s3y);
      s4y = Math.fma(c4[t], dy, s4y);
    }
    double my = sy / m;
    double[] crossY = ws.rawCrossY;
    crossY[0] = s0y;
    crossY[1] = s1y;
    crossY[2] = s2y;
    crossY[3] = s3y;
    crossY[4] = s4y;
    for (int j = 0; j < p; j++) {
      double mean = sums[j] / m;
      ws.mean[j] = mean;
      // Σ (x − x̄)(y − ȳ) = Σ x (y − y₀) − x̄ Σ (y − y₀)
      ws.fy[j] = crossY[j] - mean * sy;
    }
    ws.yMean = y0 + my;
    ws.yy = syy - sy * my;
    ws.count = m;
    solve(y, x, fromInclusive, toExclusive, m, ws);
    if (ws.rankDeficient || ws.minPivot < NEAR_COLLINEAR) {
      // Centring from sums carries an error of about ε·Σx²/C per entry of the correlation
      // matrix: harmless for well-conditioned factors, decisive near collinearity. Let the exact
      // two-pass path judge the rank and compute the fit.
      return fit(y, x, fromInclusive, toExclusive, ws);
    }
    return m;
  }

  /**
   * One pass with up to {@value #FAST_MAX} regressors, every sum in a local variable: the data are
   * shifted by their first complete row, and {@code C = Σdd' − (Σd)(Σd)'/M}. Regressors beyond p
   * read a column of zeros. Returns -1 (and the caller takes the two-pass path) when a column's
   * mean lies so far from its first value that the centring would lose more than four digits.
   */
  private static int accumulateShifted(double[] y, double[][] x, int from, int to, Workspace ws) {
    final int p = ws.p;
    double[] zero = ws.zeros(to);
    double[] c0 = x[0];
    double[] c1 = p > 1 ? x[1] : zero;
    double[] c2 = p > 2 ? x[2] : zero;
    double[] c3 = p > 3 ? x[3] : zero;
    double[] c4 = p > 4 ? x[4] : zero;
    double y0 = 0;
    double a0 = 0;
    double a1 = 0;
    double a2 = 0;
    double a3 = 0;
    double a4 = 0;
    int m = 0;
    double sy = 0;
    double syy = 0;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double s4 = 0;
    double s0y = 0;
    double s1y = 0;
    double s2y = 0;
    double s3y = 0;
    double s4y = 0;
    double s00 = 0;
    double s01 = 0;
    double s02 = 0;
    double s03 = 0;
    double s04 = 0;
    double s11 = 0;
    double s12 = 0;
    double s13 = 0;
    double s14 = 0;
    double s22 = 0;
    double s23 = 0;
    double s24 = 0;
    double s33 = 0;
    double s34 = 0;
    double s44 = 0;
    for (int t = from; t < to; t++) {
      double yt = y[t];
      double x0 = c0[t];
      double x1 = c1[t];
      double x2 = c2[t];
      double x3 = c3[t];
      double x4 = c4[t];
      if (yt != yt || x0 != x0 || x1 != x1 || x2 != x2 || x3 != x3 || x4 != x4) {
        continue;
      }
      if (m == 0) {
        y0 = yt;
        a0 = x0;
        a1 = x1;
        a2 = x2;
        a3 = x3;
        a4 = x4;
      }
      m++;
      double dy = yt - y0;
      double d0 = x0 - a0;
      double d1 = x1 - a1;
      double d2 = x2 - a2;
      double d3 = x3 - a3;
      double d4 = x4 - a4;
      sy += dy;
      syy += dy * dy;
      s0 += d0;
      s1 += d1;
      s2 += d2;
      s3 += d3;
      s4 += d4;
      s0y = Math.fma(d0, dy, s0y);
      s1y = Math.fma(d1, dy, s1y);
      s2y = Math.fma(d2, dy, s2y);
      s3y = Math.fma(d3, dy, s3y);
      s4y = Math.fma(d4, dy, s4y);
      s00 = Math.fma(d0, d0, s00);
      s01 = Math.fma(d0, d1, s01);
      s02 = Math.fma(d0, d2, s02);
      s03 = Math.fma(d0, d3, s03);
      s04 = Math.fma(d0, d4, s04);
      s11 = Math.fma(d1, d1, s11);
      s12 = Math.fma(d1, d2, s12);
      s13 = Math.fma(d1, d3, s13);
      s14 = Math.fma(d1, d4, s14);
      s22 = Math.fma(d2, d2, s22);
      s23 = Math.fma(d2, d3, s23);
      s24 = Math.fma(d2, d4, s24);
      s33 = Math.fma(d3, d3, s33);
      s34 = Math.fma(d3, d4, s34);
      s44 = Math.fma(d4, d4, s44);
    }
    if (m == 0) {
      return 0;
    }
    // Into the workspace, so that the centring below can loop over j and k without allocating.
    double[] sums = ws.rawSums;
    double[] shifts = ws.rawShifts;
    double[] crossY = ws.rawCrossY;
    double[] raw = ws.rawCross;
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
    sums[4] = s4;
    shifts[0] = a0;
    shifts[1] = a1;
    shifts[2] = a2;
    shifts[3] = a3;
    shifts[4] = a4;
    crossY[0] = s0y;
    crossY[1] = s1y;
    crossY[2] = s2y;
    crossY[3] = s3y;
    crossY[4] = s4y;
    raw[0] = s00;
    raw[1] = s01;
    raw[2] = s02;
    raw[3] = s03;
    raw[4] = s04;
    raw[6] = s11;
    raw[7] = s12;
    raw[8] = s13;
    raw[9] = s14;
    raw[12] = s22;
    raw[13] = s23;
    raw[14] = s24;
    raw[18] = s33;
    raw[19] = s34;
    raw[24] = s44;
    double my = sy / m;
    double cyy = syy - sy * my;
    if (syy > SHIFT_GUARD * cyy) {
      return -1;
    }
    double[] c = ws.corr;
    for (int j = 0; j < p; j++) {
      double mj = sums[j] / m;
      double cjj = raw[j * FAST_MAX + j] - sums[j] * mj;
      if (raw[j * FAST_MAX + j] > SHIFT_GUARD * cjj) {
        return -1;
      }
      ws.mean[j] = shifts[j] + mj;
      ws.fy[j] = crossY[j] - sums[j] * my;
      for (int k = j; k < p; k++) {
        c[j * p + k] = raw[j * FAST_MAX + k] - sums[j] * (sums[k] / m);
      }
    }
    ws.yMean = y0 + my;
    ws.yy = cyy;
    return m;
  }

  /** Two passes: exact means, then centred cross-products (any p, any offset). */
  private static int accumulateCentred(double[] y, double[][] x, int from, int to, Workspace ws) {
    final int p = ws.p;
    double[] mean = ws.mean;
    java.util.Arrays.fill(mean, 0.0);
    int m = 0;
    double sy = 0;
    for (int t = from; t < to; t++) {
      if (!rowPresent(y, x, t, p)) {
        continue;
      }
      m++;
      sy += y[t];
      for (int j = 0; j < p; j++) {
        mean[j] += x[j][t];
      }
    }
    if (m == 0) {
      return 0;
    }
    double ym = sy / m;
    for (int j = 0; j < p; j++) {
      mean[j] /= m;
    }
    double[] c = ws.corr;
    double[] fy = ws.fy;
    java.util.Arrays.fill(c, 0.0);
    java.util.Arrays.fill(fy, 0.0);
    double yy = 0;
    double[] d = ws.tmp;
    for (int t = from; t < to; t++) {
      if (!rowPresent(y, x, t, p)) {
        continue;
      }
      double dy = y[t] - ym;
      yy += dy * dy;
      for (int j = 0; j < p; j++) {
        d[j] = x[j][t] - mean[j];
      }
      for (int j = 0; j < p; j++) {
        double dj = d[j];
        fy[j] += dj * dy;
        int row = j * p;
        for (int k = j; k < p; k++) {
          c[row + k] += dj * d[k];
        }
      }
    }
    ws.yMean = ym;
    ws.yy = yy;
    return m;
  }

  /** Scales C to a correlation matrix, factorises it and solves; fills the workspace. */
  private static int solve(
      double[] y, double[][] x, int fromInclusive, int toExclusive, int m, Workspace ws) {
    final int p = ws.p;
    double[] mean = ws.mean;
    double[] c = ws.corr;
    double[] fy = ws.fy;
    double[] d = ws.tmp;
    double ym = ws.yMean;
    double yy = ws.yy;
    // Scale to a correlation matrix.
    double[] scale = ws.scale;
    for (int j = 0; j < p; j++) {
      double cjj = c[j * p + j];
      if (!(cjj > 0)) {
        fail(ws, ym);
        return m;
      }
      scale[j] = Math.sqrt(cjj);
    }
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        double r = c[j * p + k] / (scale[j] * scale[k]);
        c[j * p + k] = r;
        c[k * p + j] = r;
      }
    }
    // Cholesky R = L L', L stored in the lower triangle of c.
    ws.minPivot = Double.POSITIVE_INFINITY;
    for (int j = 0; j < p; j++) {
      double s = c[j * p + j];
      for (int k = 0; k < j; k++) {
        s -= c[j * p + k] * c[j * p + k];
      }
      ws.minPivot = Math.min(ws.minPivot, s);
      if (!(s > PIVOT_TOLERANCE)) {
        fail(ws, ym);
        return m;
      }
      double ljj = Math.sqrt(s);
      c[j * p + j] = ljj;
      for (int i = j + 1; i < p; i++) {
        double v = c[i * p + j];
        for (int k = 0; k < j; k++) {
          v -= c[i * p + k] * c[j * p + k];
        }
        c[i * p + j] = v / ljj;
      }
    }
    // Inverse of R from L: R⁻¹ = L'⁻¹ L⁻¹, column by column.
    double[] inv = ws.inverse;
    for (int col = 0; col < p; col++) {
      for (int i = 0; i < p; i++) {
        double v = i == col ? 1.0 : 0.0;
        for (int k = 0; k < i; k++) {
          v -= c[i * p + k] * d[k];
        }
        d[i] = v / c[i * p + i];
      }
      for (int i = p - 1; i >= 0; i--) {
        double v = d[i];
        for (int k = i + 1; k < p; k++) {
          v -= c[k * p + i] * inv[k * p + col];
        }
        inv[i * p + col] = v / c[i * p + i];
      }
    }
    // b = D⁻¹ R⁻¹ D⁻¹ Sfy.
    double[] coef = ws.coef;
    double intercept = ym;
    double explained = 0;
    for (int j = 0; j < p; j++) {
      double bj = 0;
      for (int k = 0; k < p; k++) {
        bj += inv[j * p + k] * (fy[k] / scale[k]);
      }
      bj /= scale[j];
      coef[j + 1] = bj;
      intercept -= bj * mean[j];
      explained += bj * fy[j];
    }
    coef[0] = intercept;
    double ssr = yy - explained;
    if (!(ssr > CANCELLATION_GUARD * yy)) {
      ssr = 0;
      for (int t = fromInclusive; t < toExclusive; t++) {
        if (!rowPresent(y, x, t, p)) {
          continue;
        }
        double e = y[t] - intercept;
        for (int j = 0; j < p; j++) {
          e -= coef[j + 1] * x[j][t];
        }
        ssr += e * e;
      }
    }
    ws.rankDeficient = false;
    ws.residualVariance = m > p + 1 ? Math.max(ssr, 0.0) / (m - p - 1) : Double.NaN;
    return m;
  }

  private static boolean rowPresent(double[] y, double[][] x, int t, int p) {
    if (Double.isNaN(y[t])) {
      return false;
    }
    for (int j = 0; j < p; j++) {
      if (Double.isNaN(x[j][t])) {
        return false;
      }
    }
    return true;
  }

  private static void fail(Workspace ws, double ym) {
    ws.rankDeficient = true;
    ws.yMean = ym;
    java.util.Arrays.fill(ws.coef, Double.NaN);
    ws.residualVariance = Double.NaN;
  }
}
