package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KolariPynnonenBmpTestTest {

  private final KolariPynnonenBmpTest test = KolariPynnonenBmpTest.withDefaults();

  @Test
  void adjustsBmpForTheMeanCorrelation() {
    // BMP t of BmpTestTest: 1.2451741707874968; N = 3, r̄ = 0.1
    // √((1 − 0.1)/(1 + 2 · 0.1)) = √(0.9/1.2) = √0.75 = 0.8660254037844386
    // t_adj = 1.2451741707874968 · 0.8660254037844386 = 1.0783524640381954, df = 2
    // scipy 1.17.1: 2 * scipy.stats.t.cdf(-1.0783524640381954, 2) = 0.3936521435779028
    TestResult r =
        test.test(Samples.car(0.02, 0.01, -0.004).scar(1.0, 0.5, -0.2).rbar(0.1).build());
    assertThat(r.statistic()).isCloseTo(1.0783524640381954, within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.3936521435779028, within(1e-14));
  }

  @Property(tries = 1000)
  void withZeroMeanCorrelationEqualsBmp(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n) {
    CarSample s = Samples.random(seed, n, false);
    Sample uncorrelated =
        Samples.car(s.values()).scar(AdjustedPatellTestTest.scars(s)).rbar(0.0).build();
    TestResult adjusted = test.test(uncorrelated);
    TestResult bmp = BmpTest.withDefaults().test(uncorrelated);
    assertThat(Double.compare(adjusted.statistic(), bmp.statistic())).isZero();
    assertThat(Double.compare(adjusted.pValue(), bmp.pValue())).isZero();
  }

  @Test
  void perfectCorrelationGivesZeroAsTheFormulaReads() {
    TestResult r =
        test.test(Samples.car(0.02, 0.01, -0.004).scar(1.0, 0.5, -0.2).rbar(1.0).build());
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void nonPositiveInflationIsUndefined() {
    // N = 4, r̄ = −0.4: 1 + 3 · (−0.4) = −0.2
    TestResult r = test.test(Samples.car(0.02, 0.01, -0.004, 0.03).rbar(-0.4).build());
    assertThat(r.statistic()).isNaN();
    assertThat(r.undefinedReason()).startsWith("1 + (N − 1) r̄ = 1 + 3 · -0.4 = ");
  }
}
