package io.eventide.event;

import io.eventide.calendar.TradingCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * When an announcement was made: a date, or an instant with its offset.
 *
 * <p>Day 0 on a calendar ({@code docs/statistics.md} section 1): for an instant, the first session
 * whose close (exchange zone) is at or after it; for a date, that date if it is a session, else the
 * next session.
 */
public sealed interface Announcement permits Announcement.OnDate, Announcement.AtInstant {

  /**
   * The session index of day 0 on a calendar.
   *
   * @param calendar the listing's calendar
   * @return the index, or {@code -1} if no session qualifies
   */
  int dayZero(TradingCalendar calendar);

  /**
   * @return the date as written (for an instant, its local date at its own offset)
   */
  LocalDate localDate();

  /**
   * An announcement known only by its date.
   *
   * @param date the date
   */
  record OnDate(LocalDate date) implements Announcement {
    /** Validates. */
    public OnDate {
      Objects.requireNonNull(date, "date");
    }

    @Override
    public int dayZero(TradingCalendar calendar) {
      return calendar.firstSessionOnOrAfter(date);
    }

    @Override
    public LocalDate localDate() {
      return date;
    }

    @Override
    public String toString() {
      return date.toString();
    }
  }

  /**
   * An announcement at a known instant.
   *
   * @param at the instant with the offset it was written with
   */
  record AtInstant(OffsetDateTime at) implements Announcement {
    /** Validates. */
    public AtInstant {
      Objects.requireNonNull(at, "at");
    }

    @Override
    public int dayZero(TradingCalendar calendar) {
      return calendar.firstSessionClosingAtOrAfter(at.toInstant());
    }

    @Override
    public LocalDate localDate() {
      return at.toLocalDate();
    }

    @Override
    public String toString() {
      return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
  }

  /**
   * @param date the date
   * @return a date-only announcement
   */
  static Announcement on(LocalDate date) {
    return new OnDate(date);
  }

  /**
   * @param at the instant with its offset
   * @return a timed announcement
   */
  static Announcement at(OffsetDateTime at) {
    return new AtInstant(at);
  }

  /**
   * Parses {@code 2023-07-12} or {@code 2023-07-12T19:00+08:00} (ISO-8601, offset required).
   *
   * @param text the text
   * @return the announcement
   * @throws IllegalArgumentException saying which forms are accepted
   */
  static Announcement parse(String text) {
    String s = text == null ? "" : text.strip();
    try {
      if (s.length() <= 10) {
        return on(LocalDate.parse(s));
      }
      return at(OffsetDateTime.parse(s));
    } catch (DateTimeParseException e) {
      String why =
          s.length() > 10 && !s.matches(".*([+-]\\d\\d(:?\\d\\d)?|Z)$")
              ? " (a time needs an offset, e.g. 2023-07-12T19:00+08:00)"
              : "";
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not an ISO date (2023-07-12) or date-time with offset"
              + " (2023-07-12T19:00+08:00)"
              + why,
          e);
    }
  }
}
