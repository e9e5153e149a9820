package io.eventide.inference;

import java.io.Serializable;
import java.util.Objects;

/**
 * The mergeable part of Kolari and Pynnönen's generalized rank statistic ({@link
 * GeneralizedRankZTest}, {@link GeneralizedRankTTest}; {@code docs/statistics.md}, "Mergeable
 * summaries"): given {@code S_SCAR} of the whole sample, each firm-event's rank scores depend only
 * on its own row of SARs and its SCAR, so the per-day sums {@code Σ_i U_iτ}, their counts {@code
 * n_τ}, {@code Σ_i U_i0} and N add across parts of the sample:
 *
 * <pre>
 *   GSAR_i0 = SCAR_i / S_SCAR,   K_i0 = 1 + #{τ: SAR_iτ &lt; GSAR_i0} + #{τ: SAR_iτ = GSAR_i0}/2,
 *   K_iτ = rank of SAR_iτ in its row + 1 if GSAR_i0 &lt; SAR_iτ, + 1/2 if equal,
 *   U = K / (T_i + 1) − 1/2,   T_i = M_i + 1
 * </pre>
 *
 * <p>{@link #statistic()} finishes Z and T from the sums. The local test adds a sample's
 * firm-events in order with the same {@link #add} and finishes the same way. Mutable (an
 * accumulator), serializable; not thread-safe.
 */
public final class GeneralizedRankSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] sumU;
  private final int[] count;
  private double sumU0;
  private long n;

  /**
   * @param days D, the estimation window's length
   */
  public GeneralizedRankSums(int days) {
    sumU = new double[days];
    count = new int[days];
  }

  /**
   * Adds one firm-event: row {@code row} of ranked SARs, its SCAR, and the sample's {@code S_SCAR}.
   *
   * @param sars the ranked SAR rows
   * @param row the firm-event's row
   * @param scar {@code SCAR_i}
   * @param sScar {@code S_SCAR} of the whole sample
   * @return this
   */
  public GeneralizedRankSums add(EstimationSar sars, int row, double scar, double sScar) {
    int d = sars.days;
    if (d != sumU.length) {
      throw new IllegalArgumentException(
          "SAR rows of " + d + " days; these sums have " + sumU.length);
    }
    double[] sar = sars.sar;
    double[] rank = sars.rank;
    int base = row * d;
    double g = scar / sScar;
    // Place GSAR among the row's SARs: K_i0 = 1 + #below + #equal / 2 (its run of ties).
    int below = 0;
    int equal = 0;
    for (int tau = 0; tau < d; tau++) {
      double v = sar[base + tau];
      if (v < g) {
        below++;
      } else if (v == g) {
        equal++;
      }
    }
    double denominator = sars.valid[row] + 2.0; // T_i + 1, T_i = M_i + 1
    // A SAR's rank among the row and GSAR: its rank in the row, + 1 if GSAR is below it,
    // + 1/2 if GSAR ties it.
    for (int tau = 0; tau < d; tau++) {
      double v = sar[base + tau];
      if (v == v) {
        double k = rank[base + tau] + (g < v ? 1.0 : g == v ? 0.5 : 0.0);
        sumU[tau] += k / denominator - 0.5;
        count[tau]++;
      }
    }
    sumU0 += (1.0 + below + 0.5 * equal) / denominator - 0.5;
    n++;
    return this;
  }

  /**
   * Adds another part's sums, as if its firm-events followed this one's.
   *
   * @param other sums of the same length
   * @return this
   */
  public GeneralizedRankSums merge(GeneralizedRankSums other) {
    Objects.requireNonNull(other, "other");
    if (other.sumU.length != sumU.length) {
      throw new IllegalArgumentException("Generalized rank sums of different lengths");
    }
    for (int tau = 0; tau < sumU.length; tau++) {
      sumU[tau] += other.sumU[tau];
      count[tau] += other.count[tau];
    }
    sumU0 += other.sumU0;
    n += other.n;
    return this;
  }

  /**
   * @return N, the firm-events added
   */
  public long size() {
    return n;
  }

  /**
   * Z and T: {@code Ū_0 = Σ U_i0 / N}, {@code Ū_τ = Σ_i U_iτ / n_τ}, {@code S_Ū = √((Σ_τ (n_τ/N)
   * Ū_τ² + Ū_0²) / T)}, {@code Z = Ū_0 / S_Ū}, T the days with a SAR plus one.
   *
   * @return Z and T; Z {@code NaN} and T 0 when {@code S_Ū} is not positive
   */
  GeneralizedRanks.Statistic statistic() {
    long size = n;
    double u0 = sumU0 / size;
    int days = 1;
    double weighted = 0.0;
    for (int tau = 0; tau < sumU.length; tau++) {
      int c = count[tau];
      if (c > 0) {
        double mean = sumU[tau] / c;
        weighted += ((double) c / size) * mean * mean;
        days++;
      }
    }
    double sU = Math.sqrt((weighted + u0 * u0) / days);
    if (!(sU > 0.0)) {
      return GeneralizedRanks.UNDEFINED;
    }
    return new GeneralizedRanks.Statistic(u0 / sU, days);
  }
}
