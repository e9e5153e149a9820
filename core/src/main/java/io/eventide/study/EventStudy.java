package io.eventide.study;

import io.eventide.event.Event;
import io.eventide.market.ReturnPanel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs an event study in three steps ({@code docs/architecture.md}): resolves the specification
 * against a panel and events into a {@link ResolvedStudy} (each (event, affected listing) a
 * firm-event on the listing's calendar), maps every firm-event independently (fit, AR, SAR, CAR,
 * Var(CAR), BHAR, rank scores, sign share; {@code FirmEventMapper}, with r̄'s cross-correlations
 * per cluster from {@code ClusterCorrelation}), and reduces across firm-events into one sample per
 * window and measure. This class only orchestrates: it resolves, cuts the work into chunks, runs
 * them and merges their partial sums in order.
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
  private final boolean keepEstimationSar;

  private EventStudy(
      StudySpecification spec,
      int parallelism,
      ExecutorService executor,
      boolean keepEstimationSar) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.parallelism = parallelism;
    this.executor = executor;
    this.keepEstimationSar = keepEstimationSar;
  }

  /**
   * @param spec what to compute
   * @return a study using every available processor
   */
  public static EventStudy of(StudySpecification spec) {
    return new EventStudy(spec, Runtime.getRuntime().availableProcessors(), null, false);
  }

  /**
   * @param threads number of threads for the map, at least 1 (1 runs on the calling thread)
   * @return a copy of this study with that parallelism
   */
  public EventStudy withParallelism(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("Parallelism must be at least 1, got " + threads);
    }
    return new EventStudy(spec, threads, null, keepEstimationSar);
  }

  /**
   * @param service an executor to run the map on; the study does not shut it down
   * @return a copy of this study using that executor
   */
  public EventStudy withExecutor(ExecutorService service) {
    return new EventStudy(
        spec, parallelism, Objects.requireNonNull(service, "executor"), keepEstimationSar);
  }

  /**
   * A copy of this study that keeps every OK firm-event's standardized estimation residuals {@code
   * SAR_iτ = ε̂_iτ / s_i} and attaches them to its CAR samples ({@link
   * io.eventide.inference.CarSample#withEstimationSar(double[][])}): the input of the generalized
   * rank tests {@code grank-t} and {@code grank-z} ({@code docs/statistics.md}, "Generalized rank
   * tests"). Without it those tests report the statistic undefined. It costs the estimation
   * window's length in doubles per firm-event, and twice that again once a sample ranks them (one
   * ranked copy shared by every window; about 5.8 GB for a million firm-events of the default
   * 240-day window), hence opt-in; {@link io.eventide.inference.TestSuite#needsEstimationSar()}
   * says whether a suite needs it.
   *
   * @return a copy of this study keeping the SARs
   */
  public EventStudy withEstimationSar() {
    return new EventStudy(spec, parallelism, executor, true);
  }

  /**
   * @return whether this study keeps the standardized estimation residuals ({@link
   *     #withEstimationSar()})
   */
  public boolean keepsEstimationSar() {
    return keepEstimationSar;
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
   * Runs the study: resolves it ({@link StudySpecification#resolve}) and computes the resolved
   * form. The return type is the panel's: BHAR compounds simple returns and exponentiates sums of
   * log returns.
   *
   * @param panel listings, their returns on their calendars, and factors if the model needs them
   * @param events the events (any order; ids must be unique)
   * @return the results, with every firm-event left out listed with its reason
   * @throws IllegalArgumentException if event ids repeat, or a factor model's factors are not in
   *     the panel
   */
  public StudyResult run(ReturnPanel panel, List<Event> events) {
    return compute(spec.resolve(panel, events));
  }

  /**
   * Computes a resolved study: maps every resolved firm-event and reduces into the samples.
   *
   * @param resolved a study resolved from this study's specification
   * @return the results, with every firm-event left out listed with its reason
   * @throws IllegalArgumentException if {@code resolved} was made from another specification
   */
  public StudyResult run(ResolvedStudy resolved) {
    requireOwn(resolved);
    return compute(resolved);
  }

  /**
   * The fit-only path: resolves the study and maps every firm-event (fit, expected returns, AR,
   * SAR, and per window CAR, Var(CAR) and BHAR), without the reductions across firm-events (rank
   * scores, residual sums by day, r̄, samples, tests). Each firm-event's values are those {@link
   * #run(ReturnPanel, List)} gives it, to the bit; the map runs on this study's threads and its
   * results do not depend on their number. For a caller that needs each firm-event's own results
   * only, such as a backtest's β̂ and day-0 reactions ({@code docs/architecture.md}, "The fit-only
   * path").
   *
   * @param panel listings, their returns on their calendars, and factors if the model needs them
   * @param events the events (any order; ids must be unique)
   * @return every firm-event with its outcome and results
   * @throws IllegalArgumentException as {@link #run(ReturnPanel, List)}
   */
  public FirmEventFits fit(ReturnPanel panel, List<Event> events) {
    return fitResolved(spec.resolve(panel, events));
  }

  /**
   * The fit-only path on a resolved study ({@link #fit(ReturnPanel, List)}).
   *
   * @param resolved a study resolved from this study's specification
   * @return every firm-event with its outcome and results
   * @throws IllegalArgumentException if {@code resolved} was made from another specification
   */
  public FirmEventFits fit(ResolvedStudy resolved) {
    requireOwn(resolved);
    return fitResolved(resolved);
  }

  private void requireOwn(ResolvedStudy resolved) {
    Objects.requireNonNull(resolved, "resolved");
    if (!resolved.specification().equals(spec)) {
      throw new IllegalArgumentException(
          "The resolved study was made from "
              + resolved.specification()
              + ", not from this study's "
              + spec
              + "; run it with EventStudy.of(resolved.specification())");
    }
  }

  private FirmEventFits fitResolved(ResolvedStudy resolved) {
    FirmEventColumns cols =
        new FirmEventColumns(
            resolved, spec.model().parameterCount(), spec.model().parameterNames().size());
    // No reduction, so chunks are plain ranges of firm-events (an event hitting every listing is
    // cut too); each firm-event's slots are written by one task only, whatever thread runs it.
    int target = Math.max(MIN_CHUNK, cols.size / TARGET_CHUNKS);
    int chunks = (cols.size + target - 1) / target;
    IntFunction<Callable<Void>> task =
        i ->
            () -> {
              FirmEventMapper mapper = FirmEventMapper.of(resolved, cols);
              mapper.withoutRankScores();
              int end = Math.min(cols.size, (i + 1) * target);
              for (int fe = i * target; fe < end; fe++) {
                if (cols.outcome[fe] == null) {
                  mapper.map(fe);
                }
              }
              return null;
            };
    runInOrder(chunks, task, done -> {});
    return new FirmEventFits(resolved, cols);
  }

  private StudyResult compute(ResolvedStudy resolved) {
    FirmEventColumns cols =
        new FirmEventColumns(
            resolved,
            spec.model().parameterCount(),
            spec.model().parameterNames().size(),
            keepEstimationSar);
    if (spec.conventions() == Conventions.STATA_ESTUDY) {
      cols.estimationResiduals = new double[cols.size][];
    }
    WindowAccumulators[] acc = map(resolved, cols);
    if (cols.estimationResiduals != null) {
      AllPairsCorrelation.replacePairSums(cols, acc);
    }
    return new StudyResult(resolved, cols, acc);
  }

  /**
   * Cuts the clusters into chunks of whole events whose size depends only on the data, runs them,
   * and merges their partial sums in chunk order.
   */
  private WindowAccumulators[] map(ResolvedStudy resolved, FirmEventColumns cols) {
    int[] clusterStarts = resolved.clusterStarts;
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
    IntFunction<Callable<WindowAccumulators[]>> task =
        i -> new ClusterTask(resolved, cols, chunks.get(i)[0], chunks.get(i)[1]);
    WindowAccumulators[] total = new WindowAccumulators[1 + resolved.groupLabels.size()];
    for (int g = 0; g < total.length; g++) {
      total[g] = new WindowAccumulators(resolved.layout);
    }
    runInOrder(chunks.size(), task, part -> WindowAccumulators.merge(total, part));
    return total;
  }

  /**
   * Runs {@code count} tasks on this study's threads (or on the calling thread when it has one, or
   * when there is one task) and hands their results to {@code merge} strictly in task order: what
   * merge sees does not depend on which thread finished first.
   */
  private <T> void runInOrder(int count, IntFunction<Callable<T>> task, Consumer<T> merge) {
    if (executor == null && (parallelism == 1 || count <= 1)) {
      for (int i = 0; i < count; i++) {
        try {
          merge.accept(task.apply(i).call());
        } catch (RuntimeException | Error e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("Event study failed: " + e, e);
        }
      }
      return;
    }
    // A sliding window of tasks in flight, merged strictly in order: at most
    // IN_FLIGHT_PER_THREAD x threads partial results (and tasks' scratch) are alive at once.
    ExecutorService service = executor != null ? executor : new ForkJoinPool(parallelism);
    int inFlight =
        IN_FLIGHT_PER_THREAD
            * (executor != null ? Runtime.getRuntime().availableProcessors() : parallelism);
    ArrayDeque<Future<T>> pending = new ArrayDeque<>();
    try {
      int next = 0;
      while (next < count && pending.size() < inFlight) {
        pending.add(service.submit(task.apply(next++)));
      }
      while (!pending.isEmpty()) {
        merge.accept(pending.poll().get());
        if (next < count) {
          pending.add(service.submit(task.apply(next++)));
        }
      }
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
      for (Future<T> f : pending) {
        f.cancel(true);
      }
      if (executor == null) {
        service.shutdown();
      }
    }
  }
}
