package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

/**
 * The sign test: are positive abnormal returns more (or less) common than negative ones, each
 * equally likely under the null?
 *
 * <pre>
 *   z = (N⁺ − N'/2) / (√N' / 2),   N⁺ = #{CAR_i &gt; 0},   N' = #{CAR_i ≠ 0}
 * </pre>
 *
 * <p>Variance: the binomial variance {@code N' · ½ · ½} of N⁺ under the null that a non-zero CAR is
 * positive with probability ½; zeros are dropped. The p-value is two-sided, {@code 2 Φ(−|z|)} from
 * the normal approximation N(0, 1) (no continuity correction). Applies to every sample (CAR, BHAR,
 * any plain {@link ValueSample}).
 *
 * <p>Undefined ({@code NaN}, with a reason): N = 0; N' = 0 (every value is zero); a {@code NaN} or
 * infinite value.
 *
 * <p>The classical sign test, for example Brown and Warner (1980), JFE 8, and Cowan (1992), RQFA 2;
 * {@code docs/statistics.md} section 3, id {@code sign-z}.
 */
public final class SignTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "sign-z";

  private static final SignTest DEFAULT = new SignTest();

  private SignTest() {
    super(ID, true, true);
  }

  /**
   * @return the test (two-sided, N(0, 1))
   */
  public static SignTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (sample instanceof ValueSample v && !v.zeroMedianUnderNull()) {
      return Double.NaN; // its null is a zero mean only: a zero-median test does not apply
    }
    double[] v = SampleMath.array(sample, VALUES);
    int n = v.length;
    int positive = 0;
    int nonZero = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (!Double.isFinite(x)) {
        return Double.NaN;
      }
      if (x > 0.0) {
        positive++;
        nonZero++;
      } else if (x < 0.0) {
        nonZero++;
      }
    }
    return statistic(positive, nonZero);
  }

  @Override
  double statistic(SampleSummary summary) {
    if (summary.values.nonFiniteAt >= 0) {
      return Double.NaN;
    }
    return statistic(summary.positive, summary.nonZero());
  }

  /** {@code (N⁺ − N'/2) / (√N' / 2)}, or {@code NaN} when N' = 0. */
  private static double statistic(long positive, long nonZero) {
    if (nonZero == 0) {
      return Double.NaN;
    }
    return (positive - nonZero / 2.0) / (Math.sqrt(nonZero) / 2.0);
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    String r =
        SampleMath.firstOf(
            SampleMath.sizeReason(sample.size(), 1, "the sign test"),
            SampleMath.nonFiniteReason(sample, VALUES));
    return r.isEmpty()
        ? "N' = 0: all N = " + sample.size() + " values are zero, so no sign can be counted"
        : r;
  }
}
