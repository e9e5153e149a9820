package io.eventide.examples;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.ReturnType;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * <b>Question:</b> on which session could each market first react to each announcement? Alibaba
 * trades in New York (BABA) and Hong Kong (9988.HK): a notice posted in the Beijing evening is news
 * for New York the same calendar day but for Hong Kong only the next session.
 *
 * <p><b>Data:</b> the bundled catalog of Chinese policy announcements (date-only rows and rows with
 * a time and offset) and the S&amp;P 500 and Hang Seng sessions as the NYSE and HKEX calendars.
 *
 * <p><b>Reading the output:</b> one line per announcement: how it was dated, day 0 on NYSE and on
 * HKEX, and a {@code *} where they differ. Day 0 is the first session whose close (in the
 * exchange's own zone) is at or after the announcement; a date-only announcement takes its date, or
 * the next session when that date is a holiday or weekend ({@code docs/statistics.md} §1).
 */
public final class DayZeroAcrossExchanges {

  private DayZeroAcrossExchanges() {}

  /**
   * One announcement's day 0 on each exchange.
   *
   * @param event the event
   * @param announced as written
   * @param nyse day 0 on NYSE
   * @param hkex day 0 on HKEX
   */
  public record Row(String event, String announced, String nyse, String hkex) {
    /**
     * @return whether the two exchanges' day 0 differ
     */
    public boolean differs() {
      return !nyse.equals(hkex);
    }
  }

  /**
   * @return one row per event of the catalog
   */
  public static List<Row> rows() {
    // 1. The two calendars come from the listings' benchmarks.
    List<Listing> both =
        SampleData.universe().stream()
            .filter(l -> l.ticker().equals("BABA") || l.ticker().equals("9988.HK"))
            .toList();
    ReturnPanel panel = ReturnPanel.of(both, SampleData.prices(), ReturnType.SIMPLE);
    TradingCalendar nyse = panel.returnsOf("BABA").orElseThrow().calendar();
    TradingCalendar hkex = panel.returnsOf("9988.HK").orElseThrow().calendar();
    // 2. Each announcement's day 0 on each calendar.
    List<Row> rows = new ArrayList<>();
    for (Event e : SampleData.events()) {
      rows.add(new Row(e.id(), e.announcement().toString(), day0(e, nyse), day0(e, hkex)));
    }
    return rows;
  }

  private static String day0(Event e, TradingCalendar cal) {
    int d = e.announcement().dayZero(cal);
    return d < 0 ? "-" : cal.session(d).toString();
  }

  /**
   * Prints the table.
   *
   * @param out where to print
   */
  public static void print(PrintWriter out) {
    out.println(
        String.format(
            Locale.ROOT,
            "%-38s %-26s %-11s %-11s",
            "event",
            "announced",
            "NYSE day 0",
            "HKEX day 0"));
    for (Row r : rows()) {
      out.println(
          String.format(
              Locale.ROOT,
              "%-38s %-26s %-11s %-11s%s",
              r.event(),
              r.announced(),
              r.nyse(),
              r.hkex(),
              r.differs() ? " *" : ""));
    }
    out.flush();
  }

  /**
   * Prints day 0 per exchange for every announcement of the catalog.
   *
   * @param args none
   */
  public static void main(String[] args) {
    print(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
  }
}
