package io.eventide.inference;

import static io.eventide.inference.SampleMath.STANDARDIZED;

/**
 * Patell's standardized-residual test: the sum of the firm-events' standardized CARs, each scaled
 * by its own estimation-window standard deviation, against the sum of their variances under the
 * null.
 *
 * <pre>
 *   z = Σ_i SCAR_i / √( Σ_i (M_i − k) / (M_i − k − 2) )
 * </pre>
 *
 * <p>Variance: under the null each {@code SCAR_i} is Student t with {@code M_i − k} degrees of
 * freedom, whose variance is {@code (M_i − k)/(M_i − k − 2)}; the firm-events are assumed
 * independent and the event does not change the variance. The p-value is two-sided, {@code 2
 * Φ(−|z|)} from N(0, 1). CAR only.
 *
 * <p>Undefined ({@code NaN}, with a reason): N = 0; some {@code M_i − k ≤ 2} (the t variance is
 * infinite or undefined) or not finite; a {@code NaN} or infinite {@code SCAR_i}. N = 1 is defined
 * (the single firm-event's own standardized test).
 *
 * <p>Patell (1976), JAR 14, 246–276; {@code docs/statistics.md} section 3, id {@code patell-z}.
 */
public final class PatellTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "patell-z";

  private static final PatellTest DEFAULT = new PatellTest();

  private PatellTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, N(0, 1))
   */
  public static PatellTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    int n = sample.size();
    if (!(sample instanceof CarSample c) || n == 0) {
      return Double.NaN;
    }
    double[] scar = c.scar;
    double[] dof = c.degreesOfFreedom;
    // Σ SCAR is a small sum of large terms, and N equal terms (M−k)/(M−k−2) round the same way
    // each time in a plain sum: both are double-doubles, as in SampleSummary.
    CompensatedSum sumScar = new CompensatedSum();
    CompensatedSum sumVariance = new CompensatedSum();
    for (int i = 0; i < n; i++) {
      double df = dof[i];
      if (!(df > 2.0)) {
        return Double.NaN;
      }
      sumScar.add(scar[i]);
      sumVariance.add(df / (df - 2.0));
    }
    return statistic(sumScar.value(), sumVariance.value());
  }

  @Override
  double statistic(SampleSummary summary) {
    if (!summary.isCar() || summary.size() == 0 || summary.badDofAt >= 0) {
      return Double.NaN;
    }
    return statistic(summary.sumScar.value(), summary.sumPatellVariance.value());
  }

  /** {@code Σ SCAR_i / √(Σ (M_i − k)/(M_i − k − 2))}, or {@code NaN} if not finite. */
  private static double statistic(double sumScar, double sumVariance) {
    return SampleMath.finiteOrNaN(sumScar / Math.sqrt(sumVariance));
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    if (sample.size() == 0) {
      return SampleMath.EMPTY;
    }
    if (sample.badDofAt >= 0) {
      return "M_i − k = "
          + sample.badDofValue
          + " for the firm-event at sample position "
          + sample.badDofAt
          + ": the variance (M_i − k)/(M_i − k − 2) of its SCAR needs finite M_i − k > 2";
    }
    return SampleMath.nonFiniteReason(sample, STANDARDIZED);
  }
}
