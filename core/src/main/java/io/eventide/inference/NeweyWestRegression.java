package io.eventide.inference;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Ordinary least squares of {@code y} on a constant and k − 1 regressors, with Newey-West
 * (heteroskedasticity and autocorrelation consistent) standard errors: the calendar-time alpha of a
 * backtest or a calendar-time portfolio ({@code docs/backtest.md} section 7).
 *
 * <p>With X the T × k design (first column the constant), {@code b = (X'X)⁻¹ X'y}, residuals {@code
 * e_t}, and Bartlett weights {@code w_l = 1 − l / (L + 1)}:
 *
 * <pre>
 *   S = Σ_t e_t² x_t x_t' + Σ_{l=1..L} w_l Σ_{t>l} e_t e_{t−l} (x_t x_{t−l}' + x_{t−l} x_t')
 *   V = (X'X)⁻¹ S (X'X)⁻¹
 * </pre>
 *
 * <p>without a small-sample factor (Newey and West, 1987, Econometrica 55(3)). The lag pairs rows
 * of the regression (row t with row t − l), not calendar days. The default lag is {@code L =
 * floor(4 (T/100)^(2/9))} (Newey and West, 1994, Review of Economic Studies 61(4)). t-ratios are
 * {@code b_j / √V_jj}, p-values two-sided from Student t with T − k degrees of freedom; R² is
 * centred.
 *
 * <p>No regression is possible, and {@link #fit} returns empty, when T &lt; k + 2, a value is not
 * finite, or the design is rank-deficient (a pivot of the Gauss-Jordan inversion of X'X below 10⁻¹²
 * of the largest diagonal element).
 */
public final class NeweyWestRegression {

  private NeweyWestRegression() {}

  /**
   * A fitted regression.
   *
   * @param coefficients {@code b}, the constant first
   * @param standardErrors {@code √V_jj}
   * @param tStatistics {@code b_j / √V_jj}
   * @param pValues two-sided, Student t with {@code n − k} degrees of freedom
   * @param r2 centred R²
   * @param n T, the rows
   * @param lag L
   */
  public record Fit(
      double[] coefficients,
      double[] standardErrors,
      double[] tStatistics,
      double[] pValues,
      double r2,
      int n,
      int lag) {

    /** Copies the arrays. */
    public Fit {
      coefficients = coefficients.clone();
      standardErrors = standardErrors.clone();
      tStatistics = tStatistics.clone();
      pValues = pValues.clone();
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }

    @Override
    public double[] standardErrors() {
      return standardErrors.clone();
    }

    @Override
    public double[] tStatistics() {
      return tStatistics.clone();
    }

    @Override
    public double[] pValues() {
      return pValues.clone();
    }

    /**
     * @return k, the coefficients with the constant
     */
    public int k() {
      return coefficients.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fit f
          && Arrays.equals(coefficients, f.coefficients)
          && Arrays.equals(standardErrors, f.standardErrors)
          && Arrays.equals(tStatistics, f.tStatistics)
          && Arrays.equals(pValues, f.pValues)
          && Double.compare(r2, f.r2) == 0
          && n == f.n
          && lag == f.lag;
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(coefficients), Arrays.hashCode(standardErrors), r2, n);
    }

    @Override
    public String toString() {
      return "NeweyWestRegression.Fit[b="
          + Arrays.toString(coefficients)
          + ", se="
          + Arrays.toString(standardErrors)
          + ", r2="
          + r2
          + ", n="
          + n
          + ", L="
          + lag
          + "]";
    }
  }

  /**
   * The default lag {@code floor(4 (T/100)^(2/9))}.
   *
   * @param n T, the rows of the regression
   * @return L, 0 or more
   */
  public static int defaultLag(int n) {
    if (n <= 0) {
      return 0;
    }
    return (int) Math.floor(4.0 * Math.pow(n / 100.0, 2.0 / 9.0));
  }

  /**
   * Fits with the default lag.
   *
   * @param y the dependent values, T of them
   * @param regressors the regressors without the constant, each T values
   * @return the fit, or empty when no regression is possible
   */
  public static Optional<Fit> fit(double[] y, double[]... regressors) {
    return fit(defaultLag(y.length), y, regressors);
  }

  /**
   * Fits with a given lag.
   *
   * @param lag L, 0 or more (0 gives White's heteroskedasticity-consistent errors)
   * @param y the dependent values, T of them
   * @param regressors the regressors without the constant, each T values
   * @return the fit, or empty when no regression is possible
   * @throws IllegalArgumentException if the lengths differ or the lag is negative
   */
  public static Optional<Fit> fit(int lag, double[] y, double[]... regressors) {
    Objects.requireNonNull(y, "y");
    if (lag < 0) {
      throw new IllegalArgumentException("Newey-West lag is " + lag + "; use 0 or more");
    }
    int n = y.length;
    int k = regressors.length + 1;
    for (double[] r : regressors) {
      if (r.length != n) {
        throw new IllegalArgumentException(
            "A regressor has " + r.length + " values but y has " + n);
      }
    }
    if (n < k + 2) {
      return Optional.empty();
    }
    double[][] x = new double[n][k];
    for (int t = 0; t < n; t++) {
      x[t][0] = 1.0;
      for (int j = 1; j < k; j++) {
        x[t][j] = regressors[j - 1][t];
      }
      for (int j = 0; j < k; j++) {
        if (!Double.isFinite(x[t][j])) {
          return Optional.empty();
        }
      }
      if (!Double.isFinite(y[t])) {
        return Optional.empty();
      }
    }
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    for (int t = 0; t < n; t++) {
      for (int a = 0; a < k; a++) {
        xty[a] += x[t][a] * y[t];
        for (int b = 0; b < k; b++) {
          xtx[a][b] += x[t][a] * x[t][b];
        }
      }
    }
    double[][] inv = invert(xtx);
    if (inv == null) {
      return Optional.empty();
    }
    double[] coef = new double[k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        coef[a] += inv[a][b] * xty[b];
      }
    }
    double[] e = new double[n];
    double meanY = 0;
    for (int t = 0; t < n; t++) {
      meanY += y[t];
    }
    meanY /= n;
    double sse = 0;
    double sst = 0;
    for (int t = 0; t < n; t++) {
      double fitted = 0;
      for (int j = 0; j < k; j++) {
        fitted += x[t][j] * coef[j];
      }
      e[t] = y[t] - fitted;
      sse += e[t] * e[t];
      sst += (y[t] - meanY) * (y[t] - meanY);
    }
    double[][] s = new double[k][k];
    for (int t = 0; t < n; t++) {
      double ee = e[t] * e[t];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          s[a][b] += ee * x[t][a] * x[t][b];
        }
      }
    }
    for (int l = 1; l <= lag && l < n; l++) {
      double w = 1.0 - l / (lag + 1.0);
      for (int t = l; t < n; t++) {
        double ee = w * e[t] * e[t - l];
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            s[a][b] += ee * (x[t][a] * x[t - l][b] + x[t - l][a] * x[t][b]);
          }
        }
      }
    }
    double[][] v = multiply(multiply(inv, s), inv);
    double[] se = new double[k];
    double[] tStat = new double[k];
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      se[j] = Math.sqrt(v[j][j]);
      tStat[j] = coef[j] / se[j];
      p[j] = Double.isFinite(tStat[j]) ? SampleMath.twoSidedT(tStat[j], n - k) : Double.NaN;
    }
    double r2 = sst > 0 ? 1.0 - sse / sst : Double.NaN;
    return Optional.of(new Fit(coef, se, tStat, p, r2, n, lag));
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int k = a.length;
    double[][] c = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int m = 0; m < k; m++) {
        double aim = a[i][m];
        for (int j = 0; j < k; j++) {
          c[i][j] += aim * b[m][j];
        }
      }
    }
    return c;
  }

  /** Gauss-Jordan with partial pivoting; null when a pivot is negligible (rank-deficient). */
  private static double[][] invert(double[][] m) {
    int k = m.length;
    double[][] a = new double[k][2 * k];
    double scale = 0;
    for (int i = 0; i < k; i++) {
      System.arraycopy(m[i], 0, a[i], 0, k);
      a[i][k + i] = 1.0;
      scale = Math.max(scale, Math.abs(m[i][i]));
    }
    double tol = 1e-12 * scale;
    for (int c = 0; c < k; c++) {
      int piv = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      if (!(Math.abs(a[piv][c]) > tol)) {
        return null;
      }
      double[] tmp = a[c];
      a[c] = a[piv];
      a[piv] = tmp;
      double d = a[c][c];
      for (int j = 0; j < 2 * k; j++) {
        a[c][j] /= d;
      }
      for (int r = 0; r < k; r++) {
        if (r != c && a[r][c] != 0.0) {
          double f = a[r][c];
          for (int j = 0; j < 2 * k; j++) {
            a[r][j] -= f * a[c][j];
          }
        }
      }
    }
    double[][] inv = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(a[i], k, inv[i], 0, k);
    }
    return inv;
  }
}
