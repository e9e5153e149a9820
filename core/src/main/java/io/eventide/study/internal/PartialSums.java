package io.eventide.study.internal;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Internal: the mergeable part of a study's reduction, per test window ({@code docs/statistics.md}
 * sections 3 and 4): the sums and counts of the estimation residuals by relative day (for the crude
 * dependence adjustment), of the rank scores by combined-window day (for the rank test), and the
 * sum of the cross-correlations {@code r_ij} of clustered pairs (for r̄); in a grouped study, the
 * same sums of each group's firm-events ({@link #group(String)}).
 *
 * <p>Merging adds element by element; it is associative and commutative up to the rounding of
 * floating-point addition (a few ulps), which is why an engine that merges in its own order matches
 * the local study to about 1e-15 relative, not bit for bit. Mutable, serializable.
 */
public final class PartialSums implements Serializable {

  private static final long serialVersionUID = 1L;

  final double[][] aarSum;
  final int[][] aarCount;
  final double[][] rankSum;
  final int[][] rankCount;
  final double[] pairSum;
  private final int estimationLength;
  private final int combinedLength;
  private final TreeMap<String, PartialSums> groups = new TreeMap<>();

  /**
   * Zero sums of the given shape.
   *
   * @param windows the number of test windows
   * @param estimationLength the estimation window's length in sessions
   * @param combinedLength the rank test's combined window's length in sessions
   */
  public PartialSums(int windows, int estimationLength, int combinedLength) {
    aarSum = new double[windows][estimationLength];
    aarCount = new int[windows][estimationLength];
    rankSum = new double[windows][combinedLength];
    rankCount = new int[windows][combinedLength];
    pairSum = new double[windows];
    this.estimationLength = estimationLength;
    this.combinedLength = combinedLength;
  }

  /**
   * The sums of one group's firm-events (a grouped study), created empty on first use.
   *
   * @param label the group's label
   * @return its sums (live)
   */
  public PartialSums group(String label) {
    return groups.computeIfAbsent(
        label, k -> new PartialSums(pairSum.length, estimationLength, combinedLength));
  }

  /**
   * @return each group's sums by label, in label order (read-only view)
   */
  public SortedMap<String, PartialSums> groups() {
    return Collections.unmodifiableSortedMap(groups);
  }

  /**
   * Adds another partial sum into this one.
   *
   * @param other sums of the same shape
   * @return this
   * @throws IllegalArgumentException if the shapes differ
   */
  public PartialSums merge(PartialSums other) {
    if (other.pairSum.length != pairSum.length
        || (pairSum.length > 0
            && (other.aarSum[0].length != aarSum[0].length
                || other.rankSum[0].length != rankSum[0].length))) {
      throw new IllegalArgumentException("Partial sums of different studies cannot be merged");
    }
    for (int w = 0; w < pairSum.length; w++) {
      add(aarSum[w], other.aarSum[w]);
      add(aarCount[w], other.aarCount[w]);
      add(rankSum[w], other.rankSum[w]);
      add(rankCount[w], other.rankCount[w]);
      pairSum[w] += other.pairSum[w];
    }
    for (Map.Entry<String, PartialSums> g : other.groups.entrySet()) {
      group(g.getKey()).merge(g.getValue());
    }
    return this;
  }

  /**
   * Adds a cluster's {@code Σ r_ij} per window ({@link StudyPartitions#clusterPairSums}).
   *
   * @param pairs one sum per test window
   * @return this
   */
  public PartialSums addPairSums(double[] pairs) {
    if (pairs.length != pairSum.length) {
      throw new IllegalArgumentException(
          "Expected " + pairSum.length + " window sums, got " + pairs.length);
    }
    for (int w = 0; w < pairs.length; w++) {
      pairSum[w] += pairs[w];
    }
    return this;
  }

  /**
   * @return the number of test windows
   */
  public int windows() {
    return pairSum.length;
  }

  /**
   * @return the residual sums, {@code [window][estimation day]} (the live array)
   */
  public double[][] residualSums() {
    return aarSum;
  }

  /**
   * @return the residual counts, {@code [window][estimation day]} (the live array)
   */
  public int[][] residualCounts() {
    return aarCount;
  }

  /**
   * @return the rank score sums, {@code [window][combined-window day]} (the live array)
   */
  public double[][] rankSums() {
    return rankSum;
  }

  /**
   * @return the rank score counts, {@code [window][combined-window day]} (the live array)
   */
  public int[][] rankCounts() {
    return rankCount;
  }

  /**
   * @return the sums of {@code r_ij} over clustered pairs, per window (the live array)
   */
  public double[] pairSums() {
    return pairSum;
  }

  private static void add(double[] t, double[] s) {
    for (int i = 0; i < t.length; i++) {
      t[i] += s[i];
    }
  }

  private static void add(int[] t, int[] s) {
    for (int i = 0; i < t.length; i++) {
      t[i] += s[i];
    }
  }
}
