package io.eventide.inference;

/**
 * The computation shared by {@link GeneralizedRankZTest} and {@link GeneralizedRankTTest}: Kolari
 * and Pynnönen's (2011) generalized rank statistic Z and its T on a {@link CarSample} that carries
 * its firm-events' standardized estimation residuals ({@code docs/statistics.md}, "Generalized rank
 * tests").
 *
 * <p>Per call it allocates the per-day sums (D doubles and D ints) and one scratch row of D + 1
 * doubles for the ranking, never per day or per firm-event; each firm-event's T_i values are ranked
 * by sorting the scratch row and locating each value with two binary searches (average ranks for
 * ties): O(N D log D).
 */
final class GeneralizedRanks {

  /** Z and T of one sample; {@code z} is {@code NaN} when undefined. */
  record Statistic(double z, int days) {}

  static final Statistic UNDEFINED = new Statistic(Double.NaN, 0);

  private GeneralizedRanks() {}

  /**
   * @param s the sample
   * @return Z and T, or {@code NaN} when N &lt; 2, no SARs are attached, a SCAR is not finite,
   *     {@code S_SCAR = 0} or {@code S_Ū = 0}
   */
  static Statistic compute(CarSample s) {
    int n = s.size();
    if (n < 2 || s.estimationSar == null) {
      return UNDEFINED;
    }
    double sScar = scarStandardDeviation(s.scar);
    if (!(sScar > 0.0) || !Double.isFinite(sScar)) {
      return UNDEFINED;
    }
    return sums(s, sScar).statistic();
  }

  /**
   * The sample's generalized rank sums, its firm-events added in order.
   *
   * @param s a sample carrying its SARs
   * @param sScar its {@code S_SCAR}
   * @return the sums
   */
  static GeneralizedRankSums sums(CarSample s, double sScar) {
    EstimationSar e = s.estimationSar;
    GeneralizedRankSums sums = new GeneralizedRankSums(e.days);
    for (int i = 0; i < s.size(); i++) {
      sums.add(e, s.sarRows[i], s.scar[i], sScar);
    }
    return sums;
  }

  /**
   * T alone, without ranking: the estimation days on which at least one firm-event of the sample
   * has a SAR, plus one. O(N D), no sorting.
   *
   * @param s a sample carrying its SARs
   * @return T
   */
  static int days(CarSample s) {
    int d = s.estimationSar.days;
    double[] sar = s.estimationSar.sar;
    int n = s.size();
    int days = 1;
    for (int tau = 0; tau < d; tau++) {
      for (int i = 0; i < n; i++) {
        double v = sar[s.sarRows[i] * d + tau];
        if (v == v) {
          days++;
          break;
        }
      }
    }
    return days;
  }

  /**
   * {@code S_SCAR}: the sample standard deviation (divisor N − 1) of the SCARs, two-pass; {@code
   * NaN} if one is not finite.
   */
  static double scarStandardDeviation(double[] scar) {
    int n = scar.length;
    double sum = 0.0;
    for (double x : scar) {
      if (!Double.isFinite(x)) {
        return Double.NaN;
      }
      sum += x;
    }
    double mean = sum / n;
    double squares = 0.0;
    for (double x : scar) {
      double dev = x - mean;
      squares += dev * dev;
    }
    return Math.sqrt(squares / (n - 1.0));
  }

  /**
   * Z and T of a summarized sample: its attached sums finished, as {@link #compute(CarSample)}.
   *
   * @param s the summary
   * @return Z and T, or {@code NaN} when N &lt; 2, no sums are attached, or {@code S_SCAR} is not
   *     positive and finite
   */
  static Statistic compute(SampleSummary s) {
    if (s.size() < 2 || s.generalizedRanks == null) {
      return UNDEFINED;
    }
    double sScar = s.scarStandardDeviation;
    if (!(sScar > 0.0) || !Double.isFinite(sScar)) {
      return UNDEFINED;
    }
    return s.generalizedRanks.statistic();
  }

  /**
   * Why Z is undefined for a (summarized) CAR sample, or "" if it is defined.
   *
   * @param s the summary
   * @return the reason
   */
  static String undefinedReason(SampleSummary s) {
    long n = s.size();
    if (n < 2) {
      return SampleMath.sizeReason(n, 2, "S_SCAR, the sample standard deviation of the SCARs,");
    }
    if (s.generalizedRanks == null) {
      return "the sample carries no standardized estimation residuals (SAR); run the study with"
          + " EventStudy.withEstimationSar() or attach them with CarSample.withEstimationSar";
    }
    if (s.scar.nonFiniteAt >= 0) {
      return "SCAR of the firm-event at sample position "
          + s.scar.nonFiniteAt
          + " is "
          + s.scar.nonFiniteValue;
    }
    double sScar = s.scarStandardDeviation;
    if (!(sScar > 0.0)) {
      return "S_SCAR = 0: all N = " + n + " SCARs are equal, so GSAR = SCAR / S_SCAR is undefined";
    }
    if (!Double.isFinite(sScar)) {
      return "S_SCAR is outside the range of double precision (SCARs of extreme magnitude)";
    }
    return Double.isNaN(compute(s).z())
        ? "S_Ū = 0: every mean rank score Ū is 0, so Z = Ū_0 / S_Ū is undefined"
        : "";
  }
}
