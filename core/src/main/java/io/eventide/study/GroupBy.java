package io.eventide.study;

import io.eventide.event.Event;
import io.eventide.market.Listing;
import java.util.Objects;

/**
 * How a study splits its firm-events into groups, each tested on its own ({@code
 * docs/statistics.md} section "Groups and signed abnormal returns"): every test, CAAR and AAR of a
 * group uses only that group's firm-events, and the mean cross-correlation r̄ is formed from the
 * pairs inside the group. A firm-event whose label is empty belongs to the group {@value
 * #NO_GROUP}.
 *
 * <p>Pooling events whose expected reactions differ (tightening and easing) gives a CAAR that means
 * nothing; grouping by the events' {@code category} or {@code direction}, or by the listing's
 * exchange, separates them, as in the subsample tables of MacKinlay (1997, Journal of Economic
 * Literature 35(1), section 8).
 */
public sealed interface GroupBy {

  /** The label of firm-events with an empty value. */
  String NO_GROUP = "(none)";

  /**
   * Groups by a column of the events file: {@code event_id}, {@code title}, {@code category},
   * {@code direction} (labels {@code -1}, {@code 0}, {@code 1}; an empty direction is 0) or any
   * other column, read from {@link Event#attributes()}.
   *
   * @param name the column's header, as written
   * @return the grouping
   */
  static GroupBy column(String name) {
    return new Column(name);
  }

  /**
   * Groups by the exchange of the firm-event's listing, labelled by the exchange's code; a ticker
   * the universe does not list has the label {@value #NO_GROUP}.
   *
   * @return the grouping
   */
  static GroupBy exchange() {
    return new ByExchange();
  }

  /**
   * @param event the firm-event's event
   * @param listing its listing, or null when the universe does not list the ticker
   * @return its group's label, {@value #NO_GROUP} for an empty value
   */
  String label(Event event, Listing listing);

  /**
   * @param event an event
   * @return whether the grouping can read a value from it (a column that is absent is empty)
   */
  boolean knows(Event event);

  /**
   * A column of the events file.
   *
   * @param name the header
   */
  record Column(String name) implements GroupBy {
    /** Checks the name. */
    public Column {
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("A group-by column needs a name");
      }
    }

    @Override
    public String label(Event event, Listing listing) {
      String v =
          switch (name) {
            case "event_id" -> event.id();
            case "title" -> event.title();
            case "category" -> event.category();
            case "direction" -> Integer.toString(event.direction());
            default -> event.attributes().getOrDefault(name, "");
          };
      return v.isEmpty() ? NO_GROUP : v;
    }

    @Override
    public boolean knows(Event event) {
      return switch (name) {
        case "event_id", "title", "category", "direction" -> true;
        default -> event.attributes().containsKey(name);
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The listing's exchange. */
  record ByExchange() implements GroupBy {
    @Override
    public String label(Event event, Listing listing) {
      return listing == null ? NO_GROUP : listing.exchange().code();
    }

    @Override
    public boolean knows(Event event) {
      return true;
    }

    @Override
    public String toString() {
      return "exchange";
    }
  }
}
