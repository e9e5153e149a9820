package io.eventide.study.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Internal: the map-side combine of r̄ for a cluster (or one group of a cluster) whose members that
 * pair with anyone are all complete and share one calendar and estimation range ({@link
 * ClusterShape#simple()}). Within such a cluster {@code Σ_{i<j} r_ij = (‖Σz‖² − Σ‖z‖²) / 2} with
 * {@code z = (ε − ε̄) / ‖ε − ε̄‖} ({@code docs/statistics.md} section 3), exactly the formula
 * {@link ClusterCorrelation} uses; so a partition ships, per window pattern, one {@code Σz} of the
 * estimation window's length and one {@code Σ‖z‖²}, whatever the number of its members, and the
 * pieces of all partitions add up. Members with fewer than {@value
 * ClusterCorrelation#MIN_COMMON_DATES} residuals pair with nobody and are skipped.
 *
 * <p>Mutable, serializable. Merging adds element by element in the order called, patterns in order
 * of first appearance: merge pieces in a fixed order for a deterministic result.
 */
public final class CompleteSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int estLen;
  private final List<Pattern> patterns = new ArrayList<>();

  /**
   * @param estLen the estimation window's length in sessions
   */
  public CompleteSums(int estLen) {
    this.estLen = estLen;
  }

  /**
   * Adds a member; one with fewer than {@value ClusterCorrelation#MIN_COMMON_DATES} residuals is
   * skipped.
   *
   * @param fe a firm-event in the sample, with its residuals
   * @throws IllegalArgumentException if it pairs with others but is not complete (the cluster is
   *     not simple)
   */
  public void add(MappedFirmEvent fe) {
    if (fe.residualCount() < ClusterCorrelation.MIN_COMMON_DATES) {
      return;
    }
    if (!ClusterCorrelation.complete(fe.residualCount(), estLen)
        || fe.residuals().length != estLen) {
      throw new IllegalArgumentException(
          "Firm-event "
              + fe.eventId()
              + "/"
              + fe.ticker()
              + " misses estimation residuals; its cluster's pairs need the residuals themselves");
    }
    Pattern p = pattern(fe.windowMask());
    p.squares +=
        ClusterCorrelation.addStandardized(
            fe.residuals(), fe.residualCount(), fe.residualSum(), p.sum);
    p.members++;
  }

  /**
   * Adds another piece of the same cluster into this one.
   *
   * @param other a piece with the same estimation length
   * @return this
   */
  public CompleteSums merge(CompleteSums other) {
    if (other.estLen != estLen) {
      throw new IllegalArgumentException("Pieces of different studies cannot be merged");
    }
    for (Pattern q : other.patterns) {
      Pattern p = pattern(q.mask);
      for (int tau = 0; tau < estLen; tau++) {
        p.sum[tau] += q.sum[tau];
      }
      p.squares += q.squares;
      p.members += q.members;
    }
    return this;
  }

  /**
   * @return the number of members added (those that pair with others)
   */
  public int members() {
    int n = 0;
    for (Pattern p : patterns) {
      n += p.members;
    }
    return n;
  }

  /**
   * Adds the cluster's {@code Σ_{i<j} r_ij}, over the pairs in each window's sample, into {@code
   * pairSum[w]}.
   *
   * @param pairSum one sum per test window
   */
  public void addPairSumsTo(double[] pairSum) {
    if (members() < 2) {
      return;
    }
    int pc = patterns.size();
    List<long[]> masks = new ArrayList<>(pc);
    List<double[]> sums = new ArrayList<>(pc);
    double[] squares = new double[pc];
    for (int p = 0; p < pc; p++) {
      masks.add(patterns.get(p).mask);
      sums.add(patterns.get(p).sum);
      squares[p] = patterns.get(p).squares;
    }
    ClusterCorrelation.addGroupPairs(masks, sums, squares, pc, new double[estLen], pairSum);
  }

  private Pattern pattern(long[] mask) {
    for (Pattern p : patterns) {
      if (Arrays.equals(p.mask, mask)) {
        return p;
      }
    }
    Pattern p = new Pattern(mask.clone(), new double[estLen]);
    patterns.add(p);
    return p;
  }

  /** The members sharing one set of windows: their summed z, squared norms and count. */
  private static final class Pattern implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[] mask;
    final double[] sum;
    double squares;
    int members;

    Pattern(long[] mask, double[] sum) {
      this.mask = mask;
      this.sum = sum;
    }
  }
}
