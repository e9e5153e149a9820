package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * A user's own values (their CARs, a backtest's trade returns) through the standard suite: the four
 * tests that need only the values run, each checked against the formula written out here.
 */
class UserSampleTest {

  private static final double[] X = {0.02, -0.01, 0.05, 0.03, -0.02};

  @Test
  void theStandardSuiteRunsTheFourValueTestsOnAPlainSample() {
    List<TestResult> results = TestSuite.standard().run(Sample.of(X));
    assertThat(results)
        .extracting(TestResult::testId)
        .containsExactly("cs-t", "skew-t", "sign-z", "wilcoxon");
    assertThat(results).allMatch(TestResult::isDefined).allMatch(r -> r.n() == 5);

    // mean = 0.07/5 = 0.014; deviations 0.006, −0.024, 0.036, 0.016, −0.034
    // Σd² = 3.6e-5 + 5.76e-4 + 1.296e-3 + 2.56e-4 + 1.156e-3 = 3.32e-3; s = √(3.32e-3/4)
    double mean = 0.014;
    double s = Math.sqrt(3.32e-3 / 4);
    double t = mean * Math.sqrt(5) / s;
    TestResult cs = results.get(0);
    assertThat(cs.statistic()).isCloseTo(t, within(1e-13));
    assertThat(cs.statistic()).isCloseTo(new TTest().t(0.0, X), within(1e-13));
    assertThat(cs.pValue()).isCloseTo(new TTest().tTest(0.0, X), within(1e-13));
    assertThat(cs.degreesOfFreedom()).isEqualTo(4.0);

    // Σd³ = 2.16e-7 − 1.3824e-5 + 4.6656e-5 + 4.096e-6 − 3.9304e-5 = −2.16e-6
    // γ̂ = N Σd³ / ((N − 1)(N − 2) s³), S = mean/s, t_sa = √N (S + γ̂S²/3 + γ̂²S³/27 + γ̂/(6N))
    double gamma = 5 * -2.16e-6 / (4.0 * 3.0 * s * s * s);
    double sr = mean / s;
    double tsa =
        Math.sqrt(5)
            * (sr + gamma * sr * sr / 3 + gamma * gamma * sr * sr * sr / 27 + gamma / (6.0 * 5));
    TestResult skew = results.get(1);
    assertThat(skew.statistic()).isCloseTo(tsa, within(1e-12));
    assertThat(skew.pValue())
        .isCloseTo(2 * new TDistribution(4).cumulativeProbability(-Math.abs(tsa)), within(1e-12));
    assertThat(skew.degreesOfFreedom()).isEqualTo(4.0);

    // N⁺ = 3 of N' = 5 non-zero: z = (3 − 5/2) / (√5/2) = 1/√5
    TestResult sign = results.get(2);
    assertThat(sign.statistic()).isCloseTo(1 / Math.sqrt(5), within(1e-15));
    assertThat(sign.pValue())
        .isCloseTo(
            2 * new NormalDistribution().cumulativeProbability(-1 / Math.sqrt(5)), within(1e-15));
    assertThat(sign.degreesOfFreedom()).isNaN();

    // |x| = 0.02, 0.01, 0.05, 0.03, 0.02 rank 2.5, 1, 5, 4, 2.5; W⁺ = 2.5 + 5 + 4 = 11.5.
    // max(W⁺, W⁻ = 15 − 11.5) = 11.5; exact, given the ranks {1, 2.5, 2.5, 4, 5}
    // (docs/statistics.md section 3): W ≥ 11.5 when the ranks left out sum to at most 3.5, that
    // is {}, {1}, either {2.5}, or {1, 2.5} with either 2.5: 6 of the 32 subsets, 2 · 6/32 = 0.375
    TestResult wilcoxon = results.get(3);
    assertThat(wilcoxon.statistic()).isEqualTo(11.5);
    assertThat(wilcoxon.pValue()).isEqualTo(0.375);
    assertThat(wilcoxon.degreesOfFreedom()).isNaN();
  }

  @Test
  void aStandardizedTestOnAPlainSampleSaysWhatItNeeds() {
    TestResult r = PatellTest.withDefaults().test(Sample.of(X));
    assertThat(r.isDefined()).isFalse();
    assertThat(r.undefinedReason())
        .isEqualTo("patell-z applies to CAR samples only; this is a value sample");
    assertThat(CrossSectionalTTest.withDefaults().test(Sample.of(0.01, 0.01)).undefinedReason())
        .isEqualTo(
            "zero variance: all N = 2 values of value equal 0.01, so the sample standard"
                + " deviation is 0");
  }

  @Test
  void degreesOfFreedomAreThoseOfEachStudentTPValueAndNaNElsewhere() {
    // N = 5 CARs; the default AAR series has D = 5 days with a value
    CarSample car = Samples.cars(0.02, -0.01, 0.05, 0.03, -0.02);
    for (TestResult r : TestSuite.standard().run(car)) {
      double expected =
          switch (r.testId()) {
            case "cs-t", "bmp-t", "kp-bmp-t", "skew-t" -> 4.0;
            case "cda-t" -> 4.0;
            default -> Double.NaN;
          };
      assertThat(Double.compare(r.degreesOfFreedom(), expected)).as(r.testId()).isZero();
      if (!Double.isNaN(expected)) {
        assertThat(r.pValue())
            .as(r.testId())
            .isEqualTo(
                2.0
                    * new TDistribution(null, expected)
                        .cumulativeProbability(-Math.abs(r.statistic())));
      }
    }
    // cda-t counts AAR days, not firm-events: D = 3 days with a value gives 2
    TestResult cda =
        CrudeDependenceAdjustmentTest.withDefaults()
            .test(Samples.car(0.02, -0.01, 0.05).aar(0.01, Double.NaN, -0.01, 0.02).build());
    assertThat(cda.degreesOfFreedom()).isEqualTo(2.0);
    assertThat(CrossSectionalTTest.withDefaults().test(Samples.cars(0.02)).degreesOfFreedom())
        .isNaN();
  }
}
