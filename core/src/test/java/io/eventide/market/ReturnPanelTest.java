package io.eventide.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ReturnPanel}, {@link ListingReturns} and {@link Listing}: each listing on its benchmark's
 * sessions (docs/statistics.md section 1), returns over the previous session of that calendar,
 * missing prices and missing files kept as NaN, and the errors that make a panel impossible.
 *
 * <p>Data, by hand: SPX has prices on 07-03, 07-05, 07-06 and a blank (NaN) on 07-04 (a holiday),
 * so its calendar is 07-03, 07-05, 07-06. BABA has 10, 11 (on the holiday), 12, 15: its 07-04 price
 * is not on the calendar, so its return on 07-05 is 12/10 − 1 = 0.2. HSI has 07-03, 07-04, 07-06
 * (HKEX open on 07-04, closed on 07-05).
 */
class ReturnPanelTest {

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static DatedSeries series(String name, String[] dates, double[] values) {
    LocalDate[] ds = new LocalDate[dates.length];
    for (int i = 0; i < ds.length; i++) {
      ds[i] = d(dates[i]);
    }
    return DatedSeries.of(name, ds, values);
  }

  private static Map<String, DatedSeries> prices() {
    Map<String, DatedSeries> p = new LinkedHashMap<>();
    p.put(
        "SPX",
        series(
            "SPX",
            new String[] {"2023-07-03", "2023-07-04", "2023-07-05", "2023-07-06"},
            new double[] {4000, Double.NaN, 4040, 3999.6}));
    p.put(
        "BABA",
        series(
            "BABA",
            new String[] {"2023-07-03", "2023-07-04", "2023-07-05", "2023-07-06"},
            new double[] {10, 11, 12, 15}));
    p.put(
        "HSI",
        series(
            "HSI",
            new String[] {"2023-07-03", "2023-07-04", "2023-07-06"},
            new double[] {19000, 19190, 19190}));
    p.put(
        "9988.HK",
        series("9988.HK", new String[] {"2023-07-03", "2023-07-06"}, new double[] {80, 88}));
    return p;
  }

  private static final List<Listing> UNIVERSE =
      List.of(
          Listing.of("BABA", Exchange.NYSE, "SPX"),
          Listing.of("JD", Exchange.NASDAQ, "SPX"),
          Listing.of("9988.HK", Exchange.HKEX, "HSI"),
          Listing.of("NOFILE", Exchange.NYSE, "SPX"));

  @Test
  void eachListingIsOnItsBenchmarksSessions() {
    ReturnPanel panel = ReturnPanel.of(UNIVERSE, prices(), ReturnType.SIMPLE);
    ListingReturns baba = panel.returnsOf("BABA").orElseThrow();
    TradingCalendar nyse = baba.calendar();
    assertThat(nyse.name()).isEqualTo("NYSE per SPX");
    assertThat(nyse.exchange()).isEqualTo(Exchange.NYSE);
    assertThat(nyse.size()).isEqualTo(3);
    assertThat(nyse.isSession(d("2023-07-04"))).isFalse();
    assertThat(baba.prices()).containsExactly(10, 12, 15);
    // R = P_t / P_{t-1} − 1 over the calendar's previous session: 12/10 − 1, 15/12 − 1.
    assertThat(baba.returns()[0]).isNaN();
    assertThat(baba.returnAt(1)).isCloseTo(0.2, within(1e-15));
    assertThat(baba.returnAt(2)).isCloseTo(0.25, within(1e-15));
    // SPX: 4040/4000 − 1 = 0.01, 3999.6/4040 − 1 = −0.01.
    assertThat(baba.marketReturnAt(1)).isCloseTo(0.01, within(1e-15));
    assertThat(baba.marketReturns()[2]).isCloseTo(-0.01, within(1e-15));
    assertThat(baba.pricesPresent()).isEqualTo(3);
    assertThat(baba.returnType()).isEqualTo(ReturnType.SIMPLE);
    assertThat(baba.listing()).isEqualTo(UNIVERSE.get(0));
    assertThat(baba)
        .hasToString(
            "ListingReturns[BABA on TradingCalendar[NYSE per SPX, NYSE, 3"
                + " sessions, 2023-07-03..2023-07-06], 3 prices]");
    // HKEX per HSI: 07-03, 07-04, 07-06; 9988.HK lacks 07-04, so both its returns are missing.
    ListingReturns hk = panel.returnsOf("9988.HK").orElseThrow();
    assertThat(hk.calendar().size()).isEqualTo(3);
    assertThat(hk.prices()).containsExactly(80, Double.NaN, 88);
    assertThat(hk.returns()).containsOnly(Double.NaN);
    assertThat(hk.marketReturnAt(2)).isEqualTo(0.0);
  }

  @Test
  void listingsShareTheirCalendarAndAListingWithoutAFileIsKept() {
    ReturnPanel panel = ReturnPanel.of(UNIVERSE, prices(), ReturnType.SIMPLE);
    // BABA and NOFILE (NYSE, SPX) share one calendar object; JD (NASDAQ, SPX) has its own, as
    // does 9988.HK.
    assertThat(panel.returnsOf("NOFILE").orElseThrow().calendar())
        .isSameAs(panel.returnsOf("BABA").orElseThrow().calendar());
    assertThat(panel.calendars()).hasSize(3);
    ListingReturns none = panel.returnsOf("NOFILE").orElseThrow();
    assertThat(none.pricesPresent()).isZero();
    assertThat(none.prices()).containsOnly(Double.NaN).hasSize(3);
    assertThat(panel.returnsOf("TCEHY")).isEmpty();
    assertThat(panel.listings()).containsExactlyElementsOf(UNIVERSE);
    assertThat(panel.returnType()).isEqualTo(ReturnType.SIMPLE);
    assertThat(panel.factors()).isEmpty();
  }

  @Test
  void logReturnsAndFactors() {
    ReturnPanel panel = ReturnPanel.of(UNIVERSE, prices(), ReturnType.LOG);
    // ln(12/10), ln(15/12)
    assertThat(panel.returnsOf("BABA").orElseThrow().returnAt(1))
        .isCloseTo(Math.log(1.2), within(1e-15));
    assertThat(panel.returnsOf("BABA").orElseThrow().returnAt(2))
        .isCloseTo(Math.log(1.25), within(1e-15));
    FactorSet f =
        FactorSet.of(
            List.of("Mkt-RF"),
            new long[] {d("2023-07-05").toEpochDay()},
            new double[][] {{0.01}},
            new double[] {0.0002});
    ReturnPanel withFactors = panel.withFactors(f);
    assertThat(withFactors.factors()).containsSame(f);
    assertThat(withFactors.returnsOf("BABA")).isEqualTo(panel.returnsOf("BABA"));
    assertThat(panel.factors()).isEmpty();
    assertThatNullPointerException().isThrownBy(() -> panel.withFactors(null));
  }

  @Test
  void aPanelCannotBeBuiltWithoutEveryBenchmarksSessions() {
    Map<String, DatedSeries> p = prices();
    p.remove("HSI");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReturnPanel.of(UNIVERSE, p, ReturnType.SIMPLE))
        .withMessage("Benchmark HSI of 9988.HK has no price series");
    Map<String, DatedSeries> blank = prices();
    blank.put("HSI", series("HSI", new String[] {"2023-07-03"}, new double[] {Double.NaN}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReturnPanel.of(UNIVERSE, blank, ReturnType.SIMPLE))
        .withMessage("Benchmark HSI of 9988.HK has no prices");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ReturnPanel.of(
                    List.of(UNIVERSE.get(0), UNIVERSE.get(0)), prices(), ReturnType.SIMPLE))
        .withMessage("Universe lists ticker BABA twice");
  }

  @Test
  void aListingNeedsATickerAnExchangeAndABenchmark() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Listing.of(" ", Exchange.NYSE, "SPX"))
        .withMessage("Listing ticker is empty");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Listing.of("BABA", Exchange.NYSE, ""))
        .withMessage("Listing BABA has no benchmark");
    assertThatNullPointerException()
        .isThrownBy(() -> Listing.of("BABA", null, "SPX"))
        .withMessage("exchange");
  }
}
