package io.eventide.realdata;

import io.eventide.calendar.Exchange;
import io.eventide.event.Event;
import io.eventide.io.EventFileReader;
import io.eventide.io.PriceFileReader;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real files copied into {@code src/test/resources/data} (provenance in its SOURCES.md): the
 * eight platform listings with their benchmarks, and the catalog of policy announcements.
 */
final class RealData {

  static final List<Listing> UNIVERSE =
      List.of(
          Listing.of("BABA", Exchange.NYSE, "SPX"),
          Listing.of("JD", Exchange.NASDAQ, "SPX"),
          Listing.of("BIDU", Exchange.NASDAQ, "SPX"),
          Listing.of("PDD", Exchange.NASDAQ, "SPX"),
          Listing.of("9988.HK", Exchange.HKEX, "HSI"),
          Listing.of("0700.HK", Exchange.HKEX, "HSI"),
          Listing.of("3690.HK", Exchange.HKEX, "HSI"),
          Listing.of("9618.HK", Exchange.HKEX, "HSI"));

  private RealData() {}

  static Path file(String relative) {
    try {
      return Path.of(RealData.class.getResource("/data/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static DatedSeries prices(String ticker) {
    return PriceFileReader.read(file("prices/" + ticker + ".csv"));
  }

  static List<Event> events() {
    return EventFileReader.read(file("events/china_tech_policy_2020_2023.csv"));
  }

  static ReturnPanel panel(List<Listing> universe, ReturnType type) {
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    for (Listing l : universe) {
      prices.put(l.ticker(), prices(l.ticker()));
      prices.computeIfAbsent(l.benchmark(), RealData::prices);
    }
    return ReturnPanel.of(universe, prices, type);
  }
}
