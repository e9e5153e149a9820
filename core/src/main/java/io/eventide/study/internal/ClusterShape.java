package io.eventide.study.internal;

import java.io.Serializable;

/**
 * Internal: what decides how a cluster's r̄ pairs can be reduced ({@code docs/spark.md} section 1).
 * A cluster is <em>simple</em> when every member that pairs with others (at least {@value
 * ClusterCorrelation#MIN_COMMON_DATES} residuals) is complete and all of them share one calendar
 * and estimation range: then its pairs reduce through {@link CompleteSums}, which partitions
 * combine before shipping. Otherwise (two calendars, shifted estimation ranges, a member with gaps)
 * the residual vectors themselves must meet ({@link StudyPartitions#addClusterPairSums}).
 *
 * <p>Immutable, serializable; {@link #simple()} of merged shapes does not depend on the order or
 * the split of the members.
 *
 * @param calendar the calendar name of the pairing members, null when none pairs
 * @param estimationStart their first estimation session
 * @param simple whether the cluster is simple
 */
public record ClusterShape(String calendar, int estimationStart, boolean simple)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A cluster with no pairing member: simple. */
  public static final ClusterShape EMPTY = new ClusterShape(null, 0, true);

  /**
   * @param fe a firm-event of the cluster, in the sample
   * @param estLen the estimation window's length
   * @return the shape of a cluster of that member alone
   */
  public static ClusterShape of(MappedFirmEvent fe, int estLen) {
    if (fe.residualCount() < ClusterCorrelation.MIN_COMMON_DATES) {
      return EMPTY;
    }
    return new ClusterShape(
        fe.calendar(),
        fe.estimationStart(),
        ClusterCorrelation.complete(fe.residualCount(), estLen));
  }

  /**
   * @param other the shape of other members of the same cluster
   * @return the shape of all of them
   */
  public ClusterShape merge(ClusterShape other) {
    if (calendar == null) {
      return other;
    }
    if (other.calendar == null) {
      return this;
    }
    boolean same = calendar.equals(other.calendar) && estimationStart == other.estimationStart;
    return new ClusterShape(calendar, estimationStart, simple && other.simple && same);
  }

  /** Checks nothing: a null calendar is the empty shape. */
  public ClusterShape {
    if (calendar == null && !simple) {
      throw new IllegalArgumentException("An empty cluster is simple");
    }
  }
}
