package io.eventide.backtest;

import io.eventide.event.Event;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.timeseries.PriceBars;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backtest trades on: the universe, the bars of its listings and benchmarks (a listing
 * without bars is traded as {@code NO_PRICES}; a benchmark must have bars), the events, and
 * optionally factors (RF for the Sharpe ratio and the alpha, factors for a factor-model alpha).
 *
 * @param universe the listings
 * @param bars bars by ticker, listings and benchmarks (and an alpha benchmark, if any)
 * @param events the events
 * @param factors factors with RF, if given
 */
public record BacktestData(
    List<Listing> universe,
    Map<String, PriceBars> bars,
    List<Event> events,
    Optional<FactorSet> factors) {

  /** Copies. */
  public BacktestData {
    universe = List.copyOf(universe);
    bars = Collections.unmodifiableMap(new LinkedHashMap<>(bars));
    events = List.copyOf(events);
    Objects.requireNonNull(factors, "factors");
  }

  /**
   * @param universe the listings
   * @param bars bars by ticker
   * @param events the events
   * @return the data, without factors
   */
  public static BacktestData of(
      List<Listing> universe, Map<String, PriceBars> bars, List<Event> events) {
    return new BacktestData(universe, bars, events, Optional.empty());
  }

  /**
   * @param f factors (merged, RF from the first set that has it)
   * @return the same data with factors
   */
  public BacktestData withFactors(FactorSet f) {
    return new BacktestData(universe, bars, events, Optional.of(f));
  }
}
