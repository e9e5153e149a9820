package io.eventide.spark;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The scaling runner of {@code docs/scaling.md}: a generated panel (L listings × 1,300 weekday
 * sessions, a market model with β ~ U(0.5, 1.5) and σ 2%), E events each hitting every listing, N =
 * L × E firm-events with the default specification; the study and all eleven tests run once locally
 * ({@link EventStudy}, every processor) and once on Spark, and it prints wall seconds, the shuffle
 * bytes written and read (and written by stage), the bytes of task results sent to the driver, and
 * whether the two answers agree (the largest relative difference of the test statistics; {@code
 * --no-local} skips the local run). {@code --distributed} runs {@link SparkStudy#runDistributed}
 * (the tests from merged sums, no firm-event's columns on the driver) instead of {@link
 * SparkStudy#run} and {@code StudyTests.run} on the assembled result; it also prints the driver's
 * used heap after the run. With {@code --files DIR} it then writes the per-firm-event files from
 * the executors ({@link SparkStudyFiles}) into {@code DIR/<N>} and prints that step's wall seconds,
 * shuffle bytes and the bytes of the four files (the bytes the driver streams).
 *
 * <pre>
 * java -Xmx8g [Spark's --add-opens] -cp spark/target/eventide-spark-local.jar \
 *     io.eventide.spark.SparkScaleRun [--master local[2]] [--listings L] [--partitions P]
 *     [--no-local] [--distributed] [--files DIR] N ...
 * </pre>
 */
public final class SparkScaleRun {

  private static final int SESSIONS = 1_300;

  private SparkScaleRun() {}

  /**
   * @param args sizes in firm-events (multiples of the listing count), optionally {@code --master
   *     URL}, {@code --listings L} (default 1,000), {@code --partitions P} (default Spark's
   *     parallelism), {@code --no-local}, {@code --distributed}, {@code --files DIR}
   */
  public static void main(String[] args) {
    String master = "local[2]";
    int listings = 1_000;
    Integer partitions = null;
    boolean withLocal = true;
    boolean distributed = false;
    java.nio.file.Path files = null;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--master" -> master = args[++i];
        case "--listings" -> listings = Integer.parseInt(args[++i]);
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--no-local" -> withLocal = false;
        case "--distributed" -> distributed = true;
        case "--files" -> files = java.nio.file.Path.of(args[++i]);
        default -> sizes.add(Integer.parseInt(args[i].replace("_", "")));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(100_000, 1_000_000);
    }
    SparkSession spark =
        SparkSession.builder()
            .master(master)
            .appName("eventide scale run")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "8")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    AtomicLong shuffleWrite = new AtomicLong();
    AtomicLong shuffleRead = new AtomicLong();
    AtomicLong recordsRead = new AtomicLong();
    AtomicLong toDriver = new AtomicLong();
    Map<Integer, AtomicLong> writeByStage = new java.util.concurrent.ConcurrentSkipListMap<>();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                  shuffleWrite.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                  shuffleRead.addAndGet(
                      end.taskMetrics().shuffleReadMetrics().remoteBytesRead()
                          + end.taskMetrics().shuffleReadMetrics().localBytesRead());
                  recordsRead.addAndGet(end.taskMetrics().inputMetrics().recordsRead());
                  toDriver.addAndGet(end.taskMetrics().resultSize());
                  writeByStage
                      .computeIfAbsent(end.stageId(), k -> new AtomicLong())
                      .addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                }
              }
            });
    rowSizes();
    System.out.printf(
        Locale.ROOT,
        "%12s %8s %10s %10s %14s %14s %10s %14s %12s%n",
        "firm-events",
        "events",
        "local s",
        "spark s",
        "shuffle wr MB",
        "shuffle rd MB",
        "B/fe wr",
        "to driver MB",
        "max rel diff");
    try {
      for (int n : sizes) {
        int events = n / listings;
        World w = World.of(listings, events, 7L);
        StudySpecification spec = StudySpecification.defaults();
        long t0 = System.nanoTime();
        StudyTests lt = null;
        if (withLocal) {
          StudyResult local =
              EventStudy.of(spec)
                  .run(ReturnPanel.of(w.universe, w.prices, ReturnType.SIMPLE), w.events);
          lt = StudyTests.run(local, TestSuite.standard());
        }
        double localS = withLocal ? (System.nanoTime() - t0) / 1e9 : Double.NaN;
        StudyInputs inputs =
            StudyInputs.of(spark, w.universe, w.events, w.prices, ReturnType.SIMPLE, null);
        SparkStudy study = SparkStudy.of(spark, spec);
        if (partitions != null) {
          study = study.withPartitions(partitions);
        }
        shuffleWrite.set(0);
        shuffleRead.set(0);
        toDriver.set(0);
        writeByStage.clear();
        long t1 = System.nanoTime();
        StudyTests st;
        SparkStudyFiles perFirmEvent;
        JavaRDD<MappedFirmEvent> rows;
        if (distributed) {
          DistributedStudyResult d = study.runDistributed(inputs, TestSuite.standard());
          st = d.tests();
          perFirmEvent = d.files();
          rows = d.firmEvents();
        } else {
          SparkStudyResult onSpark = study.run(inputs);
          st = onSpark.test(TestSuite.standard());
          perFirmEvent = onSpark.files();
          rows = onSpark.rows();
        }
        double sparkS = (System.nanoTime() - t1) / 1e9;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
            Locale.ROOT,
            "  %s: driver heap used after the run %.0f MB (max %.0f MB)%n",
            distributed ? "runDistributed" : "run + StudyTests.run",
            (rt.totalMemory() - rt.freeMemory()) / 1e6,
            rt.maxMemory() / 1e6);
        double maxRel = withLocal ? 0 : Double.NaN;
        String worst = "";
        for (int i = 0; lt != null && i < lt.rows().size(); i++) {
          double a = lt.rows().get(i).result().statistic();
          double b = st.rows().get(i).result().statistic();
          double rel = 0;
          if (a == a && b == b && a != b) {
            rel = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
          } else if ((a == a) != (b == b)) {
            rel = Double.POSITIVE_INFINITY;
          }
          if (rel > maxRel) {
            maxRel = rel;
            StudyTests.Row r = lt.rows().get(i);
            worst =
                r.window() + " " + r.measure() + " " + r.result().testId() + ": " + a + " vs " + b;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "%12d %8d %10.1f %10.1f %14.1f %14.1f %10.0f %14.1f %12.1e%n",
            n,
            events,
            localS,
            sparkS,
            shuffleWrite.get() / 1e6,
            shuffleRead.get() / 1e6,
            (double) shuffleWrite.get() / n,
            toDriver.get() / 1e6,
            maxRel);
        if (!worst.isEmpty()) {
          System.out.println("  largest relative difference: " + worst);
        }
        StringBuilder stages = new StringBuilder("  shuffle written by stage (bytes):");
        writeByStage.forEach(
            (k, v) -> {
              if (v.get() > 0) {
                stages.append(' ').append(k).append('=').append(v.get());
              }
            });
        System.out.println(stages);
        if (files != null) {
          writeFiles(
              perFirmEvent, rows, files.resolve(Integer.toString(n)), n, shuffleWrite, toDriver);
        }
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * Writes the per-firm-event files from the executors and prints the step's wall seconds, its
   * shuffle (the rows sorted into canonical order), its task results and the files' bytes.
   */
  private static void writeFiles(
      SparkStudyFiles perFirmEvent,
      JavaRDD<MappedFirmEvent> rows,
      java.nio.file.Path dir,
      int n,
      AtomicLong shuffleWrite,
      AtomicLong toDriver) {
    shuffleWrite.set(0);
    toDriver.set(0);
    long t0 = System.nanoTime();
    List<java.nio.file.Path> written = perFirmEvent.write(dir, rows);
    double s = (System.nanoTime() - t0) / 1e9;
    long bytes = 0;
    for (java.nio.file.Path f : written) {
      try {
        bytes += java.nio.file.Files.size(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  files from the executors: %.1f s (map run again), shuffle written %.1f MB (%.0f B per"
            + " firm-event), task results %.1f MB, files %.1f MB (%.0f B per firm-event)%n",
        s,
        shuffleWrite.get() / 1e6,
        (double) shuffleWrite.get() / n,
        toDriver.get() / 1e6,
        bytes / 1e6,
        (double) bytes / n);
  }

  /** Prints the Java-serialized size of one mapped firm-event, with and without residuals. */
  private static void rowSizes() {
    World w = World.of(4, 2, 1L);
    StudySpecification spec = StudySpecification.defaults();
    List<MappedFirmEvent> rows = new ArrayList<>();
    StudyPartitions.map(
        spec.resolve(ReturnPanel.of(w.universe, w.prices, ReturnType.SIMPLE), w.events), rows::add);
    MappedFirmEvent row = rows.get(0);
    System.out.printf(
        Locale.ROOT,
        "one mapped firm-event, Java-serialized: %d bytes with residuals (r̄ shuffle),"
            + " %d without (to the driver)%n",
        serializedSize(row),
        serializedSize(row.withoutResiduals()));
  }

  private static int serializedSize(Object o) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(o);
      }
      return bytes.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The generated panel and events. */
  private static final class World {
    final List<Listing> universe = new ArrayList<>();
    final Map<String, DatedSeries> prices = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();

    static World of(int listings, int eventCount, long seed) {
      World w = new World();
      SplittableRandom rnd = new SplittableRandom(seed);
      LocalDate[] dates = new LocalDate[SESSIONS];
      LocalDate d = LocalDate.of(2015, 1, 5);
      for (int t = 0; t < SESSIONS; d = d.plusDays(1)) {
        if (d.getDayOfWeek().getValue() <= 5) {
          dates[t++] = d;
        }
      }
      double[] m = new double[SESSIONS];
      for (int t = 0; t < SESSIONS; t++) {
        m[t] = 0.0003 + 0.01 * rnd.nextGaussian();
      }
      w.prices.put("MKT", DatedSeries.of("MKT", dates, compound(m)));
      for (int i = 0; i < listings; i++) {
        String ticker = String.format(Locale.ROOT, "L%05d", i);
        double beta = 0.5 + rnd.nextDouble();
        double[] r = new double[SESSIONS];
        for (int t = 0; t < SESSIONS; t++) {
          r[t] = 0.0002 + beta * m[t] + 0.02 * rnd.nextGaussian();
        }
        w.universe.add(Listing.of(ticker, Exchange.NYSE, "MKT"));
        w.prices.put(ticker, DatedSeries.of(ticker, dates, compound(r)));
      }
      int first = 260;
      int last = SESSIONS - 12;
      for (int e = 0; e < eventCount; e++) {
        int day = first + (int) ((long) e * (last - first) / Math.max(1, eventCount - 1));
        w.events.add(
            Event.of(
                String.format(Locale.ROOT, "E%06d", e),
                new Announcement.OnDate(dates[day]),
                List.of()));
      }
      return w;
    }

    private static double[] compound(double[] r) {
      double[] p = new double[r.length];
      double v = 100;
      for (int t = 0; t < r.length; t++) {
        v *= 1 + r[t];
        p[t] = v;
      }
      return p;
    }
  }
}
