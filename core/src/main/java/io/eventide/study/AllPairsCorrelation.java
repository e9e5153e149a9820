package io.eventide.study;

import io.eventide.study.internal.AllPairsSums;
import io.eventide.study.internal.ClusterCorrelation;

/**
 * r̄ as Stata's {@code estudy} forms it ({@link Conventions#STATA_ESTUDY}, {@code
 * docs/statistics.md} section 3b): the sum of {@code r_ij} over every pair of a window's sample,
 * not only the pairs of one event, with the estimation residuals aligned on the relative day τ of
 * the estimation window (not on calendar dates). {@code r_ij} is the Pearson correlation over the
 * days τ on which both have a residual; 0 when fewer than {@value
 * ClusterCorrelation#MIN_COMMON_DATES} such days, or when either series is constant on them.
 *
 * <p>Members with a residual on every day share the same days, so with {@code z = (ε − ε̄) / ‖ε −
 * ε̄‖} their pairs sum to {@code (‖Σz‖² − Σ‖z‖²) / 2} in O(N·L); every pair with a member that
 * misses a day is correlated directly in O(L). The sums are formed in canonical order, so the
 * result does not depend on the thread count. An engine on partitions forms the same sums in
 * mergeable pieces ({@link AllPairsSums}, whose {@link AllPairsSums#pearson} this class uses).
 */
final class AllPairsCorrelation {

  private AllPairsCorrelation() {}

  /** Replaces each window's clustered pair sum by the sum over every pair of its sample. */
  static void replacePairSums(FirmEventColumns cols, WindowAccumulators[] accs) {
    // accs[0] holds every firm-event's sums, accs[1 + g] those of group g (a grouped study).
    for (int a = 0; a < accs.length; a++) {
      for (int w = 0; w < cols.windows; w++) {
        accs[a].pairSum[w] = pairSum(cols, cols.car[w], a - 1);
      }
    }
  }

  private static boolean member(FirmEventColumns cols, int i, int group) {
    return group < 0 || cols.group[i] == group;
  }

  private static double pairSum(FirmEventColumns cols, double[] car, int group) {
    int n = 0;
    for (int i = 0; i < cols.size; i++) {
      if (car[i] == car[i] && member(cols, i, group)) {
        n++;
      }
    }
    double[][] e = new double[n][];
    int j = 0;
    for (int i = 0; i < cols.size; i++) {
      if (car[i] == car[i] && member(cols, i, group)) {
        e[j++] = cols.estimationResiduals[i];
      }
    }
    if (n < 2) {
      return 0;
    }
    int len = e[0].length;
    if (len < ClusterCorrelation.MIN_COMMON_DATES) {
      return 0;
    }
    boolean[] complete = new boolean[n];
    double[] sumZ = new double[len];
    double sumNorms = 0;
    double[] z = new double[len];
    for (int a = 0; a < n; a++) {
      complete[a] = true;
      double mean = 0;
      for (double v : e[a]) {
        complete[a] &= v == v;
        mean += v;
      }
      if (!complete[a]) {
        continue;
      }
      mean /= len;
      double ss = 0;
      for (int t = 0; t < len; t++) {
        z[t] = e[a][t] - mean;
        ss += z[t] * z[t];
      }
      if (!(ss > 0)) {
        continue; // a constant series correlates with nothing: r = 0, z = 0
      }
      double inv = 1 / Math.sqrt(ss);
      double norm = 0;
      for (int t = 0; t < len; t++) {
        double v = z[t] * inv;
        sumZ[t] += v;
        norm += v * v;
      }
      sumNorms += norm;
    }
    double s2 = 0;
    for (double v : sumZ) {
      s2 += v * v;
    }
    double total = (s2 - sumNorms) / 2;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (!complete[a] || !complete[b]) {
          total += AllPairsSums.pearson(e[a], e[b]);
        }
      }
    }
    return total;
  }
}
