package io.eventide.inference;

/**
 * Kolari and Pynnönen's adjusted BMP test: the {@link BmpTest} t statistic corrected for the
 * average cross-correlation of the firm-events' abnormal returns.
 *
 * <pre>
 *   t_adj = t_BMP · √( (1 − r̄) / (1 + (N − 1) r̄) )
 * </pre>
 *
 * <p>Variance: the cross-sectional variance of SCAR understates the variance of their mean by the
 * factor {@code (1 + (N − 1) r̄)/(1 − r̄)} when the N terms are equicorrelated with r̄ ({@link
 * CarSample#meanCrossCorrelation()}). With r̄ = 0 it equals {@link BmpTest} exactly; with r̄ = 1 it
 * is 0 (p = 1), as the formula reads. Degrees of freedom N − 1; the p-value is two-sided, {@code 2
 * F(−|t|)} from Student t(N − 1). CAR only.
 *
 * <p>Undefined ({@code NaN}, with a reason): every case of {@link BmpTest}; r̄ {@code NaN} or
 * outside [−1, 1]; {@code 1 + (N − 1) r̄ ≤ 0}.
 *
 * <p>Kolari and Pynnönen (2010), RFS 23, 3996–4025; Boehmer, Musumeci and Poulsen (1991), JFE 30;
 * {@code docs/statistics.md} section 3, id {@code kp-bmp-t}.
 */
public final class KolariPynnonenBmpTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "kp-bmp-t";

  private static final KolariPynnonenBmpTest DEFAULT = new KolariPynnonenBmpTest();

  private static final BmpTest BMP = BmpTest.withDefaults();

  private KolariPynnonenBmpTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, Student t(N − 1))
   */
  public static KolariPynnonenBmpTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (!(sample instanceof CarSample c)) {
      return Double.NaN;
    }
    return adjusted(BMP.statistic(c), c.meanCrossCorrelation(), c.size());
  }

  @Override
  double statistic(SampleSummary summary) {
    return summary.isCar()
        ? adjusted(BMP.statistic(summary), summary.meanCrossCorrelation, summary.size())
        : Double.NaN;
  }

  /** {@code t_BMP √((1 − r̄) / (1 + (N − 1) r̄))}, or {@code NaN}. */
  private static double adjusted(double t, double r, long n) {
    double inflation = KolariPynnonen.varianceInflation(r, n);
    if (Double.isNaN(t) || Double.isNaN(inflation)) {
      return Double.NaN;
    }
    return SampleMath.finiteOrNaN(t * Math.sqrt((1.0 - r) / inflation));
  }

  @Override
  double degreesOfFreedom(Sample sample) {
    return sample.size() - 1;
  }

  @Override
  double degreesOfFreedom(SampleSummary summary) {
    return summary.size() - 1;
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    String r = BMP.undefinedReason(sample);
    return r.isEmpty() ? KolariPynnonen.reason(sample.meanCrossCorrelation, sample.size()) : r;
  }
}
