package io.eventide.regression.internal;

/**
 * Prefix sums of regressor columns that many regressions share: the count of complete rows, each
 * column's sum and each pair's cross-product sum, so that the sums over any row range cost O(p²)
 * instead of O(L p²).
 *
 * <p>A study fits one model per firm-event, and every listing on a calendar regresses on the same
 * market or factor columns over some estimation range: the regressors' side of the normal equations
 * is the same data summed over different ranges. Built once per calendar, these sums leave each fit
 * with only the dependent variable's pass.
 *
 * <p>A row counts when every column is present (not {@code NaN}). Sums are kept as double-double
 * (Dekker/Knuth two-sum), so a range's sum is accurate to about one rounding of the range's own
 * magnitude however long the prefix. Kernels use them only when the centring {@code Σx² − (Σx)²/M}
 * keeps at least twelve of sixteen digits, and take their exact two-pass path otherwise.
 *
 * <p>Immutable after construction; safe to share between threads.
 */
public final class RegressorMoments {

  private final int p;
  private final int rows;
  private final int width;
  private final boolean[] present;
  private final int[] count;
  // Row-major: for prefix row t, the (hi, lo) pairs of the p column sums, then of the p(p+1)/2
  // cross-products, so that a range's sums touch two short runs of memory.
  private final double[] table;

  private RegressorMoments(double[][] columns) {
    p = columns.length;
    if (p < 1) {
      throw new IllegalArgumentException("Need at least one regressor column");
    }
    rows = columns[0].length;
    for (double[] c : columns) {
      if (c.length != rows) {
        throw new IllegalArgumentException(
            "Regressor columns differ in length: " + c.length + " and " + rows);
      }
    }
    width = 2 * (p + p * (p + 1) / 2);
    present = new boolean[rows];
    count = new int[rows + 1];
    table = new double[(rows + 1) * width];
    for (int t = 0; t < rows; t++) {
      boolean ok = true;
      for (double[] c : columns) {
        ok &= !Double.isNaN(c[t]);
      }
      present[t] = ok;
      count[t + 1] = count[t] + (ok ? 1 : 0);
      int from = t * width;
      int to = from + width;
      int slot = 0;
      for (int j = 0; j < p; j++) {
        add(from, to, slot++, ok ? columns[j][t] : 0.0);
      }
      for (int j = 0; j < p; j++) {
        for (int k = j; k < p; k++) {
          add(from, to, slot++, ok ? columns[j][t] * columns[k][t] : 0.0);
        }
      }
    }
  }

  /** Two-sum step for one slot: the next row's (hi, lo) = this row's plus v, error kept in lo. */
  private void add(int from, int to, int slot, double v) {
    double a = table[from + 2 * slot];
    double s = a + v;
    double bp = s - a;
    double err = (a - (s - bp)) + (v - bp);
    table[to + 2 * slot] = s;
    table[to + 2 * slot + 1] = table[from + 2 * slot + 1] + err;
  }

  private double range(int slot, int fromInclusive, int toExclusive) {
    int a = fromInclusive * width + 2 * slot;
    int b = toExclusive * width + 2 * slot;
    return (table[b] - table[a]) + (table[b + 1] - table[a + 1]);
  }

  /**
   * Prefix sums of calendar-aligned columns.
   *
   * @param columns {@code columns[j][t]}, equal lengths, {@code NaN} where missing (not copied;
   *     only read here)
   * @return the moments
   */
  public static RegressorMoments of(double[]... columns) {
    return new RegressorMoments(columns);
  }

  /**
   * @return p, the number of columns
   */
  public int columns() {
    return p;
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @param t a row
   * @return whether every column is present on row t
   */
  public boolean isComplete(int t) {
    return present[t];
  }

  /**
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @return the number of complete rows in the range
   */
  public int count(int fromInclusive, int toExclusive) {
    return count[toExclusive] - count[fromInclusive];
  }

  /**
   * @param j a column
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @return {@code Σ x_j} over the complete rows of the range
   */
  public double sum(int j, int fromInclusive, int toExclusive) {
    return range(j, fromInclusive, toExclusive);
  }

  /**
   * @param j a column
   * @param k a column
   * @param fromInclusive first row
   * @param toExclusive one past the last row
   * @return {@code Σ x_j x_k} over the complete rows of the range
   */
  public double cross(int j, int k, int fromInclusive, int toExclusive) {
    int a = Math.min(j, k);
    int b = Math.max(j, k);
    return range(p + a * p - a * (a - 1) / 2 + (b - a), fromInclusive, toExclusive);
  }
}
