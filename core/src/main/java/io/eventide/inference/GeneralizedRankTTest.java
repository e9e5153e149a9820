package io.eventide.inference;

/**
 * The generalized rank t test of Kolari and Pynnönen (2011): {@link GeneralizedRankZTest}'s Z
 * turned into a Student t statistic.
 *
 * <pre>
 *   t_grank = Z √( (T − 2) / (T − 1 − Z²) ),   degrees of freedom T − 2
 * </pre>
 *
 * <p>Z and T are those of {@link GeneralizedRankZTest} (T = the estimation days on which at least
 * one firm-event of the sample has a SAR, plus one for the window). The p-value is two-sided,
 * {@code 2 F(−|t|)} from Student t with T − 2 degrees of freedom. CAR only; the sample must carry
 * its SARs ({@link CarSample#withEstimationSar(double[][])}).
 *
 * <p>Undefined ({@code NaN}, with a reason): every case of {@link GeneralizedRankZTest}, and {@code
 * T − 1 − Z² ≤ 0}; T ≤ 2 (the degrees of freedom T − 2 would not be positive).
 *
 * <p>Kolari and Pynnönen (2011), "Nonparametric rank tests for event studies", Journal of Empirical
 * Finance 18, 953–971, equation 15; {@code docs/statistics.md}, "Generalized rank tests", id {@code
 * grank-t}.
 */
public final class GeneralizedRankTTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "grank-t";

  private static final GeneralizedRankTTest DEFAULT = new GeneralizedRankTTest();

  private GeneralizedRankTTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, Student t(T − 2))
   */
  public static GeneralizedRankTTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (!(sample instanceof CarSample s)) {
      return Double.NaN;
    }
    return tOf(GeneralizedRanks.compute(s));
  }

  private static double tOf(GeneralizedRanks.Statistic g) {
    double z = g.z();
    double denominator = g.days() - 1.0 - z * z;
    if (Double.isNaN(z) || g.days() <= 2 || !(denominator > 0.0)) {
      return Double.NaN;
    }
    return SampleMath.finiteOrNaN(z * Math.sqrt((g.days() - 2.0) / denominator));
  }

  @Override
  double degreesOfFreedom(Sample sample) {
    // T needs no ranking: test() asks for it after the statistic, so it is not ranked twice.
    return GeneralizedRanks.days((CarSample) sample) - 2.0;
  }

  @Override
  double statistic(SampleSummary summary) {
    return summary.isCar() ? tOf(GeneralizedRanks.compute(summary)) : Double.NaN;
  }

  @Override
  double degreesOfFreedom(SampleSummary summary) {
    return GeneralizedRanks.compute(summary).days() - 2.0;
  }

  @Override
  String undefinedReason(SampleSummary s) {
    String reason = GeneralizedRanks.undefinedReason(s);
    if (!reason.isEmpty()) {
      return reason;
    }
    GeneralizedRanks.Statistic g = GeneralizedRanks.compute(s);
    if (g.days() <= 2) {
      return "T = "
          + g.days()
          + ": Student t with T − 2 degrees of freedom needs T ≥ 3 (at least two estimation days"
          + " with a SAR)";
    }
    return "T − 1 − Z² = "
        + (g.days() - 1.0 - g.z() * g.z())
        + " ≤ 0 (T = "
        + g.days()
        + ", Z = "
        + g.z()
        + "), so Z √((T − 2) / (T − 1 − Z²)) is undefined";
  }
}
