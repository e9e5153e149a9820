package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.NaiveNeweyWest;
import io.eventide.io.FactorFileReader;
import io.eventide.market.CalendarTimeModel;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link CalendarTimePortfolio} against a second, naive implementation written here: the portfolio
 * assembled from the raw prices (a sorted map from date to the list of the held firm-events'
 * returns, each return {@code P_t / P_{t−1} − 1} on the listing's own price dates), the
 * coefficients and R² from Commons Math's {@code OLSMultipleLinearRegression}, and the Newey-West
 * sandwich {@code (X'X)⁻¹ S (X'X)⁻¹} written out over every pair of rows with |t − u| ≤ L, weight
 * {@code 1 − |t − u| / (L + 1)}, p from Commons Math's {@code TDistribution(T − k)}.
 *
 * <p>World: weekday sessions from 2020-01-01 ({@link SyntheticPanels}); US listings L000..L004 on
 * benchmark MKT, each session; a Hong Kong listing H0 on benchmark HKB, whose calendar skips every
 * seventh weekday; prices seeded, a few blanked. 30 events between sessions 260 and 380, two of
 * them on L000 three sessions apart (their windows overlap, so L000 counts twice there), and one
 * too early to estimate (left out, not in the portfolio). Windows {@code -1:1, -5:5, 0:10}: the
 * longest first is {@code -5:5}.
 */
class CalendarTimePortfolioTest {

  private static final int SESSIONS = 420;
  private static final LocalDate[] DATES = SyntheticPanels.sessions(SESSIONS);
  private static final EventWindow HELD = EventWindow.of(-5, 5);
  private static final StudySpecification SPEC =
      StudySpecification.builder()
          .eventWindows(EventWindow.of(-1, 1), HELD, EventWindow.of(0, 10))
          .build();

  /** US prices from SyntheticPanels, three blanked; HK prices on every weekday but each 7th. */
  private static Map<String, DatedSeries> prices() {
    Map<String, DatedSeries> p = new LinkedHashMap<>(SyntheticPanels.prices(5, SESSIONS, 41L));
    double[] l1 = p.get("L001").values();
    l1[301] = Double.NaN;
    l1[333] = Double.NaN;
    p.put("L001", DatedSeries.of("L001", DATES, l1));
    double[] l3 = p.get("L003").values();
    l3[290] = Double.NaN;
    p.put("L003", DatedSeries.of("L003", DATES, l3));
    SplittableRandom rnd = new SplittableRandom(5);
    List<LocalDate> hk = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      if (i % 7 != 3) {
        hk.add(DATES[i]);
      }
    }
    double[] hkb = new double[hk.size()];
    double[] h0 = new double[hk.size()];
    double b = 100;
    double h = 50;
    for (int i = 0; i < hkb.length; i++) {
      double m = 0.012 * SyntheticPanels.gaussian(rnd);
      b *= 1 + m;
      h *= 1 + 0.0004 + 1.1 * m + 0.02 * SyntheticPanels.gaussian(rnd);
      hkb[i] = b;
      h0[i] = h;
    }
    LocalDate[] hkDates = hk.toArray(new LocalDate[0]);
    p.put("HKB", DatedSeries.of("HKB", hkDates, hkb));
    p.put("H0", DatedSeries.of("H0", hkDates, h0));
    return p;
  }

  private static List<Listing> universe(boolean withHongKong) {
    List<Listing> u = new ArrayList<>(SyntheticPanels.universe(5));
    if (withHongKong) {
      u.add(Listing.of("H0", Exchange.HKEX, "HKB"));
    }
    return u;
  }

  private static List<Event> events(boolean withHongKong) {
    SplittableRandom rnd = new SplittableRandom(17);
    List<Event> out = new ArrayList<>();
    for (int e = 0; e < 28; e++) {
      int at = 260 + rnd.nextInt(121);
      List<String> tickers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        if (rnd.nextInt(3) == 0) {
          tickers.add(SyntheticPanels.ticker(i));
        }
      }
      if (withHongKong && rnd.nextBoolean()) {
        tickers.add("H0");
      }
      if (tickers.isEmpty()) {
        tickers.add("L002");
      }
      out.add(
          SyntheticPanels.event(
              String.format(Locale.ROOT, "e%02d", e), DATES[at], tickers.toArray(new String[0])));
    }
    out.add(SyntheticPanels.event("twice-1", DATES[340], "L000"));
    out.add(SyntheticPanels.event("twice-2", DATES[343], "L000"));
    out.add(SyntheticPanels.event("too-early", DATES[100], "L001"));
    return out;
  }

  private static StudyResult study(boolean withHongKong, ReturnType type) {
    ReturnPanel panel = ReturnPanel.of(universe(withHongKong), prices(), type);
    return EventStudy.of(SPEC).withParallelism(1).run(panel, events(withHongKong));
  }

  /** The naive portfolio: date → the held firm-events' simple returns, from the raw prices. */
  private static TreeMap<LocalDate, List<Double>> naivePortfolio(StudyResult result) {
    Map<String, DatedSeries> prices = prices();
    TreeMap<LocalDate, List<Double>> held = new TreeMap<>();
    for (FirmEventResult fe : result.firmEvents()) {
      if (fe.outcome() != Outcome.OK) {
        continue;
      }
      DatedSeries p = prices.get(fe.ticker());
      List<LocalDate> dates = datesOf(p);
      double[] v = p.values();
      int d0 = dates.indexOf(fe.dayZero().orElseThrow());
      for (int tau = HELD.fromInclusive(); tau <= HELD.toInclusive(); tau++) {
        double r = v[d0 + tau] / v[d0 + tau - 1] - 1;
        if (!Double.isNaN(r)) {
          held.computeIfAbsent(dates.get(d0 + tau), d -> new ArrayList<>()).add(r);
        }
      }
    }
    return held;
  }

  private static List<LocalDate> datesOf(DatedSeries s) {
    List<LocalDate> out = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      out.add(s.date(i));
    }
    return out;
  }

  private static double mean(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  /** The simple return of a series on a date, from its previous price date. */
  private static double returnOn(DatedSeries s, LocalDate d) {
    int i = datesOf(s).indexOf(d);
    return i <= 0 ? Double.NaN : s.values()[i] / s.values()[i - 1] - 1;
  }

  /**
   * Checks every term, T, L and R² against {@link NaiveNeweyWest} (Commons Math OLS and the naive
   * sandwich).
   *
   * @param y the dependent values (excess portfolio returns) on the regression's rows
   * @param x the regressors (without the constant), {@code x[t][j]}
   */
  private static void assertRegression(CalendarTimePortfolio ct, double[] y, double[][] x) {
    NaiveNeweyWest nw = NaiveNeweyWest.fit(y, x);
    int k = x[0].length + 1;
    assertThat(ct.days()).isEqualTo(y.length);
    assertThat(ct.lag()).isEqualTo(nw.lag());
    List<CalendarTimePortfolio.Term> terms = ct.terms();
    assertThat(terms).hasSize(k);
    for (int j = 0; j < k; j++) {
      double b = nw.coefficients()[j];
      double se = nw.standardErrors()[j];
      double t = nw.t()[j];
      CalendarTimePortfolio.Term term = terms.get(j);
      assertThat(term.coefficient()).isCloseTo(b, within(1e-12 * Math.abs(b) + 1e-15));
      assertThat(term.standardError()).isCloseTo(se, within(1e-10 * se));
      assertThat(term.t()).isCloseTo(t, within(1e-9 * Math.abs(t) + 1e-12));
      assertThat(term.p()).isCloseTo(nw.p()[j], within(1e-10));
    }
    assertThat(ct.r2()).isCloseTo(nw.r2(), within(1e-12));
  }

  @Test
  void marketModelMatchesANaivePortfolioAndRegression() {
    StudyResult result = study(false, ReturnType.SIMPLE);
    CalendarTimePortfolio ct = CalendarTimePortfolio.run(result);
    TreeMap<LocalDate, List<Double>> naive = naivePortfolio(result);

    assertThat(ct.window()).isEqualTo(HELD);
    assertThat(ct.benchmark()).isEqualTo("MKT");
    assertThat(ct.firmEvents()).isEqualTo(result.count(Outcome.OK));
    assertThat(result.count(Outcome.OK)).isEqualTo(result.size() - 1); // too-early is left out
    assertThat(ct.dates()).containsExactlyElementsOf(naive.keySet());
    double[] rp = ct.portfolioReturns();
    int[] holdings = ct.holdings();
    int i = 0;
    for (Map.Entry<LocalDate, List<Double>> d : naive.entrySet()) {
      assertThat(rp[i]).as(d.getKey().toString()).isCloseTo(mean(d.getValue()), within(1e-15));
      assertThat(holdings[i]).isEqualTo(d.getValue().size());
      i++;
    }
    // Sessions 343..345 are days 3..5 of twice-1 and days 0..2 of twice-2, both on L000: L000's
    // return is in the mean at least twice on those dates (a random event may hold it too), and
    // the portfolio's N_D counts each holding.
    LocalDate overlap = DATES[344];
    double l000 = returnOn(prices().get("L000"), overlap);
    assertThat(naive.get(overlap).stream().filter(r -> r == l000).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(holdings[ct.dates().indexOf(overlap)]).isEqualTo(naive.get(overlap).size());

    // The regression: every portfolio date has a market return (rf = 0 without factors).
    DatedSeries mkt = prices().get("MKT");
    int n = naive.size();
    double[] y = new double[n];
    double[][] x = new double[n][1];
    i = 0;
    for (Map.Entry<LocalDate, List<Double>> d : naive.entrySet()) {
      y[i] = mean(d.getValue());
      x[i][0] = returnOn(mkt, d.getKey());
      i++;
    }
    assertThat(n).isGreaterThan(100);
    assertRegression(ct, y, x);
    assertThat(ct.terms())
        .extracting(CalendarTimePortfolio.Term::name)
        .containsExactly("alpha", "beta");
  }

  @Test
  void theSameBitsWhateverTheThreads() {
    ReturnPanel panel = ReturnPanel.of(universe(true), prices(), ReturnType.SIMPLE);
    CalendarTimePortfolio one =
        CalendarTimePortfolio.run(
            EventStudy.of(SPEC).withParallelism(1).run(panel, events(true)),
            CalendarTimeModel.FF3,
            factorFile());
    CalendarTimePortfolio four =
        CalendarTimePortfolio.run(
            EventStudy.of(SPEC).withParallelism(4).run(panel, events(true)),
            CalendarTimeModel.FF3,
            factorFile());
    assertThat(four.portfolioReturns()).isEqualTo(one.portfolioReturns());
    assertThat(four.terms()).isEqualTo(one.terms());
  }

  @Test
  void logReturnsAreTurnedBackIntoSimpleOnes() {
    CalendarTimePortfolio simple = CalendarTimePortfolio.run(study(false, ReturnType.SIMPLE));
    CalendarTimePortfolio log = CalendarTimePortfolio.run(study(false, ReturnType.LOG));
    assertThat(log.dates()).isEqualTo(simple.dates());
    assertThat(log.portfolioReturns()).containsExactly(simple.portfolioReturns(), within(1e-15));
    assertThat(log.alpha()).isCloseTo(simple.alpha(), within(1e-14));
  }

  /**
   * A small Ken French-style file (percent, YYYYMMDD) with Mkt-RF, SMB, HML and RF on the US
   * sessions 200..399 but every eleventh, so a portfolio date without a factor row is dropped.
   */
  private static FactorSet factorFile() {
    SplittableRandom rnd = new SplittableRandom(99);
    StringBuilder text =
        new StringBuilder("Made for CalendarTimePortfolioTest\n\n,Mkt-RF,SMB,HML,RF\n");
    DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
    for (int i = 200; i < 400; i++) {
      if (i % 11 == 0) {
        continue;
      }
      text.append(
          String.format(
              Locale.ROOT,
              "%s,%.2f,%.2f,%.2f,%.3f\n",
              DATES[i].format(ymd),
              1.0 * SyntheticPanels.gaussian(rnd),
              0.5 * SyntheticPanels.gaussian(rnd),
              0.5 * SyntheticPanels.gaussian(rnd),
              0.004 + 0.002 * rnd.nextDouble()));
    }
    return FactorFileReader.read(new StringReader(text.toString()), "factors.csv");
  }

  @Test
  void ff3OnTwoCalendarsMatchesANaiveRegression() {
    StudyResult result = study(true, ReturnType.SIMPLE);
    FactorSet ff = factorFile();
    CalendarTimePortfolio ct = CalendarTimePortfolio.run(result, CalendarTimeModel.FF3, ff);
    TreeMap<LocalDate, List<Double>> naive = naivePortfolio(result);
    assertThat(ct.dates()).containsExactlyElementsOf(naive.keySet());
    assertThat(ct.benchmark()).isEmpty();

    // The factors as the file has them (percent / 100), by date.
    Map<LocalDate, double[]> rows = new HashMap<>();
    for (int i = 0; i < ff.size(); i++) {
      rows.put(
          ff.date(i),
          new double[] {
            ff.value("Mkt-RF", i), ff.value("SMB", i), ff.value("HML", i), ff.riskFree(i)
          });
    }
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    int dropped = 0;
    for (Map.Entry<LocalDate, List<Double>> d : naive.entrySet()) {
      double[] f = rows.get(d.getKey());
      if (f == null) {
        dropped++;
        continue;
      }
      y.add(mean(d.getValue()) - f[3]);
      x.add(new double[] {f[0], f[1], f[2]});
    }
    assertThat(dropped).isGreaterThan(0);
    assertRegression(
        ct, y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
    assertThat(ct.terms())
        .extracting(CalendarTimePortfolio.Term::name)
        .containsExactly("alpha", "b_Mkt-RF", "b_SMB", "b_HML");
    // The HK listing's returns are on its own calendar: some portfolio dates hold it, and its
    // return on a session after a skipped weekday spans both days.
    assertThat(result.firmEvents()).anyMatch(fe -> fe.ticker().equals("H0"));
  }

  @Test
  void theMarketModelNeedsOneSharedBenchmark() {
    StudyResult result = study(true, ReturnType.SIMPLE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalendarTimePortfolio.run(result))
        .withMessageContaining("one benchmark shared by every listing")
        .withMessageContaining("has MKT")
        .withMessageContaining("H0 has HKB");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CalendarTimePortfolio.run(result, CalendarTimeModel.FF3, null))
        .withMessageContaining("needs a factor set");
  }

  @Test
  void fewerThanKPlusTwoDatesGiveEmptyEstimates() {
    // One event on one listing held 0..1: T = 2 dates, k = 2, so no regression (T < k + 2).
    ReturnPanel panel = ReturnPanel.of(universe(false), prices(), ReturnType.SIMPLE);
    StudyResult result =
        EventStudy.of(StudySpecification.builder().eventWindows(EventWindow.of(0, 1)).build())
            .run(panel, List.of(SyntheticPanels.event("one", DATES[300], "L002")));
    CalendarTimePortfolio ct = CalendarTimePortfolio.run(result);
    assertThat(ct.dates()).containsExactly(DATES[300], DATES[301]);
    assertThat(ct.days()).isEqualTo(2);
    assertThat(ct.lag()).isEqualTo(1); // floor(4 · 0.02^(2/9)) = floor(1.676)
    assertThat(ct.regression().fit()).isEmpty();
    assertThat(ct.terms())
        .allSatisfy(
            t -> {
              assertThat(t.coefficient()).isNaN();
              assertThat(t.standardError()).isNaN();
              assertThat(t.t()).isNaN();
              assertThat(t.p()).isNaN();
            });
    assertThat(ct.r2()).isNaN();

    // No OK firm-event at all: an empty series.
    StudyResult none =
        EventStudy.of(SPEC).run(panel, List.of(SyntheticPanels.event("x", DATES[50], "L002")));
    CalendarTimePortfolio empty = CalendarTimePortfolio.run(none);
    assertThat(empty.firmEvents()).isZero();
    assertThat(empty.dates()).isEmpty();
    assertThat(empty.days()).isZero();
    assertThat(empty.alpha()).isNaN();
  }

  @Test
  void aGroupsPortfolioHoldsOnlyItsFirmEvents() {
    ReturnPanel panel = ReturnPanel.of(universe(true), prices(), ReturnType.SIMPLE);
    StudyResult all =
        EventStudy.of(SPEC.toBuilder().groupBy(GroupBy.exchange()).build())
            .run(panel, events(true));
    // The HKEX group holds only H0, so the market model has its one benchmark HKB there.
    StudyResult hk = all.group(Exchange.HKEX.code());
    CalendarTimePortfolio ct = CalendarTimePortfolio.run(hk);
    assertThat(ct.benchmark()).isEqualTo("HKB");
    TreeMap<LocalDate, List<Double>> naive = naivePortfolio(hk);
    assertThat(ct.dates()).containsExactlyElementsOf(naive.keySet());
    assertThat(ct.firmEvents()).isEqualTo(hk.count(Outcome.OK)).isGreaterThan(3);
    double[] rp = ct.portfolioReturns();
    int i = 0;
    for (List<Double> held : naive.values()) {
      assertThat(rp[i++]).isCloseTo(mean(held), within(1e-15));
    }
  }
}
