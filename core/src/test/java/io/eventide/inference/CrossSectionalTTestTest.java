package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class CrossSectionalTTestTest {

  private final CrossSectionalTTest test = CrossSectionalTTest.withDefaults();

  @Test
  void idAndDefaults() {
    assertThat(test.id()).isEqualTo("cs-t");
    assertThat(CrossSectionalTTest.withDefaults()).isSameAs(test);
    assertThat(test).hasToString("CrossSectionalTTest[cs-t]");
  }

  @Test
  void threeCarsByHand() {
    // CAAR = (0.02 − 0.01 + 0.05)/3 = 0.02
    // deviations 0, −0.03, 0.03; Σd² = 0.0018; s² = 0.0018/2 = 0.0009; s = 0.03
    // t = 0.02 / (0.03/√3) = (2/3)√3 = 1.1547005383792515
    // t(2) cdf: F(t) = 1/2 + t/(2√(2 + t²)); at t = −(2/3)√3, t² = 4/3, F = 1/2 − 1/√10,
    // so p = 2F = 1 − 2/√10 = 0.3675444679663241
    // scipy 1.17.1: scipy.stats.ttest_1samp([0.02, -0.01, 0.05], 0.0)
    //   -> statistic 1.1547005383792515, pvalue 0.36754446796632423
    TestResult r = test.test(Samples.cars(0.02, -0.01, 0.05));
    assertThat(r.statistic()).isCloseTo(2.0 / 3.0 * Math.sqrt(3.0), within(1e-14));
    assertThat(r.pValue()).isCloseTo(1.0 - 2.0 / Math.sqrt(10.0), within(1e-14));
    assertThat(r.n()).isEqualTo(3);
  }

  @Test
  void bharSampleUsesTheSameFormula() {
    TestResult r = test.test(Samples.bhar(0.02, -0.01, 0.05));
    assertThat(r.statistic()).isCloseTo(2.0 / 3.0 * Math.sqrt(3.0), within(1e-14));
    assertThat(r.degreesOfFreedom()).isEqualTo(2.0);
  }

  @Property(tries = 1000)
  void agreesWithCommonsMathTTest(@ForAll long seed, @ForAll @IntRange(min = 2, max = 200) int n) {
    Sample s = Samples.random(seed, n, false);
    double[] x = s.values();
    TTest reference = new TTest();
    TestResult r = test.test(s);
    // Commons Math adds the values in one plain sum, whose rounding error is at most
    // (n − 1) u Σ|x|, u = 2⁻⁵³ (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd
    // ed., 4.2); the engine's double-double sum is exact to a few u. Allowed: four times that. So t
    // = x̄ / (s/√n) may differ by
    // that error of the mean over s/√n: the whole difference when t is near 0, where a relative
    // tolerance alone made this property fail now and then (t = −5.4e-5, 1.3e-16 apart).
    double sumAbs = 0;
    for (double v : x) {
      sumAbs += Math.abs(v);
    }
    double standardError =
        Math.sqrt(new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(x) / n);
    double meanError = (n - 1) * Math.ulp(1.0) * sumAbs / n;
    assertThat(r.statistic())
        .isCloseTo(
            reference.t(0.0, x),
            within(1e-12 * Math.abs(r.statistic()) + 2 * meanError / standardError));
    assertThat(r.pValue()).isCloseTo(reference.tTest(0.0, x), within(1e-12));
  }

  @Test
  void farTailKeepsItsPrecision() {
    // a tiny spread around 0.01 gives t ≈ 1e5; 1 − F(|t|) would round to 0, 2 F(−|t|) does not
    TestResult r = test.test(Samples.cars(0.0100001, 0.0099999, 0.01, 0.0100002, 0.0099998));
    assertThat(r.statistic()).isGreaterThan(1e4);
    assertThat(r.pValue()).isGreaterThan(0.0).isLessThan(1e-15);
  }

  @Test
  void edgeCases() {
    assertThat(test.test(Samples.cars(0.02)).undefinedReason())
        .isEqualTo("N = 1: the sample standard deviation needs N ≥ 2");
    assertThat(test.test(Samples.cars(0.03, 0.03, 0.03)).undefinedReason())
        .startsWith("zero variance: all N = 3 values of CAR equal 0.03");
    assertThat(test.test(Samples.cars(0.03, Double.NaN, 0.01)).undefinedReason())
        .isEqualTo("CAR of the firm-event at sample position 1 is NaN");
    assertThat(test.statistic(Samples.cars(0.1, 0.1))).isNaN();
  }

  @Test
  void extremeMagnitudesAreUndefinedNotWrong() {
    // deviations of 1e160 square to +∞; of 1e-160 into the subnormal range: no finite wrong t
    assertThat(test.test(Samples.cars(2e160, -1e160, 5e160)).undefinedReason())
        .isEqualTo(
            "the sum of squared deviations of CAR is Infinity, outside the normal range"
                + " of double precision (values of extreme magnitude)");
    assertThat(test.test(Samples.cars(2e-160, -1e-160, 5e-160)).undefinedReason())
        .startsWith("the sum of squared deviations of CAR is ");
    // the formula is scale-free, so within range the statistic is the same at any scale
    assertThat(test.statistic(Samples.cars(2e150, -1e150, 5e150)))
        .isCloseTo(2.0 / 3.0 * Math.sqrt(3.0), within(1e-14));
    assertThat(test.statistic(Samples.cars(2e-150, -1e-150, 5e-150)))
        .isCloseTo(2.0 / 3.0 * Math.sqrt(3.0), within(1e-14));
  }
}
