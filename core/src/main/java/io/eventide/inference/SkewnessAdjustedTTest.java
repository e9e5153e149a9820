package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

/**
 * The skewness-adjusted t test: the cross-sectional t statistic passed through Hall's monotone
 * transformation, which removes the bias that skewed long-horizon abnormal returns (BHAR) cause.
 *
 * <pre>
 *   t_sa = √N ( S + γ̂ S²/3 + γ̂² S³/27 + γ̂/(6N) ),   S = CAAR / s_CAR,
 *   γ̂ = N Σ_i (CAR_i − CAAR)³ / ((N − 1)(N − 2) s_CAR³),   s_CAR² = Σ_i (CAR_i − CAAR)² / (N − 1)
 * </pre>
 *
 * <p>Variance: the cross-sectional sample variance (divisor N − 1); γ̂ is the adjusted
 * Fisher-Pearson sample skewness (for example {@code scipy.stats.skew(x, bias=False)}). Degrees of
 * freedom N − 1; the p-value is two-sided, {@code 2 F(−|t|)} from Student t(N − 1) (the
 * bootstrapped critical values of Lyon, Barber and Tsai are not used). Applies to every sample
 * (CAR, BHAR, any plain {@link ValueSample}).
 *
 * <p>Undefined ({@code NaN}, with a reason): N &lt; 3 (γ̂ divides by N − 2); a {@code NaN} or
 * infinite value; zero variance (all values equal); sums of squared or cubed deviations outside the
 * double range (values of extreme magnitude), reported undefined rather than wrong.
 *
 * <p>Hall (1992), "On the removal of skewness by transformation", JRSS B 54, 221–228
 * (transformation); Lyon, Barber and Tsai (1999), JF 54, 165–201; {@code docs/statistics.md}
 * section 3, id {@code skew-t}.
 */
public final class SkewnessAdjustedTTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "skew-t";

  private static final SkewnessAdjustedTTest DEFAULT = new SkewnessAdjustedTTest();

  private SkewnessAdjustedTTest() {
    super(ID, true);
  }

  /**
   * @return the test (two-sided, Student t(N − 1))
   */
  public static SkewnessAdjustedTTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    int n = sample.size();
    if (n < 3) {
      return Double.NaN;
    }
    double[] x = SampleMath.array(sample, VALUES);
    double mean = SampleMath.mean(x);
    double ss = SampleMath.sumSquaredDeviations(x, mean);
    if (!SampleMath.isRegular(ss)) {
      return Double.NaN;
    }
    return statistic(n, mean, ss, SampleMath.sumCubedDeviations(x, mean));
  }

  @Override
  double statistic(SampleSummary summary) {
    SampleSummary.Moments m = summary.values;
    return m.n < 3 ? Double.NaN : statistic(m.n, m.mean(), m.sumSquares(), m.sumCubes());
  }

  /**
   * Hall's transformed t from the moments.
   *
   * @param n N, at least 3
   * @param mean the mean
   * @param ss {@code Σ(x − mean)²}
   * @param cubes {@code Σ(x − mean)³}
   * @return {@code t_sa}, or {@code NaN} when {@code ss} is not regular or the result not finite
   */
  private static double statistic(long n, double mean, double ss, double cubes) {
    double sd = SampleMath.isRegular(ss) ? Math.sqrt(ss / (n - 1)) : Double.NaN;
    if (Double.isNaN(sd)) {
      return Double.NaN;
    }
    double s = mean / sd;
    double gamma = n * cubes / ((n - 1.0) * (n - 2.0) * sd * sd * sd);
    double t =
        Math.sqrt(n)
            * (s + gamma * s * s / 3.0 + gamma * gamma * s * s * s / 27.0 + gamma / (6.0 * n));
    return SampleMath.finiteOrNaN(t);
  }

  @Override
  double degreesOfFreedom(Sample sample) {
    return sample.size() - 1;
  }

  @Override
  double degreesOfFreedom(SampleSummary summary) {
    return summary.size() - 1;
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    return SampleMath.firstOf(
        SampleMath.sizeReason(sample.size(), 3, "the sample skewness (divisor N − 2)"),
        SampleMath.nonFiniteReason(sample, VALUES),
        SampleMath.varianceReason(sample, VALUES));
  }
}
