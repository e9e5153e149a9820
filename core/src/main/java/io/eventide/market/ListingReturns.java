package io.eventide.market;

import io.eventide.calendar.TradingCalendar;
import io.eventide.timeseries.ReturnType;
import java.util.Objects;

/**
 * One listing's prices and returns, and its benchmark's returns, on the listing's calendar.
 *
 * <p>Every array has one element per session of {@link #calendar()}; {@code NaN} marks a missing
 * price or return. Accessors return copies, so the object is immutable.
 */
public final class ListingReturns {

  private final Listing listing;
  private final TradingCalendar calendar;
  private final ReturnType returnType;
  private final double[] prices;
  private final double[] returns;
  private final double[] marketReturns;
  private final int pricesPresent;

  ListingReturns(
      Listing listing,
      TradingCalendar calendar,
      ReturnType returnType,
      double[] prices,
      double[] returns,
      double[] marketReturns) {
    this.listing = Objects.requireNonNull(listing, "listing");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.returnType = Objects.requireNonNull(returnType, "returnType");
    this.prices = prices;
    this.returns = returns;
    this.marketReturns = marketReturns;
    int n = 0;
    for (double p : prices) {
      if (!Double.isNaN(p)) {
        n++;
      }
    }
    this.pricesPresent = n;
  }

  /**
   * @return the listing
   */
  public Listing listing() {
    return listing;
  }

  /**
   * @return the listing's calendar (its benchmark's sessions)
   */
  public TradingCalendar calendar() {
    return calendar;
  }

  /**
   * @return how the returns were formed
   */
  public ReturnType returnType() {
    return returnType;
  }

  /**
   * @return the number of sessions on which the listing has a price
   */
  public int pricesPresent() {
    return pricesPresent;
  }

  /**
   * @return a copy of the prices on the calendar
   */
  public double[] prices() {
    return prices.clone();
  }

  /**
   * @return a copy of the listing's returns on the calendar
   */
  public double[] returns() {
    return returns.clone();
  }

  /**
   * @return a copy of the benchmark's returns on the calendar
   */
  public double[] marketReturns() {
    return marketReturns.clone();
  }

  /**
   * @param session a session index
   * @return the listing's return on that session, {@code NaN} if missing
   */
  public double returnAt(int session) {
    return returns[session];
  }

  /**
   * @param session a session index
   * @return the benchmark's return on that session, {@code NaN} if missing
   */
  public double marketReturnAt(int session) {
    return marketReturns[session];
  }

  @Override
  public String toString() {
    return "ListingReturns["
        + listing.ticker()
        + " on "
        + calendar
        + ", "
        + pricesPresent
        + " prices]";
  }
}
