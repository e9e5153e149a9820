package io.eventide.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A panel's listings on exchanges of the user's own: calendars carry the listing's exchange. */
class ListingExchangesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static DatedSeries series(double... values) {
    LocalDate[] dates = new LocalDate[values.length];
    for (int i = 0; i < values.length; i++) {
      dates[i] = LocalDate.of(2023, 3, 20).plusDays(i);
    }
    return DatedSeries.of("s", dates, values);
  }

  @Test
  void aUserExchangeGivesTheCalendarItsZoneAndHours() {
    Exchange london = Exchange.of("London", LONDON, LocalTime.of(8, 0), LocalTime.of(16, 30));
    ExchangeRegistry registry = ExchangeRegistry.of(london);
    Listing vod = Listing.of("VOD.L", registry.lookup("london"), "FTSE");
    ReturnPanel panel =
        ReturnPanel.of(
            List.of(vod),
            Map.of("FTSE", series(100, 101, 102), "VOD.L", series(10, 11, 12)),
            ReturnType.SIMPLE);
    ListingReturns r = panel.returnsOf("VOD.L").orElseThrow();
    assertThat(r.calendar().exchange()).isSameAs(london);
    assertThat(r.calendar().name()).isEqualTo("London per FTSE");
  }

  @Test
  void twoDefinitionsOfOneCodeInOnePanelAreRefused() {
    Exchange shortNyse =
        Exchange.of(
            "NYSE", ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(15, 0));
    List<Listing> universe =
        List.of(Listing.of("A", Exchange.NYSE, "SPX"), Listing.of("B", shortNyse, "SPX"));
    Map<String, DatedSeries> prices = Map.of("SPX", series(100, 101, 102));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ReturnPanel.of(universe, prices, ReturnType.SIMPLE))
        .withMessage(
            "Listings A and B name exchange NYSE with two definitions,"
                + " NYSE (XNYS, America/New_York 09:30-16:00) and"
                + " NYSE (America/New_York 09:30-15:00); take both from one ExchangeRegistry");
    // The same definition twice is fine.
    assertThat(
            ReturnPanel.of(
                    List.of(
                        Listing.of("A", Exchange.NYSE, "SPX"),
                        Listing.of("B", Exchange.parse("xnys"), "SPX")),
                    prices,
                    ReturnType.SIMPLE)
                .listings())
        .hasSize(2);
  }
}
