package io.eventide.report;

import io.eventide.backtest.BacktestResult;
import io.eventide.backtest.Candidate;
import io.eventide.backtest.DailyPoint;
import io.eventide.backtest.Trade;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The column definitions of the backtest's three tables ({@code docs/cli.md}, {@code eventide
 * backtest}): {@code trades}, {@code daily}, {@code metrics}, each over the results of a sweep (one
 * result per holding period, every row carrying its {@code hold}).
 */
final class BacktestOutput {

  private BacktestOutput() {}

  private static <T> Function<Candidate, T> ifTraded(Function<Trade, T> f) {
    return c -> c.trade().map(f).orElse(null);
  }

  private static double num(Candidate c, java.util.function.ToDoubleFunction<Trade> f) {
    return c.trade().isPresent() ? f.applyAsDouble(c.trade().get()) : Double.NaN;
  }

  private static double hedged(Candidate c, java.util.function.ToDoubleFunction<Trade> f) {
    return c.trade().isPresent() && c.trade().get().isHedged()
        ? f.applyAsDouble(c.trade().get())
        : Double.NaN;
  }

  static TableDefinition<Candidate> trades(List<BacktestResult> results) {
    return new TableDefinition<>(
        "trades",
        List.of(
            new Column.Int<>("hold", Candidate::hold),
            new Column.Text<>("event_id", Candidate::eventId),
            new Column.Text<>("ticker", Candidate::ticker),
            new Column.Text<>("side", c -> c.side() > 0 ? "long" : c.side() < 0 ? "short" : null),
            new Column.Text<>("outcome", c -> c.outcome().name()),
            new Column.Text<>(
                "decision",
                c ->
                    c.traded()
                        ? c.decision()
                            .map(d -> d.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                            .orElse(null)
                        : null),
            new Column.Date<>("entry_date", c -> ifTraded(Trade::entryDate).apply(c)),
            new Column.Text<>("entry_kind", c -> ifTraded(t -> t.entryKind().id()).apply(c)),
            new Column.Decimal<>("entry_price", c -> num(c, Trade::entryPrice)),
            new Column.Date<>("exit_date", c -> ifTraded(Trade::exitDate).apply(c)),
            new Column.Decimal<>("exit_price", c -> num(c, Trade::exitPrice)),
            new Column.Text<>("exit_reason", c -> ifTraded(t -> t.exitReason().id()).apply(c)),
            new Column.Decimal<>("beta", c -> hedged(c, Trade::beta)),
            new Column.Text<>(
                "hedge_ticker", c -> ifTraded(t -> t.isHedged() ? t.hedgeTicker() : null).apply(c)),
            new Column.Decimal<>("hedge_entry_price", c -> hedged(c, Trade::hedgeEntryPrice)),
            new Column.Decimal<>("hedge_exit_price", c -> hedged(c, Trade::hedgeExitPrice)),
            new Column.Decimal<>("notional", c -> num(c, Trade::notional)),
            new Column.Decimal<>("pnl", c -> num(c, Trade::pnl)),
            new Column.Decimal<>("gross_return", c -> num(c, Trade::grossReturn)),
            new Column.Decimal<>("cost_return", c -> num(c, Trade::costReturn)),
            new Column.Decimal<>("net_return", c -> num(c, Trade::netReturn))),
        action -> {
          for (BacktestResult r : results) {
            r.candidates().forEach(action);
          }
        });
  }

  /** A daily point with its hold. */
  record DailyRow(int hold, DailyPoint point) {}

  static TableDefinition<DailyRow> daily(List<BacktestResult> results) {
    return new TableDefinition<>(
        "daily",
        List.of(
            new Column.Int<>("hold", DailyRow::hold),
            new Column.Date<>("date", r -> r.point().date()),
            new Column.Decimal<>("return", r -> r.point().dailyReturn()),
            new Column.Decimal<>("equity", r -> r.point().equity()),
            new Column.Decimal<>("gross_exposure", r -> r.point().grossExposure()),
            new Column.Decimal<>("net_exposure", r -> r.point().netExposure()),
            new Column.Int<>("open_trades", r -> r.point().openTrades())),
        action -> {
          for (BacktestResult r : results) {
            for (DailyPoint p : r.daily()) {
              action.accept(new DailyRow(r.hold(), p));
            }
          }
        });
  }

  /** A metric with its hold. */
  record MetricRow(int hold, String metric, double value) {}

  static TableDefinition<MetricRow> metrics(List<BacktestResult> results) {
    return new TableDefinition<>(
        "metrics",
        List.of(
            new Column.Int<>("hold", MetricRow::hold),
            new Column.Text<>("metric", MetricRow::metric),
            new Column.Decimal<>("value", MetricRow::value)),
        action -> {
          for (BacktestResult r : results) {
            for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
              action.accept(new MetricRow(r.hold(), e.getKey(), e.getValue()));
            }
          }
        });
  }
}
