package io.eventide.study;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A cross-sectional mean with its standard error and 95% confidence interval: the CAAR of a window
 * or the AAR of a day ({@code docs/statistics.md}, "CAAR and AAR with intervals").
 *
 * <p>For N values {@code x_i}: {@code estimate = x̄ = Σx_i / N}, {@code s² = Σ(x_i − x̄)² / (N −
 * 1)}, {@code standardError = s / √N}, and the interval {@code x̄ ∓ t_{0.975, N−1} · s / √N} with
 * the Student t quantile of N − 1 degrees of freedom: the interval of the cross-sectional t test
 * (Brown and Warner 1985, Journal of Financial Economics 14(1), section 3). With N = 0 every field
 * is NaN; with N = 1 the standard error and the interval are NaN.
 *
 * @param estimate the mean x̄
 * @param standardError s / √N
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param n the number of values N
 */
public record MeanEstimate(
    double estimate, double standardError, double lower, double upper, int n) {

  /** The confidence level of the interval. */
  public static final double LEVEL = 0.95;

  /** Checks the count. */
  public MeanEstimate {
    if (n < 0) {
      throw new IllegalArgumentException("n is " + n + "; a count cannot be negative");
    }
  }

  /**
   * The mean, standard error and 95% interval of some values.
   *
   * @param values the values, none NaN
   * @param count how many of them, from the start, to use
   * @return the estimate
   */
  public static MeanEstimate of(double[] values, int count) {
    if (count == 0) {
      return new MeanEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += values[i];
    }
    double mean = sum / count;
    double ss = 0;
    for (int i = 0; i < count; i++) {
      double d = values[i] - mean;
      ss += d * d;
    }
    return of(count, mean, ss);
  }

  /**
   * The estimate from moments: what {@link #of(double[], int)} computes from the values, and what a
   * mergeable summary gives without them ({@code docs/statistics.md}, "Mergeable summaries").
   *
   * @param count N
   * @param mean x̄
   * @param sumSquares {@code Σ(x_i − x̄)²}
   * @return the estimate (all NaN for N = 0; standard error and interval NaN for N = 1)
   */
  public static MeanEstimate of(long count, double mean, double sumSquares) {
    int n = Math.toIntExact(count);
    if (n == 0) {
      return new MeanEstimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    if (n == 1) {
      return new MeanEstimate(mean, Double.NaN, Double.NaN, Double.NaN, 1);
    }
    double se = Math.sqrt(sumSquares / (n - 1) / n);
    double q = new TDistribution(null, n - 1.0).inverseCumulativeProbability(0.5 + LEVEL / 2);
    return new MeanEstimate(mean, se, mean - q * se, mean + q * se, n);
  }

  /**
   * @return {@code estimate / standardError}, the cross-sectional t statistic (NaN when undefined)
   */
  public double t() {
    return estimate / standardError;
  }
}
