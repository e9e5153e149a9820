package io.eventide.study;

import io.eventide.calendar.Exchange;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded synthetic world on two exchanges whose sessions differ by holidays, for comparing the
 * engine with {@link ReferenceStudy}.
 *
 * <p>Weekdays from 2019-01-01. NYSE listings N00.. use benchmark SPX, whose series holds every
 * weekday with a missing (NaN) price on NYSE holidays; HKEX listings H00.. use benchmark HSI, whose
 * series simply omits HKEX holidays. Holidays are random (3% and 4% of weekdays) plus forced ones:
 * weekdays 400 and 401 are HKEX holidays, weekday 520 is an NYSE holiday; weekdays 400, 401, 460,
 * 519, 521, 560, 561 are NYSE sessions and 402, 460, 461, 519, 520, 560, 561 HKEX sessions.
 *
 * <p>Every weekday has global factors F1 (market-like), F2, F3, a shock Z that the factors do not
 * span (so residuals of one event's firm-events are cross-correlated, also across exchanges) and a
 * risk-free rate. A listing's return on its session is {@code RF + a + b1 F1 + b2 F2 + b3 F3 + g Z
 * + σ e}. The factor file covers NYSE sessions only (as a US factor file would), with F2 missing on
 * two dates and RF on one: HKEX-only sessions have no factors.
 */
final class ReferenceFixtures {

  static final LocalDate START = LocalDate.of(2019, 1, 1);
  static final List<String> FACTORS = List.of("F1", "F2", "F3");

  private ReferenceFixtures() {}

  /** The synthetic world. */
  static final class World {
    final List<LocalDate> weekdays = new ArrayList<>();
    final Set<LocalDate> nyseHolidays = new HashSet<>();
    final Set<LocalDate> hkexHolidays = new HashSet<>();
    final List<Listing> universe = new ArrayList<>();
    final Map<String, DatedSeries> prices = new LinkedHashMap<>();
    ReferenceStudy.FactorData factors;

    LocalDate weekday(int i) {
      return weekdays.get(i);
    }

    List<String> nyse() {
      List<String> out = new ArrayList<>();
      for (Listing l : universe) {
        if (l.exchange() == Exchange.NYSE) {
          out.add(l.ticker());
        }
      }
      return out;
    }

    List<String> hkex() {
      List<String> out = new ArrayList<>();
      for (Listing l : universe) {
        if (l.exchange() == Exchange.HKEX) {
          out.add(l.ticker());
        }
      }
      return out;
    }

    /** Adds a listing; {@code prices} may be null (a listing without a price file). */
    void add(Listing listing, DatedSeries series) {
      universe.add(listing);
      if (series != null) {
        prices.put(listing.ticker(), series);
      }
    }

    /** The sessions of an exchange's calendar: weekdays that are not its holidays. */
    List<LocalDate> sessions(Exchange exchange) {
      Set<LocalDate> closed = exchange == Exchange.HKEX ? hkexHolidays : nyseHolidays;
      List<LocalDate> out = new ArrayList<>();
      for (LocalDate d : weekdays) {
        if (!closed.contains(d)) {
          out.add(d);
        }
      }
      return out;
    }

    /** The session {@code n} sessions from a session date of an exchange. */
    LocalDate shift(Exchange exchange, LocalDate session, int n) {
      List<LocalDate> cal = sessions(exchange);
      int i = cal.indexOf(session);
      if (i < 0) {
        throw new IllegalArgumentException(session + " is not a session of " + exchange);
      }
      return cal.get(i + n);
    }

    ReturnPanel panel(ReturnType type) {
      return panel(prices, type);
    }

    ReturnPanel panel(Map<String, DatedSeries> p, ReturnType type) {
      // The same factors for HKEX too, given explicitly (a plain set serves only the US
      // exchanges): the reference aligns them onto HKEX sessions, as the engine then does.
      FactorSet f = factorSet();
      return ReturnPanel.of(universe, p, type).withFactors(f).withFactors(Exchange.HKEX, f);
    }

    FactorSet factorSet() {
      long[] days = new long[factors.dates().length];
      for (int i = 0; i < days.length; i++) {
        days[i] = factors.dates()[i].toEpochDay();
      }
      return FactorSet.of(factors.names(), days, factors.values(), factors.rf());
    }
  }

  static String nyseTicker(int i) {
    return String.format(Locale.ROOT, "N%02d", i);
  }

  static String hkexTicker(int i) {
    return String.format(Locale.ROOT, "H%02d.HK", i);
  }

  /**
   * @param seed the seed
   * @param nyse number of NYSE listings
   * @param hkex number of HKEX listings
   * @param weekdays number of weekdays from {@link #START}
   * @return the world
   */
  static World twoCalendars(long seed, int nyse, int hkex, int weekdays) {
    SplittableRandom rnd = new SplittableRandom(seed);
    World w = new World();
    LocalDate d = START;
    while (w.weekdays.size() < weekdays) {
      if (d.getDayOfWeek().getValue() <= 5) {
        w.weekdays.add(d);
      }
      d = d.plusDays(1);
    }
    Set<Integer> nyseOpen = Set.of(400, 401, 460, 519, 521, 560, 561);
    Set<Integer> hkexOpen = Set.of(402, 460, 461, 519, 520, 560, 561);
    for (int i = 1; i < weekdays; i++) {
      double u = rnd.nextDouble();
      double v = rnd.nextDouble();
      if ((u < 0.03 && !nyseOpen.contains(i)) || i == 520) {
        w.nyseHolidays.add(w.weekday(i));
      }
      if ((v < 0.04 && !hkexOpen.contains(i)) || i == 400 || i == 401) {
        w.hkexHolidays.add(w.weekday(i));
      }
    }
    int n = weekdays;
    double[] f1 = new double[n];
    double[] f2 = new double[n];
    double[] f3 = new double[n];
    double[] z = new double[n];
    double[] rf = new double[n];
    for (int i = 0; i < n; i++) {
      f1[i] = 0.0003 + 0.010 * gaussian(rnd);
      f2[i] = 0.0001 + 0.005 * gaussian(rnd);
      f3[i] = -0.0001 + 0.005 * gaussian(rnd);
      z[i] = 0.008 * gaussian(rnd);
      rf[i] = 0.00008 + 0.00002 * Math.sin(i / 40.0);
    }

    // Benchmarks.
    double[] spx = new double[n];
    double level = 3000;
    for (int i = 0; i < n; i++) {
      if (w.nyseHolidays.contains(w.weekday(i))) {
        spx[i] = Double.NaN;
        continue;
      }
      if (i > 0) {
        level *= 1 + f1[i] + 0.002 * gaussian(rnd);
      }
      spx[i] = level;
    }
    w.prices.put("SPX", DatedSeries.of("SPX", w.weekdays.toArray(new LocalDate[0]), spx));
    List<LocalDate> hsiDates = new ArrayList<>();
    List<Double> hsi = new ArrayList<>();
    level = 25000;
    for (int i = 0; i < n; i++) {
      if (w.hkexHolidays.contains(w.weekday(i))) {
        continue;
      }
      if (i > 0) {
        level *= 1 + 0.8 * f1[i] + 0.3 * f2[i] + 0.003 * gaussian(rnd);
      }
      hsiDates.add(w.weekday(i));
      hsi.add(level);
    }
    w.prices.put("HSI", series("HSI", hsiDates, hsi));

    // Listings.
    for (int j = 0; j < nyse + hkex; j++) {
      boolean ny = j < nyse;
      String ticker = ny ? nyseTicker(j) : hkexTicker(j - nyse);
      w.universe.add(Listing.of(ticker, ny ? Exchange.NYSE : Exchange.HKEX, ny ? "SPX" : "HSI"));
      Set<LocalDate> closed = ny ? w.nyseHolidays : w.hkexHolidays;
      double a = 0.0002 * gaussian(rnd);
      double b1 = 0.6 + 0.8 * rnd.nextDouble();
      double b2 = -0.5 + rnd.nextDouble();
      double b3 = -0.5 + rnd.nextDouble();
      double g = 0.5 + rnd.nextDouble();
      double sigma = 0.012 + 0.012 * rnd.nextDouble();
      List<LocalDate> dates = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      double p = 20 + 80 * rnd.nextDouble();
      for (int i = 0; i < n; i++) {
        if (closed.contains(w.weekday(i))) {
          // Every third listing also quotes a price on its exchange's holidays: not a session.
          if (j % 3 == 0) {
            dates.add(w.weekday(i));
            values.add(p * 1.5);
          }
          continue;
        }
        if (i > 0) {
          p *=
              1
                  + rf[i]
                  + a
                  + b1 * f1[i]
                  + b2 * f2[i]
                  + b3 * f3[i]
                  + g * z[i]
                  + sigma * gaussian(rnd);
        }
        dates.add(w.weekday(i));
        values.add(p);
      }
      w.prices.put(ticker, series(ticker, dates, values));
    }

    // Factor file: NYSE sessions only, a few holes.
    List<LocalDate> fDates = new ArrayList<>();
    List<double[]> fRows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (w.nyseHolidays.contains(w.weekday(i))) {
        continue;
      }
      double f2v = i == 333 || i == 480 ? Double.NaN : f2[i];
      double rfv = i == 470 ? Double.NaN : rf[i];
      fDates.add(w.weekday(i));
      fRows.add(new double[] {f1[i], f2v, f3[i], rfv});
    }
    double[][] cols = new double[3][fDates.size()];
    double[] rfCol = new double[fDates.size()];
    for (int i = 0; i < fDates.size(); i++) {
      for (int j = 0; j < 3; j++) {
        cols[j][i] = fRows.get(i)[j];
      }
      rfCol[i] = fRows.get(i)[3];
    }
    w.factors =
        new ReferenceStudy.FactorData(FACTORS, fDates.toArray(new LocalDate[0]), cols, rfCol);
    return w;
  }

  static DatedSeries series(String name, List<LocalDate> dates, List<Double> values) {
    double[] v = new double[values.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i);
    }
    return DatedSeries.of(name, dates.toArray(new LocalDate[0]), v);
  }

  /** A copy of the prices with the given ticker's price set to NaN on the given dates. */
  static void setMissing(Map<String, DatedSeries> prices, String ticker, LocalDate... dates) {
    DatedSeries s = prices.get(ticker);
    Set<LocalDate> gone = Set.of(dates);
    List<LocalDate> ds = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      ds.add(s.date(i));
      vs.add(gone.contains(s.date(i)) ? Double.NaN : s.value(i));
    }
    prices.put(ticker, series(ticker, ds, vs));
  }

  /** Removes the given dates from a ticker's series (a missing row rather than a blank cell). */
  static void removeDates(Map<String, DatedSeries> prices, String ticker, LocalDate... dates) {
    DatedSeries s = prices.get(ticker);
    Set<LocalDate> gone = Set.of(dates);
    List<LocalDate> ds = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      if (!gone.contains(s.date(i))) {
        ds.add(s.date(i));
        vs.add(s.value(i));
      }
    }
    prices.put(ticker, series(ticker, ds, vs));
  }

  /** Keeps only the ticker's prices on or after a date. */
  static void startAt(Map<String, DatedSeries> prices, String ticker, LocalDate first) {
    DatedSeries s = prices.get(ticker);
    List<LocalDate> ds = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      if (!s.date(i).isBefore(first)) {
        ds.add(s.date(i));
        vs.add(s.value(i));
      }
    }
    prices.put(ticker, series(ticker, ds, vs));
  }

  /** Sets every price of the ticker to a constant. */
  static void flatten(Map<String, DatedSeries> prices, String ticker) {
    DatedSeries s = prices.get(ticker);
    List<LocalDate> ds = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      ds.add(s.date(i));
      vs.add(42.0);
    }
    prices.put(ticker, series(ticker, ds, vs));
  }

  static double gaussian(SplittableRandom rnd) {
    return SyntheticPanels.gaussian(rnd);
  }
}
