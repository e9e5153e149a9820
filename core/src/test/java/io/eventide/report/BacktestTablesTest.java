package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.backtest.Backtest;
import io.eventide.backtest.BacktestData;
import io.eventide.backtest.BacktestResult;
import io.eventide.backtest.Candidate;
import io.eventide.backtest.DailyPoint;
import io.eventide.backtest.Hedge;
import io.eventide.backtest.Strategy;
import io.eventide.backtest.Trade;
import io.eventide.backtest.TradeOutcome;
import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.timeseries.PriceBars;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The backtest's Tablesaw views ({@link BacktestTables}) and files ({@link BacktestFiles}): each
 * view is its file (header, rows, every cell to the bit: {@link TableFileCheck}), and every column
 * of each view holds what the Java result objects hold ({@link Candidate}, {@link Trade}, {@link
 * DailyPoint}, {@link BacktestResult#metrics()}), row for row. The values themselves are pinned in
 * the backtest's tests (HandWorkedBacktestTest, CalendarTimeAlphaTest).
 *
 * <p>Data: 300 seeded weekday sessions of SPX and two NYSE listings with opens; six events, one
 * naming a ticker the universe does not list (an untraded candidate with empty cells); a market
 * hedge (so the hedge columns are filled); a sweep of holds 2 and 4.
 */
class BacktestTablesTest {

  @TempDir static Path out;
  static List<BacktestResult> results;
  static List<Path> files;

  @BeforeAll
  static void runAndWrite() {
    int n = 300;
    long[] days = new long[n];
    LocalDate x = LocalDate.of(2022, 1, 3);
    for (int i = 0; i < n; i++) {
      while (x.getDayOfWeek().getValue() > 5) {
        x = x.plusDays(1);
      }
      days[i] = x.toEpochDay();
      x = x.plusDays(1);
    }
    SplittableRandom rnd = new SplittableRandom(8);
    Map<String, PriceBars> bars = new LinkedHashMap<>();
    double[] level = {4000, 30, 70};
    String[] tickers = {"SPX", "AAA", "BBB"};
    double[][] close = new double[3][n];
    double[][] open = new double[3][n];
    for (int t = 0; t < n; t++) {
      double m = 0.017 * (rnd.nextDouble() - 0.5);
      for (int i = 0; i < 3; i++) {
        double r = i == 0 ? m : 1.1 * m + 0.03 * (rnd.nextDouble() - 0.5);
        open[i][t] = level[i] * (1 + r / 3);
        level[i] *= 1 + r;
        close[i][t] = level[i];
      }
    }
    for (int i = 0; i < 3; i++) {
      double[] volume = new double[n];
      Arrays.fill(volume, Double.NaN);
      bars.put(tickers[i], PriceBars.of(tickers[i], days, close[i], open[i], volume));
    }
    List<Listing> universe =
        List.of(Listing.of("AAA", Exchange.NYSE, "SPX"), Listing.of("BBB", Exchange.NYSE, "SPX"));
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 5; e++) {
      events.add(
          new Event(
              "e" + e,
              Announcement.on(LocalDate.ofEpochDay(days[262 + 6 * e])),
              "",
              "",
              e % 2 == 0 ? 1 : -1,
              e == 2 ? List.of("AAA", "BBB") : List.of(e % 2 == 0 ? "AAA" : "BBB"),
              Map.of()));
    }
    events.add(
        new Event(
            "z",
            Announcement.on(LocalDate.ofEpochDay(days[270])),
            "",
            "",
            1,
            List.of("ZZZ"),
            Map.of()));
    BacktestData data = BacktestData.of(universe, bars, events);
    results =
        Backtest.of(Strategy.builder().hedge(Hedge.MARKET).build()).sweep(data, List.of(2, 4));
    files = BacktestFiles.write(out, results);
  }

  @Test
  void eachViewIsItsFile() {
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(BacktestFiles.FILE_NAMES);
    TableFileCheck.assertViewIsFile(BacktestTables.trades(results), out.resolve("trades.csv"));
    TableFileCheck.assertViewIsFile(BacktestTables.daily(results), out.resolve("daily.csv"));
    TableFileCheck.assertViewIsFile(BacktestTables.metrics(results), out.resolve("metrics.csv"));
  }

  /** NaN equals NaN; otherwise bit-equal. */
  private static void same(String where, double actual, double expected) {
    assertThat(Double.valueOf(actual)).as(where).isEqualTo(Double.valueOf(expected));
  }

  private static double num(Candidate c, java.util.function.ToDoubleFunction<Trade> f) {
    return c.trade().map(f::applyAsDouble).orElse(Double.NaN);
  }

  private static double hedged(Candidate c, java.util.function.ToDoubleFunction<Trade> f) {
    return c.trade().filter(Trade::isHedged).map(f::applyAsDouble).orElse(Double.NaN);
  }

  @Test
  void tradesHoldEveryCandidatesValues() {
    Table v = BacktestTables.trades(results);
    assertThat(v.columnNames())
        .containsExactly(
            "hold",
            "event_id",
            "ticker",
            "side",
            "outcome",
            "decision",
            "entry_date",
            "entry_kind",
            "entry_price",
            "exit_date",
            "exit_price",
            "exit_reason",
            "beta",
            "hedge_ticker",
            "hedge_entry_price",
            "hedge_exit_price",
            "notional",
            "pnl",
            "gross_return",
            "cost_return",
            "net_return");
    List<Candidate> all = new ArrayList<>();
    results.forEach(r -> all.addAll(r.candidates()));
    assertThat(v.rowCount()).isEqualTo(all.size()).isEqualTo(2 * 7);
    assertThat(all).anyMatch(c -> c.outcome() == TradeOutcome.UNKNOWN_TICKER);
    assertThat(all).anyMatch(c -> c.trade().map(Trade::isHedged).orElse(false));
    for (int i = 0; i < all.size(); i++) {
      Candidate c = all.get(i);
      String w = "trades row " + (i + 1);
      assertThat(v.intColumn("hold").getInt(i)).as(w).isEqualTo(c.hold());
      assertThat(v.stringColumn("event_id").get(i)).as(w).isEqualTo(c.eventId());
      assertThat(v.stringColumn("ticker").get(i)).as(w).isEqualTo(c.ticker());
      assertThat(v.stringColumn("side").get(i))
          .as(w)
          .isEqualTo(c.side() > 0 ? "long" : c.side() < 0 ? "short" : "");
      assertThat(v.stringColumn("outcome").get(i)).as(w).isEqualTo(c.outcome().name());
      assertThat(v.stringColumn("decision").get(i))
          .as(w)
          .isEqualTo(
              c.traded()
                  ? c.decision().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse("")
                  : "");
      assertThat(v.dateColumn("entry_date").get(i))
          .as(w)
          .isEqualTo(c.trade().map(Trade::entryDate).orElse(null));
      assertThat(v.stringColumn("entry_kind").get(i))
          .as(w)
          .isEqualTo(c.trade().map(t -> t.entryKind().id()).orElse(""));
      same(
          w + " entry_price",
          v.doubleColumn("entry_price").getDouble(i),
          num(c, Trade::entryPrice));
      assertThat(v.dateColumn("exit_date").get(i))
          .as(w)
          .isEqualTo(c.trade().map(Trade::exitDate).orElse(null));
      same(w + " exit_price", v.doubleColumn("exit_price").getDouble(i), num(c, Trade::exitPrice));
      assertThat(v.stringColumn("exit_reason").get(i))
          .as(w)
          .isEqualTo(c.trade().map(t -> t.exitReason().id()).orElse(""));
      same(w + " beta", v.doubleColumn("beta").getDouble(i), hedged(c, Trade::beta));
      assertThat(v.stringColumn("hedge_ticker").get(i))
          .as(w)
          .isEqualTo(c.trade().filter(Trade::isHedged).map(Trade::hedgeTicker).orElse(""));
      same(
          w + " hedge_entry_price",
          v.doubleColumn("hedge_entry_price").getDouble(i),
          hedged(c, Trade::hedgeEntryPrice));
      same(
          w + " hedge_exit_price",
          v.doubleColumn("hedge_exit_price").getDouble(i),
          hedged(c, Trade::hedgeExitPrice));
      same(w + " notional", v.doubleColumn("notional").getDouble(i), num(c, Trade::notional));
      same(w + " pnl", v.doubleColumn("pnl").getDouble(i), num(c, Trade::pnl));
      same(
          w + " gross_return",
          v.doubleColumn("gross_return").getDouble(i),
          num(c, Trade::grossReturn));
      same(
          w + " cost_return",
          v.doubleColumn("cost_return").getDouble(i),
          num(c, Trade::costReturn));
      same(w + " net_return", v.doubleColumn("net_return").getDouble(i), num(c, Trade::netReturn));
    }
  }

  @Test
  void dailyHoldsEveryDailyPoint() {
    Table v = BacktestTables.daily(results);
    assertThat(v.columnNames())
        .containsExactly(
            "hold", "date", "return", "equity", "gross_exposure", "net_exposure", "open_trades");
    int row = 0;
    for (BacktestResult r : results) {
      for (DailyPoint p : r.daily()) {
        String w = "daily row " + (row + 1);
        assertThat(v.intColumn("hold").getInt(row)).as(w).isEqualTo(r.hold());
        assertThat(v.dateColumn("date").get(row)).as(w).isEqualTo(p.date());
        same(w, v.doubleColumn("return").getDouble(row), p.dailyReturn());
        same(w, v.doubleColumn("equity").getDouble(row), p.equity());
        same(w, v.doubleColumn("gross_exposure").getDouble(row), p.grossExposure());
        same(w, v.doubleColumn("net_exposure").getDouble(row), p.netExposure());
        assertThat(v.intColumn("open_trades").getInt(row)).as(w).isEqualTo(p.openTrades());
        row++;
      }
    }
    assertThat(v.rowCount()).isEqualTo(row).isPositive();
  }

  @Test
  void metricsHoldEveryMetricInOrderWithTheAlphaRows() {
    Table v = BacktestTables.metrics(results);
    assertThat(v.columnNames()).containsExactly("hold", "metric", "value");
    int row = 0;
    for (BacktestResult r : results) {
      for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
        String w = "metrics row " + (row + 1);
        assertThat(v.intColumn("hold").getInt(row)).as(w).isEqualTo(r.hold());
        assertThat(v.stringColumn("metric").get(row)).as(w).isEqualTo(m.getKey());
        same(w, v.doubleColumn("value").getDouble(row), m.getValue());
        row++;
      }
      // The calendar-time rows of docs/cli.md, from the alpha object.
      var alpha = r.alpha().orElseThrow();
      same("alpha", r.metric("alpha"), alpha.alpha());
      same("alpha_t", r.metric("alpha_t"), alpha.alphaT());
      same("beta", r.metric("beta"), alpha.slope(0));
      same("alpha_days", r.metric("alpha_days"), alpha.days());
      same("nw_lag", r.metric("nw_lag"), alpha.lag());
    }
    assertThat(v.rowCount()).isEqualTo(row);
    assertThat(v.stringColumn("metric").asList())
        .contains(
            "total_return",
            "sharpe",
            "cs-t",
            "cs-t_p",
            "wilcoxon_p",
            "alpha",
            "alpha_annual",
            "alpha_t",
            "alpha_p",
            "beta",
            "r2",
            "alpha_days",
            "nw_lag");
  }
}
