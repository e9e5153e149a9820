package io.eventide.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;

class RankKernelTest {

  @Test
  void handWorkedTiesAndMissing() {
    // Valid values 0.3, 0.1, 0.3, -0.2 (T = 4): ranks 3.5, 2, 3.5, 1; U = K/5 − 1/2.
    double[] v = {0.3, Double.NaN, 0.1, 0.3, -0.2};
    double[] u = new double[5];
    int t = new RankKernel(5).scores(v, 5, u);
    assertThat(t).isEqualTo(4);
    assertThat(u)
        .containsExactly(3.5 / 5 - 0.5, Double.NaN, 2.0 / 5 - 0.5, 3.5 / 5 - 0.5, 1.0 / 5 - 0.5);
  }

  @Test
  void signedZerosTieAndNegativesSortBelowPositives() {
    // −0.0 and 0.0 are equal values: ranks 2 and 3 average to 2.5 (T = 4, U = K/5 − 1/2).
    double[] v = {0.0, -1e-300, -0.0, 5};
    double[] u = new double[4];
    new RankKernel(4).scores(v, 4, u);
    assertThat(u).containsExactly(2.5 / 5 - 0.5, 1.0 / 5 - 0.5, 2.5 / 5 - 0.5, 4.0 / 5 - 0.5);
  }

  @Test
  void matchesCommonsMathNaturalRankingWithAverageTies() {
    SplittableRandom rnd = new SplittableRandom(42);
    RankKernel kernel = new RankKernel(600);
    NaturalRanking ref = new NaturalRanking(NaNStrategy.REMOVED, TiesStrategy.AVERAGE);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rnd.nextInt(600);
      double[] v = new double[n];
      int valid = 0;
      for (int i = 0; i < n; i++) {
        // Few distinct values on some trials (many ties), continuous on others; 10% missing.
        v[i] =
            rnd.nextInt(10) == 0
                ? Double.NaN
                : trial % 2 == 0 ? rnd.nextInt(7) - 3 : rnd.nextDouble() - 0.5;
        if (!Double.isNaN(v[i])) {
          valid++;
        }
      }
      double[] u = new double[n];
      assertThat(kernel.scores(v, n, u)).isEqualTo(valid);
      double[] compact = new double[valid];
      int j = 0;
      for (double x : v) {
        if (!Double.isNaN(x)) {
          compact[j++] = x;
        }
      }
      double[] ranks = ref.rank(compact);
      j = 0;
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(v[i])) {
          assertThat(u[i]).isNaN();
        } else {
          assertThat(u[i]).isEqualTo(ranks[j++] / (valid + 1.0) - 0.5);
        }
      }
    }
  }

  /**
   * The radix passes sort only the upper 32 bits of each key; values that share them (here a few
   * bases, each with a few hundred neighbours a few ulps apart, some repeated exactly, positive and
   * negative, and −0.0 with 0.0) must still come out in the order of their whole value, ties
   * averaged: against Commons Math's {@code NaturalRanking}.
   */
  @Test
  void valuesSharingTheirUpperHalfAreRankedByTheirWholeValue() {
    SplittableRandom rnd = new SplittableRandom(7);
    double[] bases = {0.0123, -0.0123, 1.0, -2.5e-8, 0.0};
    RankKernel kernel = new RankKernel(500);
    NaturalRanking ref = new NaturalRanking(NaNStrategy.REMOVED, TiesStrategy.AVERAGE);
    for (int trial = 0; trial < 50; trial++) {
      int n = 100 + rnd.nextInt(400);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        double base = bases[rnd.nextInt(bases.length)];
        double x = base;
        for (int k = rnd.nextInt(40); k > 0; k--) {
          x = Math.nextUp(x);
        }
        v[i] = x;
      }
      // Upper halves shared: the test means what it says.
      assertThat(Double.doubleToRawLongBits(Math.nextUp(0.0123)) >>> 32)
          .isEqualTo(Double.doubleToRawLongBits(0.0123) >>> 32);
      double[] u = new double[n];
      assertThat(kernel.scores(v, n, u)).isEqualTo(n);
      double[] ranks = ref.rank(v);
      for (int i = 0; i < n; i++) {
        assertThat(u[i]).as("value %s", v[i]).isEqualTo(ranks[i] / (n + 1.0) - 0.5);
      }
    }
  }
}
