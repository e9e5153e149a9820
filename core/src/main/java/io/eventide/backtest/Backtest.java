package io.eventide.backtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

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
 * simulates each holding period on them, the holding periods side by side on the backtest's
 * threads. The fits behind β̂ and the day-0 abnormal returns run on the same threads (the study's
 * fit-only path, {@code EventStudy.fit}). Results are deterministic: the same input gives the same
 * bits, whatever the number of threads.
 */
public final class Backtest {

  private final Strategy strategy;
  private final int parallelism;

  private Backtest(Strategy strategy, int parallelism) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.parallelism = parallelism;
  }

  /**
   * @param strategy the strategy
   * @return a backtest of it, using every available processor
   */
  public static Backtest of(Strategy strategy) {
    return new Backtest(strategy, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param threads the number of threads for the fits behind the backtest and for a sweep's holding
   *     periods, at least 1 (1 runs everything on the calling thread)
   * @return a copy of this backtest with that parallelism
   */
  public Backtest withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, got " + threads);
    }
    return new Backtest(strategy, threads);
  }

  /**
   * @return the number of threads the backtest runs on
   */
  public int parallelism() {
    return parallelism;
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
    Preparation prepared = Preparation.of(strategy, data, parallelism);
    List<BacktestResult> out = new ArrayList<>(strategies.size());
    int threads = Math.min(parallelism, strategies.size());
    if (threads <= 1) {
      for (Strategy s : strategies) {
        out.add(new Simulation(prepared, s).run());
      }
      return List.copyOf(out);
    }
    // Each holding period is simulated on its own from the shared, read-only preparation; results
    // are collected in the order given, so they do not depend on which finished first.
    ExecutorService pool = new ForkJoinPool(threads);
    List<Future<BacktestResult>> futures = new ArrayList<>();
    try {
      for (Strategy s : strategies) {
        futures.add(pool.submit(() -> new Simulation(prepared, s).run()));
      }
      for (Future<BacktestResult> f : futures) {
        out.add(f.get());
      }
      return List.copyOf(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Backtest interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Backtest failed: " + cause, cause);
    } finally {
      for (Future<BacktestResult> f : futures) {
        f.cancel(true);
      }
      pool.shutdown();
    }
  }

  @Override
  public String toString() {
    return "Backtest[" + strategy + ", " + parallelism + " threads]";
  }
}
