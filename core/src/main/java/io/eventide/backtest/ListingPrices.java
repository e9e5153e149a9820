package io.eventide.backtest;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.market.Listing;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One listing's prices on its calendar (the sessions of its benchmark), with the instants of each
 * session's open and close, and its benchmark's prices on the same sessions. Arrays are shared and
 * never modified.
 */
final class ListingPrices {

  final Listing listing;
  final Exchange exchange;
  final long[] days;
  final long[] openSec;
  final long[] closeSec;
  final double[] open;
  final double[] close;
  final double[] benchOpen;
  final double[] benchClose;

  /** Index of the last present close at or before session i, −1 if none. */
  final int[] lastClose;

  /** Index of the first present close at or after session i, −1 if none. */
  final int[] nextClose;

  final boolean hasPrices;

  ListingPrices(
      Listing listing,
      TradingCalendar calendar,
      long[][] instants,
      double[] open,
      double[] close,
      double[] benchOpen,
      double[] benchClose) {
    this.listing = listing;
    this.exchange = calendar.exchange();
    this.days = calendar.sessionEpochDays();
    this.openSec = instants[0];
    this.closeSec = instants[1];
    this.open = open;
    this.close = close;
    this.benchOpen = benchOpen;
    this.benchClose = benchClose;
    int n = days.length;
    lastClose = new int[n];
    nextClose = new int[n];
    int last = -1;
    boolean any = false;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(close[i])) {
        last = i;
        any = true;
      }
      lastClose[i] = last;
    }
    int next = -1;
    for (int i = n - 1; i >= 0; i--) {
      if (!Double.isNaN(close[i])) {
        next = i;
      }
      nextClose[i] = next;
    }
    this.hasPrices = any;
  }

  /** Open and close instants (epoch seconds) of every session of a calendar. */
  static long[][] instantsOf(TradingCalendar calendar) {
    long[] days = calendar.sessionEpochDays();
    Exchange ex = calendar.exchange();
    long[] o = new long[days.length];
    long[] c = new long[days.length];
    for (int i = 0; i < days.length; i++) {
      LocalDate d = LocalDate.ofEpochDay(days[i]);
      o[i] = ex.openOf(d).toEpochSecond();
      c[i] = ex.closeOf(d).toEpochSecond();
    }
    return new long[][] {o, c};
  }

  int size() {
    return days.length;
  }

  String ticker() {
    return listing.ticker();
  }

  /** The first session whose close is strictly after instant t, or size() if none. */
  int firstCloseAfter(long t) {
    int lo = 0;
    int hi = days.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (closeSec[mid] > t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The last session whose close is strictly before instant t, or −1. */
  int lastCloseBefore(long t) {
    int lo = 0;
    int hi = days.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (closeSec[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /** The last session on or before an epoch day, or −1. */
  int lastSessionOnOrBefore(long day) {
    int i = Arrays.binarySearch(days, day);
    return i >= 0 ? i : -i - 2;
  }

  /** The session of an epoch day, or −1. */
  int sessionOf(long day) {
    int i = Arrays.binarySearch(days, day);
    return i >= 0 ? i : -1;
  }

  double price(int session, PriceKind kind) {
    return kind == PriceKind.OPEN ? open[session] : close[session];
  }

  long instant(int session, PriceKind kind) {
    return kind == PriceKind.OPEN ? openSec[session] : closeSec[session];
  }
}
