package io.eventide.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a specification-and-power simulation ({@code docs/simulation.md}): for each design, S
 * samples of N eligible firm-events drawn from the panel, each fitted once and studied under every
 * variant, and the rejections of every test counted (Brown and Warner 1985, Journal of Financial
 * Economics 14; Kolari and Pynnönen 2010, Review of Financial Studies 23).
 *
 * <pre>
 *   SimulationPanel panel = SimulationPanel.read(Path.of("prices"), "SPX");
 *   SimulationResult result = Simulation.run(SimulationSpecification.builder(panel).build());
 *   double size = result.rate(Design.NONCLUSTERED, Variant.shift(0), EventWindow.of(0, 0), "patell-z");
 * </pre>
 *
 * <p>Deterministic: every (design, sample) has its own random stream seeded from the seed, the
 * design number and the sample index only, and rejections are integer counts, so the result is the
 * same for any number of threads, and the first S samples of a longer run are the samples of a run
 * with S samples.
 */
public final class Simulation {

  /** Samples per task: small enough to balance two cores, large enough to reuse the scratch. */
  private static final int CHUNK = 25;

  private Simulation() {}

  /**
   * Runs on the calling thread.
   *
   * @param spec the specification
   * @return the result
   * @throws SimulationException if the panel has fewer than N eligible listings (nonclustered) or
   *     no session with N eligible listings (clustered)
   */
  public static SimulationResult run(SimulationSpecification spec) {
    return run(spec, 1, SimulationProgress.NONE);
  }

  /**
   * Runs on {@code threads} threads; the result does not depend on their number.
   *
   * @param spec the specification
   * @param threads threads, at least 1
   * @param progress told after each sample
   * @return the result
   * @throws SimulationException as {@link #run(SimulationSpecification)}, or for threads below 1
   */
  public static SimulationResult run(
      SimulationSpecification spec, int threads, SimulationProgress progress) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new SimulationException("threads", Integer.toString(threads), "must be at least 1");
    }
    SimulationPanel panel = spec.panel();
    Eligibility el = new Eligibility(panel, spec);
    check(spec, el);
    List<Design> designs = spec.designs();
    int cellsPerDesign =
        spec.variants().size() * spec.windows().size() * spec.tests().tests().size();
    int samples = spec.samples();
    double[] clusteredRbar = new double[samples];
    int[][] counts = new int[designs.size()][cellsPerDesign];
    long total = (long) samples * designs.size();
    AtomicLong done = new AtomicLong();
    List<Task> tasks = new ArrayList<>();
    for (int g = 0; g < designs.size(); g++) {
      for (int s = 0; s < samples; s += CHUNK) {
        tasks.add(new Task(g, designs.get(g), s, Math.min(samples, s + CHUNK)));
      }
    }
    ThreadLocal<SampleWorker> workers =
        ThreadLocal.withInitial(() -> new SampleWorker(panel, el, spec));
    List<int[]> partial = new ArrayList<>();
    if (threads == 1) {
      for (Task t : tasks) {
        partial.add(t.run(workers.get(), cellsPerDesign, clusteredRbar, done, total, progress));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, Simulation::daemon);
      try {
        List<Future<int[]>> futures = new ArrayList<>();
        for (Task t : tasks) {
          futures.add(
              pool.submit(
                  () ->
                      t.run(workers.get(), cellsPerDesign, clusteredRbar, done, total, progress)));
        }
        for (Future<int[]> f : futures) {
          partial.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Simulation interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException("Simulation failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    for (int i = 0; i < tasks.size(); i++) {
      int[] c = partial.get(i);
      int[] target = counts[tasks.get(i).designIndex];
      for (int j = 0; j < c.length; j++) {
        target[j] += c[j];
      }
    }
    double rbar = Double.NaN;
    if (designs.contains(Design.CLUSTERED)) {
      double sum = 0;
      for (double r : clusteredRbar) {
        sum += r;
      }
      rbar = sum / samples;
    }
    int unusable = 0;
    for (Task t : tasks) {
      unusable += t.unusable;
    }
    SimulationResult.Summary summary =
        new SimulationResult.Summary(
            panel.candidateCount(),
            el.listings.length,
            el.pairs,
            el.clusterDays.length,
            el.clusterDays.length > 0
                ? java.util.Optional.of(panel.session(el.clusterDays[0]))
                : java.util.Optional.empty(),
            el.clusterDays.length > 0
                ? java.util.Optional.of(panel.session(el.clusterDays[el.clusterDays.length - 1]))
                : java.util.Optional.empty(),
            rbar,
            unusable);
    return new SimulationResult(spec, summary, counts);
  }

  private static void check(SimulationSpecification spec, Eligibility el) {
    int n = spec.size();
    if (spec.designs().contains(Design.NONCLUSTERED) && el.listings.length < n) {
      throw new SimulationException(
          "size",
          Integer.toString(n),
          "exceeds the "
              + el.listings.length
              + " eligible listings of the panel (nonclustered design)");
    }
    if (spec.designs().contains(Design.CLUSTERED) && el.clusterDays.length == 0) {
      throw new SimulationException(
          "size",
          Integer.toString(n),
          "no session has that many eligible listings (clustered design); the most on one"
              + " session is "
              + el.largestDay);
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "eventide-simulation");
    t.setDaemon(true);
    return t;
  }

  /** Samples {@code [from, to)} of one design. */
  private static final class Task {
    final int designIndex;
    final Design design;
    final int from;
    final int to;
    int unusable;

    Task(int designIndex, Design design, int from, int to) {
      this.designIndex = designIndex;
      this.design = design;
      this.from = from;
      this.to = to;
    }

    int[] run(
        SampleWorker worker,
        int cells,
        double[] clusteredRbar,
        AtomicLong done,
        long total,
        SimulationProgress progress) {
      int[] counts = new int[cells];
      for (int s = from; s < to; s++) {
        worker.run(design, s, counts);
        unusable += worker.unusableFits;
        if (design == Design.CLUSTERED) {
          clusteredRbar[s] = worker.meanCrossCorrelation;
        }
        progress.samplesDone(done.incrementAndGet(), total);
      }
      return counts;
    }
  }
}
