package io.eventide.study;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.Listing;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A study specification resolved against a panel and a list of events: the named, inspectable step
 * between what a study asks for and what it computes (specification, then resolved form, then
 * calculation; see {@code docs/architecture.md}).
 *
 * <p>It holds the firm-events in canonical order (event id, then ticker), and for each one its
 * listing, its day 0 on the listing's own calendar (the session index and its date), the session
 * index ranges of its estimation window and event span, or, when it cannot be computed at all, its
 * outcome and reason ({@link Outcome#UNKNOWN_TICKER}, {@link Outcome#NO_PRICES}, {@link
 * Outcome#OUT_OF_RANGE}, {@link Outcome#NO_FACTORS}, checked in that order). A resolved firm-event
 * has no outcome yet: the fit decides between {@link Outcome#OK} and {@link
 * Outcome#INSUFFICIENT_ESTIMATION}. The clusters are the events: the firm-events of one event are
 * consecutive, and their residuals are correlated with each other for r̄ ({@code
 * docs/statistics.md} section 3).
 *
 * <p>The return type (simple or log) is the panel's: the panel that computed the returns owns it,
 * and the study reads it from there, so the two cannot disagree.
 *
 * <p>Immutable. Made by {@link StudySpecification#resolve}; computed by {@link
 * EventStudy#run(ResolvedStudy)}. Views ({@link FirmEvent}, {@link Cluster}) are made on access.
 */
public final class ResolvedStudy {

  /**
   * A range of session indices on one listing's calendar, both ends included.
   *
   * @param fromInclusive the first session index
   * @param toInclusive the last session index
   */
  public record Sessions(int fromInclusive, int toInclusive) {

    /**
     * @return the number of sessions, {@code to - from + 1}
     */
    public int length() {
      return toInclusive - fromInclusive + 1;
    }
  }

  /**
   * One firm-event as resolved.
   *
   * @param index its position in canonical order
   * @param eventId the event's id
   * @param ticker the listing's ticker
   * @param listing the listing, empty if the universe does not list the ticker
   * @param dayZeroIndex day 0's session index on the listing's calendar, empty if none qualifies
   * @param dayZero day 0's date, empty if none qualifies
   * @param estimation the sessions of the estimation window, empty unless resolved
   * @param eventSpan the sessions of the event span, empty unless resolved
   * @param outcome why it cannot be computed, empty if it is resolved
   * @param reason the outcome explained, empty if it is resolved
   */
  public record FirmEvent(
      int index,
      String eventId,
      String ticker,
      Optional<Listing> listing,
      OptionalInt dayZeroIndex,
      Optional<LocalDate> dayZero,
      Optional<Sessions> estimation,
      Optional<Sessions> eventSpan,
      Optional<Outcome> outcome,
      String reason) {

    /**
     * @return whether the firm-event goes on to be fitted
     */
    public boolean isResolved() {
      return outcome.isEmpty();
    }

    /**
     * @param window a window in relative days
     * @return its sessions, day 0's index plus the window's offsets; empty unless resolved
     */
    public Optional<Sessions> window(EventWindow window) {
      if (!isResolved()) {
        return Optional.empty();
      }
      int d0 = dayZeroIndex.getAsInt();
      return Optional.of(new Sessions(d0 + window.fromInclusive(), d0 + window.toInclusive()));
    }
  }

  /**
   * The firm-events of one event, consecutive in canonical order.
   *
   * @param event the event
   * @param fromInclusive the first firm-event's index
   * @param toExclusive one past the last firm-event's index
   */
  public record Cluster(Event event, int fromInclusive, int toExclusive) {

    /**
     * @return the number of firm-events in the cluster
     */
    public int size() {
      return toExclusive - fromInclusive;
    }
  }

  final StudySpecification spec;
  final ReturnType returnType;
  final StudyLayout layout;
  final List<Event> events;
  final List<Listing> universe;
  final ListingData[] listings;
  final int[] clusterStarts;
  final int size;
  final int[] event;
  final int[] listing;
  final String[] ticker;
  final int[] dayZero;

  /** Null for a resolved firm-event. */
  final Outcome[] outcome;

  final String[] reason;

  /** Group index of each firm-event into {@link #groupLabels}; null when the study is ungrouped. */
  final int[] group;

  /** The groups' labels, sorted; empty when the study is ungrouped. */
  final List<String> groupLabels;

  ResolvedStudy(
      StudySpecification spec,
      ReturnType returnType,
      StudyLayout layout,
      List<Event> events,
      List<Listing> universe,
      ListingData[] listings,
      int[] clusterStarts,
      Columns columns) {
    this.spec = Objects.requireNonNull(spec);
    this.returnType = Objects.requireNonNull(returnType);
    this.layout = layout;
    this.events = events;
    this.universe = universe;
    this.listings = listings;
    this.clusterStarts = clusterStarts;
    this.size = columns.size;
    this.event = columns.event;
    this.listing = columns.listing;
    this.ticker = columns.ticker;
    this.dayZero = columns.dayZero;
    this.outcome = columns.outcome;
    this.reason = columns.reason;
    this.group = columns.group;
    this.groupLabels = columns.groupLabels;
  }

  /**
   * @return the specification that was resolved
   */
  public StudySpecification specification() {
    return spec;
  }

  /**
   * @return the panel's return type, which decides how BHAR compounds
   */
  public ReturnType returnType() {
    return returnType;
  }

  /**
   * @return the events, sorted by id
   */
  public List<Event> events() {
    return events;
  }

  /**
   * @return the panel's listings, as given
   */
  public List<Listing> universe() {
    return universe;
  }

  /**
   * @return the number of firm-events, unresolved ones included
   */
  public int size() {
    return size;
  }

  /**
   * @param outcome an outcome of resolution ({@link Outcome#UNKNOWN_TICKER}, {@link
   *     Outcome#NO_PRICES}, {@link Outcome#OUT_OF_RANGE}, {@link Outcome#NO_FACTORS})
   * @return how many firm-events were left out at resolution with it (0 for the outcomes of the
   *     fit, decided later)
   */
  public int count(Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    int n = 0;
    for (Outcome o : this.outcome) {
      if (o == outcome) {
        n++;
      }
    }
    return n;
  }

  /**
   * @return the number of firm-events that go on to be fitted
   */
  public int resolvedCount() {
    int n = 0;
    for (Outcome o : outcome) {
      if (o == null) {
        n++;
      }
    }
    return n;
  }

  /**
   * @param index position in canonical order
   * @return a view of that firm-event
   */
  public FirmEvent firmEvent(int index) {
    Objects.checkIndex(index, size);
    int li = listing[index];
    ListingData ld = li < 0 ? null : listings[li];
    int d0 = dayZero[index];
    boolean resolved = outcome[index] == null;
    return new FirmEvent(
        index,
        events.get(event[index]).id(),
        ticker[index],
        ld == null ? Optional.empty() : Optional.of(ld.listing),
        d0 < 0 ? OptionalInt.empty() : OptionalInt.of(d0),
        d0 < 0 ? Optional.empty() : Optional.of(ld.calendar.session(d0)),
        resolved
            ? Optional.of(new Sessions(d0 + layout.estFrom, d0 + layout.estTo))
            : Optional.empty(),
        resolved
            ? Optional.of(new Sessions(d0 + layout.spanFrom, d0 + layout.spanTo))
            : Optional.empty(),
        Optional.ofNullable(outcome[index]),
        resolved ? "" : reason[index]);
  }

  /**
   * @return every firm-event in canonical order (views made on access)
   */
  public List<FirmEvent> firmEvents() {
    return new AbstractList<>() {
      @Override
      public FirmEvent get(int index) {
        return firmEvent(index);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * @return the clusters, one per event in id order (views made on access)
   */
  public List<Cluster> clusters() {
    return new AbstractList<>() {
      @Override
      public Cluster get(int c) {
        Objects.checkIndex(c, events.size());
        return new Cluster(events.get(c), clusterStarts[c], clusterStarts[c + 1]);
      }

      @Override
      public int size() {
        return events.size();
      }
    };
  }

  /**
   * Streams the confounding overlaps: for each firm-event resolved to a day 0, the other events
   * whose day 0 falls inside its estimation window or one of its event windows on its listing's own
   * calendar. They follow from the resolution alone, so they are known before any fit and equal
   * {@link StudyResult#forEachOverlap} of the computed study, in the same order: one listing at a
   * time (the universe's order), within a listing by event id, relative day, then the other event's
   * id; only one listing's are held at once.
   *
   * @param action receives each overlap
   */
  public void forEachOverlap(java.util.function.Consumer<io.eventide.event.Overlap> action) {
    new StudyOverlaps(spec, events, listings, event).forEach(Long.MAX_VALUE, action);
  }

  /**
   * @return the number of overlaps {@link #forEachOverlap} streams, counted without making them
   */
  public long overlapCount() {
    return new StudyOverlaps(spec, events, listings, event).count();
  }

  @Override
  public String toString() {
    return "ResolvedStudy["
        + spec
        + ", "
        + returnType
        + " returns, "
        + events.size()
        + " events, "
        + size
        + " firm-events, "
        + resolvedCount()
        + " resolved]";
  }

  /** The per-firm-event columns the resolver fills. */
  static final class Columns {
    final int size;
    final int[] event;
    final int[] listing;
    final String[] ticker;
    final int[] dayZero;
    final Outcome[] outcome;
    final String[] reason;
    int[] group;
    List<String> groupLabels = List.of();

    Columns(int size) {
      this.size = size;
      event = new int[size];
      listing = new int[size];
      ticker = new String[size];
      dayZero = new int[size];
      outcome = new Outcome[size];
      reason = new String[size];
    }
  }
}
