package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

/**
 * The cross-sectional t test: is the mean abnormal return of the window different from zero, judged
 * by the dispersion of the firm-events' own CARs?
 *
 * <pre>
 *   t = CAAR / (s_CAR / √N),   CAAR = (1/N) Σ_i CAR_i,   s_CAR² = Σ_i (CAR_i − CAAR)² / (N − 1)
 * </pre>
 *
 * <p>Variance: the cross-sectional sample variance of the CARs (divisor N − 1), so event-induced
 * changes in variance are allowed for but cross-correlation is not. Degrees of freedom N − 1; the
 * p-value is two-sided, {@code 2 F(−|t|)} from Student t(N − 1). Applies to every sample: CAR, BHAR
 * (then {@code ABHAR / (s_BHAR / √N)}) or any plain {@link ValueSample}.
 *
 * <p>Undefined ({@code NaN}, with a reason from {@link #test}): N &lt; 2 (the sample standard
 * deviation needs N ≥ 2); a {@code NaN} or infinite value; zero variance (all values equal); a sum
 * of squared deviations outside the normal double range (deviations beyond about 1e±154), reported
 * undefined rather than wrong.
 *
 * <p>Brown and Warner (1985), JFE 14, 3–31; {@code docs/statistics.md} section 3, id {@code cs-t}.
 */
public final class CrossSectionalTTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "cs-t";

  private static final CrossSectionalTTest DEFAULT = new CrossSectionalTTest();

  private CrossSectionalTTest() {
    super(ID, true);
  }

  /**
   * @return the test (two-sided, Student t(N − 1))
   */
  public static CrossSectionalTTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    int n = sample.size();
    if (n < 2) {
      return Double.NaN;
    }
    return SampleMath.tRatio(SampleMath.array(sample, VALUES));
  }

  @Override
  double statistic(SampleSummary summary) {
    return SampleMath.tRatio(summary.values);
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
        SampleMath.sizeReason(sample.size(), 2, "the sample standard deviation"),
        SampleMath.nonFiniteReason(sample, VALUES),
        SampleMath.varianceReason(sample, VALUES));
  }
}
