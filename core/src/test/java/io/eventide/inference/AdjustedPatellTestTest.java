package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AdjustedPatellTestTest {

  private final AdjustedPatellTest test = AdjustedPatellTest.withDefaults();

  @Test
  void shrinksPatellByTheVarianceInflation() {
    // Patell z of PatellTestTest: 0.7197743942112131; N = 3, r̄ = 0.1
    // 1 + (N − 1) r̄ = 1.2; z_adj = 0.7197743942112131 · √(1/1.2) = 0.6570611200401621
    // scipy 1.17.1: 2 * scipy.stats.norm.cdf(-0.6570611200401621) = 0.5111416172742289
    TestResult r =
        test.test(
            Samples.car(0.02, 0.01, -0.004).scar(1.0, 0.5, -0.2).df(100, 50, 12).rbar(0.1).build());
    assertThat(r.statistic()).isCloseTo(0.6570611200401621, within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.5111416172742289, within(1e-14));
  }

  @Property(tries = 1000)
  void withZeroMeanCorrelationEqualsPatell(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n) {
    CarSample s = Samples.random(seed, n, false);
    Sample uncorrelated = Samples.car(s.values()).scar(scars(s)).df(dfs(s)).rbar(0.0).build();
    TestResult adjusted = test.test(uncorrelated);
    TestResult patell = PatellTest.withDefaults().test(uncorrelated);
    // both p-values are from N(0, 1): no degrees of freedom (NaN, which the comparison cannot
    // equate)
    assertThat(adjusted.degreesOfFreedom()).isNaN();
    assertThat(patell.degreesOfFreedom()).isNaN();
    assertThat(adjusted)
        .usingRecursiveComparison()
        .ignoringFields("testId", "degreesOfFreedom")
        .isEqualTo(patell);
  }

  @Test
  void nonPositiveInflationOrImpossibleCorrelationIsUndefined() {
    // N = 3, r̄ = −0.5: 1 + 2 · (−0.5) = 0
    assertThat(test.test(Samples.car(0.02, 0.01, -0.004).rbar(-0.5).build()).undefinedReason())
        .isEqualTo(
            "1 + (N − 1) r̄ = 1 + 2 · -0.5 = 0.0 ≤ 0:"
                + " the cross-correlation adjustment needs it positive");
    assertThat(test.test(Samples.car(0.02, 0.01).rbar(1.5).build()).undefinedReason())
        .isEqualTo("r̄ = 1.5 is not a mean correlation in [−1, 1]");
    assertThat(test.statistic(Samples.car(0.02, 0.01).rbar(Double.NaN).build())).isNaN();
  }

  static double[] scars(CarSample s) {
    double[] v = new double[s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = s.standardized(i);
    }
    return v;
  }

  static double[] dfs(CarSample s) {
    double[] v = new double[s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = s.degreesOfFreedom(i);
    }
    return v;
  }
}
