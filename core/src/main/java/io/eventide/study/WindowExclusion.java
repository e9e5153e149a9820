package io.eventide.study;

import io.eventide.event.EventWindow;
import java.util.Objects;

/**
 * A firm-event that entered the study ({@link Outcome#OK}) but is absent from one window's sample,
 * because an abnormal return of that window is missing.
 *
 * @param eventId the event
 * @param ticker the listing
 * @param window the window it is absent from
 * @param reason the first missing day, e.g. {@code "no abnormal return on day +1 (2023-07-17)"}
 */
public record WindowExclusion(String eventId, String ticker, EventWindow window, String reason) {

  /** Validates. */
  public WindowExclusion {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reason, "reason");
  }
}
