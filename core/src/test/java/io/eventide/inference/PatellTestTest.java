package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PatellTestTest {

  private final PatellTest test = PatellTest.withDefaults();

  @Test
  void threeFirmEventsByHand() {
    // SCAR 1.0, 0.5, −0.2 -> Σ SCAR = 1.3
    // M − k = 100, 50, 12 -> variances 100/98 + 50/48 + 12/10
    //   = 1.0204081632653061 + 1.0416666666666667 + 1.2 = 3.2620748299319729
    // z = 1.3 / √3.2620748299319729 = 1.3 / 1.8061214881... = 0.7197743942112131
    // scipy 1.17.1: 2 * scipy.stats.norm.cdf(-0.7197743942112131) = 0.47166391289251286
    TestResult r =
        test.test(Samples.car(0.02, 0.01, -0.004).scar(1.0, 0.5, -0.2).df(100, 50, 12).build());
    assertThat(r.statistic())
        .isCloseTo(1.3 / Math.sqrt(100.0 / 98 + 50.0 / 48 + 12.0 / 10), within(1e-15))
        .isCloseTo(0.7197743942112131, within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.47166391289251286, within(1e-14));
  }

  @Test
  void degreesOfFreedomAtMostTwoAreUndefined() {
    TestResult r = test.test(Samples.car(0.02, 0.01, -0.004).df(100, 2, 12).build());
    assertThat(r.statistic()).isNaN();
    assertThat(r.undefinedReason())
        .isEqualTo(
            "M_i − k = 2.0 for the firm-event at sample position 1:"
                + " the variance (M_i − k)/(M_i − k − 2) of its SCAR needs finite M_i − k > 2");
    assertThat(test.statistic(Samples.car(0.02).df(1.5).build())).isNaN();
    assertThat(test.test(Samples.car(0.02, 0.01).scar(Double.NaN, 1.0).build()).undefinedReason())
        .isEqualTo("SCAR of the firm-event at sample position 0 is NaN");
  }

  @Test
  void singleFirmEventIsItsOwnStandardizedTest() {
    // SCAR 2, M − k = 50: z = 2 / √(50/48)
    assertThat(test.statistic(Samples.car(0.04).scar(2.0).df(50).build()))
        .isCloseTo(2.0 / Math.sqrt(50.0 / 48.0), within(1e-15));
  }
}
