package io.eventide.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * Standardized estimation residuals {@code SAR_iτ = ε̂_iτ / s_i} of a set of firm-events, one row
 * of D days each ({@code NaN} where a firm-event has no residual), ranked once within each row: the
 * input of the generalized rank tests ({@link GeneralizedRankZTest}, {@link GeneralizedRankTTest})
 * that CAR samples share.
 *
 * <p>The within-row average ranks (ascending, ties averaged) are computed here, once, in {@link
 * #of}: a window's test then only places its {@code GSAR_i0} among each row's values (one linear
 * pass) instead of ranking the row again, and the samples of a study's windows share one instance
 * (each names its firm-events' rows), so nothing is copied per window.
 *
 * <p>Immutable: rows are copied in and out.
 */
public final class EstimationSar {

  final int rows;
  final int days;

  /** {@code SAR_iτ} row-major, {@code NaN} where missing. */
  final double[] sar;

  /**
   * Average rank of {@code SAR_iτ} among its row's valid values (1-based), {@code NaN} where
   * missing.
   */
  final double[] rank;

  /** M_i, the valid values of each row. */
  final int[] valid;

  private EstimationSar(int rows, int days, double[] sar) {
    this.rows = rows;
    this.days = days;
    this.sar = sar;
    this.rank = new double[sar.length];
    this.valid = new int[rows];
    double[] sorted = new double[days];
    for (int r = 0; r < rows; r++) {
      int base = r * days;
      int m = 0;
      for (int tau = 0; tau < days; tau++) {
        double v = sar[base + tau];
        if (v == v) {
          sorted[m++] = v;
        }
      }
      valid[r] = m;
      Arrays.sort(sorted, 0, m);
      for (int tau = 0; tau < days; tau++) {
        double v = sar[base + tau];
        rank[base + tau] = v == v ? averageRank(sorted, m, v) : Double.NaN;
      }
    }
  }

  /**
   * @param rows one row per firm-event, each of the same length D (calendar order of the estimation
   *     window), {@code NaN} where missing (copied)
   * @return the ranked rows
   * @throws IllegalArgumentException if the rows differ in length
   */
  public static EstimationSar of(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    int d = rows.length == 0 ? 0 : Objects.requireNonNull(rows[0], "rows[0]").length;
    double[] flat = new double[Math.multiplyExact(rows.length, d)];
    for (int i = 0; i < rows.length; i++) {
      double[] row = Objects.requireNonNull(rows[i], "rows[" + i + "]");
      if (row.length != d) {
        throw new IllegalArgumentException(
            "Estimation SAR row "
                + i
                + " has "
                + row.length
                + " days but row 0 has "
                + d
                + "; every row spans the same estimation window");
      }
      System.arraycopy(row, 0, flat, i * d, d);
    }
    return new EstimationSar(rows.length, d, flat);
  }

  /**
   * @param rowMajor N rows of {@code days} values one after another (copied)
   * @param days D, the row length, positive
   * @return the ranked rows
   * @throws IllegalArgumentException if the length is not a multiple of {@code days}
   */
  public static EstimationSar ofRowMajor(double[] rowMajor, int days) {
    Objects.requireNonNull(rowMajor, "rowMajor");
    if (days < 1 || rowMajor.length % days != 0) {
      throw new IllegalArgumentException(
          "Estimation SAR: " + rowMajor.length + " values are not rows of " + days + " days");
    }
    return new EstimationSar(rowMajor.length / days, days, rowMajor.clone());
  }

  /**
   * @return the number of rows (firm-events)
   */
  public int size() {
    return rows;
  }

  /**
   * @return D, the days of each row
   */
  public int days() {
    return days;
  }

  /**
   * @param row a row
   * @return a copy of it
   */
  public double[] row(int row) {
    Objects.checkIndex(row, rows);
    return Arrays.copyOfRange(sar, row * days, (row + 1) * days);
  }

  /**
   * The average 1-based rank of {@code v} in {@code sorted[0, t)}: {@code (lo + 1 + hi) / 2} for
   * the run of values equal to it at sorted positions {@code lo..hi-1}.
   */
  static double averageRank(double[] sorted, int t, double v) {
    int lo = 0;
    int hi = t;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int first = lo;
    hi = t;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (first + 1 + lo) * 0.5;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EstimationSar e && days == e.days && Arrays.equals(sar, e.sar);
  }

  @Override
  public int hashCode() {
    return 31 * days + Arrays.hashCode(sar);
  }

  @Override
  public String toString() {
    return "EstimationSar[" + rows + " rows × " + days + " days]";
  }
}
