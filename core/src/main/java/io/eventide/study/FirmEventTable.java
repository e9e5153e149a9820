package io.eventide.study;

import io.eventide.event.Event;
import java.util.List;

/**
 * What a {@link FirmEventResult} view reads: the specification, the layout, the events, the
 * listings and the per-firm-event columns. Shared by a {@link StudyResult} (and its group views)
 * and a {@link FirmEventFits}, so a firm-event reads the same whichever of the two computed it.
 */
record FirmEventTable(
    StudySpecification spec,
    StudyLayout layout,
    List<Event> events,
    ListingData[] listings,
    FirmEventColumns cols) {

  /** The listing of a firm-event, or null if the universe does not list its ticker. */
  ListingData listingOf(int firmEvent) {
    int li = cols.listing[firmEvent];
    return li < 0 ? null : listings[li];
  }
}
