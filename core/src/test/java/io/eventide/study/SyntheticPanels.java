package io.eventide.study;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic panels for study tests: weekday sessions from 2020-01-01, a benchmark "MKT" with
 * daily σ 1%, listings with β around 1 and idiosyncratic σ 2%.
 */
public final class SyntheticPanels {

  public static final LocalDate START = LocalDate.of(2020, 1, 1);

  private SyntheticPanels() {}

  /** Weekday dates from START. */
  public static LocalDate[] sessions(int n) {
    LocalDate[] d = new LocalDate[n];
    LocalDate x = START;
    for (int i = 0; i < n; i++) {
      while (x.getDayOfWeek().getValue() > 5) {
        x = x.plusDays(1);
      }
      d[i] = x;
      x = x.plusDays(1);
    }
    return d;
  }

  /** Prices from returns, starting at 100. */
  public static double[] prices(double[] returns) {
    double[] p = new double[returns.length];
    double v = 100;
    for (int i = 0; i < p.length; i++) {
      if (i > 0) {
        v *= 1 + returns[i];
      }
      p[i] = v;
    }
    return p;
  }

  /** A panel of {@code listings} tickers L000.. on NYSE with benchmark MKT. */
  public static Map<String, DatedSeries> prices(int listings, int sessions, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    LocalDate[] dates = sessions(sessions);
    double[] m = new double[sessions];
    for (int t = 1; t < sessions; t++) {
      m[t] = 0.0003 + 0.01 * gaussian(rnd);
    }
    Map<String, DatedSeries> out = new LinkedHashMap<>();
    out.put("MKT", DatedSeries.of("MKT", dates, prices(m)));
    for (int i = 0; i < listings; i++) {
      double beta = 0.6 + 0.8 * rnd.nextDouble();
      double[] r = new double[sessions];
      for (int t = 1; t < sessions; t++) {
        r[t] = 0.0002 + beta * m[t] + 0.02 * gaussian(rnd);
      }
      String name = ticker(i);
      out.put(name, DatedSeries.of(name, dates, prices(r)));
    }
    return out;
  }

  public static String ticker(int i) {
    return String.format(java.util.Locale.ROOT, "L%03d", i);
  }

  static List<Listing> universe(int listings) {
    List<Listing> u = new ArrayList<>();
    for (int i = 0; i < listings; i++) {
      u.add(Listing.of(ticker(i), Exchange.NYSE, "MKT"));
    }
    return u;
  }

  static ReturnPanel panel(int listings, int sessions, long seed) {
    return ReturnPanel.of(universe(listings), prices(listings, sessions, seed), ReturnType.SIMPLE);
  }

  static Event event(String id, LocalDate date, String... tickers) {
    return Event.of(id, Announcement.on(date), List.of(tickers));
  }

  public static double gaussian(SplittableRandom rnd) {
    // Box-Muller, deterministic for a seed.
    double u1 = rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
