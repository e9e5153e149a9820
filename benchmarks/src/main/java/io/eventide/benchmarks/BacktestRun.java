package io.eventide.benchmarks;

import io.eventide.backtest.Backtest;
import io.eventide.backtest.BacktestData;
import io.eventide.backtest.BacktestResult;
import io.eventide.backtest.Hedge;
import io.eventide.backtest.Strategy;
import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.timeseries.PriceBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest runner: one backtest of 100,000 candidate trades with the market hedge and the
 * metrics, and a sweep of four holding periods on the same candidates, on the synthetic panel of
 * 1,000 listings × 2,600 sessions ({@link SyntheticData}; closes compound the returns, each open is
 * the previous close times a small gap). 100 date-only announcements on evenly spaced sessions from
 * 300 on each hit every listing, alternating long and short; 0.05% of equity a trade and a gross
 * cap of 10 let every candidate trade. Two untimed warm-ups of the backtest and of the sweep, then
 * seven timed repetitions of each, alternating; the medians are compared. The backtest runs on the
 * number of threads given (default 2: {@code Backtest.withParallelism}, the fits behind β̂ and a
 * sweep's holding periods).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.eventide.benchmarks.BacktestRun
 * [threads]}.
 */
public final class BacktestRun {

  /** Timed repetitions of each, alternating, after two untimed warm-ups of each. */
  private static final int REPEATS = 7;

  private BacktestRun() {}

  /**
   * @param args optional: threads
   */
  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int listings = 1000;
    int sessions = 2600;
    SyntheticData.Market m = SyntheticData.market(listings, sessions, 7L);
    long[] days = m.sessionEpochDays();
    Map<String, PriceBars> bars = new LinkedHashMap<>();
    bars.put(SyntheticData.MARKET, bars(SyntheticData.MARKET, days, m.marketReturns(), 0));
    List<Listing> universe = new ArrayList<>();
    double[][] r = m.listingReturns();
    for (int i = 0; i < listings; i++) {
      String t = SyntheticData.ticker(i);
      universe.add(Listing.of(t, Exchange.NYSE, SyntheticData.MARKET));
      bars.put(t, bars(t, days, r[i], i + 1));
    }
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 100; e++) {
      LocalDate d = LocalDate.ofEpochDay(days[300 + e * 22]);
      events.add(
          new Event(
              String.format(Locale.ROOT, "E%03d", e),
              Announcement.on(d),
              "",
              "",
              e % 2 == 0 ? 1 : -1,
              List.of(),
              Map.of()));
    }
    BacktestData data = BacktestData.of(universe, bars, events);
    Strategy s = Strategy.builder().hedge(Hedge.MARKET).size(0.0005).maxGross(10).hold(5).build();
    Backtest backtest = Backtest.of(s).withParallelism(threads);
    List<Integer> holds = List.of(1, 3, 5, 10);
    for (int w = 0; w < 2; w++) {
      backtest.run(data);
      backtest.sweep(data, holds);
    }
    double[] one = new double[REPEATS];
    double[] sweep = new double[REPEATS];
    BacktestResult last = null;
    List<BacktestResult> lastSweep = null;
    for (int k = 0; k < REPEATS; k++) {
      long t0 = System.nanoTime();
      last = backtest.run(data);
      long t1 = System.nanoTime();
      lastSweep = backtest.sweep(data, holds);
      long t2 = System.nanoTime();
      one[k] = (t1 - t0) / 1e9;
      sweep[k] = (t2 - t1) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "repeat %d: one backtest %.3f s, sweep of 4 holds %.3f s (%.2f x)%n",
          k + 1,
          one[k],
          sweep[k],
          sweep[k] / one[k]);
    }
    double oneMedian = median(one);
    double sweepMedian = median(sweep);
    System.out.printf(
        Locale.ROOT,
        "one backtest: %d candidates, %.0f trades, %d valuation dates, Sharpe %.3f: median %.3f s%n",
        last.candidates().size(),
        last.metric("trades"),
        last.daily().size(),
        last.metric("sharpe"),
        oneMedian);
    System.out.printf(
        Locale.ROOT,
        "sweep of 4 holds: median %.3f s (%.2f x one backtest's median); trades %s%n",
        sweepMedian,
        sweepMedian / oneMedian,
        lastSweep.stream().map(x -> String.valueOf((long) x.metric("trades"))).toList());
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static PriceBars bars(String t, long[] days, double[] returns, long seed) {
    int n = days.length;
    double[] close = new double[n];
    double[] open = new double[n];
    double[] volume = new double[n];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    double p = 100;
    for (int i = 0; i < n; i++) {
      double prev = p;
      p *= 1 + returns[i];
      close[i] = p;
      open[i] = prev * (1 + 0.002 * (rnd.nextDouble() - 0.5));
      volume[i] = 1e6;
    }
    return PriceBars.of(t, days, close, open, volume);
  }
}
