package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

/**
 * Cowan's generalized sign test: are positive CARs more common in the window than the firm-events'
 * own estimation windows say they should be?
 *
 * <pre>
 *   z = (N⁺ − N p̂) / √( N p̂ (1 − p̂) ),   N⁺ = #{CAR_i &gt; 0},
 *   p̂ = (1/N) Σ_i (1/M_i) #{τ in estimation: ε̂_iτ &gt; 0}
 * </pre>
 *
 * <p>Variance: the binomial variance {@code N p̂ (1 − p̂)} of N⁺ under the null that each CAR is
 * positive with the estimation-window probability p̂ ({@link
 * CarSample#positiveEstimationShare(int)}). N counts every firm-event of the sample, a zero CAR
 * counting as not positive. The p-value is two-sided, {@code 2 Φ(−|z|)} from N(0, 1) (no continuity
 * correction). CAR only.
 *
 * <p>Undefined ({@code NaN}, with a reason): N = 0; a {@code NaN} or infinite CAR; a positive share
 * {@code NaN} or outside [0, 1]; p̂ ∈ {0, 1} (zero binomial variance).
 *
 * <p>Cowan (1992), RQFA 2, 343–358; {@code docs/statistics.md} section 3, id {@code gsign-z}.
 */
public final class GeneralizedSignTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "gsign-z";

  private static final GeneralizedSignTest DEFAULT = new GeneralizedSignTest();

  private GeneralizedSignTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, N(0, 1))
   */
  public static GeneralizedSignTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    int n = sample.size();
    if (!(sample instanceof CarSample c) || n == 0) {
      return Double.NaN;
    }
    double[] car = c.car;
    double[] shares = c.positiveEstimationShare;
    int positive = 0;
    CompensatedSum shareSum = new CompensatedSum();
    for (int i = 0; i < n; i++) {
      double x = car[i];
      double share = shares[i];
      if (!Double.isFinite(x) || !(share >= 0.0 && share <= 1.0)) {
        return Double.NaN;
      }
      if (x > 0.0) {
        positive++;
      }
      shareSum.add(share);
    }
    return statistic(n, positive, shareSum);
  }

  @Override
  double statistic(SampleSummary summary) {
    long n = summary.size();
    if (!summary.isCar() || n == 0 || summary.values.nonFiniteAt >= 0 || summary.badShareAt >= 0) {
      return Double.NaN;
    }
    return statistic(n, summary.positive, summary.shareSum);
  }

  /**
   * {@code (N⁺ − N p̂) / √(N p̂ (1 − p̂))}, {@code N p̂ = Σ p̂_i}; {@code NaN} if p̂ ∉ (0, 1).
   *
   * <p>The numerator is a small difference of two large numbers (about √N against N/2), so it is
   * formed from the unrounded sum: {@code Σ p̂_i} is a double-double ({@link CompensatedSum}) and
   * {@code N⁺ − Σ p̂_i} subtracts both its parts. Summed in another order (partitions merged on a
   * cluster) the statistic is then the same to about 1e-16 relative instead of drifting with N.
   */
  private static double statistic(long n, long positive, CompensatedSum shareSum) {
    double sum = shareSum.value();
    double p = sum / n;
    if (!(p > 0.0 && p < 1.0)) {
      return Double.NaN;
    }
    return shareSum.subtractedFrom(positive) / Math.sqrt(sum * (1.0 - p));
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    long n = sample.size();
    String r =
        SampleMath.firstOf(
            SampleMath.sizeReason(n, 1, "the generalized sign test"),
            SampleMath.nonFiniteReason(sample, VALUES));
    if (!r.isEmpty()) {
      return r;
    }
    if (sample.badShareAt >= 0) {
      return "the positive share of estimation residuals of the firm-event at sample position "
          + sample.badShareAt
          + " is "
          + sample.badShareValue
          + ", not a share in [0, 1]";
    }
    double p = sample.shareSum.value() / n;
    return p > 0.0 && p < 1.0
        ? ""
        : "p̂ = "
            + p
            + ": with every estimation residual "
            + (p == 0.0 ? "non-positive" : "positive")
            + " the binomial variance N p̂ (1 − p̂) is 0";
  }
}
