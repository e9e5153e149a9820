package io.eventide.study;

/**
 * The mergeable part of a study's reduction, per test window: sums and counts of the estimation
 * residuals by relative day (for {@code AAR_τ} of the crude dependence adjustment), of the rank
 * scores by combined-window day (for {@code Ū_τ} of the rank test), and the sum of the
 * cross-correlations {@code r_ij} of clustered pairs in the sample (for r̄).
 *
 * <p>Merging adds element by element. The study merges partial accumulators in a fixed order, so
 * the result does not depend on how many threads produced them.
 */
final class WindowAccumulators {

  final double[][] aarSum;
  final int[][] aarCount;
  final double[][] rankSum;
  final int[][] rankCount;
  final double[] pairSum;

  WindowAccumulators(StudyLayout layout) {
    int w = layout.windowCount;
    aarSum = new double[w][layout.estLen];
    aarCount = new int[w][layout.estLen];
    rankSum = new double[w][layout.combinedLen];
    rankCount = new int[w][layout.combinedLen];
    pairSum = new double[w];
  }

  /**
   * Adds another accumulator into this one.
   *
   * @param other partial sums over a later part of the canonical order
   */
  void merge(WindowAccumulators other) {
    for (int w = 0; w < pairSum.length; w++) {
      addInto(aarSum[w], other.aarSum[w]);
      addInto(aarCount[w], other.aarCount[w]);
      addInto(rankSum[w], other.rankSum[w]);
      addInto(rankCount[w], other.rankCount[w]);
      pairSum[w] += other.pairSum[w];
    }
  }

  /**
   * Adds each of {@code other}'s accumulators into the matching one of {@code target} (all
   * firm-events, then each group).
   *
   * @param target the running sums
   * @param other partial sums over a later part of the canonical order
   */
  static void merge(WindowAccumulators[] target, WindowAccumulators[] other) {
    for (int g = 0; g < target.length; g++) {
      target[g].merge(other[g]);
    }
  }

  static void addInto(double[] target, double[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  static void addInto(int[] target, int[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }
}
