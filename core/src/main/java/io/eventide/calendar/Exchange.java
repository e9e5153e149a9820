package io.eventide.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A stock exchange: its time zone and the local time its regular session closes.
 *
 * <p>Early closes (half days) are not modelled: every session is taken to close at {@link
 * #sessionClose()}. Day 0 of an announcement compares the announcement instant with this close in
 * the exchange's own zone ({@code spec/STATISTICS.md} section 1).
 */
public enum Exchange {
  /** New York Stock Exchange: America/New_York, close 16:00. */
  NYSE("America/New_York", LocalTime.of(16, 0)),
  /** Nasdaq: America/New_York, close 16:00. */
  NASDAQ("America/New_York", LocalTime.of(16, 0)),
  /** Hong Kong Exchanges: Asia/Hong_Kong, close 16:00. */
  HKEX("Asia/Hong_Kong", LocalTime.of(16, 0)),
  /** Shanghai Stock Exchange: Asia/Shanghai, close 15:00. */
  SSE("Asia/Shanghai", LocalTime.of(15, 0)),
  /** Shenzhen Stock Exchange: Asia/Shanghai, close 15:00. */
  SZSE("Asia/Shanghai", LocalTime.of(15, 0));

  private final ZoneId zone;
  private final LocalTime sessionClose;

  Exchange(String zone, LocalTime sessionClose) {
    this.zone = ZoneId.of(zone);
    this.sessionClose = sessionClose;
  }

  /**
   * @return the exchange's time zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * @return the local time at which a regular session closes
   */
  public LocalTime sessionClose() {
    return sessionClose;
  }

  /**
   * The instant a session on {@code date} closes, in the exchange's zone.
   *
   * @param date the session date
   * @return the close as a zoned date-time
   */
  public ZonedDateTime closeOf(LocalDate date) {
    return ZonedDateTime.of(date, sessionClose, zone);
  }

  /**
   * Parses an exchange code, ignoring case and surrounding blanks.
   *
   * @param code one of NYSE, NASDAQ, HKEX, SSE, SZSE
   * @return the exchange
   * @throws IllegalArgumentException naming the code and the known codes
   */
  public static Exchange parse(String code) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    for (Exchange e : values()) {
      if (e.name().equals(c)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "Unknown exchange '" + code + "'; expected one of NYSE, NASDAQ, HKEX, SSE, SZSE");
  }
}
