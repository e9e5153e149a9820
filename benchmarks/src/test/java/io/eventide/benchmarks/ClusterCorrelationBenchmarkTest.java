package io.eventide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/**
 * What {@link ClusterCorrelationBenchmark} times is r̄'s pair sum of its cluster: its result equals
 * the sum over all pairs of the Pearson correlation on the dates both members have, computed here
 * pair by pair with the two-pass formula (fewer than 30 common dates: 0), and with 1% of prices
 * missing almost every member has gaps (so the gapped path is what runs).
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
          double r = pearson(b.residualsOf(i), b.residualsOf(j));
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

  private static double pearson(double[] x, double[] y) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int t = 0; t < x.length; t++) {
      if (x[t] == x[t] && y[t] == y[t]) {
        n++;
        sx += x[t];
        sy += y[t];
      }
    }
    if (n < 30) {
      return 0;
    }
    double mx = sx / n;
    double my = sy / n;
    double cxy = 0;
    double cxx = 0;
    double cyy = 0;
    for (int t = 0; t < x.length; t++) {
      if (x[t] == x[t] && y[t] == y[t]) {
        cxy += (x[t] - mx) * (y[t] - my);
        cxx += (x[t] - mx) * (x[t] - mx);
        cyy += (y[t] - my) * (y[t] - my);
      }
    }
    return cxy / Math.sqrt(cxx * cyy);
  }
}
