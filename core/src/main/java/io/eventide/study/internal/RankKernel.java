package io.eventide.study.internal;

/**
 * Average ranks of the valid values of an array, allocation-free: the rank scores of the Corrado
 * (1989) test.
 *
 * <p>The valid ({@code non-NaN}) values are sorted with their positions by a least-significant-
 * digit radix sort on their IEEE 754 bits (made order-preserving as unsigned integers: flip every
 * bit of a negative value, the sign bit of a positive one), eight bits a pass, skipping a pass when
 * every value shares that digit. Only the upper 32 bits are radix-sorted (sign, exponent and 20
 * bits of the significand: four passes instead of eight); values that share them, rare unless they
 * are equal, end up next to each other in their input order, and each such run is put in order by
 * insertion on the whole 64 bits. For the few hundred values of a firm-event this does about 4(T +
 * 256) simple steps with no data-dependent branch, half the eight passes of the whole key. Ranks
 * are assigned in the same pass over the sorted order: a run of equal values at sorted positions
 * {@code lo..hi-1} (0-based) gets the average rank {@code (lo + 1 + hi) / 2} ({@code -0.0} is keyed
 * as {@code 0.0}, so the two tie). Each score is {@code U = K / (T + 1) − 1/2}, with T the number
 * of valid values; a {@code NaN} value gets a {@code NaN} score.
 */
public final class RankKernel {

  private static final int RADIX = 256;

  /** Radix passes: the upper four bytes of the key. */
  private static final int PASSES = 4;

  /** The first byte sorted by a pass. */
  private static final int FIRST_BYTE = 8 - PASSES;

  private final long[] keys;
  private final long[] keysScratch;
  private final int[] positions;
  private final int[] positionsScratch;
  private final int[] counts = new int[PASSES * RADIX];

  /**
   * @param capacity the largest number of values to rank
   */
  public RankKernel(int capacity) {
    keys = new long[capacity];
    keysScratch = new long[capacity];
    positions = new int[capacity];
    positionsScratch = new int[capacity];
  }

  /**
   * Scores {@code values[0, n)} into {@code scores[0, n)}.
   *
   * @param values the values, {@code NaN} where missing
   * @param n how many
   * @param scores receives {@code U = K / (T + 1) − 1/2}, {@code NaN} where the value is missing
   * @return T, the number of valid values
   */
  public int scores(double[] values, int n, double[] scores) {
    java.util.Arrays.fill(counts, 0);
    int t = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      if (v == v) {
        long bits = Double.doubleToRawLongBits(v + 0.0); // −0.0 + 0.0 is 0.0: the zeros tie
        long key = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        keys[t] = key;
        positions[t] = i;
        for (int pass = 0; pass < PASSES; pass++) {
          counts[pass * RADIX + (int) ((key >>> (8 * (FIRST_BYTE + pass))) & 0xFF)]++;
        }
        t++;
      } else {
        scores[i] = Double.NaN;
      }
    }
    long[] k = keys;
    long[] k2 = keysScratch;
    int[] p = positions;
    int[] p2 = positionsScratch;
    for (int pass = 0; pass < PASSES; pass++) {
      int base = pass * RADIX;
      int shift = 8 * (FIRST_BYTE + pass);
      if (t == 0 || counts[base + (int) ((k[0] >>> shift) & 0xFF)] == t) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = counts[base + d];
        counts[base + d] = sum;
        sum += c;
      }
      for (int q = 0; q < t; q++) {
        long key = k[q];
        int slot = counts[base + (int) ((key >>> shift) & 0xFF)]++;
        k2[slot] = key;
        p2[slot] = p[q];
      }
      long[] tk = k;
      k = k2;
      k2 = tk;
      int[] tp = p;
      p = p2;
      p2 = tp;
    }
    // Runs of keys with equal upper halves (almost always one key): put in order by the whole key,
    // then each run of equal values in it gets its average rank. Equal values have equal keys
    // (−0.0 was read as 0.0), so no run of equal values crosses two runs of upper halves.
    double denominator = t + 1.0;
    int lo = 0;
    while (lo < t) {
      long upper = k[lo] >>> 32;
      int hi = lo + 1;
      while (hi < t && k[hi] >>> 32 == upper) {
        hi++;
      }
      if (hi - lo == 1) {
        scores[p[lo]] = (lo + 1 + hi) * 0.5 / denominator - 0.5;
      } else {
        orderByWholeKey(k, p, lo, hi);
        int a = lo;
        while (a < hi) {
          long key = k[a];
          int b = a + 1;
          while (b < hi && k[b] == key) {
            b++;
          }
          double u = (a + 1 + b) * 0.5 / denominator - 0.5;
          for (int q = a; q < b; q++) {
            scores[p[q]] = u;
          }
          a = b;
        }
      }
      lo = hi;
    }
    return t;
  }

  /** Insertion sort of {@code k[lo, hi)} by unsigned value, the positions moved with the keys. */
  private static void orderByWholeKey(long[] k, int[] p, int lo, int hi) {
    for (int a = lo + 1; a < hi; a++) {
      long key = k[a];
      int position = p[a];
      int c = a - 1;
      while (c >= lo && Long.compareUnsigned(k[c], key) > 0) {
        k[c + 1] = k[c];
        p[c + 1] = p[c];
        c--;
      }
      k[c + 1] = key;
      p[c + 1] = position;
    }
  }
}
