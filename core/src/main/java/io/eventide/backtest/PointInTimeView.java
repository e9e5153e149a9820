package io.eventide.backtest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The prices a {@link Signal} may see: every open and close of every listing and benchmark of the
 * backtest whose instant is at or before the decision instant ({@link #now()}). A read of a later
 * price throws {@link LookAheadException}, whether or not that price exists, so a signal cannot
 * peek at the future even by accident. Prices are the adjusted prices of {@code docs/backtest.md}
 * section 1; a missing price is {@code NaN}.
 */
public interface PointInTimeView {

  /**
   * @return the decision instant
   */
  Instant now();

  /**
   * @param ticker a listing or benchmark of the backtest
   * @param date a date
   * @return the adjusted close on that date, {@code NaN} if none
   * @throws LookAheadException if that close's instant is after {@link #now()}
   * @throws IllegalArgumentException if the ticker has no prices in the backtest
   */
  double close(String ticker, LocalDate date);

  /**
   * @param ticker a listing or benchmark of the backtest
   * @param date a date
   * @return the adjusted open on that date, {@code NaN} if none
   * @throws LookAheadException if that open's instant is after {@link #now()}
   * @throws IllegalArgumentException if the ticker has no prices in the backtest
   */
  double open(String ticker, LocalDate date);

  /**
   * @param ticker a listing or benchmark of the backtest
   * @return the last close at or before {@link #now()}, {@code NaN} if none
   * @throws IllegalArgumentException if the ticker has no prices in the backtest
   */
  double lastClose(String ticker);
}
