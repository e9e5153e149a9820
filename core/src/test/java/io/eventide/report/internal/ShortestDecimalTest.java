package io.eventide.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ShortestDecimal}: every finite double reads back bit for bit, and its digits are those an
 * independent, naive search finds: the shortest decimals that round to it (one or two digits when
 * one is enough), the closest of them, the even one on a tie (the specification of Java 19's {@code
 * Double.toString}). The search ({@link #expected}) rounds the exact value of the double down and
 * up to p = 1, 2, ... significant digits with {@link BigDecimal} and reads each back with {@link
 * Double#parseDouble}; the first p at which one of the two reads back is the shortest length, since
 * any decimal of p digits in the rounding interval has one of those two at least as close.
 */
class ShortestDecimalTest {

  /** The decimal Java 19's specification of {@code Double.toString} selects, by brute force. */
  static BigDecimal expected(double v) {
    BigDecimal x = new BigDecimal(v);
    for (int p = 1; p <= 17; p++) {
      // p = 1: the decimals of one or two digits that round to v (a 1-digit one is a 2-digit one)
      int digits = p == 1 ? 2 : p;
      BigDecimal down = x.round(new MathContext(digits, RoundingMode.FLOOR));
      BigDecimal up = x.round(new MathContext(digits, RoundingMode.CEILING));
      boolean downIn = Double.parseDouble(down.toString()) == v;
      boolean upIn = Double.parseDouble(up.toString()) == v;
      if (p == 1) {
        // is there a decimal of one digit at all? otherwise go on to p = 2 as usual
        BigDecimal d1 = x.round(new MathContext(1, RoundingMode.FLOOR));
        BigDecimal u1 = x.round(new MathContext(1, RoundingMode.CEILING));
        if (Double.parseDouble(d1.toString()) != v && Double.parseDouble(u1.toString()) != v) {
          continue;
        }
      }
      if (downIn && upIn) {
        int c = x.subtract(down).compareTo(up.subtract(x));
        if (c != 0) {
          return (c < 0 ? down : up).stripTrailingZeros();
        }
        // a tie: the one whose last digit (at this length) is even
        boolean downEven = !down.unscaledValue().testBit(0) || down.precision() < digits;
        return (downEven ? down : up).stripTrailingZeros();
      }
      if (downIn || upIn) {
        return (downIn ? down : up).stripTrailingZeros();
      }
    }
    throw new AssertionError("No decimal of 17 digits reads back as " + v);
  }

  private static void assertShortestAndRoundTrips(double v) {
    String s = ShortestDecimal.toPlainString(v);
    assertThat(s).matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    if (v == 0) {
      assertThat(s).isEqualTo("0");
      return;
    }
    assertThat(Double.doubleToRawLongBits(Double.parseDouble(s)))
        .as("%s read back from %s", v, s)
        .isEqualTo(Double.doubleToRawLongBits(v));
    assertThat(new BigDecimal(s)).as("digits of %s", v).isEqualByComparingTo(expected(v));
  }

  @Property(tries = 20_000)
  void everyBitPatternReadsBackExactly(@ForAll long bits) {
    double v = Double.longBitsToDouble(bits);
    if (!Double.isFinite(v)) {
      return;
    }
    String s = ShortestDecimal.toPlainString(v);
    double back = Double.parseDouble(s);
    if (v == 0) {
      assertThat(s).isEqualTo("0"); // -0.0 is written 0 (docs/cli.md)
    } else {
      assertThat(Double.doubleToRawLongBits(back)).as(s).isEqualTo(bits);
    }
  }

  @Property(tries = 3_000)
  void randomValuesAreShortestAndClosest(@ForAll("doubles") double v) {
    assertShortestAndRoundTrips(v);
  }

  @Property(tries = 1_000)
  void subnormalsAreShortestAndClosest(@ForAll("subnormals") double v) {
    assertShortestAndRoundTrips(v);
  }

  @Property(tries = 1_000)
  void integersAreThemselves(@ForAll("integers") long n) {
    double v = n;
    assertShortestAndRoundTrips(v);
    if (n >= -(1L << 53) && n <= 1L << 53) {
      assertThat(ShortestDecimal.toPlainString(v)).isEqualTo(Long.toString(n));
    }
  }

  @Provide
  Arbitrary<Double> doubles() {
    // finite bit patterns, and values of the size a study writes
    return Arbitraries.oneOf(
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.randomValue(random -> random.nextDouble() * 2 - 1),
        Arbitraries.randomValue(random -> (random.nextDouble() * 2 - 1) * 1e-3));
  }

  @Provide
  Arbitrary<Double> subnormals() {
    return Arbitraries.longs()
        .between(1, (1L << 52) - 1)
        .flatMap(
            t ->
                Arbitraries.of(false, true)
                    .map(neg -> Double.longBitsToDouble((neg ? Long.MIN_VALUE : 0) | t)));
  }

  @Provide
  Arbitrary<Long> integers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-(1L << 53), 1L << 53),
        Arbitraries.longs().between(-100_000, 100_000),
        Arbitraries.longs());
  }

  @Test
  void everyPowerOfTwoIsShortestAndClosest() {
    // the irregular spacing: below a power of two the doubles are twice as dense as above it
    // (the naive search is slow on 300-digit values: all exponents near 0, every fifth beyond)
    for (int e = -1074; e <= 1023; e++) {
      double v = Math.scalb(1.0, e);
      if (Math.abs(e) <= 64 || e % 5 == 0 || e == -1022) {
        assertShortestAndRoundTrips(v);
      }
      assertThat(Double.parseDouble(ShortestDecimal.toPlainString(-v))).isEqualTo(-v);
    }
  }

  @Test
  void everyPowerOfTenReadsBackAsItself() {
    for (int e = -323; e <= 308; e++) {
      double v = Double.parseDouble("1e" + e);
      assertShortestAndRoundTrips(v);
      if (e >= -307) {
        // a normal double: 1 is the shortest, and no other one-digit decimal is as close. Among
        // the subnormals two digits may be closer: 1e-323 reads as 2 x 2^-1074 = 9.88e-324,
        // written 9.9E-324 from Java 19 on (Java 17: 1.0E-323).
        assertThat(new BigDecimal(ShortestDecimal.toPlainString(v)))
            .isEqualByComparingTo(BigDecimal.ONE.scaleByPowerOfTen(e));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      doubles = {
        Double.MIN_VALUE, // 4.9E-324: two digits, closer than 5E-324
        2 * Double.MIN_VALUE,
        3 * Double.MIN_VALUE,
        Double.MIN_NORMAL,
        0x0.fffffffffffffp-1022, // largest subnormal
        Double.MAX_VALUE,
        0x1.fffffffffffffp52, // 2^53 - 1
        0x1p53,
        0x1.0000000000001p53,
        1e23, // Java 17: 9.999999999999999E22
        0x1p-44, // Java 17: 5.6843418860808015E-14
        2e-3,
        8.41e21,
        2.82879384806159e17,
        1.387364135037754e18,
        1.45800632428665e17,
        1.9400994884341945e25,
        1.18575755e-316,
        2.989102097996e-312,
        9.0608011534336e15,
        4.708356024711512e18,
        9.409340012568248e18,
        1.8531501765868567e21,
        -3.347727380279489e33,
        1.9430376160308388e16,
        -6.9741824662760956e19,
        4.3816050601147837e18,
        0.1,
        0.3,
        1.0 / 3,
        2.0 / 3,
        123456789.01234567,
      })
  void hardCasesAreShortestAndClosest(double v) {
    assertShortestAndRoundTrips(v);
    assertShortestAndRoundTrips(-v);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e23                   | 100000000000000000000000",
        "5.684341886080802E-14  | 0.00000000000005684341886080802",
        "1.0E-5                 | 0.00001",
        "-2.5E-7                | -0.00000025",
        "123.456                | 123.456",
        "-0.0123                | -0.0123",
        "1e21                   | 1000000000000000000000",
        "9007199254740993       | 9007199254740992",
        "0.5                    | 0.5",
        "7                      | 7",
        "-0.0                   | 0",
      })
  void plainNotation(double v, String text) {
    assertThat(ShortestDecimal.toPlainString(v)).isEqualTo(text);
  }

  @Test
  void extremesFitInMaxChars() {
    String min = ShortestDecimal.toPlainString(-Double.MIN_VALUE);
    assertThat(min).isEqualTo("-0." + "0".repeat(323) + "49");
    assertThat(ShortestDecimal.toPlainString(-Double.MAX_VALUE))
        .isEqualTo("-17976931348623157" + "0".repeat(292));
    assertThat(min.length()).isLessThanOrEqualTo(ShortestDecimal.MAX_CHARS);
    char[] buf = new char[ShortestDecimal.MAX_CHARS + 2];
    buf[0] = 'x';
    int end = ShortestDecimal.appendPlain(-0.25, buf, 1);
    assertThat(new String(buf, 0, end)).isEqualTo("x-0.25");
  }

  @Test
  void nanAndInfinityHaveNoDecimal() {
    char[] buf = new char[ShortestDecimal.MAX_CHARS];
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShortestDecimal.appendPlain(Double.NaN, buf, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ShortestDecimal.appendPlain(Double.NEGATIVE_INFINITY, buf, 0));
  }

  @Test
  void tableOfPowersOfTenMatchesItsDefinition() {
    // 10^-k = beta 2^r with 2^125 <= beta < 2^126, g = floor(beta) + 1, split 63 + 63 bits
    BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
    assertThat(ShortestDecimal.G).hasSize(2 * (ShortestDecimal.K_MAX - ShortestDecimal.K_MIN + 1));
    for (int k = ShortestDecimal.K_MIN; k <= ShortestDecimal.K_MAX; k++) {
      BigInteger num = k <= 0 ? BigInteger.TEN.pow(-k) : BigInteger.ONE;
      BigInteger den = k <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(k);
      // r from the exact bit lengths, not from flog2pow10 (tested separately)
      int r = num.bitLength() - den.bitLength() - 126;
      BigInteger beta = r <= 0 ? num.shiftLeft(-r).divide(den) : num.divide(den.shiftLeft(r));
      while (beta.bitLength() != 126) {
        r += beta.bitLength() < 126 ? -1 : 1;
        beta = r <= 0 ? num.shiftLeft(-r).divide(den) : num.divide(den.shiftLeft(r));
      }
      assertThat(beta.bitLength()).as("k = %d", k).isEqualTo(126);
      BigInteger g = beta.add(BigInteger.ONE);
      int i = (k - ShortestDecimal.K_MIN) << 1;
      assertThat(ShortestDecimal.G[i]).as("g1(%d)", k).isEqualTo(g.shiftRight(63).longValueExact());
      assertThat(ShortestDecimal.G[i + 1])
          .as("g0(%d)", k)
          .isEqualTo(g.and(mask63).longValueExact());
      assertThat(r).as("r(%d)", k).isEqualTo(ShortestDecimal.flog2pow10(-k) - 125);
    }
  }

  @Test
  void logarithmsAreExactOverTheRangeUsed() {
    for (int e = -1100; e <= 1100; e++) {
      BigDecimal pow2 =
          e >= 0
              ? new BigDecimal(BigInteger.ONE.shiftLeft(e))
              : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-e)));
      // floor(log10(x)) of a BigDecimal x > 0 is precision - scale - 1
      assertThat(ShortestDecimal.flog10pow2(e)).as("e = %d", e).isEqualTo(floorLog10(pow2));
      BigDecimal threeQuarters = pow2.multiply(new BigDecimal("0.75"));
      assertThat(ShortestDecimal.flog10threeQuartersPow2(e))
          .as("e = %d", e)
          .isEqualTo(floorLog10(threeQuarters));
    }
    for (int e = -400; e <= 400; e++) {
      BigInteger p = BigInteger.TEN.pow(Math.abs(e));
      // floor(log2(10^e)): bitLength - 1 for e >= 0; -bitLength for e < 0 (10^|e| is no power of 2)
      int expected = e >= 0 ? p.bitLength() - 1 : -p.bitLength();
      assertThat(ShortestDecimal.flog2pow10(e)).as("e = %d", e).isEqualTo(expected);
    }
  }

  @Test
  void digitCountsAreExact() {
    long p = 1;
    for (int n = 1; n <= 18; n++) {
      assertThat(ShortestDecimal.digits(p)).isEqualTo(n);
      assertThat(ShortestDecimal.digits(p * 10 - 1)).isEqualTo(n);
      p *= 10;
    }
  }

  private static int floorLog10(BigDecimal x) {
    return x.precision() - x.scale() - 1;
  }
}
