package io.eventide.event;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Another event whose day 0 falls inside a firm-event's estimation window or one of its event
 * windows, on that listing's calendar: a confounding event.
 *
 * @param eventId the firm-event's event
 * @param ticker the listing
 * @param otherEventId the event that falls inside
 * @param otherDayZero the other event's day 0 on the listing's calendar
 * @param relativeDay that day 0 counted in sessions from the firm-event's day 0
 * @param region whether it falls in the estimation window or an event window
 */
public record Overlap(
    String eventId,
    String ticker,
    String otherEventId,
    LocalDate otherDayZero,
    int relativeDay,
    Region region) {

  /** Where the other event falls. */
  public enum Region {
    /** Inside the estimation window: it contaminates the normal-return model. */
    ESTIMATION,
    /** Inside an event window: its effect mixes with this event's. */
    EVENT
  }

  /** Validates. */
  public Overlap {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(otherEventId, "otherEventId");
    Objects.requireNonNull(otherDayZero, "otherDayZero");
    Objects.requireNonNull(region, "region");
  }
}
