package io.eventide.benchmarks;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The large-study runner: how long a whole study with its tests takes, and how much heap it needs,
 * as the number of firm-events grows to a million. Not a JMH benchmark: each size runs once, after
 * one untimed warm-up run, so read it as wall-clock evidence of scaling, and use {@link
 * StudyBenchmark} for precise times.
 *
 * <p>Data: a synthetic panel ({@link SyntheticData}) of 1,000 listings × 2,600 weekday sessions and
 * 1,000 announcements on evenly spaced sessions, each hitting every listing. A size of N
 * firm-events runs the first N / 1,000 announcements (in date order) over every listing, with the
 * default specification; the timed work is {@link StudyWorkload}: the study, then the samples (and,
 * once they are on this branch, the tests) of every test window for CAR and BHAR.
 *
 * <p>For each size it prints the wall time, firm-events per second, microseconds per firm-event and
 * its ratio to the first size, the peak heap, the GC time, and a sanity check: N of the {@code 0:0}
 * window (every firm-event, as the synthetic data has no gaps) and its CAAR (about 0: the data has
 * no event effect). Peak heap is the sum of the peak usage of the heap memory pools, reset after a
 * {@code System.gc()} before each size; pools peak at different moments, so the sum is an upper
 * bound on the true peak. It includes the panel, which stays live throughout. Live heap is the heap
 * in use after a full collection while the study's results are still referenced: what the study
 * keeps.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.eventide.benchmarks.LargeStudyRun \
 *     [SIZE ...] [--threads N] [--smoke] [--no-warmup] [--missing SHARE]
 * </pre>
 *
 * <ul>
 *   <li>{@code SIZE}: firm-event counts, multiples of the listing count, separated by spaces or
 *       commas; default {@code 100000 250000 500000 1000000}.
 *   <li>{@code --threads N}: the study's parallelism; default the number of processors.
 *   <li>{@code --smoke}: a tiny panel (200 listings × 300 sessions, 10 announcements) and one size
 *       of 2,000 firm-events, finishing in seconds; for CI.
 *   <li>{@code --no-warmup}: skip the untimed warm-up run of the first size.
 *   <li>{@code --missing SHARE}: blank this share of the listings' prices at random (a blank price
 *       blanks two returns), to see how gaps in the data change the cost; default 0.
 * </ul>
 */
public final class LargeStudyRun {

  /** Seed of the panel. */
  static final long SEED = 20_240_604L;

  private static final double MIB = 1024.0 * 1024.0;

  private LargeStudyRun() {}

  /**
   * The parsed command line.
   *
   * @param sizes firm-event counts to run, in order
   * @param threads the study's parallelism
   * @param listings listings of the panel
   * @param sessions sessions of the panel
   * @param events announcements available
   * @param warmup whether to run the first size once, untimed, before the others
   * @param missingShare share of listing prices blanked
   */
  record Options(
      List<Integer> sizes,
      int threads,
      int listings,
      int sessions,
      int events,
      boolean warmup,
      double missingShare) {

    /** Validates. */
    Options {
      sizes = List.copyOf(sizes);
      if (sizes.isEmpty()) {
        throw new IllegalArgumentException("No sizes to run");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
      }
      for (int n : sizes) {
        if (n <= 0 || n % listings != 0) {
          throw new IllegalArgumentException(
              "Size "
                  + n
                  + " is not a positive multiple of the "
                  + listings
                  + " listings (each announcement hits every listing)");
        }
        if (n / listings > events) {
          throw new IllegalArgumentException(
              "Size "
                  + n
                  + " needs "
                  + n / listings
                  + " announcements but the panel has "
                  + events
                  + " ("
                  + (long) listings * events
                  + " firm-events at most)");
        }
      }
    }
  }

  /**
   * One size's measurements.
   *
   * @param firmEvents N
   * @param events announcements used
   * @param wallSeconds study + tests, wall clock
   * @param peakHeapBytes sum of the heap pools' peak usage during the run
   * @param liveHeapBytes heap in use after a full collection with the study's results still held
   * @param gcSeconds time spent in GC during the run, as the collectors report it
   * @param ok firm-events with outcome OK
   * @param windowN N of the {@code 0:0} CAR sample
   * @param caar the mean of that sample
   */
  record Row(
      int firmEvents,
      int events,
      double wallSeconds,
      long peakHeapBytes,
      long liveHeapBytes,
      double gcSeconds,
      int ok,
      int windowN,
      double caar) {

    /**
     * @return firm-events per second
     */
    double firmEventsPerSecond() {
      return firmEvents / wallSeconds;
    }

    /**
     * @return microseconds per firm-event
     */
    double microsPerFirmEvent() {
      return wallSeconds * 1e6 / firmEvents;
    }

    /**
     * @return whether the sanity check passes: every firm-event OK and in 0:0, CAAR about 0
     */
    boolean sane() {
      return ok == firmEvents && windowN == firmEvents && Math.abs(caar) < 0.005;
    }
  }

  /**
   * Runs from the command line.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) {
    List<Row> rows;
    try {
      rows = run(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println("LargeStudyRun: " + e.getMessage());
      System.err.println(
          "usage: LargeStudyRun [SIZE ...] [--threads N] [--smoke] [--no-warmup]"
              + " [--missing SHARE]");
      System.exit(2);
      return;
    }
    if (!rows.stream().allMatch(Row::sane)) {
      System.exit(1);
    }
  }

  /**
   * Parses the arguments and runs every size, printing as it goes.
   *
   * @param args see the class comment
   * @param out where to print
   * @return one row per size
   * @throws IllegalArgumentException if the arguments are wrong, naming the argument
   */
  static List<Row> run(String[] args, PrintStream out) {
    return run(parse(args), out);
  }

  static Options parse(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    boolean smoke = false;
    boolean warmup = true;
    double missing = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--threads" -> threads = parseInt(a, value(args, ++i, a));
        case "--smoke" -> smoke = true;
        case "--no-warmup" -> warmup = false;
        case "--missing" -> missing = parseShare(a, value(args, ++i, a));
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("Unknown option " + a);
          }
          for (String part : a.split(",")) {
            if (!part.isBlank()) {
              sizes.add(parseInt("size", part.strip().replace("_", "")));
            }
          }
        }
      }
    }
    if (smoke) {
      if (sizes.isEmpty()) {
        sizes.add(2_000);
      }
      return new Options(sizes, threads, 200, 300, 10, warmup, missing);
    }
    if (sizes.isEmpty()) {
      sizes.addAll(List.of(100_000, 250_000, 500_000, 1_000_000));
    }
    return new Options(sizes, threads, 1_000, 2_600, 1_000, warmup, missing);
  }

  static List<Row> run(Options o, PrintStream out) {
    Runtime rt = Runtime.getRuntime();
    out.printf(
        Locale.ROOT, "Eventide LargeStudyRun, %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
    out.printf(
        Locale.ROOT,
        "java %s (%s), %d processors, max heap %.0f MiB, JVM arguments %s%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.availableProcessors(),
        rt.maxMemory() / MIB,
        ManagementFactory.getRuntimeMXBean().getInputArguments());

    long t0 = System.nanoTime();
    SyntheticData.Market market = SyntheticData.market(o.listings(), o.sessions(), SEED);
    ReturnPanel panel = market.panel(o.missingShare(), SEED + 1);
    List<Event> allEvents = market.eventsOnEverySession(o.events());
    market = null; // only the panel stays live
    double built = (System.nanoTime() - t0) / 1e9;
    gc();
    long baseline = heapUsed();
    out.printf(
        Locale.ROOT,
        "panel: %d listings x %d sessions, %d announcements each hitting every listing,"
            + " missing prices %.4f; built in %.1f s; heap after GC %.0f MiB%n",
        o.listings(),
        o.sessions(),
        o.events(),
        o.missingShare(),
        built,
        baseline / MIB);

    StudySpecification spec = StudySpecification.defaults();
    EventStudy study = EventStudy.of(spec).withParallelism(o.threads());
    out.printf(Locale.ROOT, "study: %s, threads %d%n", spec, o.threads());
    out.println("timed: study + the eleven tests on every test window, for CAR and BHAR");

    if (o.warmup()) {
      int n = o.sizes().get(0);
      long w0 = System.nanoTime();
      StudyWorkload.run(study, panel, allEvents.subList(0, n / o.listings()));
      out.printf(
          Locale.ROOT,
          "warm-up: %d firm-events in %.2f s (not reported below)%n",
          n,
          (System.nanoTime() - w0) / 1e9);
    }

    out.println();
    out.printf(
        Locale.ROOT,
        "%12s  %6s  %8s  %13s  %13s  %8s  %13s  %13s  %5s  %9s  %10s%n",
        "firm-events",
        "events",
        "wall s",
        "firm-events/s",
        "us/firm-event",
        "vs first",
        "peak heap MiB",
        "live heap MiB",
        "GC s",
        "N(0:0)",
        "CAAR(0:0)");
    List<Row> rows = new ArrayList<>();
    for (int n : o.sizes()) {
      Row row = measure(study, panel, allEvents, n, o.listings());
      rows.add(row);
      double first = rows.get(0).microsPerFirmEvent();
      out.printf(
          Locale.ROOT,
          "%12d  %6d  %8.3f  %13.0f  %13.2f  %7.2fx  %13.0f  %13.0f  %5.2f  %9d  %+10.6f%n",
          row.firmEvents(),
          row.events(),
          row.wallSeconds(),
          row.firmEventsPerSecond(),
          row.microsPerFirmEvent(),
          row.microsPerFirmEvent() / first,
          row.peakHeapBytes() / MIB,
          row.liveHeapBytes() / MIB,
          row.gcSeconds(),
          row.windowN(),
          row.caar());
    }
    out.println();
    boolean sane = rows.stream().allMatch(Row::sane);
    out.println(
        sane
            ? "sanity: OK (every firm-event OK and in the 0:0 sample, |CAAR(0:0)| < 0.005)"
            : "sanity: FAILED (expected every firm-event OK and in the 0:0 sample,"
                + " |CAAR(0:0)| < 0.005; with --missing some are left out by design)");
    return rows;
  }

  private static Row measure(
      EventStudy study, ReturnPanel panel, List<Event> allEvents, int n, int listings) {
    List<Event> events = allEvents.subList(0, n / listings);
    gc();
    resetHeapPeaks();
    double gcBefore = gcSeconds();
    long start = System.nanoTime();
    StudyWorkload.Outcome outcome = StudyWorkload.run(study, panel, events);
    double wall = (System.nanoTime() - start) / 1e9;
    long peak = heapPeak();
    double gcTime = gcSeconds() - gcBefore;
    StudyResult result = outcome.result();
    Sample day0 = result.sample(EventWindow.of(0, 0), Measure.CAR);
    double sum = 0;
    for (int i = 0; i < day0.size(); i++) {
      sum += day0.value(i);
    }
    int ok = result.count(io.eventide.study.Outcome.OK);
    // What the study keeps: heap in use after a full collection while its results are referenced.
    gc();
    long live = heapUsed();
    java.lang.ref.Reference.reachabilityFence(outcome);
    return new Row(
        n,
        events.size(),
        wall,
        peak,
        live,
        gcTime,
        ok,
        day0.size(),
        day0.size() > 0 ? sum / day0.size() : Double.NaN);
  }

  private static void gc() {
    System.gc();
    System.gc();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double gcSeconds() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(gc.getCollectionTime(), 0);
    }
    return ms / 1e3;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int parseInt(String what, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be an integer, got '" + text + "'", e);
    }
  }

  private static double parseShare(String what, String text) {
    try {
      double v = Double.parseDouble(text);
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(what + " must be between 0 and 1, got " + text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, got '" + text + "'", e);
    }
  }
}
