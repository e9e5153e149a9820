package io.eventide.inference;

import java.util.Objects;

/**
 * The outcome of one test on one sample: the statistic, its two-sided p-value, the degrees of
 * freedom of the Student t distribution the p-value comes from, and the sample size.
 *
 * <p>A result is either <em>defined</em> (a non-NaN statistic, a p-value in [0, 1] and an empty
 * {@code undefinedReason}) or <em>undefined</em> (statistic, p-value and degrees of freedom {@code
 * NaN}, and a non-blank {@code undefinedReason} in plain words, such as "N = 1: the sample standard
 * deviation needs N ≥ 2"). Use {@link #of} and {@link #undefined} to make one.
 *
 * <p>{@code degreesOfFreedom} is that of the t distribution of the p-value (N − 1 for cs-t, bmp-t,
 * kp-bmp-t and skew-t; D − 1 for cda-t) and {@code NaN} where the p-value is not from Student t
 * (the normal tests and the Wilcoxon test). Which window and measure a result belongs to is the
 * caller's to record (a study's {@code StudyTests} does).
 *
 * @param testId the test's {@link EventStudyTest#id()}
 * @param statistic the test statistic, {@code NaN} when undefined
 * @param pValue the two-sided p-value, {@code NaN} when undefined
 * @param degreesOfFreedom the degrees of freedom of the p-value's Student t, positive; {@code NaN}
 *     when undefined or when the p-value is not from Student t
 * @param n N, the number of values in the sample
 * @param undefinedReason why the statistic is undefined; empty when it is defined
 */
public record TestResult(
    String testId,
    double statistic,
    double pValue,
    double degreesOfFreedom,
    int n,
    String undefinedReason) {

  /** Validates that the result is either consistently defined or consistently undefined. */
  public TestResult {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    if (n < 0) {
      throw new IllegalArgumentException("Test " + testId + ": n = " + n + " is negative");
    }
    if (undefinedReason.isBlank()) {
      if (!undefinedReason.isEmpty()) {
        throw new IllegalArgumentException(
            "Test " + testId + ": undefinedReason must be empty or say why, not blank");
      }
      if (Double.isNaN(statistic)) {
        throw new IllegalArgumentException(
            "Test " + testId + ": a NaN statistic needs an undefinedReason");
      }
      if (!(pValue >= 0.0 && pValue <= 1.0)) {
        throw new IllegalArgumentException(
            "Test " + testId + ": p-value " + pValue + " is not in [0, 1]");
      }
      if (!Double.isNaN(degreesOfFreedom) && !(degreesOfFreedom > 0.0)) {
        throw new IllegalArgumentException(
            "Test "
                + testId
                + ": degrees of freedom "
                + degreesOfFreedom
                + " must be positive, or NaN where the p-value is not from Student t");
      }
    } else if (!Double.isNaN(statistic)
        || !Double.isNaN(pValue)
        || !Double.isNaN(degreesOfFreedom)) {
      throw new IllegalArgumentException(
          "Test "
              + testId
              + ": an undefined result ('"
              + undefinedReason
              + "') must have NaN statistic, p-value and degrees of freedom,"
              + " not "
              + statistic
              + ", "
              + pValue
              + " and "
              + degreesOfFreedom);
    }
  }

  /**
   * A defined result whose p-value is not from Student t (degrees of freedom {@code NaN}).
   *
   * @param testId the test id
   * @param statistic the statistic, not {@code NaN}
   * @param pValue the two-sided p-value in [0, 1]
   * @param n N
   * @return the result
   */
  public static TestResult of(String testId, double statistic, double pValue, int n) {
    return new TestResult(testId, statistic, pValue, Double.NaN, n, "");
  }

  /**
   * A defined result whose p-value is from Student t.
   *
   * @param testId the test id
   * @param statistic the statistic, not {@code NaN}
   * @param pValue the two-sided p-value in [0, 1]
   * @param degreesOfFreedom the t distribution's degrees of freedom, positive
   * @param n N
   * @return the result
   */
  public static TestResult of(
      String testId, double statistic, double pValue, double degreesOfFreedom, int n) {
    return new TestResult(testId, statistic, pValue, degreesOfFreedom, n, "");
  }

  /**
   * An undefined result: statistic, p-value and degrees of freedom are {@code NaN}.
   *
   * @param testId the test id
   * @param n N
   * @param reason why, in plain words; not blank
   * @return the result
   */
  public static TestResult undefined(String testId, int n, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("Test " + testId + ": an undefined result needs a reason");
    }
    return new TestResult(testId, Double.NaN, Double.NaN, Double.NaN, n, reason);
  }

  /**
   * @return whether the statistic is defined (then {@link #undefinedReason()} is empty)
   */
  public boolean isDefined() {
    return undefinedReason.isEmpty();
  }
}
