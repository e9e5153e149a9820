package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * {@code skew-t-boot} (Lyon, Barber and Tsai 1999) against a naive second implementation written
 * here with Commons Math's {@code Mean}, {@code StandardDeviation} (divisor n − 1) and {@code
 * Skewness} (the adjusted Fisher–Pearson γ̂), drawing the same resamples from the same seeded
 * {@link SplittableRandom}; and its edge cases.
 */
class BootstrappedSkewnessAdjustedTTestTest {

  /** 40 right-skewed BHAR-like values: exp(N(0, 0.6)) − 1 shifted, seeded. */
  private static double[] skewed(long seed, double shift) {
    Random rnd = new Random(seed);
    double[] x = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.exp(0.6 * rnd.nextGaussian()) - 1.0 - 0.18 + shift;
    }
    return x;
  }

  @Test
  void matchesTheNaiveBootstrap() {
    for (double shift : new double[] {0.0, 0.15, -0.1}) {
      double[] x = skewed(42, shift);
      BootstrappedSkewnessAdjustedTTest test = BootstrappedSkewnessAdjustedTTest.of(999, 7L);
      TestResult r = test.test(Sample.of(x));
      double t = SkewnessAdjustedTTest.withDefaults().statistic(Sample.of(x));
      assertThat(r.statistic()).isEqualTo(t);
      assertThat(r.pValue()).isEqualTo(naivePValue(x, t, 999, 7L));
      assertThat(r.degreesOfFreedom()).isNaN();
    }
  }

  private static double naivePValue(double[] x, double t, int b, long seed) {
    int n = x.length;
    int nb = n / 4; // 10
    double mean = new Mean().evaluate(x);
    SplittableRandom rnd = new SplittableRandom(seed);
    int below = 0;
    int above = 0;
    int valid = 0;
    for (int k = 0; k < b; k++) {
      double[] draw = new double[nb];
      for (int j = 0; j < nb; j++) {
        draw[j] = x[rnd.nextInt(n)];
      }
      double sd = new StandardDeviation().evaluate(draw);
      if (sd == 0) {
        continue;
      }
      double g = new Skewness().evaluate(draw);
      double s = (new Mean().evaluate(draw) - mean) / sd;
      double tb = Math.sqrt(nb) * (s + g * s * s / 3 + g * g * s * s * s / 27 + g / (6.0 * nb));
      valid++;
      below += tb <= t ? 1 : 0;
      above += tb >= t ? 1 : 0;
    }
    return Math.min(1.0, 2.0 * Math.min(below, above) / valid);
  }

  @Test
  void reactsToAnEffectAndIsDeterministicPerSeed() {
    BootstrappedSkewnessAdjustedTTest test = BootstrappedSkewnessAdjustedTTest.of(2000, 1L);
    double none = test.test(Sample.of(skewed(3, 0.0))).pValue();
    double strong = test.test(Sample.of(skewed(3, 0.5))).pValue();
    assertThat(none).isGreaterThan(0.05);
    assertThat(strong).isLessThan(0.01);
    assertThat(test.test(Sample.of(skewed(3, 0.0))).pValue()).isEqualTo(none);
    assertThat(BootstrappedSkewnessAdjustedTTest.of(2000, 2L).test(Sample.of(skewed(3, 0.0))))
        .isNotEqualTo(test.test(Sample.of(skewed(3, 0.0))));
  }

  @Test
  void edgeCases() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BootstrappedSkewnessAdjustedTTest.of(0, 1L))
        .withMessageStartingWith("Bootstrap resamples B = 0; use at least 1");
    BootstrappedSkewnessAdjustedTTest test = BootstrappedSkewnessAdjustedTTest.of(100, 1L);
    // N = 11: ⌊11/4⌋ = 2 < 3
    double[] eleven = new double[11];
    for (int i = 0; i < 11; i++) {
      eleven[i] = i * 0.01;
    }
    TestResult small = test.test(Sample.of(eleven));
    assertThat(small.statistic()).isNaN();
    assertThat(small.undefinedReason())
        .isEqualTo(
            "N = 11: the bootstrap resamples ⌊N/4⌋ = 2 values and the skewness needs 3, so N ≥ 12");
    // equal values: skew-t's own reason
    double[] flat = new double[12];
    assertThat(test.test(Sample.of(flat)).undefinedReason())
        .isEqualTo(SkewnessAdjustedTTest.withDefaults().test(Sample.of(flat)).undefinedReason());
    // 12 values, 11 of them equal: most resamples of 3 are flat, the rest defined
    double[] almost = new double[12];
    almost[0] = 1.0;
    TestResult r = BootstrappedSkewnessAdjustedTTest.of(1, 5L).test(Sample.of(almost));
    assertThat(r.pValue()).isNaN();
    assertThat(r.undefinedReason()).contains("none of the B = 1 resamples");
    assertThat(test.appliesTo(Samples.bhar(0.1))).isTrue();
    assertThat(test).isEqualTo(BootstrappedSkewnessAdjustedTTest.of(100, 1L));
  }
}
