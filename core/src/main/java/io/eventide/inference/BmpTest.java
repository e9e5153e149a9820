package io.eventide.inference;

import static io.eventide.inference.SampleMath.STANDARDIZED;

/**
 * The Boehmer-Musumeci-Poulsen standardized cross-sectional test: a t test on the standardized
 * CARs, robust to an event-induced change in variance.
 *
 * <pre>
 *   t = mean(SCAR) √N / s_SCAR,   s_SCAR² = Σ_i (SCAR_i − mean(SCAR))² / (N − 1)
 * </pre>
 *
 * <p>Variance: the cross-sectional sample variance of the standardized CARs (divisor N − 1).
 * Degrees of freedom N − 1; the p-value is two-sided, {@code 2 F(−|t|)} from Student t(N − 1). CAR
 * only.
 *
 * <p>Undefined ({@code NaN}, with a reason): N &lt; 2; a {@code NaN} or infinite {@code SCAR_i};
 * zero variance (all {@code SCAR_i} equal); a sum of squared deviations outside the normal double
 * range (deviations beyond about 1e±154), reported undefined rather than wrong.
 *
 * <p>Boehmer, Musumeci and Poulsen (1991), JFE 30, 253–272; {@code docs/statistics.md} section 3,
 * id {@code bmp-t}.
 */
public final class BmpTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "bmp-t";

  private static final BmpTest DEFAULT = new BmpTest();

  private BmpTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, Student t(N − 1))
   */
  public static BmpTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    int n = sample.size();
    if (!(sample instanceof CarSample) || n < 2) {
      return Double.NaN;
    }
    return SampleMath.tRatio(SampleMath.array(sample, STANDARDIZED));
  }

  @Override
  double statistic(SampleSummary summary) {
    return summary.isCar() ? SampleMath.tRatio(summary.scar) : Double.NaN;
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
    return SampleMath.firstOf(
        SampleMath.sizeReason(sample.size(), 2, "the sample standard deviation of SCAR"),
        SampleMath.nonFiniteReason(sample, STANDARDIZED),
        SampleMath.varianceReason(sample, STANDARDIZED));
  }
}
