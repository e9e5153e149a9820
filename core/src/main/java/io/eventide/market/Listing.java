package io.eventide.market;

import io.eventide.calendar.Exchange;
import java.util.Objects;

/**
 * A ticker traded on an exchange, with the benchmark whose sessions form its calendar and whose
 * returns are its market returns.
 *
 * @param ticker the ticker, as in the price file name ({@code BABA}, {@code 9988.HK})
 * @param exchange where it trades
 * @param benchmark the ticker of its benchmark index ({@code SPX}, {@code HSI})
 */
public record Listing(String ticker, Exchange exchange, String benchmark) {

  /** Validates the parts. */
  public Listing {
    Objects.requireNonNull(exchange, "exchange");
    if (ticker == null || ticker.isBlank()) {
      throw new IllegalArgumentException("Listing ticker is empty");
    }
    if (benchmark == null || benchmark.isBlank()) {
      throw new IllegalArgumentException("Listing " + ticker + " has no benchmark");
    }
  }

  /**
   * @param ticker the ticker
   * @param exchange where it trades
   * @param benchmark the benchmark's ticker
   * @return the listing
   */
  public static Listing of(String ticker, Exchange exchange, String benchmark) {
    return new Listing(ticker, exchange, benchmark);
  }
}
