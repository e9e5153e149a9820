package io.eventide.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ordered trading sessions of an exchange, indexed from 0.
 *
 * <p>By default a listing's calendar is the set of dates on which its benchmark has a price ({@code
 * docs/statistics.md} section 1). A date on the calendar with no price for the listing is a missing
 * price, not a holiday. Dates are kept as epoch days so that every lookup is a binary search on a
 * {@code long[]}.
 */
public final class TradingCalendar {

  private final String name;
  private final Exchange exchange;
  private final long[] sessions;

  private TradingCalendar(String name, Exchange exchange, long[] sessions) {
    this.name = name;
    this.exchange = exchange;
    this.sessions = sessions;
  }

  /**
   * A calendar from its sessions.
   *
   * @param name what the calendar is built from (e.g. {@code "HKEX per HSI"}), used in messages
   * @param exchange the exchange whose zone and close apply
   * @param sessionEpochDays the session dates as epoch days, strictly increasing (copied)
   * @return the calendar
   * @throws IllegalArgumentException if the dates are not strictly increasing
   */
  public static TradingCalendar of(String name, Exchange exchange, long[] sessionEpochDays) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(exchange, "exchange");
    long[] s = sessionEpochDays.clone();
    for (int i = 1; i < s.length; i++) {
      if (s[i] <= s[i - 1]) {
        throw new IllegalArgumentException(
            "Calendar "
                + name
                + ": sessions not strictly increasing at "
                + LocalDate.ofEpochDay(s[i]));
      }
    }
    return new TradingCalendar(name, exchange, s);
  }

  /**
   * A calendar from session dates.
   *
   * @param name what the calendar is built from
   * @param exchange the exchange
   * @param sessions the sessions, strictly increasing
   * @return the calendar
   */
  public static TradingCalendar of(String name, Exchange exchange, LocalDate... sessions) {
    long[] s = new long[sessions.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = sessions[i].toEpochDay();
    }
    return of(name, exchange, s);
  }

  /**
   * @return the name given at creation
   */
  public String name() {
    return name;
  }

  /**
   * @return the exchange
   */
  public Exchange exchange() {
    return exchange;
  }

  /**
   * @return the number of sessions
   */
  public int size() {
    return sessions.length;
  }

  /**
   * @param index a session index, {@code 0 <= index < size()}
   * @return the session's date
   */
  public LocalDate session(int index) {
    return LocalDate.ofEpochDay(sessions[index]);
  }

  /**
   * @param index a session index
   * @return the session's date as an epoch day
   */
  public long sessionEpochDay(int index) {
    return sessions[index];
  }

  /**
   * @return a copy of the sessions as epoch days
   */
  public long[] sessionEpochDays() {
    return sessions.clone();
  }

  /**
   * The index of a date that is a session.
   *
   * @param date a date
   * @return its index, or {@code -1} if it is not a session
   */
  public int indexOf(LocalDate date) {
    int i = Arrays.binarySearch(sessions, date.toEpochDay());
    return i >= 0 ? i : -1;
  }

  /**
   * @param date a date
   * @return whether it is a session
   */
  public boolean isSession(LocalDate date) {
    return indexOf(date) >= 0;
  }

  /**
   * The first session on or after a date.
   *
   * @param date a date
   * @return its index, or {@code -1} if every session is before the date
   */
  public int firstSessionOnOrAfter(LocalDate date) {
    int i = Arrays.binarySearch(sessions, date.toEpochDay());
    if (i >= 0) {
      return i;
    }
    int insertion = -i - 1;
    return insertion < sessions.length ? insertion : -1;
  }

  /**
   * The first session whose close (in the exchange's zone) is at or after an instant.
   *
   * @param instant the announcement instant
   * @return the session index, or {@code -1} if no session closes at or after it
   */
  public int firstSessionClosingAtOrAfter(Instant instant) {
    LocalDate local = instant.atZone(exchange.zone()).toLocalDate();
    int i = firstSessionOnOrAfter(local);
    while (i >= 0 && i < sessions.length) {
      if (!exchange.closeOf(LocalDate.ofEpochDay(sessions[i])).toInstant().isBefore(instant)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * The session {@code n} sessions away from session {@code index}.
   *
   * @param index a session index
   * @param n sessions to move (negative: back)
   * @return the index {@code index + n}, or {@code -1} if outside the calendar
   */
  public int offset(int index, int n) {
    long j = (long) index + n;
    return j >= 0 && j < sessions.length ? (int) j : -1;
  }

  /**
   * The date {@code n} sessions away from a session date.
   *
   * @param session a date that is a session
   * @param n sessions to move
   * @return the date
   * @throws IllegalArgumentException if {@code session} is not a session or the result is off the
   *     calendar
   */
  public LocalDate offset(LocalDate session, int n) {
    int i = indexOf(session);
    if (i < 0) {
      throw new IllegalArgumentException(session + " is not a session of calendar " + name);
    }
    int j = offset(i, n);
    if (j < 0) {
      throw new IllegalArgumentException(
          "Calendar "
              + name
              + " has no session "
              + n
              + " sessions from "
              + session
              + " (it runs "
              + session(0)
              + ".."
              + session(size() - 1)
              + ")");
    }
    return session(j);
  }

  @Override
  public String toString() {
    return "TradingCalendar["
        + name
        + ", "
        + exchange
        + ", "
        + sessions.length
        + " sessions"
        + (sessions.length == 0 ? "" : ", " + session(0) + ".." + session(sessions.length - 1))
        + "]";
  }
}
