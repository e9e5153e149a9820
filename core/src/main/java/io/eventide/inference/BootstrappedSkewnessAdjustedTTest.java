package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

import java.util.SplittableRandom;

/**
 * The skewness-adjusted t test with a bootstrapped p-value (Lyon, Barber and Tsai 1999): the
 * statistic of {@link SkewnessAdjustedTTest}, judged against its own distribution in resamples of
 * the sample drawn with replacement and centred on the sample mean (the null), instead of Student
 * t. For long-horizon BHARs, whose skewness the t distribution does not capture.
 *
 * <pre>
 *   t_sa = √N ( S + γ̂ S²/3 + γ̂² S³/27 + γ̂/(6N) ),   S = mean / s       (the sample, as skew-t)
 *   for b = 1..B: draw n_b = ⌊N/4⌋ values with replacement,
 *     t*_b = √n_b ( S*_b + γ̂*_b S*_b²/3 + γ̂*_b² S*_b³/27 + γ̂*_b/(6 n_b) ),
 *     S*_b = (mean*_b − mean) / s*_b,   γ̂*_b, s*_b of the resample (skew-t's estimators)
 *   p = min(1, 2 min(#{t*_b ≤ t_sa}, #{t*_b ≥ t_sa}) / B')
 * </pre>
 *
 * <p>Reading of LBT (1999), section III.B ("bootstrapped skewness-adjusted t"): resamples of size
 * n/4 ({@code ⌊N/4⌋} here), 1,000 of them in the paper ({@code B} here), the statistic recomputed
 * in each with the resample's mean centred on the original sample's mean so that the resamples obey
 * the null; the null is rejected when {@code t_sa} falls below the {@code α/2} or above the {@code
 * 1 − α/2} quantile of the {@code t*}. The p-value here is the smallest α at which that
 * equal-tailed rule rejects: twice the smaller tail share, capped at 1. B' counts the resamples
 * whose statistic is defined (a resample of equal values has no s*): those without one are skipped.
 * The transformation keeps Hall's (1992) cubic term, as {@code skew-t} does, in the sample and in
 * every resample alike (LBT print the transformation without it).
 *
 * <p>Resamples come from a {@link SplittableRandom} seeded with the test's seed for every sample:
 * the same sample and seed give the same p-value on any thread, in any order. Degrees of freedom:
 * none ({@code NaN}). Applies to every sample (CAR, BHAR, plain values); a study reports it for
 * BHAR.
 *
 * <p>Undefined ({@code NaN}, with a reason): whatever makes {@code skew-t} undefined; {@code ⌊N/4⌋
 * < 3} (N &lt; 12: the resample's skewness needs three values); no resample with a defined
 * statistic.
 *
 * <p>Lyon, Barber and Tsai (1999), "Improved methods for tests of long-run abnormal stock returns",
 * Journal of Finance 54, 165–201; Hall (1992), JRSS B 54, 221–228; {@code docs/statistics.md},
 * "Long horizons", id {@code skew-t-boot}.
 */
public final class BootstrappedSkewnessAdjustedTTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "skew-t-boot";

  private final int resamples;
  private final long seed;

  private BootstrappedSkewnessAdjustedTTest(int resamples, long seed) {
    super(ID, true);
    this.resamples = resamples;
    this.seed = seed;
  }

  /**
   * @param resamples B, at least 1 (LBT use 1,000)
   * @param seed the seed of every sample's resamples
   * @return the test
   * @throws IllegalArgumentException if {@code resamples < 1}
   */
  public static BootstrappedSkewnessAdjustedTTest of(int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException(
          "Bootstrap resamples B = " + resamples + "; use at least 1 (Lyon, Barber & Tsai: 1000)");
    }
    return new BootstrappedSkewnessAdjustedTTest(resamples, seed);
  }

  /**
   * @return B
   */
  public int resamples() {
    return resamples;
  }

  /**
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  @Override
  public double statistic(Sample sample) {
    if (sample.size() / 4 < 3) {
      return Double.NaN;
    }
    return SkewnessAdjustedTTest.withDefaults().statistic(sample);
  }

  /** Resampling needs the values: no summary. */
  @Override
  public boolean supportsSummary() {
    return false;
  }

  @Override
  double pValue(double statistic, Sample sample) {
    double[] x = SampleMath.array(sample, VALUES);
    int n = x.length;
    int nb = n / 4;
    double mean = SampleMath.mean(x);
    double[] draw = new double[nb];
    SplittableRandom rnd = new SplittableRandom(seed);
    int valid = 0;
    int lower = 0;
    int upper = 0;
    for (int b = 0; b < resamples; b++) {
      for (int j = 0; j < nb; j++) {
        draw[j] = x[rnd.nextInt(n)];
      }
      double t = resampleStatistic(draw, mean);
      if (Double.isNaN(t)) {
        continue;
      }
      valid++;
      if (t <= statistic) {
        lower++;
      }
      if (t >= statistic) {
        upper++;
      }
    }
    if (valid == 0) {
      return Double.NaN;
    }
    return Math.min(1.0, 2.0 * Math.min(lower, upper) / valid);
  }

  /** t* of one resample, centred on the sample mean; NaN when s* is 0 or not finite. */
  static double resampleStatistic(double[] draw, double sampleMean) {
    int nb = draw.length;
    double m = SampleMath.mean(draw);
    double sd = SampleMath.sampleStandardDeviation(draw, m);
    if (!(sd > 0.0) || !Double.isFinite(sd)) {
      return Double.NaN;
    }
    double gamma =
        nb * SampleMath.sumCubedDeviations(draw, m) / ((nb - 1.0) * (nb - 2.0) * sd * sd * sd);
    double s = (m - sampleMean) / sd;
    double t =
        Math.sqrt(nb)
            * (s + gamma * s * s / 3.0 + gamma * gamma * s * s * s / 27.0 + gamma / (6.0 * nb));
    return SampleMath.finiteOrNaN(t);
  }

  @Override
  String undefinedReason(Sample sample) {
    int n = sample.size();
    if (n / 4 < 3) {
      return n == 0
          ? SampleMath.EMPTY
          : "N = "
              + n
              + ": the bootstrap resamples ⌊N/4⌋ = "
              + n / 4
              + " values and the skewness needs 3, so N ≥ 12";
    }
    String reason = SkewnessAdjustedTTest.withDefaults().test(sample).undefinedReason();
    return reason.isEmpty()
        ? "none of the B = "
            + resamples
            + " resamples has a defined statistic (each drew equal values)"
        : reason;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BootstrappedSkewnessAdjustedTTest t
        && t.resamples == resamples
        && t.seed == seed;
  }

  @Override
  public int hashCode() {
    return 31 * resamples + Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "BootstrappedSkewnessAdjustedTTest[B=" + resamples + ", seed=" + seed + "]";
  }
}
