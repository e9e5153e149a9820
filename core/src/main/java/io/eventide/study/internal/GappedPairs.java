package io.eventide.study.internal;

import java.util.Arrays;

/**
 * The Pearson correlations {@code r_ij} of every pair of one block of cluster members that share a
 * calendar and an estimation range, at least one of each pair having gaps, summed per pair of
 * window sets: {@code docs/statistics.md} section 3 defines {@code r_ij} on the dates where both
 * members have a residual, so every pair has its own sums, and this class forms them exactly
 * without visiting the pair's dates one by one.
 *
 * <p>With the residuals zero-filled at their gaps ({@code x̃}), the missing days of member {@code
 * i} written {@code K_i} and its sums over its present days {@code S_i = Σx̃_i}, {@code Q_i =
 * Σx̃_i²}, the sums of a pair on its common dates are
 *
 * <pre>
 *   n   = M − |K_i| − |K_j| + |K_i ∩ K_j|
 *   Σa  = S_i − Σ_{t∈K_j} x̃_i(t)      Σa² = Q_i − Σ_{t∈K_j} x̃_i(t)²
 *   Σb  = S_j − Σ_{t∈K_i} x̃_j(t)      Σb² = Q_j − Σ_{t∈K_i} x̃_j(t)²
 *   Σab = Σ_t x̃_i(t) x̃_j(t)            (the Gram product of the zero-filled rows)
 * </pre>
 *
 * and {@code r_ij = (n·Σab − Σa·Σb) / √((n·Σa² − (Σa)²)(n·Σb² − (Σb)²))}, the one-pass formula of
 * the pairwise path multiplied through by n (one division and one square root per pair). The Gram
 * product is the only O(N²·M) part; it runs over the transposed zero-filled matrix in tiles that
 * stay in cache, three days and four rows at a time, with fused multiply-adds ({@link Math#fma}:
 * one rounding per day) in loops the JIT compiles to vector instructions; each {@code Σab} is still
 * summed day by day in calendar order, so the result does not depend on the tiling (three days per
 * pass instead of two: 7% off a study with 1% of prices missing on a 2-core Xeon, bit for bit the
 * same sums). The corrections cost O(N·K) per block, K the missing days of all its members; those
 * over the others' gaps are formed for the Gram block's four rows in one pass over the gap lists.
 *
 * <p>Scratch lives in the instance and grows to the largest block; one instance per thread.
 */
final class GappedPairs {

  /** Rows of the Gram product formed together. */
  private static final int ROWS = 4;

  /** Columns per tile: a tile of all M days stays in the second-level cache. */
  private static final int TILE = 256;

  /** Independent partial sums per window set when the correlations of a row are added up. */
  private static final int LANES = 4;

  private final int estLen;
  private final int minCommon;

  /** Transposed zero-filled residuals: {@code xt[t][b]}. */
  private double[][] xt;

  private double[] sum;
  private double[] squares;
  private int[] missStart;
  private int[] missDays;
  private int[] pattern;
  private final double[][] gram = new double[ROWS][];
  private double[] corr;
  private double[] corrSquares;
  private double[] rowPattern;
  private double[] missCount;

  /** Per row of the Gram block: {@code Σ_{t∈K_b} x̃_a(t)} and its squares, by b. */
  private final double[][] corrA = new double[ROWS][];

  private final double[][] corrASquares = new double[ROWS][];

  /** The Gram block's rows zero-filled: {@code rowA[r][t] = x̃_{a0+r}(t)}. */
  private final double[][] rowA = new double[ROWS][];

  private double[] both;
  private double[] r;
  private double[] pairN;
  private double[] pairSpread;
  private final int[] dayStart;
  private final int[] dayFill;
  private int[] dayOwner = new int[0];
  private int capacity;

  /**
   * @param estLen the estimation window's length M
   * @param minCommon pairs with fewer common dates count 0
   */
  GappedPairs(int estLen, int minCommon) {
    this.estLen = estLen;
    this.minCommon = minCommon;
    this.xt = new double[estLen][];
    for (int r = 0; r < ROWS; r++) {
      rowA[r] = new double[estLen];
    }
    this.dayStart = new int[estLen + 1];
    this.dayFill = new int[estLen + 1];
  }

  /**
   * The least length {@code ≥ n} whose {@code double[]} occupies a whole number of 64-byte lines
   * (16 bytes of header plus 8 per element, the layout of a 64-bit HotSpot with compressed class
   * pointers). The Gram product's rows and the transposed days are allocated one after the other
   * with this length, so they start at the same offset within a line: the JIT aligns its vector
   * loop to one of them, and then the others are aligned too, instead of every 64-byte load and
   * store of the others straddling two lines. It only changes where arrays start, never a result;
   * on other layouts it costs a few unused elements.
   */
  static int alignedLength(int n) {
    return n + Math.floorMod(6 - n, 8);
  }

  private void grow(int n) {
    if (n <= capacity) {
      return;
    }
    int cap = alignedLength(Math.max(n, capacity * 2));
    for (int t = 0; t < estLen; t++) {
      xt[t] = new double[cap];
    }
    for (int r = 0; r < ROWS; r++) {
      gram[r] = new double[cap];
    }
    sum = new double[cap];
    squares = new double[cap];
    missStart = new int[cap + 1];
    pattern = new int[cap];
    corr = new double[cap];
    corrSquares = new double[cap];
    for (int r = 0; r < ROWS; r++) {
      corrA[r] = new double[cap];
      corrASquares[r] = new double[cap];
    }
    both = new double[cap];
    r = new double[cap];
    pairN = new double[cap];
    pairSpread = new double[cap];
    missCount = new double[cap];
    missDays = new int[Math.max(16, cap * 4)];
    capacity = cap;
  }

  /**
   * Adds {@code Σ r_ij} over the pairs {@code i < j} with {@code i < firstComplete} into {@code
   * pairSums[p_i * patterns + p_j]}.
   *
   * @param residuals the block's members' residuals over the M estimation days ({@code NaN} at
   *     gaps), members with gaps first
   * @param n the number of members
   * @param firstComplete the index of the first member without gaps ({@code n} if none): pairs of
   *     two such members are not formed
   * @param patterns each member's window-set index
   * @param patternCount the number of window sets
   * @param pairSums receives the sums, {@code patternCount²} of them, row-major
   */
  void addPairs(
      double[][] residuals,
      int n,
      int firstComplete,
      int[] patterns,
      int patternCount,
      double[] pairSums) {
    grow(n);
    if (rowPattern == null || rowPattern.length < LANES * patternCount) {
      rowPattern = new double[LANES * Math.max(8, patternCount)];
    }
    load(residuals, n);
    System.arraycopy(patterns, 0, pattern, 0, n);
    for (int lo = 0; lo < n; lo += TILE) {
      int hi = Math.min(n, lo + TILE);
      int aEnd = Math.min(firstComplete, hi);
      for (int a0 = 0; a0 < aEnd; a0 += ROWS) {
        int rowsHere = Math.min(ROWS, aEnd - a0);
        // Columns b > a for row a: the tile from max(lo, a0 + 1).
        int from = Math.max(lo, a0 + 1);
        if (from >= hi) {
          continue;
        }
        gram(a0, rowsHere, from, hi);
        corrections(a0, rowsHere, from, hi);
        for (int r = 0; r < rowsHere; r++) {
          int a = a0 + r;
          finish(a, r, Math.max(from, a + 1), hi, patternCount, pairSums);
        }
      }
    }
  }

  /** Zero-fills and transposes the residuals; lists each member's missing days. */
  private void load(double[][] residuals, int n) {
    int k = 0;
    for (int b = 0; b < n; b++) {
      double[] row = residuals[b];
      missStart[b] = k;
      double s = 0;
      double q = 0;
      for (int t = 0; t < estLen; t++) {
        double v = row[t];
        if (v == v) {
          s += v;
          q += v * v;
          xt[t][b] = v;
        } else {
          xt[t][b] = 0.0;
          if (k == missDays.length) {
            missDays = Arrays.copyOf(missDays, k * 2);
          }
          missDays[k++] = t;
        }
      }
      sum[b] = s;
      squares[b] = q;
      missCount[b] = k - missStart[b];
    }
    missStart[n] = k;
    // The same gaps day by day, members in increasing order within a day.
    Arrays.fill(dayStart, 0);
    for (int q = 0; q < k; q++) {
      dayStart[missDays[q] + 1]++;
    }
    for (int t = 0; t < estLen; t++) {
      dayStart[t + 1] += dayStart[t];
    }
    if (dayOwner.length < k) {
      dayOwner = new int[missDays.length];
    }
    System.arraycopy(dayStart, 0, dayFill, 0, estLen);
    for (int b = 0; b < n; b++) {
      for (int q = missStart[b], end = missStart[b + 1]; q < end; q++) {
        dayOwner[dayFill[missDays[q]]++] = b;
      }
    }
  }

  /**
   * {@code gram[r][b] = Σ_t x̃_{a0+r}(t) x̃_b(t)} for {@code b} in {@code [from, to)}, summed in
   * day order.
   */
  private void gram(int a0, int rowsHere, int from, int to) {
    double[] g0 = gram[0];
    double[] g1 = gram[1];
    double[] g2 = gram[2];
    double[] g3 = gram[3];
    Arrays.fill(g0, from, to, 0.0);
    Arrays.fill(g1, from, to, 0.0);
    Arrays.fill(g2, from, to, 0.0);
    Arrays.fill(g3, from, to, 0.0);
    int i1 = rowsHere > 1 ? a0 + 1 : a0;
    int i2 = rowsHere > 2 ? a0 + 2 : a0;
    int i3 = rowsHere > 3 ? a0 + 3 : a0;
    int t = 0;
    for (; t + 2 < estLen; t += 3) {
      double[] x = xt[t];
      double[] y = xt[t + 1];
      double[] z = xt[t + 2];
      double a0x = x[a0];
      double a1x = x[i1];
      double a2x = x[i2];
      double a3x = x[i3];
      double a0y = y[a0];
      double a1y = y[i1];
      double a2y = y[i2];
      double a3y = y[i3];
      double a0z = z[a0];
      double a1z = z[i1];
      double a2z = z[i2];
      double a3z = z[i3];
      for (int b = from; b < to; b++) {
        double xb = x[b];
        double yb = y[b];
        double zb = z[b];
        g0[b] = Math.fma(a0z, zb, Math.fma(a0y, yb, Math.fma(a0x, xb, g0[b])));
        g1[b] = Math.fma(a1z, zb, Math.fma(a1y, yb, Math.fma(a1x, xb, g1[b])));
        g2[b] = Math.fma(a2z, zb, Math.fma(a2y, yb, Math.fma(a2x, xb, g2[b])));
        g3[b] = Math.fma(a3z, zb, Math.fma(a3y, yb, Math.fma(a3x, xb, g3[b])));
      }
    }
    for (; t < estLen; t++) {
      double[] x = xt[t];
      double a0x = x[a0];
      double a1x = x[i1];
      double a2x = x[i2];
      double a3x = x[i3];
      for (int b = from; b < to; b++) {
        double xb = x[b];
        g0[b] = Math.fma(a0x, xb, g0[b]);
        g1[b] = Math.fma(a1x, xb, g1[b]);
        g2[b] = Math.fma(a2x, xb, g2[b]);
        g3[b] = Math.fma(a3x, xb, g3[b]);
      }
    }
  }

  /**
   * Over the gaps of every b in {@code [from, to)} at once, for the block's rows together: {@code
   * corrA[r][b] = Σ_{t∈K_b} x̃_{a0+r}(t)} and its squares, in one pass over the gap lists, member
   * by member (each member's days in calendar order, so each sum runs in calendar order from 0),
   * reading each listed gap once for the four rows. A row's own gaps read as 0.
   */
  private void corrections(int a0, int rowsHere, int from, int to) {
    double[] x0 = rowA[0];
    double[] x1 = rowA[1];
    double[] x2 = rowA[2];
    double[] x3 = rowA[3];
    // the block's rows, zero-filled, from the transposed days (the four values of a day share a
    // line there)
    int i1 = rowsHere > 1 ? a0 + 1 : a0;
    int i2 = rowsHere > 2 ? a0 + 2 : a0;
    int i3 = rowsHere > 3 ? a0 + 3 : a0;
    for (int t = 0; t < estLen; t++) {
      double[] x = xt[t];
      x0[t] = x[a0];
      x1[t] = x[i1];
      x2[t] = x[i2];
      x3[t] = x[i3];
    }
    double[] c0 = corrA[0];
    double[] c1 = corrA[1];
    double[] c2 = corrA[2];
    double[] c3 = corrA[3];
    double[] q0 = corrASquares[0];
    double[] q1 = corrASquares[1];
    double[] q2 = corrASquares[2];
    double[] q3 = corrASquares[3];
    // member by member, the sums in registers and each written once (no zeroing, no chain of
    // read-modify-writes through memory)
    for (int b = from; b < to; b++) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double p0 = 0;
      double p1 = 0;
      double p2 = 0;
      double p3 = 0;
      for (int q = missStart[b], end = missStart[b + 1]; q < end; q++) {
        int t = missDays[q];
        double v0 = x0[t];
        double v1 = x1[t];
        double v2 = x2[t];
        double v3 = x3[t];
        s0 += v0;
        p0 += v0 * v0;
        s1 += v1;
        p1 += v1 * v1;
        s2 += v2;
        p2 += v2 * v2;
        s3 += v3;
        p3 += v3 * v3;
      }
      c0[b] = s0;
      q0[b] = p0;
      c1[b] = s1;
      q1[b] = p1;
      c2[b] = s2;
      q2[b] = p2;
      c3[b] = s3;
      q3[b] = p3;
    }
  }

  /**
   * Forms {@code r_ab}, {@code a} the block's row {@code row}, for {@code b} in {@code [from, to)}
   * and sums it by window set.
   */
  private void finish(int a, int row, int from, int to, int patternCount, double[] pairSums) {
    if (from >= to) {
      return;
    }
    double[] g = gram[row];
    double[] corrA = this.corrA[row];
    double[] corrASquares = this.corrASquares[row];
    int ka0 = missStart[a];
    int ka1 = missStart[a + 1];
    // |K_a ∩ K_b|: the members missing on each of a's few missing days.
    Arrays.fill(both, from, to, 0.0);
    for (int q = ka0; q < ka1; q++) {
      int t = missDays[q];
      for (int p = dayStart[t], end = dayStart[t + 1]; p < end; p++) {
        int b = dayOwner[p];
        if (b >= from && b < to) {
          both[b] += 1.0;
        }
      }
    }
    // Over the gaps of a, for every b at once: Σ_{t∈K_a} x̃_b(t) and its squares.
    Arrays.fill(corr, from, to, 0.0);
    Arrays.fill(corrSquares, from, to, 0.0);
    for (int q = ka0; q < ka1; q++) {
      double[] x = xt[missDays[q]];
      for (int b = from; b < to; b++) {
        double v = x[b];
        corr[b] += v;
        corrSquares[b] += v * v;
      }
    }
    double sa0 = sum[a];
    double qa0 = squares[a];
    double common = estLen - (ka1 - ka0);
    // The Pearson formula multiplied through by n: n·Σab − ΣaΣb over the square root of
    // (n·Σa² − (Σa)²)(n·Σb² − (Σb)²), one division and one square root per pair, in a loop without
    // branches that the JIT compiles to vector instructions; the pairs with too few common dates
    // or no spread are set to 0 in the next loop.
    double[] nab = pairN;
    double[] spread = pairSpread;
    for (int b = from; b < to; b++) {
      double n = common - missCount[b] + both[b];
      double sa = sa0 - corrA[b];
      double saa = qa0 - corrASquares[b];
      double sb = sum[b] - corr[b];
      double sbb = squares[b] - corrSquares[b];
      double cov = n * g[b] - sa * sb;
      double va = n * saa - sa * sa;
      double vb = n * sbb - sb * sb;
      double vv = va * vb;
      nab[b] = n;
      spread[b] = vv;
      r[b] = cov / Math.sqrt(vv);
    }
    // Summed by window set in LANES independent partial sums (member b into lane b mod LANES), so
    // consecutive additions do not wait on each other; the lanes are added in a fixed order.
    double min = minCommon;
    Arrays.fill(rowPattern, 0, LANES * patternCount, 0.0);
    if (patternCount == 1) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      int b = from;
      for (; b + 3 < to; b += LANES) {
        s0 += correlation(r[b], nab[b], spread[b], min);
        s1 += correlation(r[b + 1], nab[b + 1], spread[b + 1], min);
        s2 += correlation(r[b + 2], nab[b + 2], spread[b + 2], min);
        s3 += correlation(r[b + 3], nab[b + 3], spread[b + 3], min);
      }
      for (; b < to; b++) {
        s0 += correlation(r[b], nab[b], spread[b], min);
      }
      rowPattern[0] = (s0 + s1) + (s2 + s3);
    } else {
      for (int b = from; b < to; b++) {
        rowPattern[LANES * pattern[b] + (b & (LANES - 1))] +=
            correlation(r[b], nab[b], spread[b], min);
      }
      for (int p = 0; p < patternCount; p++) {
        int l = LANES * p;
        rowPattern[p] =
            (rowPattern[l] + rowPattern[l + 1]) + (rowPattern[l + 2] + rowPattern[l + 3]);
      }
    }
    int base = pattern[a] * patternCount;
    for (int p = 0; p < patternCount; p++) {
      pairSums[base + p] += rowPattern[p];
    }
  }

  /**
   * The pair's correlation: 0 with fewer than {@code min} common dates or no spread, else {@code r}
   * clamped to [−1, 1] (one-pass sums of nearly identical series can round past it).
   */
  private static double correlation(double r, double n, double spread, double min) {
    if (!(n >= min && spread > 0)) {
      return 0.0;
    }
    return r > 1.0 ? 1.0 : r < -1.0 ? -1.0 : r;
  }
}
