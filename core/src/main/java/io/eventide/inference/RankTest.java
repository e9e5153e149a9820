package io.eventide.inference;

/**
 * The rank test: the window's mean standardized rank of abnormal returns, judged against the
 * day-to-day variability of the mean rank over the estimation window and event span; free of any
 * normality assumption.
 *
 * <pre>
 *   U_iτ = K_iτ / (T_i + 1) − 1/2,   Ū_τ = mean_i U_iτ,
 *   S_U = √( (1/T) Σ_τ Ū_τ² ),   Z = Σ_{t=a..b} Ū_t / (S_U √L)
 * </pre>
 *
 * <p>{@code K_iτ} is the rank (ascending, average ranks for ties) of firm-event i's abnormal return
 * on day τ among its {@code T_i} valid ARs over the combined window (estimation window plus event
 * span); the study supplies {@code Ū_τ} per combined-window day ({@link
 * CarSample#meanRankScores()}, {@code NaN} where no firm-event has a rank) and the window's
 * positions in it. T counts the days with a {@code Ū_τ}; L is the window length ({@link
 * CarSample#windowLength()}). Variance: the mean square of {@code Ū_τ} about its null mean 0
 * (divisor T, as written in the spec), scaled by L for a sum of L days. The p-value is two-sided,
 * {@code 2 Φ(−|Z|)} from N(0, 1). CAR only.
 *
 * <p>Undefined ({@code NaN}, with a reason): N = 0; no day with a {@code Ū_τ} (T = 0); {@code S_U =
 * 0}; a window day without {@code Ū_t} ({@code NaN}; cannot happen for a consistent sample, since
 * every firm-event of the sample has every AR of the window); an infinite {@code Ū_τ}.
 *
 * <p>Allocation: none; {@link #statistic(Sample)} reads the sample's {@code Ū} series in place.
 *
 * <p>Corrado (1989), JFE 23, 385–395; Corrado and Zivney (1992), JFQA 27, 465–478 (ranks divided by
 * {@code T_i + 1}); Cowan (1992), RQFA 2, 343–358 (multi-day windows); {@code docs/statistics.md}
 * section 3, id {@code rank-z}.
 */
public final class RankTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "rank-z";

  private static final RankTest DEFAULT = new RankTest();

  private RankTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, N(0, 1))
   */
  public static RankTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (!(sample instanceof CarSample s) || s.size() == 0) {
      return Double.NaN;
    }
    return statistic(s.meanRankScores, s.rankWindowFrom(), s.rankWindowTo());
  }

  @Override
  double statistic(SampleSummary summary) {
    if (!summary.isCar() || summary.size() == 0) {
      return Double.NaN;
    }
    return statistic(summary.meanRankScores, summary.rankWindowFrom, summary.rankWindowTo);
  }

  /**
   * @param u {@code Ū_τ} per combined-window day, {@code NaN} where empty
   * @param from the window's first position in it
   * @param to the window's last position in it
   * @return {@code Σ_{t=from..to} Ū_t / (S_U √L)}, or {@code NaN}
   */
  private static double statistic(double[] u, int from, int to) {
    int days = 0;
    double sumSquares = 0.0;
    for (int c = 0; c < u.length; c++) {
      double x = u[c];
      if (!Double.isNaN(x)) {
        days++;
        sumSquares += x * x;
      }
    }
    if (days == 0 || !SampleMath.isRegular(sumSquares)) {
      return Double.NaN;
    }
    double su = Math.sqrt(sumSquares / days);
    double sum = 0.0;
    for (int t = from; t <= to; t++) {
      sum += u[t];
    }
    return SampleMath.finiteOrNaN(sum / (su * Math.sqrt(to - from + 1)));
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    if (sample.size() == 0) {
      return SampleMath.EMPTY;
    }
    SampleSummary s = sample;
    double[] u = s.meanRankScores;
    int days = 0;
    boolean allZero = true;
    for (int t = 0; t < u.length; t++) {
      if (Double.isInfinite(u[t])) {
        return "Ū on combined-window day " + t + " (0-based) is " + u[t];
      }
      if (!Double.isNaN(u[t])) {
        days++;
        allZero &= u[t] == 0.0;
      }
    }
    if (days == 0) {
      return "T = 0: no day of the combined window has a rank, so S_U is undefined";
    }
    for (int t = s.rankWindowFrom; t <= s.rankWindowTo; t++) {
      if (Double.isNaN(u[t])) {
        return "Ū on combined-window day "
            + t
            + " (0-based), inside the window, is NaN:"
            + " no firm-event of the sample has a rank that day";
      }
    }
    return allZero
        ? "S_U = 0: Ū is 0 on all T = " + days + " days with a rank"
        : "Σ Ū² is outside the normal range of double precision (values of extreme magnitude)";
  }
}
