package io.eventide.backtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link Strategy} on {@link BacktestData} by the rules of {@code docs/backtest.md}: every
 * candidate is resolved once (side, decision instant, entry, the study behind the backtest for β̂
 * and day-0 abnormal returns), then the portfolio is simulated in the order of the instants of its
 * fills, with cash-and-positions accounting, and measured.
 *
 * <pre>{@code
 * BacktestResult r = Backtest.of(Strategy.builder().hedge(Hedge.MARKET).hold(5).build()).run(data);
 * r.metric("sharpe"); r.trades(); r.daily(); r.alpha();
 * }</pre>
 *
 * <p>A sweep over holding periods ({@link #sweep}) resolves the candidates, day 0s and β̂ once and
 * simulates each holding period on them. Results are deterministic: the same input gives the same
 * bits.
 */
public final class Backtest {

  private final Strategy strategy;

  private Backtest(Strategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
  }

  /**
   * @param strategy the strategy
   * @return a backtest of it
   */
  public static Backtest of(Strategy strategy) {
    return new Backtest(strategy);
  }

  /**
   * @return the strategy
   */
  public Strategy strategy() {
    return strategy;
  }

  /**
   * Runs the strategy with its holding period.
   *
   * @param data the universe, bars, events and factors
   * @return the result
   * @throws IllegalArgumentException if a benchmark or the alpha benchmark has no bars, event ids
   *     repeat, a factor-model alpha has no factors, or a signal returns a side other than −1, 0, 1
   */
  public BacktestResult run(BacktestData data) {
    return sweep(data, List.of(strategy.hold())).get(0);
  }

  /**
   * Runs one backtest per holding period on the same candidates (a repeated value is run once).
   *
   * @param data the universe, bars, events and factors
   * @param holds holding periods, each 1 or more
   * @return one result per distinct holding period, in the order given
   * @throws IllegalArgumentException as {@link #run}, or for a holding period below 1
   */
  public List<BacktestResult> sweep(BacktestData data, List<Integer> holds) {
    Objects.requireNonNull(data, "data");
    List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(holds));
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("A sweep needs at least one holding period");
    }
    List<Strategy> strategies = new ArrayList<>();
    for (int h : distinct) {
      strategies.add(strategy.withHold(h));
    }
    Preparation prepared = Preparation.of(strategy, data);
    List<BacktestResult> out = new ArrayList<>(strategies.size());
    for (Strategy s : strategies) {
      out.add(new Simulation(prepared, s).run());
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "Backtest[" + strategy + "]";
  }
}
