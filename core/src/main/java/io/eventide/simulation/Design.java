package io.eventide.simulation;

import java.util.Locale;

/**
 * How the firm-events of a simulated sample are drawn ({@code docs/simulation.md} section 3).
 *
 * <ul>
 *   <li>{@link #NONCLUSTERED}: N distinct listings uniformly without replacement from the eligible
 *       listings, then each listing's day 0 uniformly from its own eligible sessions; every
 *       firm-event is its own event, so r̄ = 0 (Brown and Warner 1985, Journal of Financial
 *       Economics 14).
 *   <li>{@link #CLUSTERED}: one day uniformly from the days with at least N eligible listings, then
 *       N distinct listings eligible that day; the N firm-events are one event, every pair is
 *       clustered (Kolari and Pynnönen 2010, Review of Financial Studies 23).
 * </ul>
 */
public enum Design {
  /** Independent firm-events on random dates. */
  NONCLUSTERED(0),
  /** N firm-events on one common date, one event. */
  CLUSTERED(1);

  private final int number;

  Design(int number) {
    this.number = number;
  }

  /**
   * @return the design number that seeds its random streams: 0 for nonclustered, 1 for clustered,
   *     whatever the order or selection of designs in a run
   */
  public int number() {
    return number;
  }

  /**
   * @return {@code nonclustered} or {@code clustered}, as in {@code rejections.csv}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param id {@code nonclustered} or {@code clustered} (surrounding blanks ignored)
   * @return the design
   * @throws IllegalArgumentException naming the id and the known ones
   */
  public static Design parse(String id) {
    String s = id == null ? "" : id.strip();
    for (Design d : values()) {
      if (d.id().equals(s)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "Unknown design '" + id + "'; known designs: nonclustered, clustered");
  }
}
