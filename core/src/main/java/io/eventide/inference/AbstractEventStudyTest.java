package io.eventide.inference;

import java.util.Objects;

/**
 * The shared frame of the eleven tests: id, the samples a test applies to, and {@link
 * #test(Sample)} built from {@link #statistic(Sample)}, a p-value, its degrees of freedom and, when
 * the statistic is {@code NaN}, the reason.
 */
abstract class AbstractEventStudyTest implements EventStudyTest {

  private final String id;
  private final boolean appliesToValues;
  private final boolean needsZeroMedian;

  /**
   * @param id the test id
   * @param appliesToValues whether the test needs only the values (then it applies to every
   *     sample), or the standardized inputs of a {@link CarSample}
   */
  AbstractEventStudyTest(String id, boolean appliesToValues) {
    this(id, appliesToValues, false);
  }

  /**
   * @param id the test id
   * @param appliesToValues whether the test needs only the values, or a {@link CarSample}'s
   *     standardized inputs
   * @param needsZeroMedian whether the test's null is a zero median or a distribution symmetric
   *     about zero (the sign and Wilcoxon tests): it then does not apply to a {@link ValueSample}
   *     whose null is a zero mean only ({@link ValueSample#zeroMedianUnderNull()})
   */
  AbstractEventStudyTest(String id, boolean appliesToValues, boolean needsZeroMedian) {
    this.id = id;
    this.appliesToValues = appliesToValues;
    this.needsZeroMedian = needsZeroMedian;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean appliesTo(Sample sample) {
    Objects.requireNonNull(sample, "sample");
    if (needsZeroMedian && sample instanceof ValueSample v && !v.zeroMedianUnderNull()) {
      return false;
    }
    return appliesToValues || sample instanceof CarSample;
  }

  @Override
  public final TestResult test(Sample sample) {
    Objects.requireNonNull(sample, "sample");
    int n = sample.size();
    boolean applies = appliesTo(sample);
    double statistic = applies ? statistic(sample) : Double.NaN;
    if (!Double.isNaN(statistic)) {
      double p = pValue(statistic, sample);
      if (p >= 0.0 && p <= 1.0) {
        return TestResult.of(id, statistic, p, degreesOfFreedom(sample), n);
      }
    }
    return TestResult.undefined(
        id, n, applies ? orDefault(undefinedReason(sample)) : notApplying(sample.label()));
  }

  @Override
  public final boolean appliesTo(SampleSummary summary) {
    Objects.requireNonNull(summary, "summary");
    if (!supportsSummary()) {
      return false;
    }
    if (needsZeroMedian && !summary.isCar() && !summary.zeroMedianUnderNull()) {
      return false;
    }
    return appliesToValues || summary.isCar();
  }

  @Override
  public final TestResult test(SampleSummary summary) {
    Objects.requireNonNull(summary, "summary");
    if (!supportsSummary()) {
      return EventStudyTest.super.test(summary);
    }
    if (summary.isCar() && !summary.hasSampleInputs()) {
      throw new IllegalStateException(
          "This CAR summary has no r̄, AAR and rank inputs attached; see withSampleInputs");
    }
    int n = summary.n();
    boolean applies = appliesTo(summary);
    double statistic = applies ? statistic(summary) : Double.NaN;
    if (!Double.isNaN(statistic)) {
      double p = pValue(statistic, summary);
      if (p >= 0.0 && p <= 1.0) {
        return TestResult.of(id, statistic, p, degreesOfFreedom(summary), n);
      }
    }
    return TestResult.undefined(
        id, n, applies ? orDefault(undefinedReason(summary)) : notApplying(summary.label()));
  }

  private String notApplying(String label) {
    return appliesToValues
        ? id
            + " tests a zero median, and the values of this "
            + label
            + " sample have a zero mean but not a zero median under the null"
        : id + " applies to CAR samples only; this is a " + label + " sample";
  }

  private static String orDefault(String reason) {
    return reason.isEmpty()
        ? "the statistic is not a finite number in double precision"
            + " (inputs of extreme magnitude)"
        : reason;
  }

  /**
   * The statistic from a summary: the same final formula as {@link #statistic(Sample)}.
   *
   * @param summary a summary this test applies to
   * @return the statistic, or {@code NaN}
   */
  double statistic(SampleSummary summary) {
    throw new UnsupportedOperationException(id);
  }

  /**
   * The two-sided p-value from the summary: Student t with {@link #degreesOfFreedom(SampleSummary)}
   * degrees of freedom, or the standard normal where those are {@code NaN} (this class's default),
   * as for {@link #pValue(double, Sample)}.
   *
   * @param statistic the defined statistic of the summarized sample
   * @param summary the summary
   * @return the two-sided p-value
   */
  double pValue(double statistic, SampleSummary summary) {
    return twoSided(statistic, degreesOfFreedom(summary));
  }

  /**
   * Every test of this package runs on summaries ({@link #statistic(SampleSummary)}) but the
   * bootstrapped one, which resamples the values.
   */
  @Override
  public boolean supportsSummary() {
    return true;
  }

  /**
   * @param summary a summary with a defined statistic
   * @return the degrees of freedom of Student t, {@code NaN} (this default) where not Student t
   */
  double degreesOfFreedom(SampleSummary summary) {
    return Double.NaN;
  }

  /**
   * Why {@link #statistic(SampleSummary)} is {@code NaN}: the one place a test's reasons are
   * written, for samples ({@link #undefinedReason(Sample)} summarizes the sample) and summaries.
   *
   * @param summary the summary
   * @return the reason, or ""
   */
  String undefinedReason(SampleSummary summary) {
    throw new UnsupportedOperationException(id);
  }

  /**
   * Why {@link #statistic(Sample)} is {@code NaN} for a sample this test applies to. Called only
   * then, so it may allocate.
   *
   * @param sample the sample
   * @return the reason in plain words, or "" if none of the known causes applies
   */
  String undefinedReason(Sample sample) {
    return undefinedReason(SampleSummary.of(sample));
  }

  /**
   * The two-sided p-value: {@code 2 F(−|statistic|)} for Student t with {@link
   * #degreesOfFreedom(Sample)} degrees of freedom, or for the standard normal where those are
   * {@code NaN} (this class's default: the z tests).
   *
   * @param statistic the defined statistic of {@code sample}
   * @param sample the sample
   * @return the two-sided p-value
   */
  double pValue(double statistic, Sample sample) {
    return twoSided(statistic, degreesOfFreedom(sample));
  }

  private static double twoSided(double statistic, double degreesOfFreedom) {
    return Double.isNaN(degreesOfFreedom)
        ? SampleMath.twoSidedNormal(statistic)
        : SampleMath.twoSidedT(statistic, degreesOfFreedom);
  }

  /**
   * The degrees of freedom of the Student t distribution that {@link #pValue} uses.
   *
   * @param sample a sample with a defined statistic
   * @return the degrees of freedom; {@code NaN} (this default) where the p-value is not from
   *     Student t
   */
  double degreesOfFreedom(Sample sample) {
    return Double.NaN;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + "]";
  }
}
