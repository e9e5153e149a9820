package io.eventide.backtest;

import io.eventide.inference.TestResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one backtest (one holding period): every candidate with its outcome, the trades,
 * the daily equity, exposure and open-trade series, the metrics, the trade tests and the
 * calendar-time alpha ({@code docs/backtest.md} sections 5-7).
 *
 * @param strategy the strategy run
 * @param candidates every candidate in canonical order (event id, then ticker)
 * @param daily one point per valuation date
 * @param metrics the metrics of section 7 by name, in the order of {@code metrics.csv}; {@code NaN}
 *     where undefined
 * @param tradeTests cs-t, sign-z and wilcoxon on the trades' net returns
 * @param alpha the calendar-time alpha, empty when no regression is possible
 */
public record BacktestResult(
    Strategy strategy,
    List<Candidate> candidates,
    List<DailyPoint> daily,
    Map<String, Double> metrics,
    List<TestResult> tradeTests,
    Optional<CalendarTimeAlpha> alpha) {

  /** Copies. */
  public BacktestResult {
    candidates = List.copyOf(candidates);
    daily = List.copyOf(daily);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    tradeTests = List.copyOf(tradeTests);
  }

  /**
   * @return the holding period
   */
  public int hold() {
    return strategy.hold();
  }

  /**
   * @return the trades, in canonical order of their candidates
   */
  public List<Trade> trades() {
    return candidates.stream().flatMap(c -> c.trade().stream()).toList();
  }

  /**
   * @param name a metric's name ({@code sharpe}, {@code max_drawdown}, ...)
   * @return its value, {@code NaN} if undefined
   * @throws IllegalArgumentException for an unknown name
   */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "No metric '" + name + "'; the metrics are " + metrics.keySet());
    }
    return v;
  }

  /**
   * @return the equity at the last valuation date ({@code E_0 = 1} without trades)
   */
  public double finalEquity() {
    return daily.isEmpty() ? 1.0 : daily.get(daily.size() - 1).equity();
  }
}
