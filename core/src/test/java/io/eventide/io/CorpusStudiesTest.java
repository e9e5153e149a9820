package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudyFiles;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a study makes of the corpus files that read correctly but cannot all be used: every
 * firm-event it cannot use is listed with its outcome and reason, and nothing else is lost. Prices
 * come from the real files of {@code data/prices} (provenance in {@code data/SOURCES.md}).
 */
class CorpusStudiesTest {

  private static final PriceDirectory REAL = PriceDirectory.of(TestFiles.path("data/prices"));

  private static List<Listing> universe(String file) {
    return UniverseFileReader.read(TestFiles.path("bad/" + file));
  }

  private static List<Event> events(String file) {
    return EventFileReader.read(TestFiles.path("bad/" + file));
  }

  private static FirmEventResult find(StudyResult r, String eventId, String ticker) {
    return r.firmEvents().stream()
        .filter(f -> f.eventId().equals(eventId) && f.ticker().equals(ticker))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, DatedSeries> prices(String... tickers) {
    return REAL.readAll(List.of(tickers)).found();
  }

  /**
   * {@code events_unknown_tickers.csv} on {@code universe.csv} (BABA, JD, 9988.HK): NOPE and ZZZ
   * are not listed, so those firm-events are {@code UNKNOWN_TICKER}; the others are computed.
   */
  @Test
  void unknownTickersInAffectedAreReportedNotDropped(@TempDir Path out) throws IOException {
    List<Listing> universe = universe("universe.csv");
    ReturnPanel panel =
        ReturnPanel.of(universe, prices("BABA", "JD", "9988.HK", "SPX", "HSI"), ReturnType.SIMPLE);
    StudyResult r =
        EventStudy.of(StudySpecification.defaults())
            .run(panel, events("events_unknown_tickers.csv"));
    // Canonical order: event id, then ticker.
    assertThat(r.firmEvents())
        .extracting(f -> f.eventId() + "/" + f.ticker() + " " + f.outcome())
        .containsExactly(
            "no-such-listing/ZZZ UNKNOWN_TICKER",
            "pboc-ant-fine/9988.HK OK",
            "pboc-ant-fine/BABA OK",
            "pboc-ant-fine/NOPE UNKNOWN_TICKER");
    FirmEventResult nope = find(r, "pboc-ant-fine", "NOPE");
    assertThat(nope.reason())
        .isEqualTo("event pboc-ant-fine names NOPE, which the universe does not list");
    assertThat(nope.exchange()).isEmpty();
    assertThat(nope.dayZero()).isEmpty();
    // 20:10 Hong Kong time is after the HKEX close (16:00): day 0 is Monday 2023-07-10; it is
    // 08:10 in New York, before the NYSE close: day 0 is 2023-07-07.
    assertThat(find(r, "pboc-ant-fine", "9988.HK").dayZero()).contains(LocalDate.of(2023, 7, 10));
    assertThat(find(r, "pboc-ant-fine", "BABA").dayZero()).contains(LocalDate.of(2023, 7, 7));
    assertThat(r.leftOut()).extracting(FirmEventResult::ticker).containsExactly("ZZZ", "NOPE");

    StudyFiles.write(out, r, StudyTests.run(r, TestSuite.standard()));
    List<String> leftOut = Files.readAllLines(out.resolve("left_out.csv"), StandardCharsets.UTF_8);
    assertThat(leftOut)
        .startsWith(
            "event_id,ticker,outcome,window,reason",
            "no-such-listing,ZZZ,UNKNOWN_TICKER,,\"event no-such-listing names ZZZ, which the universe"
                + " does not list\"",
            "pboc-ant-fine,NOPE,UNKNOWN_TICKER,,\"event pboc-ant-fine names NOPE, which the universe"
                + " does not list\"");
  }

  /**
   * {@code universe_own_benchmark.csv}: SPX listed with benchmark SPX, with {@code
   * events_minimal.csv}. Its returns are its market returns, so the market model fits exactly and
   * the firm-events are left out, saying why; BABA is computed.
   */
  @Test
  void aListingThatIsItsOwnBenchmarkIsLeftOutWithTheReason() {
    List<Listing> universe = universe("universe_own_benchmark.csv");
    ReturnPanel panel = ReturnPanel.of(universe, prices("BABA", "SPX"), ReturnType.SIMPLE);
    StudyResult r =
        EventStudy.of(StudySpecification.defaults()).run(panel, events("events_minimal.csv"));
    for (String id : List.of("first", "second")) {
      FirmEventResult spx = find(r, id, "SPX");
      assertThat(spx.outcome()).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
      assertThat(spx.observations()).isEqualTo(240);
      assertThat(spx.reason())
          .isEqualTo(
              "residual variance is zero up to the rounding of the"
                  + " returns (s ≤ 64 ε ≈ 1.4e-14): the model fits the returns exactly, as for a price that"
                  + " never moves or a listing that is its own benchmark");
      assertThat(find(r, id, "BABA").outcome()).isEqualTo(Outcome.OK);
    }
  }

  /**
   * {@code universe_missing_benchmark_file.csv}: 9988.HK's benchmark NOPE has no file. The folder
   * reports it absent; a panel cannot be built without a benchmark's sessions, and says which.
   */
  @Test
  void aBenchmarkWithoutAFileIsReportedAbsentAndRefusedByThePanel() {
    List<Listing> universe = universe("universe_missing_benchmark_file.csv");
    PriceDirectory.Prices read = REAL.readAll(List.of("BABA", "SPX", "9988.HK", "NOPE"));
    assertThat(read.absent()).containsExactly("NOPE");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReturnPanel.of(universe, read.found(), ReturnType.SIMPLE))
        .withMessage("Benchmark NOPE of 9988.HK has no price series");
  }

  /** {@code universe_device_ticker.csv}: CON.csv is never opened (a device on Windows). */
  @Test
  void aTickerThatIsADeviceNameIsRefusedByThePriceFolder() {
    List<Listing> universe = universe("universe_device_ticker.csv");
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> REAL.readAll(universe.stream().map(Listing::ticker).toList()));
    assertThat(e.source()).isEqualTo(REAL.folder().toString());
    assertThat(e.value()).isEqualTo("CON");
    assertThat(e.problem())
        .isEqualTo(
            "is not a ticker that can name a price file: Refusing file"
                + " name 'CON.csv' in "
                + REAL.folder()
                + ": it is a device name reserved by Windows");
  }

  /**
   * Price files that read correctly but hold too little: {@code all_prices_missing.csv} (three
   * dates, no price) is {@code NO_PRICES}; {@code single_row.csv} (one price, so no return) has M =
   * 0 and is {@code INSUFFICIENT_ESTIMATION}. Event: {@code events_minimal.csv} "first"
   * (2023-07-12, a session of SPX).
   */
  @Test
  void listingsWithNoPriceOrASinglePriceAreLeftOutWithReasons() {
    Map<String, DatedSeries> prices = new LinkedHashMap<>(prices("SPX"));
    for (String name : List.of("all_prices_missing", "single_row")) {
      prices.put(name, PriceFileReader.read(TestFiles.path("bad/" + name + ".csv")));
    }
    List<Listing> universe =
        List.of(
            Listing.of("all_prices_missing", Exchange.NYSE, "SPX"),
            Listing.of("single_row", Exchange.NYSE, "SPX"));
    ReturnPanel panel = ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    StudyResult r =
        EventStudy.of(StudySpecification.defaults())
            .run(panel, events("events_minimal.csv").subList(0, 1));
    FirmEventResult none = find(r, "first", "all_prices_missing");
    assertThat(none.outcome()).isEqualTo(Outcome.NO_PRICES);
    assertThat(none.reason())
        .isEqualTo(
            "no price for all_prices_missing on any session of NYSE"
                + " per SPX (no price file, or none of its dates is a session)");
    FirmEventResult one = find(r, "first", "single_row");
    TradingCalendar cal = panel.returnsOf("single_row").orElseThrow().calendar();
    LocalDate day0 = LocalDate.of(2023, 7, 12);
    assertThat(one.dayZero()).contains(day0);
    assertThat(one.outcome()).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
    assertThat(one.observations()).isZero();
    assertThat(one.reason())
        .isEqualTo(
            "M = 0 valid estimation days in "
                + cal.offset(day0, -250)
                + ".."
                + cal.offset(day0, -11)
                + "; at least 100 required");
    assertThat(r.count(Outcome.OK)).isZero();
  }
}
