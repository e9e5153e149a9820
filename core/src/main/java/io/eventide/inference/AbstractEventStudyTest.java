package io.eventide.inference;

import io.eventide.study.Measure;
import io.eventide.study.WindowSample;
import java.util.Objects;

/**
 * The shared frame of the eleven tests: id, the measures a test applies to, and {@link
 * #test(WindowSample)} built from {@link #statistic(WindowSample)}, a p-value and, when the
 * statistic is {@code NaN}, the reason.
 */
abstract class AbstractEventStudyTest implements EventStudyTest {

  private final String id;
  private final boolean appliesToBhar;

  AbstractEventStudyTest(String id, boolean appliesToBhar) {
    this.id = id;
    this.appliesToBhar = appliesToBhar;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean appliesTo(Measure measure) {
    Objects.requireNonNull(measure, "measure");
    return measure == Measure.CAR || appliesToBhar;
  }

  @Override
  public final TestResult test(WindowSample sample) {
    Objects.requireNonNull(sample, "sample");
    int n = sample.size();
    double statistic = statistic(sample);
    if (!Double.isNaN(statistic)) {
      double p = pValue(statistic, sample);
      if (p >= 0.0 && p <= 1.0) {
        return TestResult.of(id, sample.window(), sample.measure(), statistic, p, n);
      }
    }
    String reason;
    if (!appliesTo(sample.measure())) {
      reason = id + " applies to CAR samples only; this is a " + sample.measure() + " sample";
    } else {
      reason = undefinedReason(sample);
      if (reason.isEmpty()) {
        reason =
            "the statistic is not a finite number in double precision"
                + " (inputs of extreme magnitude)";
      }
    }
    return TestResult.undefined(id, sample.window(), sample.measure(), n, reason);
  }

  /**
   * Why {@link #statistic(WindowSample)} is {@code NaN} for a sample of a measure this test applies
   * to. Called only then, so it may allocate.
   *
   * @param sample the sample
   * @return the reason in plain words, or "" if none of the known causes applies
   */
  abstract String undefinedReason(WindowSample sample);

  /**
   * @param statistic the defined statistic of {@code sample}
   * @param sample the sample
   * @return the two-sided p-value
   */
  abstract double pValue(double statistic, WindowSample sample);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + "]";
  }
}
