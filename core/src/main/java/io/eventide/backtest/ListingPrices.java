package io.eventide.backtest;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.market.Listing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One listing's prices on its calendar (the sessions of its benchmark), with the instants of each
 * session's open and close, and its benchmark's prices on the same sessions. Arrays are shared and
 * never modified: the sessions and their instants by every listing of a calendar ({@link
 * Sessions}), the benchmark's prices by every listing of a calendar with that benchmark.
 */
final class ListingPrices {

  /**
   * The sessions of one calendar, made once per backtest and shared by its listings: epoch days,
   * the open and close instants in epoch seconds, and the same as the {@code LocalDate}s and {@code
   * Instant}s trades report (so a trade refers to them instead of allocating its own).
   */
  static final class Sessions {
    final TradingCalendar calendar;

    /** Position of the calendar among the backtest's calendars, in order of first use. */
    final int index;

    final long[] days;
    final long[] openSec;
    final long[] closeSec;
    final LocalDate[] dates;
    final Instant[] opens;
    final Instant[] closes;

    Sessions(TradingCalendar calendar, int index) {
      this.calendar = calendar;
      this.index = index;
      this.days = calendar.sessionEpochDays();
      Exchange ex = calendar.exchange();
      int n = days.length;
      openSec = new long[n];
      closeSec = new long[n];
      dates = new LocalDate[n];
      opens = new Instant[n];
      closes = new Instant[n];
      for (int i = 0; i < n; i++) {
        LocalDate d = LocalDate.ofEpochDay(days[i]);
        dates[i] = d;
        openSec[i] = ex.openOf(d).toEpochSecond();
        closeSec[i] = ex.closeOf(d).toEpochSecond();
        opens[i] = Instant.ofEpochSecond(openSec[i]);
        closes[i] = Instant.ofEpochSecond(closeSec[i]);
      }
    }

    /** The open or close instant of a session. */
    Instant instant(int session, PriceKind kind) {
      return kind == PriceKind.OPEN ? opens[session] : closes[session];
    }
  }

  final Listing listing;
  final Exchange exchange;
  final Sessions sessions;
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
      Sessions sessions,
      double[] open,
      double[] close,
      double[] benchOpen,
      double[] benchClose) {
    this.listing = listing;
    this.exchange = sessions.calendar.exchange();
    this.sessions = sessions;
    this.days = sessions.days;
    this.openSec = sessions.openSec;
    this.closeSec = sessions.closeSec;
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
