package io.eventide.regression.internal;

/**
 * The Scholes and Williams (1977) beta over a range of calendar-aligned columns: three simple OLS
 * slopes of {@code y_t} on the market's lag {@code m_{t−1}}, its value {@code m_t} and its lead
 * {@code m_{t+1}}, and the market's first-order autocorrelation, all over one set D of rows.
 *
 * <p>D = the rows t of {@code [from, to)} where {@code y_t}, {@code m_{t−1}}, {@code m_t} and
 * {@code m_{t+1}} are all present ({@code NaN} is missing; {@code t − 1 < 0} or {@code t + 1 ≥
 * m.length} is off the calendar, hence missing). With means over D,
 *
 * <pre>
 *   b_j  = Σ (m_{t+j} − m̄_j)(y_t − ȳ) / Σ (m_{t+j} − m̄_j)²,   j = −1, 0, +1
 *   ρ_m  = Σ (m_t − m̄_0)(m_{t−1} − m̄_{−1}) / √(Σ (m_t − m̄_0)² Σ (m_{t−1} − m̄_{−1})²)
 *   β_SW = (b_−1 + b_0 + b_+1) / (1 + 2 ρ_m),   α_SW = ȳ − β_SW m̄_0
 *   s²   = Σ (y_t − α_SW − β_SW m_t)² / (M − 2)
 * </pre>
 *
 * <p>Two passes (exact means, then centred sums). A market column constant over D gives {@code NaN}
 * slopes ({@link #LAG_SUM_SQUARES}, {@link #SUM_SQUARES} or {@link #LEAD_SUM_SQUARES} zero). No
 * allocation: results go into a caller's array.
 */
public final class ScholesWilliamsKernel {

  /** Index of α_SW in the output. */
  public static final int ALPHA = 0;

  /** Index of β_SW. */
  public static final int BETA = 1;

  /** Index of s². */
  public static final int RESIDUAL_VARIANCE = 2;

  /** Index of b_−1, the slope on the previous session's market return. */
  public static final int LAG_SLOPE = 3;

  /** Index of b_0. */
  public static final int SLOPE = 4;

  /** Index of b_+1, the slope on the next session's market return. */
  public static final int LEAD_SLOPE = 5;

  /** Index of ρ_m. */
  public static final int AUTOCORRELATION = 6;

  /** Index of m̄_0, the mean market return over D. */
  public static final int MARKET_MEAN = 7;

  /** Index of Σ (m_t − m̄_0)² over D. */
  public static final int SUM_SQUARES = 8;

  /** Index of Σ (m_{t−1} − m̄_{−1})² over D. */
  public static final int LAG_SUM_SQUARES = 9;

  /** Index of Σ (m_{t+1} − m̄_{+1})² over D. */
  public static final int LEAD_SUM_SQUARES = 10;

  /** Length of the output array. */
  public static final int OUTPUT_LENGTH = 11;

  private ScholesWilliamsKernel() {}

  /**
   * Fits over rows {@code [from, to)} of the calendar.
   *
   * @param y the listing's returns
   * @param m the market's returns on the same calendar
   * @param from first row
   * @param to one past the last row
   * @param excluded rows to leave out, by {@code t − from}, or {@code null}
   * @param out receives the results at the indices of this class ({@code NaN} when M = 0)
   * @return M = |D|
   */
  public static int fit(
      double[] y, double[] m, int from, int to, boolean[] excluded, double[] out) {
    int lo = Math.max(from, 1);
    int hi = Math.min(to, m.length - 1);
    int n = 0;
    double sy = 0;
    double sl = 0;
    double s0 = 0;
    double sf = 0;
    for (int t = lo; t < hi; t++) {
      if (in(y, m, t, from, excluded)) {
        n++;
        sy += y[t];
        sl += m[t - 1];
        s0 += m[t];
        sf += m[t + 1];
      }
    }
    if (n == 0) {
      java.util.Arrays.fill(out, Double.NaN);
      return 0;
    }
    double my = sy / n;
    double ml = sl / n;
    double m0 = s0 / n;
    double mf = sf / n;
    double sll = 0;
    double s00 = 0;
    double sff = 0;
    double sly = 0;
    double s0y = 0;
    double sfy = 0;
    double s0l = 0;
    for (int t = lo; t < hi; t++) {
      if (in(y, m, t, from, excluded)) {
        double dy = y[t] - my;
        double dl = m[t - 1] - ml;
        double d0 = m[t] - m0;
        double df = m[t + 1] - mf;
        sll += dl * dl;
        s00 += d0 * d0;
        sff += df * df;
        sly += dl * dy;
        s0y += d0 * dy;
        sfy += df * dy;
        s0l += d0 * dl;
      }
    }
    double bl = sly / sll;
    double b0 = s0y / s00;
    double bf = sfy / sff;
    double rho = s0l / Math.sqrt(s00 * sll);
    double beta = (bl + b0 + bf) / (1 + 2 * rho);
    double alpha = my - beta * m0;
    double sse = 0;
    for (int t = lo; t < hi; t++) {
      if (in(y, m, t, from, excluded)) {
        double e = y[t] - alpha - beta * m[t];
        sse += e * e;
      }
    }
    out[ALPHA] = alpha;
    out[BETA] = beta;
    out[RESIDUAL_VARIANCE] = n > 2 ? sse / (n - 2) : Double.NaN;
    out[LAG_SLOPE] = bl;
    out[SLOPE] = b0;
    out[LEAD_SLOPE] = bf;
    out[AUTOCORRELATION] = rho;
    out[MARKET_MEAN] = m0;
    out[SUM_SQUARES] = s00;
    out[LAG_SUM_SQUARES] = sll;
    out[LEAD_SUM_SQUARES] = sff;
    return n;
  }

  private static boolean in(double[] y, double[] m, int t, int from, boolean[] excluded) {
    // NaN != NaN: one comparison per value tests presence.
    return y[t] == y[t]
        && m[t - 1] == m[t - 1]
        && m[t] == m[t]
        && m[t + 1] == m[t + 1]
        && (excluded == null || !excluded[t - from]);
  }
}
