package io.eventide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.eventide.study.internal.AllPairsSums;
import org.junit.jupiter.api.Test;

/**
 * What {@link ClusterCorrelationBenchmark} times is r̄'s pair sum of its cluster: its result equals
 * the sum over all pairs of the Pearson correlation on the dates both members have, formed pair by
 * pair by the study's own two-pass path ({@link AllPairsSums#pearson}, the path of Stata's
 * conventions, which shares no code with the Gram product or the standardized sums that {@code
 * ClusterCorrelation} runs; fewer than 30 common dates: 0), and with 1% of prices missing almost
 * every member has gaps (so the gapped path is what runs).
 */
class ClusterCorrelationBenchmarkTest {

  @Test
  void theClusterSumIsTheSumOfThePairwiseCorrelations() {
    for (double missing : new double[] {0, 0.01}) {
      ClusterCorrelationBenchmark b = new ClusterCorrelationBenchmark();
      b.missing = missing;
      b.setUp();
      double got = b.cluster();
      double want = 0;
      double scale = 0;
      int gappy = 0;
      for (int i = 0; i < ClusterCorrelationBenchmark.MEMBERS; i++) {
        if (hasGap(b, i)) {
          gappy++;
        }
        for (int j = i + 1; j < ClusterCorrelationBenchmark.MEMBERS; j++) {
          double r = AllPairsSums.pearson(b.residualsOf(i), b.residualsOf(j));
          want += r;
          scale += Math.abs(r);
        }
      }
      assertThat(got).as("missing %s", missing).isCloseTo(want, offset(1e-12 * scale));
      assertThat(b.cluster()).as("the same sum again").isEqualTo(got);
      if (missing == 0) {
        assertThat(gappy).isZero();
      } else {
        // P(no gap) = 0.99^251, about 8%
        assertThat(gappy).isGreaterThan(850);
      }
    }
  }

  private static boolean hasGap(ClusterCorrelationBenchmark b, int i) {
    for (double v : b.residualsOf(i)) {
      if (v != v) {
        return true;
      }
    }
    return false;
  }
}
