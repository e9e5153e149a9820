package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.EventWindow;
import io.eventide.study.Measure;
import org.junit.jupiter.api.Test;

class TestResultTest {

  private static final EventWindow W = EventWindow.of(-1, 1);

  @Test
  void definedResult() {
    TestResult r = TestResult.of("cs-t", W, Measure.CAR, 2.5, 0.03, 40);
    assertThat(r.isDefined()).isTrue();
    assertThat(r.undefinedReason()).isEmpty();
    assertThat(r.n()).isEqualTo(40);
  }

  @Test
  void undefinedResult() {
    TestResult r =
        TestResult.undefined(
            "cs-t", W, Measure.BHAR, 1, "N = 1: the sample standard deviation needs N ≥ 2");
    assertThat(r.isDefined()).isFalse();
    assertThat(r.statistic()).isNaN();
    assertThat(r.pValue()).isNaN();
  }

  @Test
  void inconsistentResultsAreRejected() {
    assertThatThrownBy(() -> TestResult.of("cs-t", W, Measure.CAR, Double.NaN, 0.5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a NaN statistic needs an undefinedReason");
    assertThatThrownBy(() -> TestResult.of("cs-t", W, Measure.CAR, 1.0, 1.5, 3))
        .hasMessageContaining("p-value 1.5 is not in [0, 1]");
    assertThatThrownBy(() -> TestResult.undefined("cs-t", W, Measure.CAR, 3, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TestResult("cs-t", W, Measure.CAR, 1.0, 0.5, 3, "why"))
        .hasMessageContaining("must have NaN statistic and p-value");
    assertThatThrownBy(() -> TestResult.of("cs-t", W, Measure.CAR, 1.0, 0.5, -1))
        .hasMessageContaining("n = -1 is negative");
  }
}
