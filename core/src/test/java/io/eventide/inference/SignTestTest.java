package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SignTestTest {

  private final SignTest test = SignTest.withDefaults();

  @Test
  void zerosAreDropped() {
    // CAR 0.02, 0, −0.01, 0.03, 0, 0.05: N = 6, N⁺ = 3, N' = 4
    // z = (3 − 4/2) / (√4/2) = 1/1 = 1
    // scipy 1.17.1: 2 * scipy.stats.norm.cdf(-1.0) = 0.31731050786291415
    TestResult r = test.test(Samples.cars(0.02, 0.0, -0.01, 0.03, 0.0, 0.05));
    assertThat(r.statistic()).isEqualTo(1.0);
    assertThat(r.pValue()).isCloseTo(0.31731050786291415, within(1e-15));
    assertThat(r.n()).isEqualTo(6);
  }

  @Test
  void negativeMajority() {
    // N⁺ = 1, N' = 5: z = (1 − 2.5) / (√5/2) = −1.5 · 2/√5 = −1.3416407864998738
    assertThat(test.statistic(Samples.bhar(-0.1, -0.2, 0.3, -0.05, -0.01)))
        .isCloseTo(-3.0 / Math.sqrt(5.0), within(1e-15));
  }

  @Test
  void allZerosIsUndefined() {
    TestResult r = test.test(Samples.cars(0.0, 0.0, -0.0));
    assertThat(r.statistic()).isNaN();
    assertThat(r.undefinedReason())
        .isEqualTo("N' = 0: all N = 3 values are zero, so no sign can be counted");
    assertThat(test.test(Samples.cars(0.01, Double.NaN)).undefinedReason())
        .isEqualTo("CAR of the firm-event at sample position 1 is NaN");
  }
}
