package io.eventide.io.internal;

import java.math.BigInteger;

/**
 * The correctly rounded double nearest to {@code w × 10^q}, for a decimal significand {@code w} of
 * at most 19 digits, by the Eisel–Lemire algorithm: multiply {@code w} (shifted so its top bit is
 * set) by a 128-bit truncation of {@code 5^q}, and read the 53-bit significand and the binary
 * exponent off the top of the 192-bit product. When the truncation could make the last bit wrong
 * the algorithm says so, and {@link #toDouble(long, int)} answers {@code NaN}: the caller then asks
 * {@link Double#parseDouble(String)}.
 *
 * <p>Source: Daniel Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and
 * Experience 51(8), 2021, section 5 and its reference implementation {@code fast_float} ({@code
 * compute_float}, with its fallback on a truncated product whose low word is all ones, kept here
 * for safety). Only decimal exponents {@code q} from {@value #Q_MIN} to {@value #Q_MAX} are taken
 * (prices and returns need far fewer); the table of {@code 5^q} is computed exactly with {@link
 * BigInteger} the first time it is needed. Exactness is tested bit for bit against {@link
 * Double#parseDouble(String)} on a million random and halfway strings (CsvScannerTest).
 */
final class EiselLemire {

  /** Smallest decimal exponent taken. */
  static final int Q_MIN = -64;

  /** Largest decimal exponent taken. */
  static final int Q_MAX = 64;

  private EiselLemire() {}

  /**
   * The double nearest to {@code w × 10^q} (ties to even), when the algorithm can tell.
   *
   * @param w the decimal significand, read as an unsigned 64-bit integer (at most 19 digits, so
   *     below 10^19 &lt; 2^64)
   * @param q the decimal exponent
   * @return the value, {@code 0.0} for {@code w = 0}, or {@code NaN} when the algorithm cannot
   *     decide, {@code q} is outside {@value #Q_MIN}..{@value #Q_MAX} or the result would be
   *     subnormal or infinite
   */
  static double toDouble(long w, int q) {
    if (w == 0) {
      return 0.0;
    }
    if (q < Q_MIN || q > Q_MAX) {
      return Double.NaN;
    }
    long[] table = Powers.FIVE;
    int index = 2 * (q - Q_MIN);
    int lz = Long.numberOfLeadingZeros(w);
    w <<= lz;
    long hiWord = table[index];
    long loWord = table[index + 1];
    long low = w * hiWord;
    long high = unsignedMultiplyHigh(w, hiWord);
    if ((high & 0x1FF) == 0x1FF) {
      // the 55 bits we need may be off by the product's truncated part: add w × the low word
      long secondHigh = unsignedMultiplyHigh(w, loWord);
      long sum = low + secondHigh;
      if (Long.compareUnsigned(sum, low) < 0) {
        high++;
      }
      low = sum;
    }
    if (low == -1L && (q < -27 || q > 55)) {
      // the truncated part of 5^q might still carry into the bits read: let the caller decide
      return Double.NaN;
    }
    int upperBit = (int) (high >>> 63);
    int shift = upperBit + 9;
    long mantissa = high >>> shift;
    // floor(q · log2(10)) + 63, exact for |q| ≤ 1500
    int power2 = (int) ((((152170L + 65536L) * q) >> 16) + 63) + upperBit - lz + 1023;
    if (power2 <= 0) {
      return Double.NaN;
    }
    if (Long.compareUnsigned(low, 1) <= 0
        && q >= -4
        && q <= 23
        && (mantissa & 3) == 1
        && (mantissa << shift) == high) {
      // exactly halfway and the product is exact: round to even, not up
      mantissa &= ~1L;
    }
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if (mantissa >= (2L << 52)) {
      mantissa = 1L << 52;
      power2++;
    }
    mantissa &= ~(1L << 52);
    if (power2 >= 0x7FF) {
      return Double.NaN;
    }
    return Double.longBitsToDouble(mantissa | ((long) power2 << 52));
  }

  /** The high 64 bits of the unsigned 128-bit product {@code a × b}. */
  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** The table, built on first use. */
  private static final class Powers {

    /**
     * For each {@code q} from {@link #Q_MIN}: the 128 bits (high word, low word) of {@code 5^q}
     * scaled by a power of two into [2^127, 2^128): truncated for {@code q ≥ 0}; for {@code q < 0}
     * {@code floor(2^b / 5^-q) + 1}, truncated, as {@code fast_float}'s table.
     */
    static final long[] FIVE = build();

    private static long[] build() {
      long[] t = new long[2 * (Q_MAX - Q_MIN + 1)];
      BigInteger five = BigInteger.valueOf(5);
      for (int q = Q_MIN; q <= Q_MAX; q++) {
        BigInteger c;
        if (q >= 0) {
          c = five.pow(q);
          int bits = c.bitLength();
          c = bits <= 128 ? c.shiftLeft(128 - bits) : c.shiftRight(bits - 128);
        } else {
          BigInteger power5 = five.pow(-q);
          int z = power5.bitLength(); // the smallest z with 2^z > power5 (power5 is no power of 2)
          int b = q >= -27 ? z + 127 : 2 * z + 128;
          c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
          int bits = c.bitLength();
          if (bits > 128) {
            c = c.shiftRight(bits - 128);
          }
        }
        int i = 2 * (q - Q_MIN);
        t[i] = c.shiftRight(64).longValue();
        t[i + 1] = c.longValue();
      }
      return t;
    }
  }
}
