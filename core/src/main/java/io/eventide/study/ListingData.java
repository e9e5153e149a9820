package io.eventide.study;

import io.eventide.calendar.TradingCalendar;
import io.eventide.market.Listing;
import io.eventide.model.internal.ModelInputs;

/**
 * One listing as the study's kernels see it: its calendar, the model inputs on that calendar, and
 * the sorted day-0 sessions of every event that affects it (for cleaning and overlaps).
 */
final class ListingData {

  final Listing listing;
  final TradingCalendar calendar;
  final ModelInputs inputs;
  final double[] returns;
  final boolean hasPrices;

  /** The BHAR reference's returns on this calendar, or null for the model's expected returns. */
  double[] bharReference;

  /**
   * Why a factor model cannot be fitted on this listing (no factor set serves its exchange), or
   * null.
   */
  String noFactors;

  /** Day 0 of every resolved firm-event of this listing, ascending. */
  int[] eventDayZeros = new int[0];

  /** The firm-event of each entry of {@link #eventDayZeros}. */
  int[] eventFirmEvents = new int[0];

  ListingData(
      Listing listing,
      TradingCalendar calendar,
      ModelInputs inputs,
      double[] returns,
      boolean hasPrices) {
    this.listing = listing;
    this.calendar = calendar;
    this.inputs = inputs;
    this.returns = returns;
    this.hasPrices = hasPrices;
  }
}
