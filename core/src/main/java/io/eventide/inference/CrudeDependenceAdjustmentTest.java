package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

/**
 * The crude dependence adjustment test: the window's CAAR judged against the day-to-day variability
 * of the average abnormal return over the estimation window, which carries any cross-sectional
 * dependence between the firm-events.
 *
 * <pre>
 *   t = CAAR / (Ŝ √L),   Ŝ² = Σ_τ (AAR_τ − mean_τ AAR_τ)² / (D − 1)
 * </pre>
 *
 * <p>{@code AAR_τ} is the mean estimation residual of the sample's firm-events on relative day τ of
 * the estimation window ({@link CarSample#estimationAar()}); days where none has a residual are
 * {@code NaN} and skipped, and D counts the days with a value. L is the window length. Variance:
 * the time-series sample variance of AAR (divisor D − 1), scaled by L for a sum of L days (days
 * assumed independent in time). Degrees of freedom D − 1; the p-value is two-sided, {@code 2
 * F(−|t|)} from Student t(D − 1). CAR only.
 *
 * <p>Undefined ({@code NaN}, with a reason): N = 0; a {@code NaN} or infinite CAR; D ≤ 1; an
 * infinite {@code AAR_τ}; zero time-series variance (all {@code AAR_τ} equal, Ŝ = 0), or a sum of
 * squared deviations outside the normal double range.
 *
 * <p>Kernels: the CAAR, the mean of AAR and its sum of squared deviations are the corrected
 * two-pass kernels the other tests share. Allocation: none; {@link #statistic(Sample)} reads the
 * sample's CARs and its AAR days (the series without its empty days, kept once when the sample is
 * built) in place.
 *
 * <p>Brown and Warner (1980), JFE 8, 205–258; (1985), JFE 14, 3–31; {@code docs/statistics.md}
 * section 3, id {@code cda-t}.
 */
public final class CrudeDependenceAdjustmentTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "cda-t";

  private static final CrudeDependenceAdjustmentTest DEFAULT = new CrudeDependenceAdjustmentTest();

  private CrudeDependenceAdjustmentTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, Student t(D − 1))
   */
  public static CrudeDependenceAdjustmentTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (!(sample instanceof CarSample c) || c.size() == 0) {
      return Double.NaN;
    }
    return statistic(SampleMath.mean(c.car), c.estimationAarDays, c.windowLength());
  }

  @Override
  double statistic(SampleSummary summary) {
    if (!summary.isCar() || summary.size() == 0) {
      return Double.NaN;
    }
    return statistic(summary.mean(), summary.estimationAarDays, summary.windowLength());
  }

  /**
   * @param caar the CAAR
   * @param aar the AAR of the estimation days with one
   * @param windowLength L
   * @return {@code CAAR / (Ŝ √L)}, or {@code NaN}
   */
  private static double statistic(double caar, double[] aar, int windowLength) {
    int d = aar.length;
    if (d < 2) {
      return Double.NaN;
    }
    double ss = SampleMath.sumSquaredDeviations(aar, SampleMath.mean(aar));
    if (!SampleMath.isRegular(ss)) {
      return Double.NaN;
    }
    double sHat = Math.sqrt(ss / (d - 1));
    return SampleMath.finiteOrNaN(caar / (sHat * Math.sqrt(windowLength)));
  }

  /**
   * @return D − 1, D the number of estimation days with an {@code AAR_τ}
   */
  @Override
  double degreesOfFreedom(Sample sample) {
    return ((CarSample) sample).estimationAarDays.length - 1;
  }

  @Override
  double degreesOfFreedom(SampleSummary summary) {
    return summary.estimationAarDays.length - 1;
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    String r =
        SampleMath.firstOf(
            SampleMath.sizeReason(sample.size(), 1, "the CAAR"),
            SampleMath.nonFiniteReason(sample, VALUES));
    if (!r.isEmpty()) {
      return r;
    }
    double[] aar = sample.estimationAar;
    int d = sample.estimationAarDays.length;
    if (d < 2) {
      return "D = "
          + d
          + ": the variance of AAR over the estimation window needs D ≥ 2 days"
          + " with an average residual (of "
          + aar.length
          + " estimation days)";
    }
    double first = Double.NaN;
    boolean allEqual = true;
    for (int t = 0; t < aar.length; t++) {
      if (Double.isInfinite(aar[t])) {
        return "AAR on estimation day " + t + " (0-based) is " + aar[t];
      }
      if (!Double.isNaN(aar[t])) {
        if (Double.isNaN(first)) {
          first = aar[t];
        }
        allEqual &= aar[t] == first;
      }
    }
    return allEqual
        ? "zero variance: AAR equals " + first + " on all D = " + d + " estimation days, so Ŝ = 0"
        : "the variance of AAR or the statistic is outside the normal range of double precision"
            + " (values of extreme magnitude)";
  }
}
