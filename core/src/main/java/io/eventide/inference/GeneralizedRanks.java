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

  private static final Statistic UNDEFINED = new Statistic(Double.NaN, 0);

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
    EstimationSar e = s.estimationSar;
    int d = e.days;
    double[] sar = e.sar;
    double[] rank = e.rank;
    double[] sumU = new double[d];
    int[] count = new int[d];
    double sumU0 = 0.0;
    for (int i = 0; i < n; i++) {
      int row = s.sarRows[i] * d;
      double g = s.scar[i] / sScar;
      // Place GSAR among the row's SARs: K_i0 = 1 + #below + #equal / 2 (its run of ties).
      int below = 0;
      int equal = 0;
      for (int tau = 0; tau < d; tau++) {
        double v = sar[row + tau];
        if (v < g) {
          below++;
        } else if (v == g) {
          equal++;
        }
      }
      double denominator = e.valid[s.sarRows[i]] + 2.0; // T_i + 1, T_i = M_i + 1
      // A SAR's rank among the row and GSAR: its rank in the row, + 1 if GSAR is below it,
      // + 1/2 if GSAR ties it.
      for (int tau = 0; tau < d; tau++) {
        double v = sar[row + tau];
        if (v == v) {
          double k = rank[row + tau] + (g < v ? 1.0 : g == v ? 0.5 : 0.0);
          sumU[tau] += k / denominator - 0.5;
          count[tau]++;
        }
      }
      sumU0 += (1.0 + below + 0.5 * equal) / denominator - 0.5;
    }
    double u0 = sumU0 / n;
    int days = 1;
    double weighted = 0.0;
    for (int tau = 0; tau < d; tau++) {
      int c = count[tau];
      if (c > 0) {
        double mean = sumU[tau] / c;
        weighted += ((double) c / n) * mean * mean;
        days++;
      }
    }
    double sU = Math.sqrt((weighted + u0 * u0) / days);
    if (!(sU > 0.0)) {
      return UNDEFINED;
    }
    return new Statistic(u0 / sU, days);
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
   * Why Z is undefined for a CAR sample, or "" if it is defined.
   *
   * @param s the sample
   * @return the reason
   */
  static String undefinedReason(CarSample s) {
    int n = s.size();
    if (n < 2) {
      return SampleMath.sizeReason(n, 2, "S_SCAR, the sample standard deviation of the SCARs,");
    }
    if (s.estimationSar == null) {
      return "the sample carries no standardized estimation residuals (SAR); run the study with"
          + " EventStudy.withEstimationSar() or attach them with CarSample.withEstimationSar";
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(s.scar[i])) {
        return "SCAR of the firm-event at sample position " + i + " is " + s.scar[i];
      }
    }
    double sScar = scarStandardDeviation(s.scar);
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
