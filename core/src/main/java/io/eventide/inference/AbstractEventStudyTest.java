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

  /**
   * @param id the test id
   * @param appliesToValues whether the test needs only the values (then it applies to every
   *     sample), or the standardized inputs of a {@link CarSample}
   */
  AbstractEventStudyTest(String id, boolean appliesToValues) {
    this.id = id;
    this.appliesToValues = appliesToValues;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean appliesTo(Sample sample) {
    Objects.requireNonNull(sample, "sample");
    return appliesToValues || sample instanceof CarSample;
  }

  @Override
  public final TestResult test(Sample sample) {
    Objects.requireNonNull(sample, "sample");
    int n = sample.size();
    double statistic = statistic(sample);
    if (!Double.isNaN(statistic)) {
      double p = pValue(statistic, sample);
      if (p >= 0.0 && p <= 1.0) {
        return TestResult.of(id, statistic, p, degreesOfFreedom(sample), n);
      }
    }
    String reason;
    if (!appliesTo(sample)) {
      reason = id + " applies to CAR samples only; this is a " + sample.label() + " sample";
    } else {
      reason = undefinedReason(sample);
      if (reason.isEmpty()) {
        reason =
            "the statistic is not a finite number in double precision"
                + " (inputs of extreme magnitude)";
      }
    }
    return TestResult.undefined(id, n, reason);
  }

  /**
   * Why {@link #statistic(Sample)} is {@code NaN} for a sample this test applies to. Called only
   * then, so it may allocate.
   *
   * @param sample the sample
   * @return the reason in plain words, or "" if none of the known causes applies
   */
  abstract String undefinedReason(Sample sample);

  /**
   * @param statistic the defined statistic of {@code sample}
   * @param sample the sample
   * @return the two-sided p-value
   */
  abstract double pValue(double statistic, Sample sample);

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
