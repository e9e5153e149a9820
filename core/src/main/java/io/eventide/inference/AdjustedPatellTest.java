package io.eventide.inference;

/**
 * Kolari and Pynnönen's adjusted Patell test: Patell's z shrunk for the average cross-correlation
 * of the firm-events' abnormal returns, which inflates the variance of their sum.
 *
 * <pre>
 *   z_adj = z_Patell · √( 1 / (1 + (N − 1) r̄) )
 * </pre>
 *
 * <p>Variance: that of {@link PatellTest} times the variance inflation {@code 1 + (N − 1) r̄} of a
 * sum of N equicorrelated terms, with r̄ the mean pairwise correlation of estimation residuals of
 * clustered firm-events ({@link CarSample#meanCrossCorrelation()}, 0 for pairs from different
 * events). With r̄ = 0 it equals {@link PatellTest} exactly. The p-value is two-sided, {@code 2
 * Φ(−|z|)} from N(0, 1). CAR only.
 *
 * <p>Undefined ({@code NaN}, with a reason): every case of {@link PatellTest}; r̄ {@code NaN} or
 * outside [−1, 1] (not a mean of correlations); {@code 1 + (N − 1) r̄ ≤ 0}.
 *
 * <p>Kolari and Pynnönen (2010), RFS 23, 3996–4025; Patell (1976), JAR 14; {@code
 * docs/statistics.md} section 3, id {@code adj-patell-z}.
 */
public final class AdjustedPatellTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "adj-patell-z";

  private static final AdjustedPatellTest DEFAULT = new AdjustedPatellTest();

  private static final PatellTest PATELL = PatellTest.withDefaults();

  private AdjustedPatellTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, N(0, 1))
   */
  public static AdjustedPatellTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (!(sample instanceof CarSample c)) {
      return Double.NaN;
    }
    return adjusted(PATELL.statistic(c), c.meanCrossCorrelation(), c.size());
  }

  @Override
  double statistic(SampleSummary summary) {
    return summary.isCar()
        ? adjusted(PATELL.statistic(summary), summary.meanCrossCorrelation, summary.size())
        : Double.NaN;
  }

  /** {@code z √(1 / (1 + (N − 1) r̄))}, or {@code NaN}. */
  private static double adjusted(double z, double r, long n) {
    double inflation = KolariPynnonen.varianceInflation(r, n);
    if (Double.isNaN(z) || Double.isNaN(inflation)) {
      return Double.NaN;
    }
    return SampleMath.finiteOrNaN(z * Math.sqrt(1.0 / inflation));
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    String r = PATELL.undefinedReason(sample);
    return r.isEmpty() ? KolariPynnonen.reason(sample.meanCrossCorrelation, sample.size()) : r;
  }
}
