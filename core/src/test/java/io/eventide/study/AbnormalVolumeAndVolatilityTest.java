package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.inference.ValueSample;
import io.eventide.market.ReturnPanel;
import io.eventide.model.FactorModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The study's two measures beyond returns ({@code docs/statistics.md}, "Abnormal volume" and
 * "Abnormal volatility"), each against a naive second implementation written here.
 *
 * <p>World: 90 weekday sessions, the benchmark MKT and three listings L000..L002 of {@link
 * SyntheticPanels} (seed 13), with volumes drawn here (log-normal around 10⁶ shares, MKT around
 * 10⁹, each listing's log volume moving with the market's). L001 has a missing volume on session 40
 * (an estimation day of every event below) and a zero volume on session 45 (a value: v = 0); L002
 * has a missing volume on session 70 (day 0 of event "b"). Events: "a" on session 60 for every
 * listing, "b" on session 70 for L000 and L002. Estimation window [-40, -6], event windows -1:1 and
 * 0:0, at least 20 estimation days.
 *
 * <p>The naive implementation: for each firm-event, over the estimation days on which both series
 * are present, the OLS slope {@code Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²} and intercept {@code ȳ − β x̄};
 * volume: {@code y = ln(1 + V)}, {@code x = ln(1 + V_m)}, AR on each event day, CAR their sum;
 * volatility: {@code y = R}, {@code x = R_m} (simple returns from the prices), {@code s² = Σ ε²/(M
 * − 2)}, {@code v_t = s²(1 + 1/M + (x_t − x̄)²/Σ(x − x̄)²)}, {@code U_t = (M − 4)/(M − 2)
 * AR_t²/v_t}, window value {@code Σ(U_t − 1)}; then the cross-sectional t {@code mean/(sd/√N)} (sd
 * with N − 1).
 */
class AbnormalVolumeAndVolatilityTest {

  private static final int SESSIONS = 90;
  private static final LocalDate[] DATES = SyntheticPanels.sessions(SESSIONS);
  private static final Map<String, DatedSeries> PRICES = SyntheticPanels.prices(3, SESSIONS, 13L);
  private static final Map<String, double[]> VOLUMES = volumes();
  private static final List<Event> EVENTS =
      List.of(
          SyntheticPanels.event("a", DATES[60]),
          SyntheticPanels.event("b", DATES[70], "L000", "L002"));
  private static final List<EventWindow> WINDOWS =
      List.of(EventWindow.of(-1, 1), EventWindow.day(0));
  private static final int EST_FROM = -40;
  private static final int EST_TO = -6;

  private static Map<String, double[]> volumes() {
    SplittableRandom rnd = new SplittableRandom(1996L);
    Map<String, double[]> out = new LinkedHashMap<>();
    double[] m = new double[SESSIONS];
    double[] shock = new double[SESSIONS];
    for (int t = 0; t < SESSIONS; t++) {
      shock[t] = 0.3 * SyntheticPanels.gaussian(rnd);
      m[t] = Math.rint(Math.exp(Math.log(1e9) + shock[t]));
    }
    out.put("MKT", m);
    for (int i = 0; i < 3; i++) {
      double[] v = new double[SESSIONS];
      for (int t = 0; t < SESSIONS; t++) {
        v[t] = Math.rint(Math.exp(Math.log(1e6) + 0.8 * shock[t] + 0.5 * gaussian(rnd)));
      }
      out.put(SyntheticPanels.ticker(i), v);
    }
    out.get("L001")[40] = Double.NaN;
    out.get("L001")[45] = 0.0;
    out.get("L002")[70] = Double.NaN;
    return out;
  }

  private static double gaussian(SplittableRandom rnd) {
    return SyntheticPanels.gaussian(rnd);
  }

  private static Map<String, DatedSeries> volumeSeries() {
    Map<String, DatedSeries> out = new LinkedHashMap<>();
    VOLUMES.forEach((k, v) -> out.put(k, DatedSeries.of(k, DATES, v)));
    return out;
  }

  private static StudySpecification spec(StudyMeasure measure) {
    return StudySpecification.builder()
        .measure(measure)
        .estimationWindow(EventWindow.of(EST_FROM, EST_TO))
        .eventWindows(WINDOWS)
        .minEstimation(20)
        .build();
  }

  private static ReturnPanel volumePanel() {
    return ReturnPanel.ofLogVolume(SyntheticPanels.universe(3), PRICES, volumeSeries());
  }

  private static ReturnPanel returnPanel() {
    return ReturnPanel.of(SyntheticPanels.universe(3), PRICES, ReturnType.SIMPLE);
  }

  /** The naive firm-event: the series y and x on every session, and day 0. */
  private record Naive(double m, double[] ar, double[] forecastVariance) {}

  private static Naive naive(double[] y, double[] x, int d0, int spanFrom, int spanTo) {
    List<Integer> days = new ArrayList<>();
    for (int t = d0 + EST_FROM; t <= d0 + EST_TO; t++) {
      if (!Double.isNaN(y[t]) && !Double.isNaN(x[t])) {
        days.add(t);
      }
    }
    int m = days.size();
    double xbar = 0;
    double ybar = 0;
    for (int t : days) {
      xbar += x[t];
      ybar += y[t];
    }
    xbar /= m;
    ybar /= m;
    double sxy = 0;
    double sxx = 0;
    for (int t : days) {
      sxy += (x[t] - xbar) * (y[t] - ybar);
      sxx += (x[t] - xbar) * (x[t] - xbar);
    }
    double beta = sxy / sxx;
    double alpha = ybar - beta * xbar;
    double ssr = 0;
    for (int t : days) {
      double e = y[t] - alpha - beta * x[t];
      ssr += e * e;
    }
    double s2 = ssr / (m - 2);
    double[] ar = new double[spanTo - spanFrom + 1];
    double[] fv = new double[ar.length];
    for (int d = spanFrom; d <= spanTo; d++) {
      int t = d0 + d;
      ar[d - spanFrom] = y[t] - alpha - beta * x[t];
      fv[d - spanFrom] = s2 * (1 + 1.0 / m + (x[t] - xbar) * (x[t] - xbar) / sxx);
    }
    return new Naive(m, ar, fv);
  }

  private static double[] logVolume(double[] v) {
    double[] out = new double[v.length];
    for (int t = 0; t < v.length; t++) {
      out[t] = Math.log(1 + v[t]);
    }
    return out;
  }

  private static double[] simpleReturns(double[] p) {
    double[] out = new double[p.length];
    out[0] = Double.NaN;
    for (int t = 1; t < p.length; t++) {
      out[t] = p[t] / p[t - 1] - 1;
    }
    return out;
  }

  private static int dayZero(String eventId) {
    return eventId.equals("a") ? 60 : 70;
  }

  private static double csT(List<Double> values) {
    int n = values.size();
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= n;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return mean / (Math.sqrt(ss / (n - 1)) / Math.sqrt(n));
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void abnormalLogVolumeIsTheMarketModelOnLnOnePlusVolume() {
    StudyResult result = EventStudy.of(spec(StudyMeasure.VOLUME)).run(volumePanel(), EVENTS);
    assertThat(result.measures()).containsExactly(Measure.CAVOL);
    double[] x = logVolume(VOLUMES.get("MKT"));
    Map<EventWindow, List<Double>> cars = new LinkedHashMap<>();
    int compared = 0;
    for (FirmEventResult fe : result.firmEvents()) {
      assertThat(fe.outcome()).isEqualTo(Outcome.OK);
      double[] y = logVolume(VOLUMES.get(fe.ticker()));
      Naive n = naive(y, x, dayZero(fe.eventId()), -1, 1);
      assertThat(fe.observations()).isEqualTo((int) n.m());
      for (int d = -1; d <= 1; d++) {
        // Bit for bit, NaN for the missing volume of b/L002 on day 0 included.
        assertThat(Double.compare(fe.returnOn(d), y[dayZero(fe.eventId()) + d])).isZero();
      }
      for (EventWindow w : WINDOWS) {
        double car = 0;
        for (int d = w.fromInclusive(); d <= w.toInclusive(); d++) {
          car += n.ar()[d + 1];
        }
        if (Double.isNaN(car)) {
          assertThat(fe.car(w)).isNaN();
          continue;
        }
        close(fe.car(w), car);
        assertThat(fe.bhar(w)).isNaN();
        cars.computeIfAbsent(w, k -> new ArrayList<>()).add(car);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(8); // 5 firm-events × 2 windows, less b/L002's two
    TestSuite suite = TestSuite.standard();
    StudyTests tests = result.test(suite);
    for (EventWindow w : WINDOWS) {
      Sample s = result.sample(w, Measure.CAVOL);
      assertThat(s.size()).isEqualTo(cars.get(w).size());
      TestResult t = tests.result(w, Measure.CAVOL, "cs-t").orElseThrow();
      close(t.statistic(), csT(cars.get(w)));
      // Every test of section 3 runs on the CAVs, and there is no BHAR.
      assertThat(tests.forWindow(w, Measure.CAVOL)).hasSize(suite.tests().size());
      assertThat(tests.forWindow(w, Measure.BHAR)).isEmpty();
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> result.sample(WINDOWS.get(0), Measure.BHAR))
        .withMessageContaining("not one of this volume study's measures");
  }

  @Test
  void theReportShowsMeanAbnormalLogVolumeInItsOwnUnitsWithoutABharColumn() {
    StudyResult result = EventStudy.of(spec(StudyMeasure.VOLUME)).run(volumePanel(), EVENTS);
    double[] x = logVolume(VOLUMES.get("MKT"));
    EventWindow w = WINDOWS.get(0);
    double sum = 0;
    int n = 0;
    for (FirmEventResult fe : result.firmEvents()) {
      Naive naive = naive(logVolume(VOLUMES.get(fe.ticker())), x, dayZero(fe.eventId()), -1, 1);
      double car = 0;
      for (int d = w.fromInclusive(); d <= w.toInclusive(); d++) {
        car += naive.ar()[d + 1];
      }
      if (!Double.isNaN(car)) {
        sum += car;
        n++;
      }
    }
    org.jsoup.nodes.Document doc =
        org.jsoup.Jsoup.parse(
            io.eventide.report.StudyReport.html(
                result, result.test(TestSuite.standard()), Map.of()));
    org.jsoup.nodes.Element table = doc.selectFirst("table.caar");
    // A CAVOL is a sum of log-volume differences, not a return: no percent, no ABHAR column.
    assertThat(table.select("thead th").eachText())
        .containsExactly("window", "N", "mean CAVOL", "se", "t", "95% interval");
    org.jsoup.select.Elements first = table.select("tbody tr").first().select("td");
    assertThat(first.get(0).text()).isEqualTo(w.toString());
    assertThat(first.get(1).text()).isEqualTo(Integer.toString(n));
    assertThat(first.get(2).text())
        .isEqualTo(String.format(java.util.Locale.ROOT, "%+.4f", sum / n));
    // The day-0 table covers the event span −1:1 only (it used to ask for days −2..+2 and
    // throw) and shows the log volumes ln(1 + V) themselves.
    org.jsoup.nodes.Element day0 = doc.selectFirst("table.day0");
    assertThat(day0.select("thead th").eachText())
        .containsExactly(
            "event", "ticker", "exchange", "day 0", "v(-1)", "v(0)", "v(+1)", "outcome");
    FirmEventResult fe = result.firmEvents().get(0);
    double v0 = logVolume(VOLUMES.get(fe.ticker()))[dayZero(fe.eventId())];
    assertThat(day0.select("tbody tr").first().select("td").get(5).text())
        .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", v0));
  }

  @Test
  void aMissingVolumeIsMissingAndAZeroVolumeIsAValue() {
    StudyResult result = EventStudy.of(spec(StudyMeasure.VOLUME)).run(volumePanel(), EVENTS);
    FirmEventResult l000 = find(result, "a", "L000");
    FirmEventResult l001 = find(result, "a", "L001");
    // Event a: estimation days 20..54; L001 lacks session 40 only, and its zero on 45 counts.
    assertThat(l000.observations()).isEqualTo(35);
    assertThat(l001.observations()).isEqualTo(34);
    // A volume is a level: the first session of the panel has one (a return would not).
    ReturnPanel panel = volumePanel();
    assertThat(panel.returnsOf("L000").orElseThrow().returnAt(0))
        .isEqualTo(Math.log1p(VOLUMES.get("L000")[0]));
    assertThat(panel.returnsOf("L001").orElseThrow().returnAt(45)).isEqualTo(0.0);
    assertThat(panel.returnsOf("L001").orElseThrow().returnAt(40)).isNaN();
    assertThat(panel.holdsLogVolume()).isTrue();
    assertThat(returnPanel().holdsLogVolume()).isFalse();
    // Event b on L002: no volume on day 0, so no CAV in either window (both hold day 0).
    FirmEventResult b = find(result, "b", "L002");
    assertThat(b.outcome()).isEqualTo(Outcome.OK);
    assertThat(b.car(EventWindow.day(0))).isNaN();
    assertThat(b.car(EventWindow.of(-1, 1))).isNaN();
    assertThat(b.abnormalReturn(1)).isFinite();
    // ... and says so, as left_out.csv does.
    assertThat(result.windowExclusions())
        .filteredOn(x -> x.ticker().equals("L002") && x.eventId().equals("b"))
        .extracting(WindowExclusion::reason)
        .containsOnly("no volume on day 0 (" + DATES[70] + ")");
  }

  private static FirmEventResult find(StudyResult r, String event, String ticker) {
    for (FirmEventResult fe : r.firmEvents()) {
      if (fe.eventId().equals(event) && fe.ticker().equals(ticker)) {
        return fe;
      }
    }
    throw new AssertionError(event + "/" + ticker);
  }

  @Test
  void abnormalVolatilityIsTheSumOfScaledSquaredStandardisedArLessOne() {
    StudyResult result = EventStudy.of(spec(StudyMeasure.VOLATILITY)).run(returnPanel(), EVENTS);
    assertThat(result.measures()).containsExactly(Measure.CAVAR);
    double[] x = simpleReturns(PRICES.get("MKT").values());
    Map<EventWindow, List<Double>> values = new LinkedHashMap<>();
    for (FirmEventResult fe : result.firmEvents()) {
      double[] y = simpleReturns(PRICES.get(fe.ticker()).values());
      Naive n = naive(y, x, dayZero(fe.eventId()), -1, 1);
      double c = (n.m() - 4) / (n.m() - 2);
      for (EventWindow w : WINDOWS) {
        double sum = 0;
        for (int d = w.fromInclusive(); d <= w.toInclusive(); d++) {
          double ar = n.ar()[d + 1];
          sum += c * ar * ar / n.forecastVariance()[d + 1] - 1;
        }
        close(fe.car(w), sum);
        assertThat(fe.carVariance(w)).isNaN();
        assertThat(fe.bhar(w)).isNaN();
        values.computeIfAbsent(w, k -> new ArrayList<>()).add(sum);
      }
      double ar0 = n.ar()[1];
      close(fe.abnormalReturn(0), c * ar0 * ar0 / n.forecastVariance()[1] - 1);
      assertThat(fe.standardizedAbnormalReturn(0)).isNaN();
    }
    StudyTests tests = result.test(TestSuite.standard());
    for (EventWindow w : WINDOWS) {
      assertThat(values.get(w)).hasSize(5);
      List<TestResult> rows = tests.forWindow(w, Measure.CAVAR);
      // Only the tests of a zero mean apply: no standardized test, no sign or Wilcoxon test.
      assertThat(rows).extracting(TestResult::testId).containsExactly("cs-t", "skew-t");
      close(rows.get(0).statistic(), csT(values.get(w)));
    }
    // The CAAR of caar.csv is the mean of the window values.
    double mean =
        values.get(EventWindow.day(0)).stream().mapToDouble(v -> v).average().orElseThrow();
    close(result.caar(EventWindow.day(0), Measure.CAVAR).estimate(), mean);
    close(result.caar(EventWindow.day(0)).estimate(), mean);
  }

  @Test
  void theSignAndWilcoxonTestsDoNotApplyToAZeroMeanOnlySample() {
    ValueSample s = ValueSample.withZeroMeanOnly("CAVAR", 1.5, -0.7, 3.2, -0.9, -0.4);
    assertThat(s.zeroMedianUnderNull()).isFalse();
    assertThat(ValueSample.of("CAVAR", 1.5).zeroMedianUnderNull()).isTrue();
    assertThat(s).isNotEqualTo(ValueSample.of("CAVAR", 1.5, -0.7, 3.2, -0.9, -0.4));
    TestSuite suite = TestSuite.byIds(List.of("cs-t", "sign-z", "wilcoxon"));
    assertThat(suite.run(s)).extracting(TestResult::testId).containsExactly("cs-t");
    TestResult sign = suite.tests().get(1).test(s);
    assertThat(sign.statistic()).isNaN();
    assertThat(sign.undefinedReason()).contains("zero median");
  }

  @Test
  void theMeasureIsValidatedAgainstModelBharBenchmarkMinimumAndPanel() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                StudySpecification.builder()
                    .measure(StudyMeasure.VOLUME)
                    .model(FactorModel.famaFrench3())
                    .build())
        .withMessageStartingWith("Model ff3 is a factor model of returns");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                StudySpecification.builder()
                    .measure(StudyMeasure.VOLUME)
                    .bharBenchmark("SPY")
                    .build())
        .withMessageContaining("a volume study has no BHAR");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                StudySpecification.builder()
                    .measure(StudyMeasure.VOLATILITY)
                    .estimationWindow(EventWindow.of(-40, -6))
                    .minEstimation(4)
                    .build())
        .withMessageContaining("needs M ≥ k + 3 = 5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventStudy.of(spec(StudyMeasure.VOLUME)).run(returnPanel(), EVENTS))
        .withMessageStartingWith("A volume study needs a panel of log volumes");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventStudy.of(spec(StudyMeasure.RETURNS)).run(volumePanel(), EVENTS))
        .withMessageStartingWith("A returns study needs a panel of returns");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudyMeasure.of("turnover"))
        .withMessage("Unknown measure 'turnover'; known measures: returns, volume, volatility");
    assertThat(StudyMeasure.of(" volume ")).isEqualTo(StudyMeasure.VOLUME);
    StudySpecification v = spec(StudyMeasure.VOLUME);
    assertThat(v.toBuilder().build()).isEqualTo(v).hasSameHashCodeAs(v);
    assertThat(v).isNotEqualTo(spec(StudyMeasure.RETURNS));
    assertThat(v.toString()).contains("measure=volume");
    Map<String, DatedSeries> noBenchmarkVolume = volumeSeries();
    noBenchmarkVolume.remove("MKT");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ReturnPanel.ofLogVolume(SyntheticPanels.universe(3), PRICES, noBenchmarkVolume))
        .withMessage("Benchmark MKT of L000 has no volume series");
  }
}
