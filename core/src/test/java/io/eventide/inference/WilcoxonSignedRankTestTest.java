package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTestTest {

  private final WilcoxonSignedRankTest test = WilcoxonSignedRankTest.withDefaults();

  /** Commons Math's test, the reference where conventions match (no zeros; N' ≤ 30 exact). */
  private final org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest commons =
      new org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest();

  @Test
  void exactWithAZeroDropped() {
    // CAR 0.02, −0.01, 0.05, 0.03, −0.04, 0: drop the zero, N' = 5
    // |CAR| 0.02, 0.01, 0.05, 0.03, 0.04 -> ranks 2, 1, 5, 3, 4
    // W⁺ = 2 + 5 + 3 = 10, W⁻ = 1 + 4 = 5 (W⁺ + W⁻ = 5 · 6/2 = 15), max = 10
    // P(W ≥ 10) = P(W ≤ 5) by symmetry; subsets of {1..5} with sum ≤ 5:
    //   {}, {1}, {2}, {3}, {4}, {5}, {1,2}, {1,3}, {1,4}, {2,3} -> 10 of 32
    // p = 2 · 10/32 = 0.625
    // scipy 1.17.1: scipy.stats.wilcoxon([0.02, -0.01, 0.05, 0.03, -0.04], method='exact')
    //   -> statistic 5.0 (= min), pvalue 0.625
    TestResult r = test.test(Samples.cars(0.02, -0.01, 0.05, 0.03, -0.04, 0.0));
    assertThat(r.statistic()).isEqualTo(10.0);
    assertThat(r.pValue()).isEqualTo(0.625);
    assertThat(r.n()).isEqualTo(6);
  }

  @Test
  void exactWithTiedAbsoluteValues() {
    // CAR 0.01, −0.01, 0.02, 0.03: |CAR| 0.01, 0.01 share ranks 1 and 2 -> 1.5 each; 3; 4
    // W⁺ = 1.5 + 3 + 4 = 8.5, W⁻ = 1.5, max = 8.5
    // permutation distribution given the ranks {1.5, 1.5, 3, 4}, 16 equally likely subsets; the
    // sums ≥ 8.5 are {1.5, 1.5, 3, 4} = 10, {1.5, 3, 4} = 8.5 (twice, one per 1.5) -> 3 of 16
    // p = 2 · 3/16 = 0.375
    double[] x = {0.01, -0.01, 0.02, 0.03};
    TestResult r = test.test(Samples.cars(x));
    assertThat(r.statistic()).isEqualTo(8.5);
    assertThat(r.pValue()).isEqualTo(0.375);
    // Commons Math 3.6.1 gives the same max(W⁺, W⁻) = 8.5 but compares it with the untied null
    // (P(W ≥ 9) = 2/16, p = 0.25): docs/statistics.md uses the distribution given the ranks
    assertThat(commons.wilcoxonSignedRank(x, new double[4])).isEqualTo(8.5);
    assertThat(commons.wilcoxonSignedRankTest(x, new double[4], true)).isEqualTo(0.25);
  }

  @Test
  void exactWithATripleTieByHandEnumeration() {
    // x = 1, 1, −1, 2: |x| 1, 1, 1 share ranks 1..3 -> 2 each; 2 -> rank 4
    // W⁺ = 2 + 2 + 4 = 8, W⁻ = 2, max = 8
    // subsets of {2, 2, 2, 4} (16): sum 10 once ({2,2,2,4}), sum 8 three times ({2,2,4} with any
    // two of the three 2s); every other subset sums to at most 6 -> 4 of 16 at or above 8
    // p = 2 · 4/16 = 0.5
    TestResult r = test.test(Sample.of(1, 1, -1, 2));
    assertThat(r.statistic()).isEqualTo(8.0);
    assertThat(r.pValue()).isEqualTo(0.5);
    // a naive enumeration written here agrees on a larger tied sample
    double[] y = {0.5, -0.5, 0.5, 1, -1, 2, 3, 3, -3, 4, 0, 5};
    double[] ranks = {2, 2, 2, 4.5, 4.5, 6, 8, 8, 8, 10, 11};
    boolean[] positive = {true, false, true, true, false, true, true, true, false, true, true};
    double wPlus = 0;
    double total = 0;
    for (int i = 0; i < ranks.length; i++) {
      total += ranks[i];
      if (positive[i]) {
        wPlus += ranks[i];
      }
    }
    double max = Math.max(wPlus, total - wPlus);
    int atLeast = 0;
    for (int mask = 0; mask < 1 << ranks.length; mask++) {
      double sum = 0;
      for (int i = 0; i < ranks.length; i++) {
        if ((mask & 1 << i) != 0) {
          sum += ranks[i];
        }
      }
      if (sum >= max) {
        atLeast++;
      }
    }
    TestResult ry = test.test(Sample.of(y));
    assertThat(ry.statistic()).isEqualTo(wPlus);
    assertThat(ry.pValue()).isEqualTo(Math.min(1.0, 2.0 * atLeast / 2048.0));
  }

  @Test
  void exactPValueIsCappedAtOne() {
    // CAR 1, 2, −3: W⁺ = 3, W⁻ = 3, max = 3; P(W ≥ 3) for N' = 3: sums of subsets of {1,2,3} are
    // 0,1,2,3,3,4,5,6 -> 5 of 8; 2 · 5/8 = 1.25 -> capped at 1 (Commons Math returns 1.25)
    double[] x = {1, 2, -3};
    assertThat(commons.wilcoxonSignedRankTest(x, new double[3], true)).isEqualTo(1.25);
    assertThat(test.test(Samples.cars(x)).pValue()).isEqualTo(1.0);
    // N = 1: W⁺ = 1, P(W ≥ 1) = 1/2, p = 1
    assertThat(test.test(Samples.cars(0.02)).pValue()).isEqualTo(1.0);
  }

  @Property(tries = 1000)
  void agreesWithCommonsMathWhereConventionsMatch(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 16) int n, @ForAll boolean coarse) {
    // no zeros; coarse values on a grid of 0.01 make ties frequent
    Random rnd = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double v = 0.03 * rnd.nextGaussian() + 0.005;
      if (coarse) {
        v = Math.round(v * 100) / 100.0;
      }
      x[i] = v == 0.0 ? 0.01 : v;
    }
    TestResult r = test.test(Samples.cars(x));
    double total = n * (n + 1) / 2.0;
    double max = Math.max(r.statistic(), total - r.statistic());
    assertThat(max).isEqualTo(commons.wilcoxonSignedRank(x, new double[n]));
    // the exact p-values agree without ties; with ties (n ≤ 30) docs/statistics.md uses the
    // permutation distribution given the average ranks, checked by hand enumeration above
    boolean tiedExact =
        n <= WilcoxonSignedRankTest.EXACT_MAX && WilcoxonSignedRankTest.doubledRanks(x) != null;
    if (!tiedExact) {
      assertThat(r.pValue())
          .isEqualTo(Math.min(1.0, commons.wilcoxonSignedRankTest(x, new double[n], true)));
    }
  }

  @Property(tries = 1000)
  void largeSamplesRankedBySortingAgreeWithCommonsMathStatistic(
      @ForAll long seed, @ForAll @IntRange(min = 65, max = 400) int n, @ForAll boolean coarse) {
    // above PAIRWISE_MAX the ranks come from a sorted copy; zeros are dropped before Commons Math
    Sample s = Samples.random(seed, n, coarse);
    double[] nonZero = Arrays.stream(s.values()).filter(v -> v != 0.0).toArray();
    int m = nonZero.length;
    double w = test.statistic(s);
    double max = Math.max(w, m * (m + 1) / 2.0 - w);
    assertThat(max).isEqualTo(commons.wilcoxonSignedRank(nonZero, new double[m]));
  }

  @Test
  void pairwiseAndSortedRankingAgree() {
    for (long seed = 0; seed < 20; seed++) {
      Sample s = Samples.random(seed, WilcoxonSignedRankTest.PAIRWISE_MAX, seed % 2 == 0);
      double[] x = s.values();
      double[] longer = Arrays.copyOf(x, x.length + 1); // one more zero: dropped, but N > 64
      assertThat(test.statistic(Samples.cars(longer))).isEqualTo(test.statistic(s));
    }
  }

  @Test
  void exactAtThirtyNormalAboveIt() {
    // x_k = −k/1000 for k ≤ 8, else +k/1000: W⁻ = 1 + ... + 8 = 36
    // N' = 30: W⁺ = 465 − 36 = 429, exact.
    // scipy 1.17.1: scipy.stats.wilcoxon(x, method='exact') -> statistic 36.0,
    //   pvalue 9.220093488693237e-06
    TestResult thirty = test.test(Samples.cars(signed(30, 8)));
    assertThat(thirty.statistic()).isEqualTo(429.0);
    assertThat(thirty.pValue()).isCloseTo(9.220093488693237e-06, within(1e-19));
    // N' = 31: W⁺ = 496 − 36 = 460, μ = 31 · 32/4 = 248, σ² = 31 · 32 · 63/24 = 2604
    // z = (460 − 248 − 0.5)/√2604 = 4.144669276328118, p = 2Φ(−z)
    // scipy 1.17.1: scipy.stats.wilcoxon(x, method='approx', correction=True).pvalue
    //   = 3.403044947070185e-05 (no ties, no zeros: its tie correction is void)
    TestResult thirtyOne = test.test(Samples.cars(signed(31, 8)));
    assertThat(thirtyOne.statistic()).isEqualTo(460.0);
    assertThat(thirtyOne.pValue()).isCloseTo(3.403044947070185e-05, within(1e-17));
  }

  @Test
  void normalApproximationByHand() {
    // N' = 40, x_k = −k/1000 for k ≤ 10: W⁻ = 55, W⁺ = 820 − 55 = 765
    // μ = 40 · 41/4 = 410, σ² = 40 · 41 · 81/24 = 5535, σ = 74.39758060582...
    // z = (765 − 410 − 0.5)/σ = 354.5/74.3976 = 4.764939896073066
    // p = 2Φ(−4.764939896073066) = 1.8890995210262662e-06 (scipy.stats.norm.cdf)
    // scipy 1.17.1: scipy.stats.wilcoxon(x, method='approx', correction=True).pvalue
    //   = 1.8890995210262518e-06
    TestResult r = test.test(Samples.cars(signed(40, 10)));
    assertThat(r.statistic()).isEqualTo(765.0);
    double z = (765 - 410 - 0.5) / Math.sqrt(5535);
    assertThat(z).isCloseTo(4.764939896073066, within(1e-14));
    assertThat(r.pValue()).isCloseTo(1.8890995210262662e-06, within(1e-17));
  }

  @Test
  void normalApproximationIsCappedAtOne() {
    // N' = 31 with W⁺ = μ = 248 (ranks 23..31 and 5 positive: 243 + 5): z = −0.5/σ < 0,
    // 2Φ(−z) > 1 -> p = 1
    double[] x = new double[31];
    for (int k = 1; k <= 31; k++) {
      x[k - 1] = (k >= 23 || k == 5 ? k : -k) / 1000.0;
    }
    TestResult r = test.test(Samples.cars(x));
    assertThat(r.statistic()).isEqualTo(248.0);
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void exactNullDistributionHasTheRightTotals() {
    for (int n = 0; n <= WilcoxonSignedRankTest.EXACT_MAX; n++) {
      // P(W ≥ 0) = 1 -> 2 · 1 capped at 1; P(W ≥ N'(N'+1)/2) = 2^−N'
      assertThat(WilcoxonSignedRankTest.exactPValue(0, n)).isEqualTo(1.0);
      assertThat(WilcoxonSignedRankTest.exactPValue(n * (n + 1) / 2.0, n))
          .isEqualTo(Math.min(1.0, 2.0 / (1L << n)));
    }
  }

  @Test
  void edgeCases() {
    assertThat(test.test(Samples.cars(0.0, 0.0)).undefinedReason())
        .isEqualTo("N' = 0: all N = 2 values are zero, so there is nothing to rank");
    assertThat(test.test(Samples.cars(0.01, Double.NaN)).undefinedReason())
        .isEqualTo("CAR of the firm-event at sample position 1 is NaN");
    assertThat(test.test(Samples.bhar(0.2, -0.1, 0.5)).statistic()).isEqualTo(5.0);
  }

  /**
   * @return ±k/1000 for k = 1..n, negative for k ≤ negatives
   */
  private static double[] signed(int n, int negatives) {
    double[] x = new double[n];
    for (int k = 1; k <= n; k++) {
      x[k - 1] = (k <= negatives ? -k : k) / 1000.0;
    }
    return x;
  }

  @Test
  void largeSamplesRankMagnitudesAtAndAboveTwo() {
    // Values of either sign up to ±5 (BHARs of extreme movers): |x| ≥ 2 has the top exponent bit
    // set, which the sorted path must still order by magnitude. W⁺ against Commons Math 3.6.1
    // WilcoxonSignedRankTest.wilcoxonSignedRank(x, zeros), which returns max(W⁺, W⁻) —
    // so compare max(W⁺, N'(N'+1)/2 − W⁺).
    Random rnd = new Random(77);
    double[] x = new double[200];
    for (int i = 0; i < x.length; i++) {
      x[i] = (rnd.nextDouble() - 0.45) * 10;
    }
    double wPlus = WilcoxonSignedRankTest.withDefaults().statistic(Samples.cars(x));
    double total = 200 * 201 / 2.0;
    double cm =
        new org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest()
            .wilcoxonSignedRank(x, new double[200]);
    assertThat(Math.max(wPlus, total - wPlus)).isEqualTo(cm);
    // And against the pairwise count on the same values (N ≤ 64 path, by hand): rank of |x_i| is
    // 1 + #{j: |x_j| < |x_i|} (no ties here, all values distinct).
    double byHand = 0;
    for (double xi : x) {
      if (xi > 0) {
        int below = 0;
        for (double xj : x) {
          if (Math.abs(xj) < xi) {
            below++;
          }
        }
        byHand += below + 1;
      }
    }
    assertThat(wPlus).isEqualTo(byHand);
  }
}
