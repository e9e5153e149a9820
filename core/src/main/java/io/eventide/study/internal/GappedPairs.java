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
 * <p>The correlations are added up by column: {@code r_ab} goes to member b's sum for a's window
 * set, rows a in increasing order, and the columns are then added in increasing b. The first pass
 * applies only the rule of fewer than {@code minCommon} common dates, as a weight of 0 or 1, so
 * that every step runs as vector instructions; it also keeps each column's largest {@code |r|}. If
 * that is NaN, infinite or above 1 anywhere (a pair counted in full without spread, or a one-pass r
 * rounded past ±1), the block is summed again with every rule applied pair by pair. Both passes add
 * the same {@code r_ab} in the same order, so a block's sums do not depend on the pass.
 *
 * <p>Scratch lives in the instance and grows to the largest block; one instance per thread.
 */
final class GappedPairs {

  /** Rows of the Gram product formed together. */
  private static final int ROWS = 4;

  /** Columns per tile: a tile of all M days stays in the second-level cache. */
  private static final int TILE = 256;

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

  /** Per window set of the row: {@code Σ_a r_ab} by column b, rows a in increasing order. */
  private double[][] columnSums = new double[0][];

  /** By column: the largest {@code |r_ab|} added so far (NaN once a NaN was). */
  private double[] largest;

  private double[] missCount;

  /**
   * Per row a of the Gram block, by b: the pair's {@code Σa = S_a − Σ_{t∈K_b} x̃_a(t)} and {@code
   * Σa² = Q_a − Σ_{t∈K_b} x̃_a(t)²}.
   */
  private final double[][] pairSa = new double[ROWS][];

  private final double[][] pairSaa = new double[ROWS][];

  /** The Gram block's rows zero-filled: {@code rowA[r][t] = x̃_{a0+r}(t)}. */
  private final double[][] rowA = new double[ROWS][];

  /**
   * Per pair of the current row a, by column b: {@code |K_a ∩ K_b|}, {@code n·Σab − ΣaΣb}, n, and
   * {@code (n·Σa² − (Σa)²)(n·Σb² − (Σb)²)}.
   */
  private double[] both;

  private double[] pairCov;
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
      pairSa[r] = new double[cap];
      pairSaa[r] = new double[cap];
    }
    both = new double[cap];
    pairCov = new double[cap];
    pairN = new double[cap];
    pairSpread = new double[cap];
    largest = new double[cap];
    for (int p = 0; p < columnSums.length; p++) {
      columnSums[p] = new double[cap];
    }
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
    if (columnSums.length < patternCount) {
      double[][] grown = Arrays.copyOf(columnSums, patternCount);
      for (int p = columnSums.length; p < patternCount; p++) {
        grown[p] = new double[capacity];
      }
      columnSums = grown;
    }
    load(residuals, n);
    System.arraycopy(patterns, 0, pattern, 0, n);
    // Every r_ab is summed unchecked first, with the rule of fewer than minCommon common dates
    // applied as a weight of 0 or 1; if some pair counted in full turns out without spread (a NaN
    // or an infinite r) or rounded past ±1, the block is summed again pair by pair with the rules
    // applied one by one. Both passes add the same r_ab in the same order, so the sums do not
    // depend on which pass formed them.
    if (!sumPairs(n, firstComplete, patternCount, false)) {
      sumPairs(n, firstComplete, patternCount, true);
    }
    for (int p = 0; p < patternCount; p++) {
      double[] column = columnSums[p];
      int base = p * patternCount;
      for (int b = 1; b < n; b++) {
        pairSums[base + pattern[b]] += column[b];
      }
    }
  }

  /**
   * Forms every pair's {@code r_ab} and adds it to {@code columnSums[p_a][b]}.
   *
   * @param checked whether the rules (fewer than minCommon common dates, no spread, |r| past 1) are
   *     applied pair by pair; if not, only the first is, as a weight
   * @return false if unchecked and some pair with enough common dates has no spread or |r| > 1
   */
  private boolean sumPairs(int n, int firstComplete, int patternCount, boolean checked) {
    for (int p = 0; p < patternCount; p++) {
      Arrays.fill(columnSums[p], 0, n, 0.0);
    }
    Arrays.fill(largest, 0, n, 0.0);
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
          finish(a, r, Math.max(from, a + 1), hi, checked);
        }
      }
    }
    if (checked) {
      return true;
    }
    for (int b = 0; b < n; b++) {
      if (!(largest[b] <= 1.0)) {
        return false;
      }
    }
    return true;
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
   * pairSa[r][b] = S_a − Σ_{t∈K_b} x̃_a(t)} and {@code pairSaa[r][b] = Q_a − Σ_{t∈K_b} x̃_a(t)²}, a
   * = a0 + r, in one pass over the gap lists, member by member (each member's days in calendar
   * order, so each sum runs in calendar order from 0), reading each listed gap once for the four
   * rows. A row's own gaps read as 0.
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
    double[] c0 = pairSa[0];
    double[] c1 = pairSa[1];
    double[] c2 = pairSa[2];
    double[] c3 = pairSa[3];
    double[] q0 = pairSaa[0];
    double[] q1 = pairSaa[1];
    double[] q2 = pairSaa[2];
    double[] q3 = pairSaa[3];
    double sa0 = sum[a0];
    double sa1 = sum[i1];
    double sa2 = sum[i2];
    double sa3 = sum[i3];
    double qa0 = squares[a0];
    double qa1 = squares[i1];
    double qa2 = squares[i2];
    double qa3 = squares[i3];
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
      c0[b] = sa0 - s0;
      q0[b] = qa0 - p0;
      c1[b] = sa1 - s1;
      q1[b] = qa1 - p1;
      c2[b] = sa2 - s2;
      q2[b] = qa2 - p2;
      c3[b] = sa3 - s3;
      q3[b] = qa3 - p3;
    }
  }

  /**
   * Forms {@code r_ab}, {@code a} the block's row {@code row}, for {@code b} in {@code [from, to)}
   * and adds it to {@code columnSums[p_a][b]}.
   *
   * @param checked apply the rules pair by pair ({@link #correlation}); if not, weigh r_ab by 1
   *     with at least minCommon common dates and by 0 below, and record |r_ab| in {@code largest}
   */
  private void finish(int a, int row, int from, int to, boolean checked) {
    int ka0 = missStart[a];
    int ka1 = missStart[a + 1];
    double common = estLen - (ka1 - ka0);
    if (from >= to || common < minCommon) {
      // no pair, or none with enough common dates: every r_ab counts 0
      return;
    }
    // |K_a ∩ K_b|: the members missing on each of a's few missing days (a day's members are in
    // increasing order: skip those before the columns, stop at the first after them).
    Arrays.fill(both, from, to, 0.0);
    for (int q = ka0; q < ka1; q++) {
      int t = missDays[q];
      int p = dayStart[t];
      int end = dayStart[t + 1];
      while (p < end && dayOwner[p] < from) {
        p++;
      }
      for (; p < end && dayOwner[p] < to; p++) {
        both[dayOwner[p]] += 1.0;
      }
    }
    // Over the gaps of a, for every b at once: Σ_{t∈K_a} x̃_b(t) and its squares.
    double[] sb = corr;
    double[] sbb = corrSquares;
    Arrays.fill(sb, from, to, 0.0);
    Arrays.fill(sbb, from, to, 0.0);
    for (int q = ka0; q < ka1; q++) {
      double[] x = xt[missDays[q]];
      for (int b = from; b < to; b++) {
        double v = x[b];
        sb[b] += v;
        sbb[b] += v * v;
      }
    }
    // The Pearson formula multiplied through by n: n·Σab − ΣaΣb over the square root of
    // (n·Σa² − (Σa)²)(n·Σb² − (Σb)²), one division and one square root per pair. Each step is a
    // loop of its own, small enough for the JIT to compile to vector instructions (one loop for
    // all of it stays scalar).
    double[] g = gram[row];
    double[] sa = pairSa[row];
    double[] saa = pairSaa[row];
    double[] nab = pairN;
    double[] spread = pairSpread;
    double[] cov = pairCov;
    double[] missing = missCount;
    for (int b = from; b < to; b++) {
      double n = common - missing[b] + both[b];
      nab[b] = n;
      spread[b] = n * saa[b] - sa[b] * sa[b];
    }
    double[] s = sum;
    double[] q2 = squares;
    for (int b = from; b < to; b++) {
      sb[b] = s[b] - sb[b];
      sbb[b] = q2[b] - sbb[b];
    }
    for (int b = from; b < to; b++) {
      spread[b] = spread[b] * (nab[b] * sbb[b] - sb[b] * sb[b]);
    }
    for (int b = from; b < to; b++) {
      cov[b] = nab[b] * g[b] - sa[b] * sb[b];
    }
    double[] column = columnSums[pattern[a]];
    if (checked) {
      double min = minCommon;
      for (int b = from; b < to; b++) {
        column[b] += correlation(cov[b] / Math.sqrt(spread[b]), nab[b], spread[b], min);
      }
      return;
    }
    // w = 1 with at least minCommon common dates, 0 below (n is a whole number); a pair weighed 0
    // has 1 added to its spread so that its r stays finite and adds ±0. A pair weighed 1 divides
    // by √(spread + 0), its r to the bit.
    double[] top = largest;
    double below = minCommon - 1;
    for (int b = from; b < to; b++) {
      double w = Math.min(1.0, Math.max(0.0, nab[b] - below));
      double v = w * (cov[b] / Math.sqrt(spread[b] + (1.0 - w)));
      column[b] += v;
      top[b] = Math.max(top[b], Math.abs(v));
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
