package io.eventide.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The cross-sectional regression of an event study: OLS of each firm-event's CAR (or any outcome)
 * on a constant and firm characteristics, with heteroskedasticity-robust (HC1) and cluster-robust
 * (CR1) standard errors ({@code docs/statistics.md} section 3e).
 *
 * <p>With {@code n} observations, {@code k} = 1 + the number of characteristics, {@code X} the
 * {@code n × k} design (first column 1), {@code b = (X'X)⁻¹X'y} and residuals {@code e = y − Xb}:
 *
 * <ul>
 *   <li>HC1 (White 1980, Econometrica 48: 817–838; MacKinnon &amp; White 1985, J. Econometrics 29:
 *       305–325): {@code V = n/(n−k) (X'X)⁻¹ [Σ eᵢ² xᵢxᵢ'] (X'X)⁻¹}; {@code t = b/√V_jj}, p
 *       two-sided from Student t with {@code n − k} degrees of freedom.
 *   <li>Clustered (CR1; Liang &amp; Zeger 1986, Biometrika 73: 13–22; Cameron &amp; Miller 2015, J.
 *       Human Resources 50: 317–372): {@code V = G/(G−1) · (n−1)/(n−k) · (X'X)⁻¹ [Σ_g (X_g'e_g)
 *       (X_g'e_g)'] (X'X)⁻¹}, {@code G} the clusters among the observations (an event study
 *       clusters by event); p two-sided from Student t with {@code G − 1} degrees of freedom
 *       (Stata's {@code vce(cluster)} convention).
 *   <li>{@code r2 = 1 − Σe²/Σ(y − ȳ)²} (centred).
 * </ul>
 *
 * <p>Edge cases, each an undefined (NaN) value with a reason, never an exception: {@code n ≤ k}
 * (nothing is estimated); a design whose columns are collinear (for instance a characteristic that
 * is constant across the sample); {@code G < 2} (the clustered errors only); {@code Σ(y − ȳ)² = 0}
 * (r2 only). Inputs are plain arrays; the computation allocates only {@code O(k²)} beyond the sort
 * of cluster labels.
 */
public final class CrossSectionalRegression {

  /** The name of the constant's term. */
  public static final String CONSTANT = "const";

  /** Relative size of a pivot, against the largest diagonal of X'X, below which X is singular. */
  private static final double SINGULAR = 1e-12;

  private CrossSectionalRegression() {}

  /**
   * One coefficient with both kinds of standard error.
   *
   * @param term the term: {@link #CONSTANT} or a characteristic's name
   * @param coef the OLS coefficient
   * @param seHc1 HC1 standard error
   * @param tHc1 {@code coef / seHc1}
   * @param pHc1 two-sided p from Student t, {@code n − k} df
   * @param seCluster CR1 standard error clustered by the labels given
   * @param tCluster {@code coef / seCluster}
   * @param pCluster two-sided p from Student t, {@code G − 1} df
   */
  public record Term(
      String term,
      double coef,
      double seHc1,
      double tHc1,
      double pHc1,
      double seCluster,
      double tCluster,
      double pCluster) {

    /** Checks the name. */
    public Term {
      Objects.requireNonNull(term, "term");
    }
  }

  /**
   * A fitted regression.
   *
   * @param terms the constant, then one term per characteristic in the order given
   * @param n observations
   * @param clusters G, the distinct cluster labels among the observations
   * @param r2 centred R²
   * @param undefinedReason why the coefficients are NaN, or empty when they are defined
   */
  public record Fit(List<Term> terms, int n, int clusters, double r2, String undefinedReason) {

    /** Copies the terms. */
    public Fit {
      terms = List.copyOf(terms);
      Objects.requireNonNull(undefinedReason, "undefinedReason");
    }

    /**
     * @return k, the number of coefficients (constant included)
     */
    public int k() {
      return terms.size();
    }

    /**
     * @param name a term's name
     * @return the term
     * @throws IllegalArgumentException if there is no such term
     */
    public Term term(String name) {
      for (Term t : terms) {
        if (t.term().equals(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("No term '" + name + "'; the fit has " + names());
    }

    private List<String> names() {
      List<String> out = new ArrayList<>();
      for (Term t : terms) {
        out.add(t.term());
      }
      return out;
    }
  }

  /**
   * Fits the regression.
   *
   * @param y the outcome, n values, all finite
   * @param names the characteristics' names, in column order (without the constant)
   * @param x {@code x[j][i]}: characteristic j of observation i, all finite
   * @param cluster a label per observation (for an event study: the event's index); equal labels
   *     form one cluster
   * @return the fit
   * @throws IllegalArgumentException if the lengths disagree, a name repeats or is {@link
   *     #CONSTANT}, or a value is not finite
   */
  public static Fit fit(double[] y, List<String> names, double[][] x, int[] cluster) {
    int n = y.length;
    int p = names.size();
    int k = p + 1;
    if (x.length != p) {
      throw new IllegalArgumentException(p + " names but " + x.length + " characteristic columns");
    }
    if (cluster.length != n) {
      throw new IllegalArgumentException(n + " outcomes but " + cluster.length + " cluster labels");
    }
    if (names.contains(CONSTANT) || names.stream().distinct().count() != p) {
      throw new IllegalArgumentException(
          "Characteristic names must be distinct and not '" + CONSTANT + "': " + names);
    }
    for (int i = 0; i < n; i++) {
      requireFinite(y[i], "outcome", i);
    }
    for (int j = 0; j < p; j++) {
      if (x[j].length != n) {
        throw new IllegalArgumentException(
            "Characteristic " + names.get(j) + " has " + x[j].length + " values for " + n);
      }
      for (int i = 0; i < n; i++) {
        requireFinite(x[j][i], names.get(j), i);
      }
    }
    int groups = distinct(cluster);
    List<String> terms = new ArrayList<>(k);
    terms.add(CONSTANT);
    terms.addAll(names);
    if (n <= k) {
      return undefined(
          terms,
          n,
          groups,
          "n = " + n + " observations for k = " + k + " coefficients; needs n > k");
    }
    // X'X and X'y.
    double[][] xtx = new double[k][k];
    double[] xty = new double[k];
    double[] row = new double[k];
    for (int i = 0; i < n; i++) {
      row(x, i, row);
      for (int a = 0; a < k; a++) {
        xty[a] += row[a] * y[i];
        for (int b = 0; b <= a; b++) {
          xtx[a][b] += row[a] * row[b];
        }
      }
    }
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        xtx[a][b] = xtx[b][a];
      }
    }
    double[][] inv = invert(xtx);
    if (inv == null) {
      return undefined(
          terms,
          n,
          groups,
          "the characteristics are collinear with each other or the constant (X'X is singular)");
    }
    double[] coef = multiply(inv, xty);
    double[] e = new double[n];
    double ssr = 0;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i];
    }
    mean /= n;
    double sst = 0;
    for (int i = 0; i < n; i++) {
      row(x, i, row);
      double fitted = 0;
      for (int a = 0; a < k; a++) {
        fitted += row[a] * coef[a];
      }
      e[i] = y[i] - fitted;
      ssr += e[i] * e[i];
      sst += (y[i] - mean) * (y[i] - mean);
    }
    double r2 = sst > 0 ? 1 - ssr / sst : Double.NaN;

    // HC1 meat: Σ eᵢ² xᵢxᵢ'.
    double[][] meat = new double[k][k];
    for (int i = 0; i < n; i++) {
      row(x, i, row);
      double w = e[i] * e[i];
      for (int a = 0; a < k; a++) {
        for (int b = 0; b <= a; b++) {
          meat[a][b] += w * row[a] * row[b];
        }
      }
    }
    double[][] vHc1 = sandwich(inv, symmetrize(meat), (double) n / (n - k));

    // CR1 meat: Σ_g u_g u_g', u_g = X_g'e_g, clusters taken in label order.
    double[][] vCluster = null;
    if (groups >= 2) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(cluster[a], cluster[b]));
      double[][] cmeat = new double[k][k];
      double[] u = new double[k];
      for (int s = 0; s < n; ) {
        int label = cluster[order[s]];
        Arrays.fill(u, 0);
        for (; s < n && cluster[order[s]] == label; s++) {
          int i = order[s];
          row(x, i, row);
          for (int a = 0; a < k; a++) {
            u[a] += row[a] * e[i];
          }
        }
        for (int a = 0; a < k; a++) {
          for (int b = 0; b <= a; b++) {
            cmeat[a][b] += u[a] * u[b];
          }
        }
      }
      double factor = (double) groups / (groups - 1) * (n - 1.0) / (n - k);
      vCluster = sandwich(inv, symmetrize(cmeat), factor);
    }
    List<Term> out = new ArrayList<>(k);
    for (int a = 0; a < k; a++) {
      double se1 = Math.sqrt(vHc1[a][a]);
      double t1 = coef[a] / se1;
      double p1 = SampleMath.twoSidedT(t1, n - k);
      double se2 = Double.NaN;
      double t2 = Double.NaN;
      double p2 = Double.NaN;
      if (vCluster != null) {
        se2 = Math.sqrt(vCluster[a][a]);
        t2 = coef[a] / se2;
        p2 = SampleMath.twoSidedT(t2, groups - 1);
      }
      out.add(new Term(terms.get(a), coef[a], se1, t1, p1, se2, t2, p2));
    }
    return new Fit(out, n, groups, r2, "");
  }

  private static void requireFinite(double v, String what, int i) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " of observation " + i + " is " + v);
    }
  }

  private static int distinct(int[] labels) {
    int[] s = labels.clone();
    Arrays.sort(s);
    int g = 0;
    for (int i = 0; i < s.length; i++) {
      if (i == 0 || s[i] != s[i - 1]) {
        g++;
      }
    }
    return g;
  }

  private static Fit undefined(List<String> terms, int n, int groups, String reason) {
    List<Term> out = new ArrayList<>(terms.size());
    double nan = Double.NaN;
    for (String t : terms) {
      out.add(new Term(t, nan, nan, nan, nan, nan, nan, nan));
    }
    return new Fit(out, n, groups, nan, reason);
  }

  private static void row(double[][] x, int i, double[] row) {
    row[0] = 1;
    for (int j = 0; j < x.length; j++) {
      row[j + 1] = x[j][i];
    }
  }

  private static double[][] symmetrize(double[][] lower) {
    for (int a = 0; a < lower.length; a++) {
      for (int b = a + 1; b < lower.length; b++) {
        lower[a][b] = lower[b][a];
      }
    }
    return lower;
  }

  private static double[] multiply(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int a = 0; a < m.length; a++) {
      double s = 0;
      for (int b = 0; b < v.length; b++) {
        s += m[a][b] * v[b];
      }
      out[a] = s;
    }
    return out;
  }

  /** {@code factor · A M A} for symmetric A and M. */
  private static double[][] sandwich(double[][] a, double[][] m, double factor) {
    int k = a.length;
    double[][] am = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int q = 0; q < k; q++) {
          s += a[r][q] * m[q][c];
        }
        am[r][c] = s;
      }
    }
    double[][] out = new double[k][k];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int q = 0; q < k; q++) {
          s += am[r][q] * a[q][c];
        }
        out[r][c] = factor * s;
      }
    }
    return out;
  }

  /**
   * Inverts a symmetric positive semi-definite matrix by Gauss-Jordan elimination with partial
   * pivoting, after scaling rows and columns to a unit diagonal (so that characteristics on very
   * different scales, a market value in dollars beside a ratio, do not look singular).
   *
   * @return the inverse, or null if a pivot falls below {@link #SINGULAR}
   */
  private static double[][] invert(double[][] m) {
    int k = m.length;
    double[] scale = new double[k];
    for (int a = 0; a < k; a++) {
      if (!(m[a][a] > 0)) {
        return null;
      }
      scale[a] = 1 / Math.sqrt(m[a][a]);
    }
    double[][] w = new double[k][2 * k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        w[a][b] = m[a][b] * scale[a] * scale[b];
      }
      w[a][k + a] = 1;
    }
    for (int c = 0; c < k; c++) {
      int pivot = c;
      for (int r = c + 1; r < k; r++) {
        if (Math.abs(w[r][c]) > Math.abs(w[pivot][c])) {
          pivot = r;
        }
      }
      if (Math.abs(w[pivot][c]) < SINGULAR) {
        return null;
      }
      double[] tmp = w[c];
      w[c] = w[pivot];
      w[pivot] = tmp;
      double d = w[c][c];
      for (int b = 0; b < 2 * k; b++) {
        w[c][b] /= d;
      }
      for (int r = 0; r < k; r++) {
        if (r != c && w[r][c] != 0) {
          double f = w[r][c];
          for (int b = 0; b < 2 * k; b++) {
            w[r][b] -= f * w[c][b];
          }
        }
      }
    }
    double[][] inv = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        inv[a][b] = w[a][k + b] * scale[a] * scale[b];
      }
    }
    return inv;
  }
}
