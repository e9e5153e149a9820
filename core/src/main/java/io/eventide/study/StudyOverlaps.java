package io.eventide.study;

import io.eventide.event.Confounding;
import io.eventide.event.Event;
import io.eventide.event.Overlap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The confounding overlaps of a study, found one listing at a time: for each listing (the
 * universe's order) the other events whose day 0 falls inside one of its firm-events' estimation or
 * event windows on its own calendar ({@link Confounding}), sorted within the listing by event id,
 * relative day, then the other event's id. They depend only on the resolution (day 0s and
 * calendars), so {@link ResolvedStudy} and {@link StudyResult} give the same ones from here.
 */
final class StudyOverlaps {

  private final StudySpecification spec;
  private final List<Event> events;
  private final ListingData[] listings;
  private final int[] event;

  /**
   * @param spec the specification (its estimation and event windows)
   * @param events the study's events
   * @param listings the universe's listings with their resolved firm-events
   * @param event each firm-event's event index, in canonical order
   */
  StudyOverlaps(StudySpecification spec, List<Event> events, ListingData[] listings, int[] event) {
    this.spec = spec;
    this.events = events;
    this.listings = listings;
    this.event = event;
  }

  /** The number of overlaps {@link #forEach} streams, counted without making them. */
  long count() {
    long n = 0;
    for (ListingData ld : listings) {
      n +=
          Confounding.count(
              ownEvents(ld),
              ld.listing.ticker(),
              ld.calendar,
              spec.estimationWindow(),
              spec.eventWindows());
    }
    return n;
  }

  /** Streams at most {@code limit} overlaps, finding no more listings' overlaps than needed. */
  void forEach(long limit, Consumer<Overlap> action) {
    long given = 0;
    for (ListingData ld : listings) {
      if (given >= limit) {
        return;
      }
      List<Overlap> found =
          new ArrayList<>(
              Confounding.find(
                  ownEvents(ld),
                  ld.listing.ticker(),
                  ld.calendar,
                  spec.estimationWindow(),
                  spec.eventWindows()));
      found.sort(
          Comparator.comparing(Overlap::eventId)
              .thenComparingInt(Overlap::relativeDay)
              .thenComparing(Overlap::otherEventId));
      for (Overlap o : found) {
        if (given++ >= limit) {
          return;
        }
        action.accept(o);
      }
    }
  }

  /** The events of a listing's firm-events, by event id. */
  private List<Event> ownEvents(ListingData ld) {
    List<Event> own = new ArrayList<>();
    for (int fe : ld.eventFirmEvents) {
      own.add(events.get(event[fe]));
    }
    own.sort(Comparator.comparing(Event::id));
    return own;
  }
}
