package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankTestTest {

  private final RankTest test = RankTest.withDefaults();

  /*
   * Two firm-events, combined window of 3 estimation days and 2 event days (positions 3 and 4 are
   * days 0 and 1).
   *
   *   day position        0      1      2      3      4
   *   AR of A           0.01  −0.02   0.00   0.03   0.01    T_A = 5
   *   rank K_A           3.5    1      2      5     3.5     (the two 0.01 share ranks 3 and 4)
   *   U_A = K/6 − ½     1/12  −1/3   −1/6    1/3   1/12
   *   AR of B          −0.01   —     0.02   0.04  −0.03    T_B = 4 (day 1 missing)
   *   rank K_B           2      —      3      4      1
   *   U_B = K/5 − ½    −0.1     —     0.1    0.3   −0.3
   *   Ū                −1/120 −1/3  −1/30  19/60 −13/120
   *
   * T = 5 days with a Ū; S_U = √((1/5) Σ Ū²) = 0.21180441711898057
   */
  private static final double[] U_BAR = {
    (3.5 / 6 - 0.5 + 2.0 / 5 - 0.5) / 2,
    1.0 / 6 - 0.5,
    (2.0 / 6 - 0.5 + 3.0 / 5 - 0.5) / 2,
    (5.0 / 6 - 0.5 + 4.0 / 5 - 0.5) / 2,
    (3.5 / 6 - 0.5 + 1.0 / 5 - 0.5) / 2
  };

  private static CarSample sample(int from, int to) {
    return Samples.car(0.04, 0.03).ranks(U_BAR, from, to).build();
  }

  @Test
  void handRankedTwoDayWindow() {
    // Ū = −1/120, −1/3, −1/30, 19/60, −13/120 (checked against U_BAR)
    assertThat(U_BAR)
        .containsExactly(
            new double[] {-1.0 / 120, -1.0 / 3, -1.0 / 30, 19.0 / 60, -13.0 / 120}, within(1e-15));
    // Σ Ū² = 1/14400 + 1/9 + 1/900 + 361/3600 + 169/14400 = 0.2243055...; S_U = √(that/5)
    double su = Math.sqrt((1.0 / 14400 + 1.0 / 9 + 1.0 / 900 + 361.0 / 3600 + 169.0 / 14400) / 5);
    assertThat(su).isCloseTo(0.21180441711898057, within(1e-15));
    // window [0, 1], L = 2: Z = (19/60 − 13/120) / (S_U √2) = (25/120) / (0.2118044 · 1.4142136)
    //   = 0.6955186050933215
    // scipy 1.17.1: 2 * scipy.stats.norm.cdf(-0.6955186050933215) = 0.4867303556986464
    TestResult r = test.test(sample(3, 4));
    assertThat(r.statistic())
        .isCloseTo((25.0 / 120) / (su * Math.sqrt(2)), within(1e-14))
        .isCloseTo(0.6955186050933215, within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.4867303556986464, within(1e-14));
  }

  @Test
  void handRankedDayZero() {
    // window [0, 0], L = 1: Z = (19/60) / S_U = 1.495090003192804
    // scipy 1.17.1: 2 * scipy.stats.norm.cdf(-1.495090003192804) = 0.13489095450959177
    TestResult r = test.test(sample(3, 3));
    assertThat(r.statistic()).isCloseTo(1.495090003192804, within(1e-14));
    assertThat(r.pValue()).isCloseTo(0.13489095450959177, within(1e-14));
  }

  @Test
  void edgeCases() {
    double[] zeros = {0.0, Double.NaN, 0.0, 0.0};
    assertThat(test.test(Samples.car(0.02).ranks(zeros, 2, 3).build()).undefinedReason())
        .isEqualTo("S_U = 0: Ū is 0 on all T = 3 days with a rank");
    double[] none = {Double.NaN, Double.NaN};
    assertThat(test.test(Samples.car(0.02).ranks(none, 1, 1).build()).undefinedReason())
        .startsWith("T = 0");
    double[] hole = {0.1, -0.2, Double.NaN};
    assertThat(test.test(Samples.car(0.02).ranks(hole, 1, 2).build()).undefinedReason())
        .startsWith("Ū on combined-window day 2 (0-based), inside the window, is NaN");
  }
}
