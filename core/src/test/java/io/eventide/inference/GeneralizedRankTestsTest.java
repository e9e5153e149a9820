package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@code grank-z} and {@code grank-t} (Kolari and Pynnönen 2011, eqs. 9 and 12–15), pinned to a
 * hand calculation and to a second, naive implementation written here (ranks by counting, O(T²), no
 * sorting, no shared code).
 */
class GeneralizedRankTestsTest {

  private static final double NAN = Double.NaN;

  /**
   * Three firm-events, three estimation days. SCAR = 1, 2, 3: mean 2, S_SCAR = √((1 + 0 + 1) / 2) =
   * 1, so GSAR_i0 = 1, 2, 3.
   */
  private static CarSample handExample() {
    double[] scar = {1, 2, 3};
    return Samples.car(0.01, 0.02, 0.03)
        .scar(scar)
        .build()
        .withEstimationSar(
            new double[][] {
              {0.5, 1.5, -1}, // A
              {2, NAN, -0.5}, // B: no residual on day 1; its SAR on day 0 ties its GSAR (2)
              {-2, 1, 0} // C
            });
  }

  @Test
  void matchesTheHandCalculation() {
    // A: values {0.5, 1.5, −1 | G = 1}, sorted −1 0.5 1 1.5: K = 2, 4, 1 | K0 = 3; T_A = 4, /5:
    //    U = −0.1, 0.3, −0.3 | U0 = 0.1
    // B: values {2, −0.5 | G = 2}, sorted −0.5 2 2 (tie: ranks 2 and 3 average 2.5):
    //    K = 2.5, −, 1 | K0 = 2.5; T_B = 3, /4: U = 0.125, −, −0.25 | U0 = 0.125
    // C: values {−2, 1, 0 | G = 3}, sorted −2 0 1 3: K = 1, 3, 2 | K0 = 4; /5:
    //    U = −0.3, 0.1, −0.1 | U0 = 0.3
    // Ū_day0 = (−0.1 + 0.125 − 0.3)/3 = −0.275/3 (n = 3); Ū_day1 = (0.3 + 0.1)/2 = 0.2 (n = 2);
    // Ū_day2 = (−0.3 − 0.25 − 0.1)/3 = −0.65/3 (n = 3); Ū_0 = (0.1 + 0.125 + 0.3)/3 = 0.175.
    // T = 3 days + 1 = 4.
    // S_Ū² = (1/4) [ (0.275/3)² + (2/3)·0.2² + (0.65/3)² + 0.175² ]
    //      = (1/4) [ 0.0084027778 + 0.0266666667 + 0.0469444444 + 0.030625 ] = 0.1126388889 / 4
    double sU = Math.sqrt(0.1126388888888889 / 4);
    double z = 0.175 / sU; // 1.0428548504997475 (python: 0.175 / sqrt(0.1126388888888889 / 4))
    double t = z * Math.sqrt(2 / (3 - z * z)); // 1.0664571038499535
    CarSample s = handExample();
    assertThat(z).isCloseTo(1.0428548504997475, within(1e-15));
    assertThat(GeneralizedRankZTest.withDefaults().statistic(s)).isCloseTo(z, within(1e-14));
    assertThat(GeneralizedRankTTest.withDefaults().statistic(s)).isCloseTo(t, within(1e-14));
    // p-values: scipy 2*norm.cdf(-1.0428548504997475) = 0.2970155230630356,
    //           2*t.cdf(-1.0664571038499535, 2) = 0.3979074713382639
    TestResult rz = GeneralizedRankZTest.withDefaults().test(s);
    TestResult rt = GeneralizedRankTTest.withDefaults().test(s);
    assertThat(rz.pValue()).isCloseTo(0.2970155230630356, within(1e-12));
    assertThat(rz.degreesOfFreedom()).isNaN();
    assertThat(rt.pValue()).isCloseTo(0.3979074713382639, within(1e-12));
    assertThat(rt.degreesOfFreedom()).isEqualTo(2.0);
    assertThat(rt.n()).isEqualTo(3);
  }

  @Test
  void agreesWithTheNaiveImplementationOnRandomSamplesWithGapsAndTies() {
    Random rnd = new Random(20111);
    for (int rep = 0; rep < 40; rep++) {
      int n = 2 + rnd.nextInt(12);
      int d = 1 + rnd.nextInt(15);
      double[] car = new double[n];
      double[] scar = new double[n];
      double[][] sar = new double[n][d];
      for (int i = 0; i < n; i++) {
        // coarse values on some repetitions, so SARs tie each other and the GSAR
        boolean coarse = rep % 3 == 0;
        scar[i] = coarse ? Math.round(rnd.nextGaussian() * 2) / 2.0 : rnd.nextGaussian() * 1.5;
        car[i] = scar[i] * 0.02;
        for (int tau = 0; tau < d; tau++) {
          double v = coarse ? Math.round(rnd.nextGaussian() * 2) / 2.0 : rnd.nextGaussian();
          sar[i][tau] = rnd.nextInt(6) == 0 ? NAN : v;
        }
      }
      CarSample s = Samples.car(car).scar(scar).build().withEstimationSar(sar);
      double[] naive = naive(scar, sar);
      double z = GeneralizedRankZTest.withDefaults().statistic(s);
      double t = GeneralizedRankTTest.withDefaults().statistic(s);
      if (Double.isNaN(naive[0])) {
        assertThat(z).as("rep %d", rep).isNaN();
        continue;
      }
      assertThat(z).as("rep %d", rep).isCloseTo(naive[0], within(1e-12));
      double naiveT =
          naive[1] > 2 && naive[1] - 1 - naive[0] * naive[0] > 0
              ? naive[0] * Math.sqrt((naive[1] - 2) / (naive[1] - 1 - naive[0] * naive[0]))
              : NAN;
      if (Double.isNaN(naiveT)) {
        assertThat(t).as("rep %d", rep).isNaN();
      } else {
        assertThat(t).as("rep %d", rep).isCloseTo(naiveT, within(1e-12));
        TestResult r = GeneralizedRankTTest.withDefaults().test(s);
        assertThat(r.degreesOfFreedom()).isEqualTo(naive[1] - 2);
        assertThat(r.pValue())
            .isCloseTo(
                2 * new TDistribution(naive[1] - 2).cumulativeProbability(-Math.abs(naiveT)),
                within(1e-12));
      }
      assertThat(GeneralizedRankZTest.withDefaults().test(s).pValue())
          .isCloseTo(
              2 * new NormalDistribution().cumulativeProbability(-Math.abs(naive[0])),
              within(1e-12));
    }
  }

  /**
   * The definition, step by step, with nothing shared with the production code: {Z, T}, or {NaN,
   * NaN}.
   */
  private static double[] naive(double[] scar, double[][] sar) {
    int n = scar.length;
    int d = sar[0].length;
    double mean = 0;
    for (double x : scar) {
      mean += x / n;
    }
    double ss = 0;
    for (double x : scar) {
      ss += (x - mean) * (x - mean);
    }
    double sScar = Math.sqrt(ss / (n - 1));
    if (sScar == 0) {
      return new double[] {NAN, NAN};
    }
    double[][] u = new double[n][d];
    double[] u0 = new double[n];
    for (int i = 0; i < n; i++) {
      double g = scar[i] / sScar;
      int ti = 1;
      for (double v : sar[i]) {
        ti += Double.isNaN(v) ? 0 : 1;
      }
      for (int tau = 0; tau < d; tau++) {
        u[i][tau] = Double.isNaN(sar[i][tau]) ? NAN : rank(sar[i][tau], sar[i], g) / (ti + 1) - 0.5;
      }
      u0[i] = rank(g, sar[i], g) / (ti + 1) - 0.5;
    }
    double sum = 0;
    int days = 1;
    for (int tau = 0; tau < d; tau++) {
      double total = 0;
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(u[i][tau])) {
          total += u[i][tau];
          count++;
        }
      }
      if (count > 0) {
        double ubar = total / count;
        sum += (double) count / n * ubar * ubar;
        days++;
      }
    }
    double ubar0 = 0;
    for (double x : u0) {
      ubar0 += x / n;
    }
    double su = Math.sqrt((sum + ubar0 * ubar0) / days);
    return su == 0 ? new double[] {NAN, NAN} : new double[] {ubar0 / su, days};
  }

  /** Average rank of v among the valid SARs and g: 1 + #below + (#equal − 1) / 2. */
  private static double rank(double v, double[] sars, double g) {
    int below = g < v ? 1 : 0;
    int equal = g == v ? 1 : 0;
    for (double x : sars) {
      if (!Double.isNaN(x)) {
        below += x < v ? 1 : 0;
        equal += x == v ? 1 : 0;
      }
    }
    return 1 + below + (equal - 1) / 2.0;
  }

  @Test
  void undefinedForOneFirmEvent() {
    CarSample s = Samples.car(0.01).build().withEstimationSar(new double[][] {{0.1, 0.2, 0.3}});
    TestResult r = GeneralizedRankZTest.withDefaults().test(s);
    assertThat(r.statistic()).isNaN();
    assertThat(r.undefinedReason()).startsWith("N = 1");
    assertThat(GeneralizedRankTTest.withDefaults().test(s).undefinedReason()).startsWith("N = 1");
  }

  @Test
  void undefinedWhenAllScarsAreEqual() {
    CarSample s =
        Samples.car(0.01, 0.01, 0.01)
            .build()
            .withEstimationSar(new double[][] {{0.1, 0.2}, {0.3, -0.2}, {0.0, 1.0}});
    assertThat(GeneralizedRankZTest.withDefaults().test(s).undefinedReason())
        .startsWith("S_SCAR = 0");
    assertThat(GeneralizedRankTTest.withDefaults().test(s).undefinedReason())
        .startsWith("S_SCAR = 0");
  }

  @Test
  void tUndefinedWhenTIsTwoOrTMinusOneMinusZSquaredIsNotPositive() {
    // SCAR = 1, 3: mean 2, S_SCAR = √2, G = 0.7071, 2.1213, both above every SAR below.
    // One estimation day: T = 2, and T − 2 = 0 degrees of freedom. Each firm ranks its SAR 1 and
    // its G 2 of T_i = 2, /3: U = −1/6, U0 = 1/6; S_Ū² = (1/2)(1/36 + 1/36), Z = 1.
    CarSample oneDay =
        Samples.car(0.01, 0.03).scar(1, 3).build().withEstimationSar(new double[][] {{-1}, {-2}});
    assertThat(GeneralizedRankZTest.withDefaults().statistic(oneDay)).isCloseTo(1.0, within(1e-12));
    TestResult t = GeneralizedRankTTest.withDefaults().test(oneDay);
    assertThat(t.statistic()).isNaN();
    assertThat(t.undefinedReason()).startsWith("T = 2");
    // Four estimation days on which each firm's SARs tie low (average rank 2.5 of 1..4) and G ranks
    // 5 of T_i = 5, /6: U = 2.5/6 − 0.5 = −1/12, U0 = 5/6 − 0.5 = 1/3; T = 5.
    // S_Ū² = (1/5)(4/144 + 1/9) = (1/5)(0.0277778 + 0.1111111) = 0.0277778, S_Ū = 1/6,
    // Z = (1/3)/(1/6) = 2, Z² = 4 = T − 1: T − 1 − Z² = 0 up to rounding.
    CarSample tied =
        Samples.car(0.01, 0.03)
            .scar(1, 3)
            .build()
            .withEstimationSar(new double[][] {{-1, -1, -1, -1}, {-1, -1, -1, -1}});
    // In double: u = 2.5/6 − 0.5, U0 = 5/6 − 0.5, S_Ū = √((4u² + U0²)/5) and Z = U0 / S_Ū give
    // exactly Z = 2.0 and 5 − 1.0 − Z·Z = 0.0 (the same operations in Python print 2.0 and 0.0),
    // so the guard T − 1 − Z² ≤ 0 applies. (With no missing day Σ_τ U_iτ + U_i0 = 0 for every
    // firm-event, so Σ Ū_τ = −Ū_0 and Cauchy–Schwarz gives Z² ≤ T − 1: the undefined case is this
    // boundary, where all Ū_τ are equal.)
    double z = GeneralizedRankZTest.withDefaults().statistic(tied);
    assertThat(z).isEqualTo(2.0);
    TestResult rt = GeneralizedRankTTest.withDefaults().test(tied);
    assertThat(rt.statistic()).isNaN();
    assertThat(rt.pValue()).isNaN();
    assertThat(rt.undefinedReason()).startsWith("T − 1 − Z² = 0.0 ≤ 0 (T = 5, Z = 2.0)");
    assertThat(GeneralizedRankZTest.withDefaults().test(tied).undefinedReason()).isEmpty();
  }

  @Test
  void undefinedWithoutEstimationSarAndNotForBhar() {
    CarSample plain = Samples.cars(0.01, 0.02, -0.01);
    assertThat(plain.hasEstimationSar()).isFalse();
    assertThat(GeneralizedRankZTest.withDefaults().test(plain).undefinedReason())
        .contains("withEstimationSar");
    assertThat(GeneralizedRankTTest.withDefaults().appliesTo(Samples.bhar(0.1, 0.2))).isFalse();
    assertThat(GeneralizedRankTTest.withDefaults().test(Samples.bhar(0.1, 0.2)).undefinedReason())
        .contains("applies to CAR samples only");
  }

  @Test
  void rowsAreCheckedAndCopied() {
    CarSample s = Samples.cars(0.01, 0.02);
    assertThatThrownBy(() -> s.withEstimationSar(new double[][] {{1}}))
        .hasMessageContaining("1 rows but car has 2");
    assertThatThrownBy(() -> s.withEstimationSar(new double[][] {{1}, {1, 2}}))
        .hasMessageContaining("row 1 has 2 days but row 0 has 1");
    double[][] rows = {{1, 2}, {3, 4}};
    CarSample with = s.withEstimationSar(rows);
    rows[0][0] = 99;
    assertThat(with.estimationSar()[0][0]).isEqualTo(1.0);
    assertThat(with)
        .isNotEqualTo(s)
        .isEqualTo(s.withEstimationSar(new double[][] {{1, 2}, {3, 4}}));
    assertThatThrownBy(s::estimationSar).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void suiteKnowsTheIdsButTheStandardSuiteStaysEleven() {
    assertThat(TestSuite.standard().ids()).hasSize(11).doesNotContain("grank-t", "grank-z");
    TestSuite suite = TestSuite.byIds(java.util.List.of("cs-t", "grank-t", "grank-z"));
    assertThat(suite.ids()).containsExactly("cs-t", "grank-t", "grank-z");
    assertThat(suite.needsEstimationSar()).isTrue();
    assertThat(TestSuite.standard().needsEstimationSar()).isFalse();
    assertThat(TestSuite.knownIds()).hasSize(13).endsWith("grank-t", "grank-z");
  }
}
