package io.eventide.backtest;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.timeseries.PriceBars;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made backtest inputs: bars from arrays, events from strings. */
final class Fixture {

  final List<Listing> universe = new ArrayList<>();
  final Map<String, PriceBars> bars = new LinkedHashMap<>();
  final List<Event> events = new ArrayList<>();

  static long[] days(String... iso) {
    long[] d = new long[iso.length];
    for (int i = 0; i < iso.length; i++) {
      d[i] = LocalDate.parse(iso[i]).toEpochDay();
    }
    return d;
  }

  static double[] nan(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  Fixture bars(String ticker, long[] days, double[] open, double[] close) {
    bars.put(ticker, PriceBars.of(ticker, days, close, open, nan(days.length)));
    return this;
  }

  Fixture listing(String ticker, Exchange ex, String benchmark) {
    universe.add(Listing.of(ticker, ex, benchmark));
    return this;
  }

  Fixture event(String id, String when, int direction, String... affected) {
    Announcement a =
        when.length() <= 10
            ? Announcement.on(LocalDate.parse(when))
            : Announcement.at(OffsetDateTime.parse(when));
    events.add(new Event(id, a, "", "", direction, List.of(affected), Map.of()));
    return this;
  }

  BacktestData data() {
    return BacktestData.of(universe, bars, events);
  }
}
