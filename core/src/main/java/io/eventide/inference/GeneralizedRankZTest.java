package io.eventide.inference;

/**
 * The generalized rank Z test of Kolari and Pynnönen (2011): a rank test that treats the event
 * window as one cumulated observation, re-standardizes it across firm-events so that event-induced
 * volatility does not distort its rank, and is robust to cross-correlation of the abnormal returns.
 *
 * <pre>
 *   SAR_iτ = ε̂_iτ / s_i (estimation days),   GSAR_i0 = SCAR_i / S_SCAR,
 *   U_iτ = K_iτ / (T_i + 1) − 1/2,   T_i = M_i + 1,
 *   Ū_τ = mean over the n_τ firm-events with a SAR on τ,   Ū_0 = mean_i U_i0,
 *   S_Ū = √( (1/T) [ Σ_τ (n_τ / N) Ū_τ² + Ū_0² ] ),   Z = Ū_0 / S_Ū
 * </pre>
 *
 * <p>{@code K_iτ}, {@code K_i0} are the ascending ranks (average ranks for ties) of firm-event i's
 * {@code T_i} values {@code {SAR_iτ} ∪ {GSAR_i0}}; {@code S_SCAR} is the sample standard deviation
 * (divisor N − 1) of the N SCARs ({@link CarSample#standardized(int)}); T is the number of
 * estimation days on which at least one firm-event of the sample has a SAR, plus one for the
 * window. The p-value is two-sided, {@code 2 Φ(−|Z|)} from N(0, 1). CAR only; the sample must carry
 * its SARs ({@link CarSample#withEstimationSar(double[][])}).
 *
 * <p>Undefined ({@code NaN}, with a reason): N &lt; 2; no SARs attached; a non-finite SCAR; {@code
 * S_SCAR = 0} (all SCARs equal); {@code S_Ū = 0}.
 *
 * <p>Allocation: per call, the per-day sums and one scratch row ({@code GeneralizedRanks}); none
 * per day.
 *
 * <p>Kolari and Pynnönen (2011), "Nonparametric rank tests for event studies", Journal of Empirical
 * Finance 18, 953–971, equations 9 and 12–15; {@code docs/statistics.md}, "Generalized rank tests",
 * id {@code grank-z}.
 */
public final class GeneralizedRankZTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "grank-z";

  private static final GeneralizedRankZTest DEFAULT = new GeneralizedRankZTest();

  private GeneralizedRankZTest() {
    super(ID, false);
  }

  /**
   * @return the test (two-sided, N(0, 1))
   */
  public static GeneralizedRankZTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (!(sample instanceof CarSample s)) {
      return Double.NaN;
    }
    return SampleMath.finiteOrNaN(GeneralizedRanks.compute(s).z());
  }

  @Override
  double statistic(SampleSummary summary) {
    return summary.isCar()
        ? SampleMath.finiteOrNaN(GeneralizedRanks.compute(summary).z())
        : Double.NaN;
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    return GeneralizedRanks.undefinedReason(sample);
  }
}
