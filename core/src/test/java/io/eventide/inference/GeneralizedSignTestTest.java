package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeneralizedSignTestTest {

  private final GeneralizedSignTest test = GeneralizedSignTest.withDefaults();

  @Test
  void fiveFirmEventsByHand() {
    // CAR 0.02, −0.01, 0.05, 0.03, −0.02: N = 5, N⁺ = 3
    // positive estimation shares 0.40, 0.45, 0.50, 0.35, 0.30: p̂ = 2.0/5 = 0.4, N p̂ = 2
    // z = (3 − 2) / √(5 · 0.4 · 0.6) = 1/√1.2 = 0.9128709291752769
    // scipy 1.17.1: 2 * scipy.stats.norm.cdf(-1/sqrt(1.2)) = 0.3613104285261787
    TestResult r =
        test.test(
            Samples.car(0.02, -0.01, 0.05, 0.03, -0.02)
                .share(0.40, 0.45, 0.50, 0.35, 0.30)
                .build());
    assertThat(r.statistic()).isCloseTo(1.0 / Math.sqrt(1.2), within(1e-15));
    assertThat(r.pValue()).isCloseTo(0.3613104285261787, within(1e-15));
  }

  @Test
  void zeroCarCountsAsNotPositive() {
    // CAR 0.02, 0, −0.01, shares 0.5: N⁺ = 1, N p̂ = 1.5, z = −0.5/√(3 · 0.25) =
    // −0.5773502691896258
    assertThat(test.statistic(Samples.cars(0.02, 0.0, -0.01)))
        .isCloseTo(-0.5 / Math.sqrt(0.75), within(1e-15));
  }

  @Test
  void degenerateShareIsUndefined() {
    TestResult r = test.test(Samples.car(0.02, -0.01).share(0.0, 0.0).build());
    assertThat(r.statistic()).isNaN();
    assertThat(r.undefinedReason())
        .isEqualTo(
            "p̂ = 0.0: with every estimation residual non-positive the binomial variance N p̂ (1 − p̂) is 0");
    assertThat(test.test(Samples.car(0.02, -0.01).share(1.0, 1.0).build()).undefinedReason())
        .startsWith("p̂ = 1.0: with every estimation residual positive");
    assertThat(test.test(Samples.car(0.02, -0.01).share(0.5, 1.5).build()).undefinedReason())
        .isEqualTo(
            "the positive share of estimation residuals of the firm-event at sample"
                + " position 1 is 1.5, not a share in [0, 1]");
  }
}
