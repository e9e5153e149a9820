package io.eventide.benchmarks;

import io.eventide.event.EventWindow;
import io.eventide.simulation.Design;
import io.eventide.simulation.Simulation;
import io.eventide.simulation.SimulationPanel;
import io.eventide.simulation.SimulationProgress;
import io.eventide.simulation.SimulationResult;
import io.eventide.simulation.SimulationSpecification;
import io.eventide.simulation.Variant;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The simulation runner: the wall time of the default {@code eventide simulate} run (1,000 samples
 * × 50 firm-events × 2 designs × 5 variants, all eleven tests on two windows; {@code
 * docs/simulation.md}) on a folder of real prices, the panel read once beforehand. Not a JMH
 * benchmark: one untimed warm-up run with 100 samples, then {@code repeats} timed runs of the full
 * default, each printed with its wall time, the process's CPU time (on a busy machine, CPU time
 * divided by the thread count is what the wall time would be on two free cores), samples per second
 * and one rate as a check that the runs agree (they must: same seed).
 *
 * <pre>
 *   java -cp benchmarks/target/benchmarks.jar io.eventide.benchmarks.SimulationRun \
 *       DIR MARKET [threads=2] [repeats=3]
 * </pre>
 */
public final class SimulationRun {

  private SimulationRun() {}

  /** CPU time of the whole process (all threads, including GC and JIT), or -1 if unknown. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  /**
   * @param args the price folder, the market ticker, threads (default 2), timed repeats (default 3)
   */
  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: SimulationRun DIR MARKET [threads=2] [repeats=3]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    String market = args[1];
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    long t0 = System.nanoTime();
    SimulationPanel panel = SimulationPanel.read(folder, market);
    double read = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "read %s: %d candidates, %d sessions, %.2f s (not timed below)%n",
        folder,
        panel.candidateCount(),
        panel.sessionCount(),
        read);
    SimulationSpecification spec = SimulationSpecification.builder(panel).build();
    Simulation.run(
        SimulationSpecification.builder(panel).samples(100).build(),
        threads,
        SimulationProgress.NONE);
    for (int r = 0; r < repeats; r++) {
      long cpu0 = processCpuNanos();
      long s = System.nanoTime();
      SimulationResult result = Simulation.run(spec, threads, SimulationProgress.NONE);
      double wall = (System.nanoTime() - s) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      long samples = (long) spec.samples() * spec.designs().size();
      System.out.printf(
          Locale.ROOT,
          "run %d: %d threads, %.2f s wall, %.2f s process CPU, %.0f samples/s, %d cells;"
              + " check: nonclustered patell-z 0:0 at d=0 %.3f%n",
          r + 1,
          threads,
          wall,
          cpu,
          samples / wall,
          result.cells().size(),
          result.rate(Design.NONCLUSTERED, Variant.shift(0), EventWindow.of(0, 0), "patell-z"));
    }
  }
}
