package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class CrudeDependenceAdjustmentTestTest {

  private final CrudeDependenceAdjustmentTest test = CrudeDependenceAdjustmentTest.withDefaults();

  @Test
  void smallAarSeriesByHand() {
    // CARs 0.02, −0.01, 0.05 over [−1, 1]: CAAR = 0.02, L = 3
    // AAR over the estimation window: 0.01, −0.01, (none), 0.02, 0.00 -> D = 4
    // mean AAR = 0.02/4 = 0.005; deviations 0.005, −0.015, 0.015, −0.005
    // Σ dev² = 2.5e-5 + 2.25e-4 + 2.25e-4 + 2.5e-5 = 5e-4; Ŝ² = 5e-4/3
    // Ŝ √L = √(5e-4/3 · 3) = √5e-4 = 0.0223606797749979
    // t = 0.02 / √5e-4 = 2/√5 = 0.8944271909999159, df = D − 1 = 3
    // scipy 1.17.1: 2 * scipy.stats.t.cdf(-2/sqrt(5), 3) = 0.43699762088840094
    TestResult r =
        test.test(Samples.car(0.02, -0.01, 0.05).aar(0.01, -0.01, Double.NaN, 0.02, 0.0).build());
    assertThat(r.statistic()).isCloseTo(2.0 / Math.sqrt(5.0), within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.43699762088840094, within(1e-13));
  }

  @Test
  void singleFirmEventIsDefinedByTheFormula() {
    // CAAR = 0.03; same AAR series: t = 0.03/√5e-4
    TestResult r = test.test(Samples.car(0.03).aar(0.01, -0.01, Double.NaN, 0.02, 0.0).build());
    assertThat(r.statistic()).isCloseTo(0.03 / Math.sqrt(5e-4), within(1e-13));
  }

  @Test
  void edgeCases() {
    assertThat(test.test(Samples.car(0.02, -0.01).aar(Double.NaN, 0.01).build()).undefinedReason())
        .startsWith("D = 1: the variance of AAR over the estimation window needs D ≥ 2");
    assertThat(test.test(Samples.car(0.02, -0.01).aar().build()).undefinedReason())
        .startsWith("D = 0");
    assertThat(
            test.test(Samples.car(0.02, -0.01).aar(0.01, 0.01, Double.NaN).build())
                .undefinedReason())
        .startsWith("zero variance: AAR equals 0.01 on all D = 2 estimation days");
    assertThat(
            test.test(Samples.car(0.02, -0.01).aar(0.01, Double.NEGATIVE_INFINITY).build())
                .undefinedReason())
        .isEqualTo("AAR on estimation day 1 (0-based) is -Infinity");
    assertThat(test.test(Samples.cars(0.02, Double.NaN)).undefinedReason())
        .isEqualTo("CAR of the firm-event at sample position 1 is NaN");
  }

  /**
   * The shared kernels give the bits of loops written out here day by day: the means as
   * double-double sums (each addition's rounding error carried, {@code SampleMath.mean}) and the
   * corrected two-pass sum of squares over the days with an AAR.
   */
  @Property(tries = 1000)
  void sharedKernelsGiveTheBitsOfTheDayByDayLoops(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 90) int n) {
    CarSample s = Samples.random(seed, n, false);
    double[] aar = s.estimationAar();
    double[] car = s.values();
    // Means as double-double sums: each addition's rounding error (Knuth's TwoSum) carried.
    double caarSum = 0.0;
    double caarErrors = 0.0;
    for (double c : car) {
      double t = caarSum + c;
      double cVirtual = t - caarSum;
      caarErrors += (caarSum - (t - cVirtual)) + (c - cVirtual);
      caarSum = t;
    }
    double caar = (caarSum + caarErrors) / n;
    int d = 0;
    double sum = 0.0;
    double errors = 0.0;
    for (double a : aar) {
      if (!Double.isNaN(a)) {
        d++;
        double t = sum + a;
        double aVirtual = t - sum;
        errors += (sum - (t - aVirtual)) + (a - aVirtual);
        sum = t;
      }
    }
    double mean = (sum + errors) / d;
    double sumDev = 0.0;
    double sumSquares = 0.0;
    for (double a : aar) {
      if (!Double.isNaN(a)) {
        sumDev += a - mean;
        sumSquares += (a - mean) * (a - mean);
      }
    }
    double ss = sumSquares - sumDev * sumDev / d;
    double expected = caar / (Math.sqrt(ss / (d - 1)) * Math.sqrt(s.windowLength()));
    assertThat(Double.compare(test.statistic(s), expected)).isZero();
    assertThat(test.test(s).degreesOfFreedom()).isEqualTo(d - 1.0);
  }
}
