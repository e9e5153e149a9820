package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BmpTestTest {

  private final BmpTest test = BmpTest.withDefaults();

  @Test
  void threeStandardizedCarsByHand() {
    // SCAR 1.0, 0.5, −0.2: mean = 1.3/3 = 0.43333...
    // deviations 0.56667, 0.06667, −0.63333; Σd² = 0.32111 + 0.00444 + 0.40111 = 0.72667
    // s² = 0.72667/2 = 0.36333; s = 0.60277
    // t = 0.43333 · √3 / 0.60277 = 1.2451741707874968, df = 2
    // scipy 1.17.1: scipy.stats.ttest_1samp([1.0, 0.5, -0.2], 0.0)
    //   -> statistic 1.2451741707874968, pvalue 0.3391728618920464
    TestResult r = test.test(Samples.car(0.02, 0.01, -0.004).scar(1.0, 0.5, -0.2).build());
    double mean = 1.3 / 3;
    double s =
        Math.sqrt(
            (Math.pow(1.0 - mean, 2) + Math.pow(0.5 - mean, 2) + Math.pow(-0.2 - mean, 2)) / 2);
    assertThat(r.statistic())
        .isCloseTo(mean * Math.sqrt(3) / s, within(1e-14))
        .isCloseTo(1.2451741707874968, within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.3391728618920464, within(1e-14));
  }

  @Test
  void edgeCases() {
    assertThat(test.test(Samples.cars(0.02)).undefinedReason())
        .isEqualTo("N = 1: the sample standard deviation of SCAR needs N ≥ 2");
    assertThat(test.test(Samples.car(0.02, 0.01).scar(1.0, 1.0).build()).undefinedReason())
        .startsWith("zero variance: all N = 2 values of SCAR equal 1.0");
    assertThat(test.test(Samples.car(0.02, 0.01).scar(1.0, Double.NaN).build()).undefinedReason())
        .isEqualTo("SCAR of the firm-event at sample position 1 is NaN");
  }
}
