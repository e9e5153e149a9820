package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.report.CaarChart;
import io.eventide.report.StudyFiles;
import io.eventide.report.StudySummary;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Study edge cases end as outcome codes or documented {@code NaN}s with reasons, never as
 * exceptions.
 *
 * <p>The world: {@link SyntheticPanels#prices(int, int, long)} with three NYSE listings L000..L002
 * on 400 weekday sessions from 2020-01-01 against the benchmark MKT; the default specification
 * (market model, estimation {@code [-250, -11]}, windows {@code -1:1, 0:0, 0:1, -5:5}, at least 100
 * estimation days). Day 0 of most events is session 300, so the estimation window is sessions
 * 50..289 (240 days, every return present: M = 240) and the event span sessions 295..305. Each test
 * edits one listing's or the benchmark's prices to make its case; expected values are computed in
 * the test from the panel's own returns.
 */
class StudyEdgeCasesTest {

  private static final int SESSIONS = 400;
  private static final LocalDate[] DATES = SyntheticPanels.sessions(SESSIONS);
  private static final int DAY0 = 300;

  private static Map<String, DatedSeries> prices() {
    return new LinkedHashMap<>(SyntheticPanels.prices(3, SESSIONS, 21L));
  }

  /** The series with the prices of sessions {@code [from, to)} replaced by {@code value}. */
  private static void set(
      Map<String, DatedSeries> prices, String ticker, int from, int to, double value) {
    double[] p = prices.get(ticker).values();
    for (int t = from; t < to; t++) {
      p[t] = value;
    }
    prices.put(ticker, DatedSeries.of(ticker, DATES, p));
  }

  private static StudyResult run(
      NormalReturnModel model,
      List<Listing> universe,
      Map<String, DatedSeries> prices,
      Event... events) {
    ReturnPanel panel = ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    return EventStudy.of(StudySpecification.builder().model(model).build())
        .withParallelism(1)
        .run(panel, List.of(events));
  }

  private static StudyResult run(Map<String, DatedSeries> prices, Event... events) {
    return run(MarketModel.of(), SyntheticPanels.universe(3), prices, events);
  }

  private static Event on(String id, int session, String... tickers) {
    return Event.of(id, Announcement.on(DATES[session]), List.of(tickers));
  }

  private static FirmEventResult find(StudyResult r, String eventId, String ticker) {
    return r.firmEvents().stream()
        .filter(f -> f.eventId().equals(eventId) && f.ticker().equals(ticker))
        .findFirst()
        .orElseThrow();
  }

  /** Mean and sample variance (divisor n − 1) of {@code r[from..to]}, two plain passes. */
  private static double[] meanAndVariance(double[] r, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int t = from; t <= to; t++) {
      sum += r[t];
      n++;
    }
    double mean = sum / n;
    double ss = 0;
    for (int t = from; t <= to; t++) {
      ss += (r[t] - mean) * (r[t] - mean);
    }
    return new double[] {mean, ss / (n - 1)};
  }

  // ------------------------------------------------------------------ a listing as its benchmark

  /**
   * MKT listed as a listing with benchmark MKT: its returns are its market returns, bit for bit.
   * Decision: accepted (not an input error); under the market and market-adjusted models every
   * residual is zero, so the firm-event is {@code INSUFFICIENT_ESTIMATION} and the reason says why.
   * Before the fix of the regression kernel's rounding-noise rule the market model reported it OK
   * with {@code s ≈ 2e-18} and an SCAR(-1:1) of about 2, made of rounding errors.
   */
  @Test
  void aListingThatIsItsOwnBenchmark() {
    List<Listing> universe = new ArrayList<>(SyntheticPanels.universe(1));
    universe.add(Listing.of("MKT", Exchange.NYSE, "MKT"));
    Event e = on("e", DAY0);
    String why =
        "residual variance is zero up to the rounding of the returns (s ≤ 64 ε ≈"
            + " 1.4e-14): the model fits the returns exactly, as for a price that never moves or a"
            + " listing that is its own benchmark";
    for (NormalReturnModel model : List.of(MarketModel.of(), MarketAdjustedModel.of())) {
      StudyResult r = run(model, universe, prices(), e);
      FirmEventResult self = find(r, "e", "MKT");
      assertThat(self.outcome()).as("%s", model).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
      assertThat(self.observations()).isEqualTo(240);
      assertThat(self.reason()).isEqualTo(why);
      assertThat(self.car(EventWindow.of(-1, 1))).isNaN();
      assertThat(r.leftOut()).extracting(FirmEventResult::ticker).containsExactly("MKT");
      assertThat(find(r, "e", "L000").outcome()).isEqualTo(Outcome.OK);
    }
    // The constant-mean model does not use the benchmark: OK, α̂ = mean, s² = sample variance of
    // MKT's returns over sessions 50..289.
    StudyResult cm = run(ConstantMeanModel.of(), universe, prices(), e);
    FirmEventResult self = find(cm, "e", "MKT");
    double[] r =
        ReturnPanel.of(universe, prices(), ReturnType.SIMPLE)
            .returnsOf("MKT")
            .orElseThrow()
            .returns();
    double[] mv = meanAndVariance(r, 50, 289);
    assertThat(self.outcome()).isEqualTo(Outcome.OK);
    assertThat(self.parameters()[0]).isCloseTo(mv[0], within(1e-12 * Math.abs(mv[0])));
    assertThat(self.sigma()).isCloseTo(Math.sqrt(mv[1]), within(1e-12 * Math.sqrt(mv[1])));
  }

  // ------------------------------------------------------------------ day 0 and the calendar

  /**
   * An announcement before the calendar's first session has day 0 on session 0 but no estimation
   * window; one after the last session has no day 0; one whose event span runs past the last
   * session is out of range too. Each is {@code OUT_OF_RANGE} with the dates in the reason.
   */
  @Test
  void eventsBeforeTheFirstOrAfterTheLastPrice() {
    Event early = Event.of("early", Announcement.on(LocalDate.of(2019, 6, 3)), List.of("L000"));
    Event late = Event.of("late", Announcement.on(DATES[399].plusDays(30)), List.of("L000"));
    Event edge = on("edge", 396, "L000");
    StudyResult r = run(prices(), early, late, edge);
    assertThat(r.count(Outcome.OUT_OF_RANGE)).isEqualTo(3);
    FirmEventResult e = find(r, "early", "L000");
    assertThat(e.dayZero()).contains(DATES[0]);
    assertThat(e.reason())
        .isEqualTo(
            "day 0 is 2020-01-01; the estimation window needs 250 sessions"
                + " before it but NYSE per MKT starts 2020-01-01, 0 sessions earlier");
    FirmEventResult l = find(r, "late", "L000");
    assertThat(l.dayZero()).isEmpty();
    assertThat(l.reason())
        .isEqualTo(
            "announcement "
                + DATES[399].plusDays(30)
                + " is after the last session "
                + DATES[399]
                + " of NYSE per MKT");
    FirmEventResult g = find(r, "edge", "L000");
    assertThat(g.dayZero()).contains(DATES[396]);
    assertThat(g.reason())
        .isEqualTo(
            "day 0 is "
                + DATES[396]
                + "; the event span needs 5 sessions"
                + " after it but NYSE per MKT ends "
                + DATES[399]
                + ", 3 sessions later");
    for (FirmEventResult f : r.firmEvents()) {
      assertThat(f.observations()).isZero();
      assertThat(f.parameters()).containsOnly(Double.NaN);
      assertThat(f.car(EventWindow.of(0, 0))).isNaN();
      assertThat(f.returnOn(0)).isNaN();
    }
  }

  /**
   * A listing that starts trading after the event (prices from session 350) has no estimation
   * return: M = 0, {@code INSUFFICIENT_ESTIMATION}. One that stops trading before it (no price from
   * session 200) keeps M = 150 (returns of sessions 50..199) and is {@code OK}, but every AR of its
   * event span is missing: it is in no window, and each study window says why.
   */
  @Test
  void aListingThatStartsAfterOrStopsBeforeTheEvent() {
    Map<String, DatedSeries> p = prices();
    set(p, "L002", 0, 350, Double.NaN);
    set(p, "L001", 200, SESSIONS, Double.NaN);
    StudyResult r = run(p, on("e", DAY0));
    FirmEventResult ipo = find(r, "e", "L002");
    assertThat(ipo.outcome()).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
    assertThat(ipo.reason())
        .isEqualTo(
            "M = 0 valid estimation days in "
                + DATES[50]
                + ".."
                + DATES[289]
                + "; at least 100 required");
    FirmEventResult gone = find(r, "e", "L001");
    assertThat(gone.outcome()).isEqualTo(Outcome.OK);
    assertThat(gone.observations()).isEqualTo(150);
    assertThat(r.windowExclusions())
        .extracting(x -> x.ticker() + " " + x.window() + ": " + x.reason())
        .containsExactly(
            "L001 -1:1: no return on day -1 (" + DATES[299] + ")",
            "L001 0:0: no return on day 0 (" + DATES[300] + ")",
            "L001 0:1: no return on day 0 (" + DATES[300] + ")",
            "L001 -5:5: no return on day -5 (" + DATES[295] + ")");
    for (EventWindow w : r.testWindows()) {
      assertThat(gone.car(w)).isNaN();
      assertThat(r.sample(w, Measure.CAR).size()).isEqualTo(1);
    }
  }

  /**
   * The estimation window starts before the listing's first trade. First price at session 150:
   * returns from session 151, so M = 139 of 240 (sessions 151..289) and the firm-event is OK. First
   * price at session 220 with day 0 at session 280: returns of sessions 221..269, M = 49, below the
   * minimum of 100.
   */
  @Test
  void anEstimationWindowThatStartsBeforeTheFirstTrade() {
    Map<String, DatedSeries> p = prices();
    set(p, "L000", 0, 150, Double.NaN);
    set(p, "L001", 0, 220, Double.NaN);
    StudyResult r = run(p, on("a", DAY0, "L000"), on("b", 280, "L001"));
    FirmEventResult a = find(r, "a", "L000");
    assertThat(a.outcome()).isEqualTo(Outcome.OK);
    assertThat(a.observations()).isEqualTo(139);
    // M − k = 137 degrees of freedom enter the p-value and the sample.
    assertThat(((CarSample) r.sample(EventWindow.of(0, 0), Measure.CAR)).degreesOfFreedom(0))
        .isEqualTo(137);
    FirmEventResult b = find(r, "b", "L001");
    assertThat(b.outcome()).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
    assertThat(b.observations()).isEqualTo(49);
    assertThat(b.reason())
        .isEqualTo(
            "M = 49 valid estimation days in "
                + DATES[30]
                + ".."
                + DATES[269]
                + "; at least 100 required");
  }

  // ------------------------------------------------------------------ degenerate variances

  /**
   * The benchmark does not move over the whole estimation window (price 1000 on sessions 40..295):
   * the market model's design is rank-deficient and every firm-event is left out saying so; the
   * constant-mean and market-adjusted models do not need the market to vary.
   */
  @Test
  void aMarketWithZeroVarianceInTheEstimationWindow() {
    Map<String, DatedSeries> p = prices();
    set(p, "MKT", 40, 296, 1000.0);
    Event e = on("e", DAY0);
    StudyResult market = run(p, e);
    assertThat(market.count(Outcome.INSUFFICIENT_ESTIMATION)).isEqualTo(3);
    for (FirmEventResult f : market.firmEvents()) {
      assertThat(f.observations()).isEqualTo(240);
      assertThat(f.reason())
          .isEqualTo(
              "the market return does not vary over the estimation window"
                  + " (rank-deficient design)");
    }
    List<Listing> u = SyntheticPanels.universe(3);
    assertThat(run(ConstantMeanModel.of(), u, p, e).count(Outcome.OK)).isEqualTo(3);
    StudyResult adjusted = run(MarketAdjustedModel.of(), u, p, e);
    assertThat(adjusted.count(Outcome.OK)).isEqualTo(3);
    // Market-adjusted: ε = R − R_m = R over the estimation window, s² = Σ R² / M.
    double[] r = ReturnPanel.of(u, p, ReturnType.SIMPLE).returnsOf("L000").orElseThrow().returns();
    double ss = 0;
    for (int t = 50; t <= 289; t++) {
      ss += r[t] * r[t];
    }
    double s = Math.sqrt(ss / 240);
    assertThat(find(adjusted, "e", "L000").sigma()).isCloseTo(s, within(1e-12 * s));
  }

  /**
   * A price that never moves (25.00 on every session): every return is 0, the market and
   * constant-mean models fit exactly (s = 0) and leave it out; market-adjusted has AR = −R_m and s²
   * = Σ R_m² / M.
   */
  @Test
  void aListingWhosePriceNeverMoves() {
    Map<String, DatedSeries> p = prices();
    set(p, "L000", 0, SESSIONS, 25.0);
    Event e = on("e", DAY0, "L000");
    List<Listing> u = SyntheticPanels.universe(3);
    for (NormalReturnModel model : List.of(MarketModel.of(), ConstantMeanModel.of())) {
      FirmEventResult f = find(run(model, u, p, e), "e", "L000");
      assertThat(f.outcome()).as("%s", model).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
      assertThat(f.reason())
          .startsWith("residual variance is zero up to the rounding of the" + " returns");
    }
    FirmEventResult f = find(run(MarketAdjustedModel.of(), u, p, e), "e", "L000");
    double[] rm =
        ReturnPanel.of(u, p, ReturnType.SIMPLE).returnsOf("L000").orElseThrow().marketReturns();
    double ss = 0;
    for (int t = 50; t <= 289; t++) {
      ss += rm[t] * rm[t];
    }
    assertThat(f.outcome()).isEqualTo(Outcome.OK);
    assertThat(f.sigma()).isCloseTo(Math.sqrt(ss / 240), within(1e-15));
    assertThat(f.car(EventWindow.of(0, 0))).isEqualTo(-rm[DAY0]);
    assertThat(f.car(EventWindow.of(-1, 1)))
        .isCloseTo(-(rm[299] + rm[300] + rm[301]), within(1e-17));
  }

  // ------------------------------------------------------------------ small samples

  /**
   * N = 1, 2, 3 firm-events in a window. The tests that need N − 1 (the sample standard deviation:
   * cs-t, bmp-t, kp-bmp-t) are undefined at N = 1 and the skewness-adjusted t, which divides by N −
   * 2, at N ≤ 2; each undefined result is NaN with its reason. For N = 2 the cross- sectional t has
   * the closed form {@code t = (a + b) / |a − b|} (mean (a + b)/2, s = |a − b|/√2).
   */
  @Test
  void oneTwoAndThreeFirmEvents() {
    EventWindow w = EventWindow.of(-1, 1);
    Map<Integer, Map<String, String>> undefinedCar =
        Map.of(
            1,
                Map.of(
                    "cs-t",
                    "N = 1: the sample standard deviation needs N ≥ 2",
                    "bmp-t",
                    "N = 1: the sample standard deviation of SCAR needs N ≥ 2",
                    "kp-bmp-t",
                    "N = 1: the sample standard deviation of SCAR needs N ≥ 2",
                    "skew-t",
                    "N = 1: the sample skewness (divisor N − 2) needs N ≥ 3"),
            2, Map.of("skew-t", "N = 2: the sample skewness (divisor N − 2) needs N ≥ 3"),
            3, Map.of());
    for (int n = 1; n <= 3; n++) {
      String[] tickers = new String[n];
      for (int i = 0; i < n; i++) {
        tickers[i] = SyntheticPanels.ticker(i);
      }
      StudyResult r = run(prices(), on("e", DAY0, tickers));
      StudyTests tests = StudyTests.run(r, TestSuite.standard());
      Map<String, String> undefined = new TreeMap<>();
      for (TestResult t : tests.forWindow(w, Measure.CAR)) {
        assertThat(t.n()).isEqualTo(n);
        if (t.isDefined()) {
          assertThat(t.statistic()).as("%s N=%d", t.testId(), n).isFinite();
          assertThat(t.pValue()).isBetween(0.0, 1.0);
        } else {
          assertThat(t.statistic()).isNaN();
          assertThat(t.pValue()).isNaN();
          undefined.put(t.testId(), t.undefinedReason());
        }
      }
      assertThat(undefined).as("N = %d", n).isEqualTo(new TreeMap<>(undefinedCar.get(n)));
      List<String> undefinedBhar =
          tests.forWindow(w, Measure.BHAR).stream()
              .filter(t -> !t.isDefined())
              .map(TestResult::testId)
              .toList();
      assertThat(undefinedBhar)
          .isEqualTo(n == 1 ? List.of("cs-t", "skew-t") : n == 2 ? List.of("skew-t") : List.of());
      if (n == 2) {
        double a = r.firmEvent(0).car(w);
        double b = r.firmEvent(1).car(w);
        assertThat(tests.result(w, Measure.CAR, "cs-t").orElseThrow().statistic())
            .isCloseTo((a + b) / Math.abs(a - b), within(1e-12));
      }
    }
  }

  // ------------------------------------------------------------------ nothing usable

  /**
   * Every firm-event left out: too early for an estimation window, after the last session, a ticker
   * the universe lacks, a listing without any price. The result is empty but complete: every
   * firm-event listed with its reason, every test undefined with "N = 0", and the output files,
   * summary and chart written.
   */
  @Test
  void everyFirmEventLeftOut(@TempDir Path out) throws IOException {
    Map<String, DatedSeries> p = prices();
    p.remove("L002");
    StudyResult r =
        run(
            p,
            on("early", 100, "L000"),
            Event.of("late", Announcement.on(DATES[399].plusDays(1)), List.of("L001")),
            on("ghost", DAY0, "ZZZ", "L002"));
    assertThat(r.size()).isEqualTo(4);
    assertThat(r.count(Outcome.OK)).isZero();
    assertThat(r.leftOut())
        .extracting(f -> f.eventId() + "/" + f.ticker() + " " + f.outcome())
        .containsExactly(
            "early/L000 OUT_OF_RANGE",
            "ghost/L002 NO_PRICES",
            "ghost/ZZZ UNKNOWN_TICKER",
            "late/L001 OUT_OF_RANGE");
    assertThat(r.leftOut()).allSatisfy(f -> assertThat(f.reason()).isNotBlank());
    assertThat(r.windowExclusions()).isEmpty();
    for (EventWindow w : r.testWindows()) {
      assertThat(r.sample(w, Measure.CAR).size()).isZero();
      assertThat(r.sample(w, Measure.BHAR).size()).isZero();
    }
    StudyTests tests = StudyTests.run(r, TestSuite.standard());
    // 14 test windows (4 study windows and 10 more days of -5:5); 11 CAR tests, 4 BHAR tests.
    assertThat(tests.rows()).hasSize(14 * 15);
    assertThat(tests.rows())
        .allSatisfy(
            t -> {
              assertThat(t.result().isDefined()).isFalse();
              assertThat(t.result().undefinedReason())
                  .isEqualTo("N = 0: no firm-event has a valid value in the" + " window");
            });
    StudyFiles.write(out, r, tests);
    assertThat(lines(out, "firm_events.csv")).hasSize(1 + 4);
    assertThat(lines(out, "abnormal_returns.csv")).hasSize(1);
    assertThat(lines(out, "car.csv")).hasSize(1);
    assertThat(lines(out, "left_out.csv")).hasSize(1 + 4);
    assertThat(lines(out, "tests.csv")).hasSize(1 + 14 * 15);
    assertThat(lines(out, "tests.csv").get(1))
        .isEqualTo("-1:1,CAR,cs-t,,,0,N = 0: no firm-event has a valid value in the window,");
    assertThat(StudySummary.of(r, tests).toString())
        .contains("3 events, 3 listings, 4 firm-events: 0 OK, 4 left out");
    CaarChart.writePng(r, out.resolve("caar.png"));
    assertThat(Files.size(out.resolve("caar.png"))).isPositive();
  }

  private static List<String> lines(Path dir, String file) throws IOException {
    return Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ holes in the event window

  /**
   * A trading halt: L001 has no price on sessions 301..303 (days +1..+3), so its returns of days
   * +1..+4 are missing (day +4's needs day +3's price). It stays OK with M = 240; CAR(0:0) is AR_0
   * = R_0 − α̂ − β̂ R_m0; the windows holding day +1 leave it out, each with the first missing day;
   * the one-day windows of days +1..+4 lack it and day +5's has it.
   */
  @Test
  void aTradingHaltInsideTheEventWindow() {
    Map<String, DatedSeries> p = prices();
    set(p, "L001", 301, 304, Double.NaN);
    StudyResult r = run(p, on("e", DAY0));
    FirmEventResult f = find(r, "e", "L001");
    assertThat(f.outcome()).isEqualTo(Outcome.OK);
    assertThat(f.observations()).isEqualTo(240);
    var lr =
        ReturnPanel.of(SyntheticPanels.universe(3), p, ReturnType.SIMPLE)
            .returnsOf("L001")
            .orElseThrow();
    double[] params = f.parameters();
    double ar0 = lr.returnAt(DAY0) - (params[0] + params[1] * lr.marketReturnAt(DAY0));
    assertThat(f.car(EventWindow.of(0, 0))).isCloseTo(ar0, within(1e-17));
    for (int day = 1; day <= 4; day++) {
      assertThat(f.abnormalReturn(day)).isNaN();
      assertThat(f.returnOn(day)).isNaN();
      assertThat(f.car(EventWindow.day(day))).isNaN();
    }
    assertThat(f.car(EventWindow.day(5))).isFinite();
    String why = "no return on day +1 (" + DATES[301] + ")";
    assertThat(r.windowExclusions())
        .extracting(x -> x.ticker() + " " + x.window() + ": " + x.reason())
        .containsExactly("L001 -1:1: " + why, "L001 0:1: " + why, "L001 -5:5: " + why);
    assertThat(r.sample(EventWindow.of(-1, 1), Measure.CAR).size()).isEqualTo(2);
    assertThat(r.sample(EventWindow.of(0, 0), Measure.CAR).size()).isEqualTo(3);
    assertThat(r.sample(EventWindow.day(3), Measure.CAR).size()).isEqualTo(2);
  }

  /**
   * A factor file with gaps: the factors lack two estimation sessions (100, 120) and day +1
   * (session 301). M drops to 238; day +1 has no expected return, so the windows holding it leave
   * every firm-event out, saying so.
   */
  @Test
  void aFactorSetWithGaps() {
    Map<String, DatedSeries> p = prices();
    List<Listing> u = SyntheticPanels.universe(3);
    ReturnPanel plain = ReturnPanel.of(u, p, ReturnType.SIMPLE);
    double[] market = plain.returnsOf("L000").orElseThrow().marketReturns();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    List<Long> days = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int t = 1; t < SESSIONS; t++) {
      if (t == 100 || t == 120 || t == 301) {
        continue;
      }
      days.add(DATES[t].toEpochDay());
      rows.add(new double[] {market[t] - 0.0001, 0.005 * SyntheticPanels.gaussian(rnd)});
    }
    long[] epochDays = days.stream().mapToLong(Long::longValue).toArray();
    double[][] f = new double[2][epochDays.length];
    double[] rf = new double[epochDays.length];
    for (int i = 0; i < epochDays.length; i++) {
      f[0][i] = rows.get(i)[0];
      f[1][i] = rows.get(i)[1];
      rf[i] = 0.0001;
    }
    ReturnPanel panel =
        plain.withFactors(io.eventide.market.FactorSet.of(List.of("F1", "F2"), epochDays, f, rf));
    StudyResult r =
        EventStudy.of(
                StudySpecification.builder()
                    .model(io.eventide.model.FactorModel.of(List.of("F1", "F2")))
                    .build())
            .withParallelism(1)
            .run(panel, List.of(on("e", DAY0)));
    assertThat(r.count(Outcome.OK)).isEqualTo(3);
    for (FirmEventResult fe : r.firmEvents()) {
      assertThat(fe.observations()).isEqualTo(238);
      assertThat(fe.abnormalReturn(1)).isNaN();
      assertThat(fe.returnOn(1)).isFinite();
      assertThat(fe.car(EventWindow.of(0, 0))).isFinite();
    }
    assertThat(r.windowExclusions())
        .hasSize(9)
        .allSatisfy(
            x ->
                assertThat(x.reason())
                    .isEqualTo("no expected return on day +1 (" + DATES[301] + ")"));
  }

  // ------------------------------------------------------------------ extreme but valid prices

  /**
   * A price of 1e308 (accepted by the reader: finite and positive) on day +1 of L000: its return
   * that day is about 1e306 and the next about −1. Nothing throws; every value is finite or NaN;
   * the tests whose sums of squares overflow are undefined and say why.
   */
  @Test
  void aPriceOfOneETo308InTheEventWindow() {
    Map<String, DatedSeries> p = prices();
    set(p, "L000", 301, 302, 1e308);
    StudyResult r = run(p, on("e", DAY0));
    FirmEventResult f = find(r, "e", "L000");
    assertThat(f.outcome()).isEqualTo(Outcome.OK);
    assertThat(f.abnormalReturn(1)).isGreaterThan(1e300).isFinite();
    for (EventWindow w : r.testWindows()) {
      for (double v : new double[] {f.car(w), f.carVariance(w), f.scar(w), f.bhar(w)}) {
        assertThat(Double.isInfinite(v)).as("%s", w).isFalse();
      }
    }
    TestResult cs =
        StudyTests.run(r, TestSuite.standard())
            .result(EventWindow.of(-1, 1), Measure.CAR, "cs-t")
            .orElseThrow();
    assertThat(cs.isDefined()).isFalse();
    assertThat(cs.undefinedReason())
        .isEqualTo(
            "the sum of squared deviations of CAR is Infinity,"
                + " outside the normal range of double precision (values of extreme magnitude)");
  }
}
