package io.eventide.study;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ModelInputs;
import io.eventide.model.NormalReturnModel;
import io.eventide.regression.RegressorMoments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Runs an event study: resolves each (event, affected listing) into a firm-event on the listing's
 * calendar, maps every firm-event independently (fit, AR, SAR, CAR, Var(CAR), BHAR, rank scores,
 * sign share), and reduces across firm-events into one sample per window and measure ({@code
 * DESIGN.md}, "How data flows").
 *
 * <p>Firm-events are ordered canonically (event id, then ticker) before anything is computed, so
 * the results do not depend on the order of the inputs. The map runs on several threads (by default
 * one per available processor, or on an executor you supply); work is cut into chunks of whole
 * events whose size depends only on the data, and partial sums are merged in chunk order, so the
 * results are bit-identical whatever the number of threads. An event that hits a very large number
 * of listings is one unit of work: parallelism comes from having several events.
 *
 * <pre>{@code
 * StudyResult result = EventStudy.of(StudySpecification.defaults()).run(panel, events);
 * }</pre>
 */
public final class EventStudy {

  private static final int MIN_CHUNK = 256;
  private static final int TARGET_CHUNKS = 256;
  private static final int IN_FLIGHT_PER_THREAD = 4;

  private final StudySpecification spec;
  private final int parallelism;
  private final ExecutorService executor;

  private EventStudy(StudySpecification spec, int parallelism, ExecutorService executor) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.parallelism = parallelism;
    this.executor = executor;
  }

  /**
   * @param spec what to compute
   * @return a study using every available processor
   */
  public static EventStudy of(StudySpecification spec) {
    return new EventStudy(spec, Runtime.getRuntime().availableProcessors(), null);
  }

  /**
   * @param threads number of threads for the map, at least 1 (1 runs on the calling thread)
   * @return a copy of this study with that parallelism
   */
  public EventStudy withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, got " + threads);
    }
    return new EventStudy(spec, threads, null);
  }

  /**
   * @param service an executor to run the map on; the study does not shut it down
   * @return a copy of this study using that executor
   */
  public EventStudy withExecutor(ExecutorService service) {
    return new EventStudy(spec, parallelism, Objects.requireNonNull(service, "executor"));
  }

  /**
   * @return the number of threads the map runs on (ignored when an executor is given)
   */
  public int parallelism() {
    return parallelism;
  }

  /**
   * @return the specification
   */
  public StudySpecification specification() {
    return spec;
  }

  /**
   * Runs the study.
   *
   * @param panel listings, their returns on their calendars, and factors if the model needs them
   * @param events the events (any order; ids must be unique)
   * @return the results, with every firm-event left out listed with its reason
   * @throws IllegalArgumentException if the panel's return type differs from the specification's,
   *     event ids repeat, or a factor model's factors are not in the panel
   */
  public StudyResult run(ReturnPanel panel, List<Event> events) {
    Objects.requireNonNull(panel, "panel");
    if (panel.returnType() != spec.returnType()) {
      throw new IllegalArgumentException(
          "The panel holds "
              + panel.returnType()
              + " returns but the study asks for "
              + spec.returnType()
              + "; build the panel with ReturnType."
              + spec.returnType());
    }
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("Event id " + sorted.get(i).id() + " appears twice");
      }
    }
    StudyLayout layout = new StudyLayout(spec);
    NormalReturnModel model = spec.model();
    List<Listing> universe = panel.listings();
    ListingData[] listings = listingData(panel, model);
    Map<String, Integer> byTicker = new HashMap<>();
    for (int i = 0; i < universe.size(); i++) {
      byTicker.put(universe.get(i).ticker(), i);
    }

    // Resolve: firm-events in canonical order, clusters = events.
    List<String> allTickers = new ArrayList<>(byTicker.keySet());
    allTickers.sort(Comparator.naturalOrder());
    int[] clusterStarts = new int[sorted.size() + 1];
    List<String[]> tickersByEvent = new ArrayList<>();
    int total = 0;
    for (int e = 0; e < sorted.size(); e++) {
      Event ev = sorted.get(e);
      String[] tickers =
          ev.affected().isEmpty()
              ? allTickers.toArray(new String[0])
              : new TreeSet<>(ev.affected()).toArray(new String[0]);
      tickersByEvent.add(tickers);
      clusterStarts[e] = total;
      total += tickers.length;
    }
    clusterStarts[sorted.size()] = total;
    FirmEventColumns cols =
        new FirmEventColumns(total, model.parameterCount(), layout.windowCount, layout.spanLen);
    List<List<long[]>> dayZerosByListing = new ArrayList<>();
    for (int i = 0; i < listings.length; i++) {
      dayZerosByListing.add(new ArrayList<>());
    }
    int fe = 0;
    for (int e = 0; e < sorted.size(); e++) {
      Event ev = sorted.get(e);
      for (String ticker : tickersByEvent.get(e)) {
        resolve(fe, e, ev, ticker, byTicker, listings, layout, cols);
        if (cols.listing[fe] >= 0 && cols.dayZero[fe] >= 0) {
          dayZerosByListing.get(cols.listing[fe]).add(new long[] {cols.dayZero[fe], fe});
        }
        fe++;
      }
    }
    for (int i = 0; i < listings.length; i++) {
      List<long[]> pairs = dayZerosByListing.get(i);
      pairs.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
      listings[i].eventDayZeros = new int[pairs.size()];
      listings[i].eventFirmEvents = new int[pairs.size()];
      for (int q = 0; q < pairs.size(); q++) {
        listings[i].eventDayZeros[q] = (int) pairs.get(q)[0];
        listings[i].eventFirmEvents[q] = (int) pairs.get(q)[1];
      }
    }

    WindowAccumulators acc = map(layout, cols, listings, clusterStarts);
    return new StudyResult(spec, layout, List.copyOf(sorted), universe, listings, cols, acc);
  }

  private ListingData[] listingData(ReturnPanel panel, NormalReturnModel model) {
    List<Listing> universe = panel.listings();
    ListingData[] out = new ListingData[universe.size()];
    List<String> factorNames = model.factorNames();
    FactorSet factors = null;
    if (!factorNames.isEmpty()) {
      factors =
          panel
              .factors()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Model "
                              + model.id()
                              + " needs factors "
                              + factorNames
                              + "; give the panel a factor set (--factors with the Ken French daily files)"));
      Set<String> missing = new LinkedHashSet<>(factorNames);
      missing.removeAll(factors.names());
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "Model "
                + model.id()
                + " needs factors "
                + factorNames
                + " but "
                + missing
                + " are not in the factor files (they hold "
                + factors.names()
                + ")");
      }
      if (!factors.hasRiskFree()) {
        throw new IllegalArgumentException(
            "Model " + model.id() + " needs the risk-free rate RF, which no factor file holds");
      }
    }
    // One market array per calendar, shared by its listings, so that a fitter can see that
    // firm-events on one calendar and estimation range share the market's moments.
    Map<TradingCalendar, double[]> marketCache = new IdentityHashMap<>();
    // Prefix sums of the regressors per calendar: each fit then reads only the listing's returns.
    Map<TradingCalendar, RegressorMoments> marketMoments = new IdentityHashMap<>();
    Map<TradingCalendar, RegressorMoments> factorMoments = new IdentityHashMap<>();
    Map<TradingCalendar, double[][]> factorCache = new IdentityHashMap<>();
    Map<TradingCalendar, double[]> rfCache = new IdentityHashMap<>();
    for (int i = 0; i < out.length; i++) {
      ListingReturns lr = panel.returnsOf(universe.get(i).ticker()).orElseThrow();
      TradingCalendar cal = lr.calendar();
      double[] returns = lr.returns();
      double[] market = marketCache.computeIfAbsent(cal, c -> lr.marketReturns());
      ModelInputs inputs;
      RegressorMoments mm = marketMoments.computeIfAbsent(cal, c -> RegressorMoments.of(market));
      if (factors == null) {
        inputs = ModelInputs.of(returns, market).withMoments(mm, null);
      } else {
        final FactorSet fs = factors;
        long[] sessions = cal.sessionEpochDays();
        double[][] f =
            factorCache.computeIfAbsent(
                cal,
                c -> {
                  double[][] cols = new double[factorNames.size()][];
                  for (int j = 0; j < cols.length; j++) {
                    cols[j] = fs.alignTo(factorNames.get(j), sessions);
                  }
                  return cols;
                });
        double[] rf = rfCache.computeIfAbsent(cal, c -> fs.riskFreeAlignedTo(sessions));
        RegressorMoments fm = factorMoments.computeIfAbsent(cal, c -> RegressorMoments.of(f));
        inputs = ModelInputs.of(returns, market, f, rf).withMoments(mm, fm);
      }
      out[i] = new ListingData(universe.get(i), cal, inputs, returns, lr.pricesPresent() > 0);
    }
    return out;
  }

  private static void resolve(
      int fe,
      int eventIndex,
      Event ev,
      String ticker,
      Map<String, Integer> byTicker,
      ListingData[] listings,
      StudyLayout layout,
      FirmEventColumns cols) {
    cols.event[fe] = eventIndex;
    cols.ticker[fe] = ticker;
    cols.dayZero[fe] = -1;
    Integer li = byTicker.get(ticker);
    if (li == null) {
      cols.listing[fe] = -1;
      cols.outcome[fe] = Outcome.UNKNOWN_TICKER;
      cols.reason[fe] =
          "event " + ev.id() + " names " + ticker + ", which the universe does not list";
      return;
    }
    cols.listing[fe] = li;
    ListingData ld = listings[li];
    TradingCalendar cal = ld.calendar;
    if (!ld.hasPrices) {
      cols.outcome[fe] = Outcome.NO_PRICES;
      cols.reason[fe] =
          "no price for "
              + ticker
              + " on any session of "
              + cal.name()
              + " (no price file, or none of its dates is a session)";
      return;
    }
    int d0 = ev.announcement().dayZero(cal);
    if (d0 < 0) {
      cols.outcome[fe] = Outcome.OUT_OF_RANGE;
      cols.reason[fe] =
          "announcement "
              + ev.announcement()
              + " is after the last session "
              + cal.session(cal.size() - 1)
              + " of "
              + cal.name();
      return;
    }
    cols.dayZero[fe] = d0;
    long first = (long) d0 + layout.estFrom;
    long last = (long) d0 + layout.spanTo;
    if (first < 0) {
      cols.outcome[fe] = Outcome.OUT_OF_RANGE;
      cols.reason[fe] =
          "day 0 is "
              + cal.session(d0)
              + "; the estimation window needs "
              + (-layout.estFrom)
              + " sessions before it but "
              + cal.name()
              + " starts "
              + cal.session(0)
              + ", "
              + d0
              + " sessions earlier";
      return;
    }
    if (last >= cal.size()) {
      cols.outcome[fe] = Outcome.OUT_OF_RANGE;
      cols.reason[fe] =
          "day 0 is "
              + cal.session(d0)
              + "; the event span needs "
              + layout.spanTo
              + " sessions after it but "
              + cal.name()
              + " ends "
              + cal.session(cal.size() - 1)
              + ", "
              + (cal.size() - 1 - d0)
              + " sessions later";
    }
  }

  private WindowAccumulators map(
      StudyLayout layout, FirmEventColumns cols, ListingData[] listings, int[] clusterStarts) {
    int clusters = clusterStarts.length - 1;
    int target = Math.max(MIN_CHUNK, cols.size / TARGET_CHUNKS);
    List<int[]> chunks = new ArrayList<>();
    int start = 0;
    while (start < clusters) {
      int end = start + 1;
      while (end < clusters && clusterStarts[end] - clusterStarts[start] < target) {
        end++;
      }
      chunks.add(new int[] {start, end});
      start = end;
    }
    int radius = spec.cleaningRadius().orElse(-1);
    java.util.function.IntFunction<ClusterTask> task =
        i ->
            new ClusterTask(
                layout,
                cols,
                listings,
                clusterStarts,
                chunks.get(i)[0],
                chunks.get(i)[1],
                spec.minEstimation(),
                spec.returnType(),
                radius,
                spec.model().fitter());
    WindowAccumulators total = new WindowAccumulators(layout);
    if (executor == null && (parallelism == 1 || chunks.size() <= 1)) {
      for (int i = 0; i < chunks.size(); i++) {
        total.merge(task.apply(i).call());
      }
      return total;
    }
    // A sliding window of chunks in flight, merged strictly in chunk order: the sums do not depend
    // on which thread finished first, and at most IN_FLIGHT_PER_THREAD x threads partial results
    // (and tasks' scratch) are alive at once.
    ExecutorService service = executor != null ? executor : new ForkJoinPool(parallelism);
    int inFlight =
        IN_FLIGHT_PER_THREAD
            * (executor != null ? Runtime.getRuntime().availableProcessors() : parallelism);
    java.util.ArrayDeque<Future<WindowAccumulators>> pending = new java.util.ArrayDeque<>();
    try {
      int next = 0;
      while (next < chunks.size() && pending.size() < inFlight) {
        pending.add(service.submit(task.apply(next++)));
      }
      while (!pending.isEmpty()) {
        total.merge(pending.poll().get());
        if (next < chunks.size()) {
          pending.add(service.submit(task.apply(next++)));
        }
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Event study interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Event study failed: " + cause, cause);
    } finally {
      for (Future<WindowAccumulators> f : pending) {
        f.cancel(true);
      }
      if (executor == null) {
        service.shutdown();
      }
    }
  }
}
