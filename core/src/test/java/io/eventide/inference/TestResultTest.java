package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestResultTest {

  @Test
  void definedResult() {
    TestResult r = TestResult.of("patell-z", 2.5, 0.03, 40);
    assertThat(r.isDefined()).isTrue();
    assertThat(r.undefinedReason()).isEmpty();
    assertThat(r.n()).isEqualTo(40);
    assertThat(r.degreesOfFreedom()).isNaN();
  }

  @Test
  void definedResultWithStudentTDegreesOfFreedom() {
    TestResult r = TestResult.of("cs-t", 2.5, 0.03, 39.0, 40);
    assertThat(r.isDefined()).isTrue();
    assertThat(r.degreesOfFreedom()).isEqualTo(39.0);
  }

  @Test
  void undefinedResult() {
    TestResult r =
        TestResult.undefined("cs-t", 1, "N = 1: the sample standard deviation needs N ≥ 2");
    assertThat(r.isDefined()).isFalse();
    assertThat(r.statistic()).isNaN();
    assertThat(r.pValue()).isNaN();
    assertThat(r.degreesOfFreedom()).isNaN();
  }

  @Test
  void inconsistentResultsAreRejected() {
    assertThatThrownBy(() -> TestResult.of("cs-t", Double.NaN, 0.5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a NaN statistic needs an undefinedReason");
    assertThatThrownBy(() -> TestResult.of("cs-t", 1.0, 1.5, 3))
        .hasMessageContaining("p-value 1.5 is not in [0, 1]");
    assertThatThrownBy(() -> TestResult.undefined("cs-t", 3, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TestResult("cs-t", 1.0, 0.5, Double.NaN, 3, "why"))
        .hasMessageContaining("must have NaN statistic, p-value and degrees of freedom");
    assertThatThrownBy(() -> new TestResult("cs-t", Double.NaN, Double.NaN, 2.0, 3, "why"))
        .hasMessageContaining("must have NaN statistic, p-value and degrees of freedom");
    assertThatThrownBy(() -> TestResult.of("cs-t", 1.0, 0.5, -1))
        .hasMessageContaining("n = -1 is negative");
    assertThatThrownBy(() -> TestResult.of("cs-t", 1.0, 0.5, 0.0, 3))
        .hasMessage(
            "Test cs-t: degrees of freedom 0.0 must be positive, or NaN where the p-value is not"
                + " from Student t");
  }
}
