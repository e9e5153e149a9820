package io.eventide.event;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An announcement that may move prices.
 *
 * @param id unique identifier ({@code li-qiang-platform-symposium})
 * @param announcement when it was made
 * @param title a human-readable title, may be empty
 * @param category a free category ({@code tightening}, {@code easing}), may be empty
 * @param direction expected sign of the reaction: -1, +1, or 0 when not stated
 * @param affected tickers it affects; empty means every listing of the universe
 * @param attributes any other columns of the events file, by header, in file order
 */
public record Event(
    String id,
    Announcement announcement,
    String title,
    String category,
    int direction,
    List<String> affected,
    Map<String, String> attributes) {

  /** Validates and makes defensive copies. */
  public Event {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("Event id is empty");
    }
    Objects.requireNonNull(announcement, "announcement");
    title = title == null ? "" : title;
    category = category == null ? "" : category;
    if (direction < -1 || direction > 1) {
      throw new IllegalArgumentException(
          "Event " + id + " direction is " + direction + "; expected -1, 0 or 1");
    }
    affected = List.copyOf(affected == null ? List.of() : affected);
    attributes =
        attributes == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  /**
   * A minimal event.
   *
   * @param id the id
   * @param announcement when
   * @param affected the affected tickers, empty for all
   * @return the event
   */
  public static Event of(String id, Announcement announcement, List<String> affected) {
    return new Event(id, announcement, "", "", 0, affected, Map.of());
  }

  /**
   * @param ticker a ticker
   * @return whether the event affects it (an empty affected list affects every ticker)
   */
  public boolean affects(String ticker) {
    return affected.isEmpty() || affected.contains(ticker);
  }
}
