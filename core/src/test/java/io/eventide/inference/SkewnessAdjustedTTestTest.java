package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SkewnessAdjustedTTestTest {

  private final SkewnessAdjustedTTest test = SkewnessAdjustedTTest.withDefaults();

  @Test
  void fourCarsByHand() {
    // CAR 0.01, 0.02, 0.06, 0.03: N = 4, CAAR = 0.12/4 = 0.03
    // deviations −0.02, −0.01, 0.03, 0
    // Σd² = 4e-4 + 1e-4 + 9e-4 + 0 = 1.4e-3; s² = 1.4e-3/3; s = 0.021602468994692866
    // S = 0.03 / s = 1.3887301496588271
    // Σd³ = −8e-6 − 1e-6 + 2.7e-5 + 0 = 1.8e-5
    // γ̂ = 4 · 1.8e-5 / (3 · 2 · s³) = 1.190340128278995
    //   (scipy 1.17.1: scipy.stats.skew([0.01, 0.02, 0.06, 0.03], bias=False) = 1.1903401282789952)
    // t = √4 (S + γ̂S²/3 + γ̂²S³/27 + γ̂/24)
    //   = 2 (1.38873 + 0.76522 + 0.14055 + 0.04960) = 4.688193347796596
    // p: scipy 1.17.1: 2 * scipy.stats.t.cdf(-4.688193347796596, 3) = 0.018345506430835205
    double s = Math.sqrt(1.4e-3 / 3);
    double bigS = 0.03 / s;
    double gamma = 4 * 1.8e-5 / (3 * 2 * s * s * s);
    double expected =
        2 * (bigS + gamma * bigS * bigS / 3 + gamma * gamma * Math.pow(bigS, 3) / 27 + gamma / 24);
    TestResult r = test.test(Samples.cars(0.01, 0.02, 0.06, 0.03));
    assertThat(r.statistic())
        .isCloseTo(expected, within(1e-12))
        .isCloseTo(4.688193347796596, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.018345506430835205, within(1e-13));
  }

  @Test
  void symmetricSampleReducesToTheTTestPlusNothing() {
    // CAR 0.01, 0.02, 0.03: Σd³ = 0, γ̂ = 0, so t = √N · S = the cross-sectional t
    assertThat(test.statistic(Samples.cars(0.01, 0.02, 0.03)))
        .isCloseTo(
            CrossSectionalTTest.withDefaults().statistic(Samples.cars(0.01, 0.02, 0.03)),
            within(1e-12));
  }

  @Test
  void edgeCases() {
    assertThat(test.test(Samples.cars(0.01, 0.02)).undefinedReason())
        .isEqualTo("N = 2: the sample skewness (divisor N − 2) needs N ≥ 3");
    assertThat(test.test(Samples.cars(0.01)).undefinedReason()).startsWith("N = 1: ");
    assertThat(test.test(Samples.cars(0.01, 0.01, 0.01)).undefinedReason())
        .startsWith("zero variance");
    assertThat(test.test(Samples.bhar(0.01, 0.02, 0.06, 0.03)).statistic())
        .isCloseTo(4.688193347796596, within(1e-12));
  }
}
