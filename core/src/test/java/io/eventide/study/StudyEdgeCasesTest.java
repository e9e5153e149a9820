package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.StudyTests;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.io.StudyFiles;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.report.CaarChart;
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
  private static void set(Map<String, DatedSeries> prices, String ticker, int from, int to,
      double value) {
    double[] p = prices.get(ticker).values();
    for (int t = from; t < to; t++) {
      p[t] = value;
    }
    prices.put(ticker, DatedSeries.of(ticker, DATES, p));
  }

  private static StudyResult run(NormalReturnModel model, List<Listing> universe,
      Map<String, DatedSeries> prices, Event... events) {
    ReturnPanel panel = ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    return EventStudy.of(StudySpecification.builder().model(model).build()).withParallelism(1)
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
        .findFirst().orElseThrow();
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
    String why = "residual variance is 0.0 (the model fits the returns exactly: a price that never"
        + " moves, or returns equal to the benchmark's, as for a listing that is its own"
        + " benchmark)";
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
    double[] r = ReturnPanel.of(universe, prices(), ReturnType.SIMPLE).returnsOf("MKT")
        .orElseThrow().returns();
    double[] mv = meanAndVariance(r, 50, 289);
    assertThat(self.outcome()).isEqualTo(Outcome.OK);
    assertThat(self.parameters()[0]).isCloseTo(mv[0], within(1e-12 * Math.abs(mv[0])));
    assertThat(self.sigma()).isCloseTo(Math.sqrt(mv[1]), within(1e-12 * Math.sqrt(mv[1])));
  }
}
