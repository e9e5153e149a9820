package io.eventide.study.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/**
 * {@link GappedPairs} directly: its scratch length, and the two ways it sums a block. The sums
 * themselves are held to the pairwise oracle by {@code GappedClusterCorrelationTest}.
 */
class GappedPairsTest {

  private static final int EST_LEN = 250;
  private static final int MIN_COMMON = 30;

  @Test
  void alignedLengthIsTheLeastLengthThatFillsWholeLines() {
    for (int n = 0; n <= 2_000; n++) {
      int len = GappedPairs.alignedLength(n);
      assertThat(len).as("n = %d", n).isBetween(n, n + 7);
      assertThat((16 + 8L * len) % 64).as("n = %d", n).isZero();
    }
    // by hand: 16 + 8 * 6 = 64, 16 + 8 * 1006 = 8,064 = 126 lines
    assertThat(GappedPairs.alignedLength(0)).isEqualTo(6);
    assertThat(GappedPairs.alignedLength(6)).isEqualTo(6);
    assertThat(GappedPairs.alignedLength(7)).isEqualTo(14);
    assertThat(GappedPairs.alignedLength(1_000)).isEqualTo(1_006);
  }

  /**
   * A member without spread (every residual 0.5) makes the unchecked pass fail (its pairs' r is ±∞
   * or NaN), so the block is summed again pair by pair, where its pairs count 0. Every other pair
   * must then add the same r in the same order as in the block without it: the sums agree to the
   * bit. The blocks span two tiles of columns and hold members with fewer common dates than the
   * minimum, whose pairs count 0 in both passes.
   */
  @Test
  void thePairByPairPassAddsTheSameCorrelationsInTheSameOrder() {
    SplittableRandom rnd = new SplittableRandom(12);
    int gappy = 290;
    int complete = 40;
    double[][] rows = new double[gappy + complete][];
    double[] factor = new double[EST_LEN];
    for (int t = 0; t < EST_LEN; t++) {
      factor[t] = 0.01 * rnd.nextGaussian();
    }
    for (int i = 0; i < rows.length; i++) {
      double[] r = new double[EST_LEN];
      double load = rnd.nextDouble();
      for (int t = 0; t < EST_LEN; t++) {
        r[t] = load * factor[t] + 0.02 * rnd.nextGaussian();
      }
      if (i < gappy) {
        // at least one gap; every 25th member keeps only 20 residuals
        r[rnd.nextInt(EST_LEN)] = Double.NaN;
        for (int t = 0; t < EST_LEN; t++) {
          if (rnd.nextDouble() < 0.02 || (i % 25 == 3 && t >= 20)) {
            r[t] = Double.NaN;
          }
        }
      }
      rows[i] = r;
    }
    int[] patterns = new int[rows.length + 1];
    for (int i = 0; i < patterns.length; i++) {
      patterns[i] = rnd.nextInt(3);
    }
    double[] without = new double[9];
    new GappedPairs(EST_LEN, MIN_COMMON).addPairs(rows, rows.length, gappy, patterns, 3, without);

    double[] flat = new double[EST_LEN];
    Arrays.fill(flat, 0.5);
    flat[7] = Double.NaN;
    double[][] withFlat = new double[rows.length + 1][];
    int[] withPatterns = new int[rows.length + 1];
    for (int i = 0, j = 0; i < withFlat.length; i++) {
      if (i == gappy) {
        withFlat[i] = flat;
        withPatterns[i] = 1;
      } else {
        withFlat[i] = rows[j];
        withPatterns[i] = patterns[j];
        j++;
      }
    }
    double[] with = new double[9];
    new GappedPairs(EST_LEN, MIN_COMMON)
        .addPairs(withFlat, withFlat.length, gappy + 1, withPatterns, 3, with);

    for (int p = 0; p < 9; p++) {
      assertThat(without[p]).as("window sets %d, %d", p / 3, p % 3).isFinite().isNotZero();
      assertThat(Double.doubleToRawLongBits(with[p]))
          .as("window sets %d, %d: %s against %s", p / 3, p % 3, with[p], without[p])
          .isEqualTo(Double.doubleToRawLongBits(without[p]));
    }
  }

  /**
   * Against the definition, pair by pair (common dates, then Commons Math's Pearson correlation, 0
   * below 30 common dates or without spread): members with exactly 29, 30 and 31 residuals next to
   * complete members put pairs on both sides of the minimum, which the unchecked pass applies as a
   * weight.
   */
  @Test
  void pairsAtTheMinimumOfCommonDatesCountAsTheDefinitionSays() {
    SplittableRandom rnd = new SplittableRandom(5);
    int gappy = 60;
    int n = 75;
    double[][] rows = new double[n][EST_LEN];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < EST_LEN; t++) {
        rows[i][t] = 0.01 * rnd.nextGaussian() + 0.003 * Math.sin(t + i);
      }
      if (i < gappy) {
        // members 0, 1, 2 keep only their last 29, 30, 31 residuals; the others lose about 2%
        int keep = i < 3 ? 29 + i : EST_LEN;
        for (int t = 0; t < EST_LEN; t++) {
          if (t < EST_LEN - keep || rnd.nextDouble() < 0.02 || t == i) {
            rows[i][t] = Double.NaN;
          }
        }
        if (i < 3) {
          // no gap among the kept days: exactly `keep` residuals
          for (int t = EST_LEN - keep; t < EST_LEN; t++) {
            rows[i][t] = 0.01 * rnd.nextGaussian();
          }
        }
      }
    }
    int[] patterns = new int[n];
    for (int i = 0; i < n; i++) {
      patterns[i] = i % 2;
    }
    double[] sums = new double[4];
    new GappedPairs(EST_LEN, MIN_COMMON).addPairs(rows, n, gappy, patterns, 2, sums);

    double[] expected = new double[4];
    double[] scale = new double[4];
    double[] kept = new double[3];
    for (int i = 0; i < gappy; i++) {
      for (int j = i + 1; j < n; j++) {
        double r = pearsonOnCommonDates(rows[i], rows[j]);
        expected[patterns[i] * 2 + patterns[j]] += r;
        scale[patterns[i] * 2 + patterns[j]] += Math.abs(r);
        if (i < 3 && j >= gappy) {
          kept[i] += r;
        }
      }
    }
    // the 29-residual member's pairs with complete members count 0, the 30 and 31 ones' do not
    assertThat(kept[0]).isZero();
    assertThat(kept[1]).isNotZero();
    assertThat(kept[2]).isNotZero();
    for (int p = 0; p < 4; p++) {
      // 1e-12 of the sum of |r|: the one-pass formula and Commons Math's round differently
      assertThat(sums[p])
          .as("window sets %d, %d", p / 2, p % 2)
          .isCloseTo(expected[p], offset(1e-12 * scale[p]));
    }
  }

  /**
   * r on the dates where both have a residual, by Commons Math's {@code PearsonsCorrelation}; 0
   * below 30 such dates or without spread (where it gives NaN).
   */
  private static double pearsonOnCommonDates(double[] x, double[] y) {
    double[] a = new double[EST_LEN];
    double[] b = new double[EST_LEN];
    int n = 0;
    for (int t = 0; t < EST_LEN; t++) {
      if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) {
        a[n] = x[t];
        b[n] = y[t];
        n++;
      }
    }
    if (n < MIN_COMMON) {
      return 0;
    }
    double r = new PearsonsCorrelation().correlation(Arrays.copyOf(a, n), Arrays.copyOf(b, n));
    return Double.isNaN(r) ? 0 : Math.max(-1, Math.min(1, r));
  }
}
