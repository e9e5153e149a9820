package io.eventide.inference;

/**
 * A cross-sectional test of abnormal performance on one sample ({@code docs/statistics.md} section
 * 3).
 *
 * <p>Implementations are immutable and stateless: {@link #statistic(Sample)} is the hot path (a
 * primitive loop over the sample that returns {@code NaN} when the statistic is undefined and never
 * throws), and {@link #test(Sample)} adds the two-sided p-value, the degrees of freedom where the
 * p-value is from Student t and, when undefined, the reason in plain words.
 */
public interface EventStudyTest {

  /**
   * @return the stable identifier of the test, for example {@code cs-t} or {@code patell-z}
   */
  String id();

  /**
   * @param sample a sample
   * @return whether this test is defined for it: the tests that need the standardized inputs apply
   *     to {@link CarSample}s only, the others to every sample
   */
  boolean appliesTo(Sample sample);

  /**
   * The test statistic, without allocation.
   *
   * @param sample the sample
   * @return the statistic, or {@code NaN} when it is undefined (too few values, zero variance,
   *     {@code NaN} inputs, a sample the test does not apply to, ...)
   */
  double statistic(Sample sample);

  /**
   * The statistic with its two-sided p-value.
   *
   * @param sample the sample
   * @return the result; when the statistic is undefined, statistic and p-value are {@code NaN} and
   *     {@link TestResult#undefinedReason()} says why
   */
  TestResult test(Sample sample);

  /**
   * @return whether this test finishes from a {@link SampleSummary} ({@link #test(SampleSummary)}):
   *     the standard eleven and the generalized rank tests do; the bootstrapped skewness-adjusted
   *     test, which resamples every value, does not
   */
  default boolean supportsSummary() {
    return false;
  }

  /**
   * The result from a summary of the sample instead of the sample: the same statistic, p-value and
   * reason as {@link #test(Sample)} on the summarized sample, to the rounding of merged moments
   * (bit for bit when the summary is {@link SampleSummary#of(Sample)}).
   *
   * @param summary the summary; a CAR summary carries its per-sample inputs ({@link
   *     SampleSummary#withSampleInputs}) and, for {@code wilcoxon} with N' &gt; 30, W⁺ ({@link
   *     SampleSummary#withPositiveRankSum})
   * @return the result
   * @throws UnsupportedOperationException if {@link #supportsSummary()} is false
   */
  default TestResult test(SampleSummary summary) {
    throw new UnsupportedOperationException(id() + " does not finish from a sample summary");
  }

  /**
   * @param summary a summary
   * @return whether this test applies to the sample it summarizes (as {@link #appliesTo(Sample)})
   */
  default boolean appliesTo(SampleSummary summary) {
    return false;
  }
}
