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
  private final List<long[]> masks = new ArrayList<>();
  private final List<double[]> sums = new ArrayList<>();
  private double[] squares = new double[2];
  private int members;

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
    int p = pattern(fe.windowMask());
    squares[p] +=
        ClusterCorrelation.addStandardized(
            fe.residuals(), fe.residualCount(), fe.residualSum(), sums.get(p));
    members++;
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
    for (int q = 0; q < other.masks.size(); q++) {
      int p = pattern(other.masks.get(q));
      double[] t = sums.get(p);
      double[] s = other.sums.get(q);
      for (int tau = 0; tau < estLen; tau++) {
        t[tau] += s[tau];
      }
      squares[p] += other.squares[q];
    }
    members += other.members;
    return this;
  }

  /**
   * @return the number of members added (those that pair with others)
   */
  public int members() {
    return members;
  }

  /**
   * Adds the cluster's {@code Σ_{i<j} r_ij}, over the pairs in each window's sample, into {@code
   * pairSum[w]}.
   *
   * @param pairSum one sum per test window
   */
  public void addPairSumsTo(double[] pairSum) {
    if (members < 2) {
      return;
    }
    ClusterCorrelation.addGroupPairs(
        masks, sums, squares, masks.size(), new double[estLen], pairSum);
  }

  private int pattern(long[] mask) {
    for (int p = 0; p < masks.size(); p++) {
      if (Arrays.equals(masks.get(p), mask)) {
        return p;
      }
    }
    masks.add(mask.clone());
    sums.add(new double[estLen]);
    if (squares.length < masks.size()) {
      squares = Arrays.copyOf(squares, squares.length * 2);
    }
    return masks.size() - 1;
  }
}
