package io.eventide.inference;

import io.eventide.event.EventWindow;
import io.eventide.study.Measure;
import java.util.Objects;

/**
 * The outcome of one test on one window: the statistic, its two-sided p-value and the sample size.
 *
 * <p>A result is either <em>defined</em> (a non-NaN statistic, a p-value in [0, 1] and an empty
 * {@code undefinedReason}) or <em>undefined</em> (statistic and p-value {@code NaN}, and a
 * non-blank {@code undefinedReason} in plain words, such as "N = 1: the sample standard deviation
 * needs N ≥ 2"). Use {@link #of} and {@link #undefined} to make one.
 *
 * @param testId the test's {@link EventStudyTest#id()}
 * @param window the event window
 * @param measure CAR or BHAR
 * @param statistic the test statistic, {@code NaN} when undefined
 * @param pValue the two-sided p-value, {@code NaN} when undefined
 * @param n N, the number of firm-events in the window's sample
 * @param undefinedReason why the statistic is undefined; empty when it is defined
 */
public record TestResult(
    String testId,
    EventWindow window,
    Measure measure,
    double statistic,
    double pValue,
    int n,
    String undefinedReason) {

  /** Validates that the result is either consistently defined or consistently undefined. */
  public TestResult {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    if (n < 0) {
      throw new IllegalArgumentException(
          "Test " + testId + " on window " + window + ": n = " + n + " is negative");
    }
    if (undefinedReason.isBlank()) {
      if (!undefinedReason.isEmpty()) {
        throw new IllegalArgumentException(
            "Test "
                + testId
                + " on window "
                + window
                + ": undefinedReason must be empty or say why, not blank");
      }
      if (Double.isNaN(statistic)) {
        throw new IllegalArgumentException(
            "Test "
                + testId
                + " on window "
                + window
                + ": a NaN statistic needs an undefinedReason");
      }
      if (!(pValue >= 0.0 && pValue <= 1.0)) {
        throw new IllegalArgumentException(
            "Test "
                + testId
                + " on window "
                + window
                + ": p-value "
                + pValue
                + " is not in [0, 1]");
      }
    } else if (!Double.isNaN(statistic) || !Double.isNaN(pValue)) {
      throw new IllegalArgumentException(
          "Test "
              + testId
              + " on window "
              + window
              + ": an undefined result ('"
              + undefinedReason
              + "') must have NaN statistic and p-value,"
              + " not "
              + statistic
              + " and "
              + pValue);
    }
  }

  /**
   * A defined result.
   *
   * @param testId the test id
   * @param window the window
   * @param measure CAR or BHAR
   * @param statistic the statistic, not {@code NaN}
   * @param pValue the two-sided p-value in [0, 1]
   * @param n N
   * @return the result
   */
  public static TestResult of(
      String testId, EventWindow window, Measure measure, double statistic, double pValue, int n) {
    return new TestResult(testId, window, measure, statistic, pValue, n, "");
  }

  /**
   * An undefined result: statistic and p-value are {@code NaN}.
   *
   * @param testId the test id
   * @param window the window
   * @param measure CAR or BHAR
   * @param n N
   * @param reason why, in plain words; not blank
   * @return the result
   */
  public static TestResult undefined(
      String testId, EventWindow window, Measure measure, int n, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException(
          "Test " + testId + " on window " + window + ": an undefined result needs a reason");
    }
    return new TestResult(testId, window, measure, Double.NaN, Double.NaN, n, reason);
  }

  /**
   * @return whether the statistic is defined (then {@link #undefinedReason()} is empty)
   */
  public boolean isDefined() {
    return undefinedReason.isEmpty();
  }
}
