package io.eventide.regression;

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
    private double residualVariance;
    private boolean rankDeficient;

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

    /** @return p, the number of regressors besides the intercept */
    public int regressors() {
      return p;
    }

    /** @return M, the rows used by the last fit */
    public int count() {
      return count;
    }

    /** @return whether the last fit's centred design was singular */
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

    /** @return s², divisor {@code M − p − 1} */
    public double residualVariance() {
      return residualVariance;
    }

    /** @return ȳ over the rows used */
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
  public static int fit(double[] y, double[][] x, int fromInclusive, int toExclusive, Workspace ws) {
    final int p = ws.p;
    if (x.length != p) {
      throw new IllegalArgumentException(
          "Workspace is for " + p + " regressors, got " + x.length + " columns");
    }
    double[] mean = ws.mean;
    for (int j = 0; j < p; j++) {
      mean[j] = 0;
    }
    int m = 0;
    double sy = 0;
    for (int t = fromInclusive; t < toExclusive; t++) {
      if (!rowPresent(y, x, t, p)) {
        continue;
      }
      m++;
      sy += y[t];
      for (int j = 0; j < p; j++) {
        mean[j] += x[j][t];
      }
    }
    ws.count = m;
    if (m == 0) {
      fail(ws, Double.NaN);
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
    for (int t = fromInclusive; t < toExclusive; t++) {
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
    for (int j = 0; j < p; j++) {
      double s = c[j * p + j];
      for (int k = 0; k < j; k++) {
        s -= c[j * p + k] * c[j * p + k];
      }
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
