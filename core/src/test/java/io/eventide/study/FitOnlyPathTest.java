package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.calendar.Exchange;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.io.EventFileReader;
import io.eventide.io.PriceFileReader;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.DimsonModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.ScholesWilliamsModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fit-only path ({@link EventStudy#fit}) gives every firm-event exactly the values, bit for
 * bit, that the full study ({@link EventStudy#run}) gives it: outcome, reason, day 0, M, the fitted
 * parameters, σ, the sign share, and over the event span the return, expected return, AR and SAR,
 * and per window CAR, Var(CAR), SCAR, p-value and BHAR ({@link Fingerprint#firmEvents}, raw bit
 * patterns). The reference is the full study itself, run on the same inputs: the two paths share
 * the mapper, and this test is what shows that skipping the reductions changes nothing they write.
 *
 * <p>Worlds: the bundled real data (the eight platform listings of {@code data/prices} on NYSE,
 * NASDAQ and HKEX, and the 22 policy announcements of {@code data/events}; provenance in {@code
 * data/SOURCES.md}), and a generated panel with holes of every kind a study reports (missing
 * prices, a listing that starts late, one without prices, an unknown ticker, an event before the
 * data).
 */
class FitOnlyPathTest {

  private static final List<Listing> REAL_UNIVERSE =
      List.of(
          Listing.of("BABA", Exchange.NYSE, "SPX"),
          Listing.of("JD", Exchange.NASDAQ, "SPX"),
          Listing.of("BIDU", Exchange.NASDAQ, "SPX"),
          Listing.of("PDD", Exchange.NASDAQ, "SPX"),
          Listing.of("9988.HK", Exchange.HKEX, "HSI"),
          Listing.of("0700.HK", Exchange.HKEX, "HSI"),
          Listing.of("3690.HK", Exchange.HKEX, "HSI"),
          Listing.of("9618.HK", Exchange.HKEX, "HSI"));

  private static Path data(String relative) {
    try {
      return Path.of(FitOnlyPathTest.class.getResource("/data/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ReturnPanel realPanel(ReturnType type) {
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    for (Listing l : REAL_UNIVERSE) {
      for (String t : List.of(l.ticker(), l.benchmark())) {
        prices.computeIfAbsent(t, x -> PriceFileReader.read(data("prices/" + x + ".csv")));
      }
    }
    return ReturnPanel.of(REAL_UNIVERSE, prices, type);
  }

  private static List<String> fullStudy(StudySpecification spec, ReturnPanel p, List<Event> ev) {
    StudyResult r = EventStudy.of(spec).withParallelism(2).run(p, ev);
    return Fingerprint.firmEvents(r.firmEvents(), spec.eventSpan(), spec.testWindows());
  }

  private static List<String> fitOnly(
      StudySpecification spec, ReturnPanel p, List<Event> ev, int threads) {
    FirmEventFits f = EventStudy.of(spec).withParallelism(threads).fit(p, ev);
    return Fingerprint.firmEvents(f.firmEvents(), spec.eventSpan(), spec.testWindows());
  }

  /** The specifications compared: models, windows, cleaning, signs, groups, conventions. */
  private static List<StudySpecification> specs() {
    StudySpecification base = StudySpecification.defaults();
    return List.of(
        base,
        // The backtest's: market model, one window 0:0.
        base.toBuilder()
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(EventWindow.of(0, 0))
            .minEstimation(120)
            .build(),
        base.toBuilder().model(ConstantMeanModel.of()).cleanEstimation(3).build(),
        base.toBuilder().model(MarketAdjustedModel.of()).build(),
        base.toBuilder().model(ScholesWilliamsModel.of()).build(),
        base.toBuilder().model(DimsonModel.of(1)).eventWindows(EventWindow.of(-5, 5)).build(),
        base.toBuilder().signByDirection(true).groupBy(GroupBy.exchange()).build(),
        base.toBuilder().conventions(Conventions.STATA_ESTUDY).build());
  }

  @Test
  void fitOnlyEqualsTheFullStudyBitForBitOnTheBundledData() {
    List<Event> events = EventFileReader.read(data("events/china_tech_policy_2020_2023.csv"));
    for (ReturnType type : ReturnType.values()) {
      ReturnPanel panel = realPanel(type);
      for (StudySpecification spec : specs()) {
        List<String> full = fullStudy(spec, panel, events);
        assertThat(fitOnly(spec, panel, events, 2)).as("%s, %s", spec, type).isEqualTo(full);
      }
    }
    // The data exercise more than OK: 9618.HK lists in 2020, after some events' windows begin.
    FirmEventFits f =
        EventStudy.of(StudySpecification.defaults()).fit(realPanel(ReturnType.SIMPLE), events);
    assertThat(f.count(Outcome.OK)).isPositive();
    assertThat(f.leftOut()).isNotEmpty();
  }

  /**
   * 40 listings on 900 weekdays: L003 misses a price on every 7th session, L011 starts at session
   * 500, L019 has no price at all, L027 misses 150 of the 250 estimation days of the later events;
   * 16 events on every listing, one on an unknown ticker, one in the first days of the data.
   */
  @Test
  void fitOnlyEqualsTheFullStudyBitForBitOnAPanelWithHoles() {
    int n = 40;
    int sessions = 900;
    Map<String, DatedSeries> prices = new LinkedHashMap<>(SyntheticPanels.prices(n, sessions, 5L));
    LocalDate[] dates = SyntheticPanels.sessions(sessions);
    punch(prices, dates, "L003", t -> t % 7 == 3);
    punch(prices, dates, "L011", t -> t < 500);
    punch(prices, dates, "L019", t -> true);
    punch(prices, dates, "L027", t -> t >= 400 && t < 700 && t % 2 == 0);
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 16; e++) {
      events.add(SyntheticPanels.event(String.format("e%02d", e), dates[300 + 35 * e]));
    }
    events.add(SyntheticPanels.event("early", dates[20], "L001", "L002"));
    events.add(SyntheticPanels.event("unknown", dates[600], "L005", "NOPE"));
    ReturnPanel panel = ReturnPanel.of(SyntheticPanels.universe(n), prices, ReturnType.SIMPLE);

    for (StudySpecification spec : specs()) {
      if (spec.groupBy().isPresent() || spec.signedByDirection()) {
        continue; // the generated events have neither directions nor a second exchange
      }
      List<String> full = fullStudy(spec, panel, events);
      for (int threads : new int[] {1, 3}) {
        assertThat(fitOnly(spec, panel, events, threads))
            .as("%s on %d threads", spec, threads)
            .isEqualTo(full);
      }
    }
    FirmEventFits f = EventStudy.of(StudySpecification.defaults()).fit(panel, events);
    assertThat(f.size()).isEqualTo(16 * n + 4);
    for (Outcome o :
        List.of(
            Outcome.OK,
            Outcome.UNKNOWN_TICKER,
            Outcome.NO_PRICES,
            Outcome.OUT_OF_RANGE,
            Outcome.INSUFFICIENT_ESTIMATION)) {
      assertThat(f.count(o)).as("%s", o).isPositive();
    }
  }

  /** Sets L's price to NaN on the sessions the rule picks. */
  private static void punch(
      Map<String, DatedSeries> prices,
      LocalDate[] dates,
      String ticker,
      java.util.function.IntPredicate rule) {
    double[] p = prices.get(ticker).values().clone();
    for (int t = 0; t < p.length; t++) {
      if (rule.test(t)) {
        p[t] = Double.NaN;
      }
    }
    prices.put(ticker, DatedSeries.of(ticker, dates, p));
  }

  @Test
  void findLocatesAFirmEventByEventAndTickerAndNothingElse() {
    List<Event> events = EventFileReader.read(data("events/china_tech_policy_2020_2023.csv"));
    FirmEventFits f =
        EventStudy.of(StudySpecification.defaults()).fit(realPanel(ReturnType.SIMPLE), events);
    // Every firm-event is found at its own index.
    for (int i = 0; i < f.size(); i++) {
      FirmEventResult r = f.firmEvent(i);
      FirmEventResult found = f.find(r.eventId(), r.ticker()).orElseThrow();
      assertThat(found.toString()).isEqualTo(r.toString());
      assertThat(found.parameters()).isEqualTo(r.parameters());
    }
    // The catalog's first row: sse-ant-ipo-suspended affects BABA and 9988.HK only.
    assertThat(f.find("sse-ant-ipo-suspended", "BABA")).isPresent();
    assertThat(f.find("sse-ant-ipo-suspended", "JD")).isEmpty();
    assertThat(f.find("no-such-event", "BABA")).isEmpty();
    assertThat(f.events()).extracting(Event::id).isSorted();
    assertThat(f.toString()).contains(f.size() + " firm-events");
  }

  @Test
  void aResolvedStudyOfAnotherSpecificationIsRefused() {
    ReturnPanel panel = realPanel(ReturnType.SIMPLE);
    List<Event> events = EventFileReader.read(data("events/china_tech_policy_2020_2023.csv"));
    StudySpecification other = StudySpecification.defaults().toBuilder().minEstimation(60).build();
    ResolvedStudy resolved = other.resolve(panel, events);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventStudy.of(StudySpecification.defaults()).fit(resolved))
        .withMessageContaining("EventStudy.of(resolved.specification())");
    assertThat(EventStudy.of(other).fit(resolved).size()).isEqualTo(resolved.size());
  }
}
