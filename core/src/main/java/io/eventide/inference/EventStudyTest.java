package io.eventide.inference;

import io.eventide.study.Measure;
import io.eventide.study.WindowSample;

/**
 * A cross-sectional test of abnormal performance over one event window ({@code spec/STATISTICS.md}
 * section 3).
 *
 * <p>Implementations are immutable and stateless: {@link #statistic(WindowSample)} is the hot path
 * (a primitive loop over the sample that returns {@code NaN} when the statistic is undefined and
 * never throws), and {@link #test(WindowSample)} adds the two-sided p-value and, when undefined,
 * the reason in plain words.
 */
public interface EventStudyTest {

  /**
   * @return the stable identifier of the test, for example {@code cs-t} or {@code patell-z}
   */
  String id();

  /**
   * @param measure CAR or BHAR
   * @return whether this test is defined for samples of that measure
   */
  boolean appliesTo(Measure measure);

  /**
   * The test statistic, without allocation where the sample's accessors allow it.
   *
   * @param sample the window sample
   * @return the statistic, or {@code NaN} when it is undefined (too few firm-events, zero variance,
   *     {@code NaN} inputs, a measure the test does not apply to, ...)
   */
  double statistic(WindowSample sample);

  /**
   * The statistic with its two-sided p-value.
   *
   * @param sample the window sample
   * @return the result; when the statistic is undefined, statistic and p-value are {@code NaN} and
   *     {@link TestResult#undefinedReason()} says why
   */
  TestResult test(WindowSample sample);
}
