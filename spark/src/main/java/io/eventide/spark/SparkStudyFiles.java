package io.eventide.spark;

import io.eventide.event.Event;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudyFiles;
import io.eventide.report.internal.CsvWriter;
import io.eventide.report.internal.FirmEventFiles;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudySpecification;
import io.eventide.study.internal.MappedFirmEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Writes a Spark study's per-firm-event files ({@code firm_events.csv}, {@code
 * abnormal_returns.csv}, {@code car.csv}, {@code left_out.csv}) from the executors, byte for byte
 * the files {@link io.eventide.report.StudyFiles} writes from the local study ({@code
 * docs/spark.md} section 4).
 *
 * <ol>
 *   <li>The mapped firm-events, with the rows of the firm-events the resolution left out (made on
 *       the driver from the resolved study), are sorted into canonical order (event id, then
 *       ticker) by a range-partitioned {@code sortByKey} on a compact key: the event's rank among
 *       the sorted event ids and the ticker's among the sorted tickers, in one {@code long}.
 *   <li>Each sorted partition formats its rows with the core's column definitions ({@link
 *       FirmEventFiles}, the code {@code StudyFiles} runs) into part files in a temporary folder,
 *       through Hadoop's {@link FileSystem} (so {@code file:}, {@code hdfs:} and {@code s3a:} all
 *       work), one part per file section that has rows, named by section, partition and task
 *       attempt; a task returns the parts it wrote.
 *   <li>The driver writes each file: its header once, then, section by section and partition by
 *       partition, the bytes of the parts the successful tasks reported, streamed (never a file or
 *       a row list in memory); then it deletes the temporary folder, whatever happened.
 * </ol>
 *
 * <p>The bytes do not depend on the number of partitions: every row has a unique key, a partition
 * of the range sort holds keys below the next one's, and a row's text depends on that row alone.
 *
 * <p>The temporary folder is {@code <folder>/_parts-<random>} on the default file system when that
 * is the local one (local mode, or a shared mount), else {@code .eventide_parts-<random>} in the
 * user's home on the default file system (HDFS, S3); {@link #withPartsFolder} or the Spark setting
 * {@value #PARTS_FOLDER_CONF} names another parent (a URI every executor can write and the driver
 * can read).
 */
public final class SparkStudyFiles implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The Spark setting that names the parent of the temporary folder of parts (a URI). */
  public static final String PARTS_FOLDER_CONF = "spark.eventide.partsFolder";

  private final transient SparkSession spark;

  /** Each listing's calendar name, for the firm-events left out at resolution with a day 0. */
  private final transient HashMap<String, String> calendarOf;

  private final FirmEventFiles.Layout layout;
  private final HashMap<String, Integer> eventRank;
  private final HashMap<String, Integer> tickerRank;
  private final transient ResolvedStudy resolved;
  private final int partitions;
  private final String partsFolder;

  private SparkStudyFiles(
      SparkSession spark,
      ResolvedStudy resolved,
      HashMap<String, String> calendarOf,
      FirmEventFiles.Layout layout,
      HashMap<String, Integer> eventRank,
      HashMap<String, Integer> tickerRank,
      int partitions,
      String partsFolder) {
    this.spark = spark;
    this.resolved = resolved;
    this.calendarOf = calendarOf;
    this.layout = layout;
    this.eventRank = eventRank;
    this.tickerRank = tickerRank;
    this.partitions = partitions;
    this.partsFolder = partsFolder;
  }

  /**
   * The files of a study resolved on the driver.
   *
   * @param spark the session
   * @param resolved the whole study, resolved on the driver (its firm-events left out at resolution
   *     are written from it; the others come from the executors' rows)
   * @param panel the panel it was resolved on (its calendars date the rows)
   * @return the writer; its partitions are those of the rows it is given
   */
  public static SparkStudyFiles of(SparkSession spark, ResolvedStudy resolved, ReturnPanel panel) {
    Objects.requireNonNull(spark, "spark");
    StudySpecification spec = resolved.specification();
    FirmEventFiles.Layout layout =
        FirmEventFiles.Layout.of(spec, resolved.universe(), panel.calendars());
    HashMap<String, Integer> eventRank = new HashMap<>();
    TreeSet<String> tickers = new TreeSet<>();
    resolved.universe().forEach(l -> tickers.add(l.ticker()));
    for (Event e : resolved.events()) {
      eventRank.put(e.id(), eventRank.size()); // sorted by id
      tickers.addAll(e.affected());
    }
    HashMap<String, Integer> tickerRank = new HashMap<>();
    for (String t : tickers) {
      tickerRank.put(t, tickerRank.size());
    }
    HashMap<String, String> calendarOf = new HashMap<>();
    for (io.eventide.market.Listing l : resolved.universe()) {
      panel.returnsOf(l.ticker()).ifPresent(r -> calendarOf.put(l.ticker(), r.calendar().name()));
    }
    String parts = spark.sparkContext().conf().get(PARTS_FOLDER_CONF, null);
    return new SparkStudyFiles(
        spark, resolved, calendarOf, layout, eventRank, tickerRank, 0, parts);
  }

  /**
   * @param n the number of sorted partitions that write parts, at least 1
   * @return a copy that sorts into that many
   */
  public SparkStudyFiles withPartitions(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Partitions must be at least 1, got " + n);
    }
    return new SparkStudyFiles(
        spark, resolved, calendarOf, layout, eventRank, tickerRank, n, partsFolder);
  }

  /**
   * @param uri the parent of the temporary folder of parts: a folder every executor can write and
   *     the driver can read ({@code hdfs:///tmp}, {@code s3a://bucket/tmp}, {@code file:/shared})
   * @return a copy that writes its parts there
   */
  public SparkStudyFiles withPartsFolder(String uri) {
    return new SparkStudyFiles(
        spark,
        resolved,
        calendarOf,
        layout,
        eventRank,
        tickerRank,
        partitions,
        Objects.requireNonNull(uri));
  }

  /**
   * Writes every file of the command line ({@link StudyFiles#FILE_NAMES}): the four per-firm-event
   * files with {@link #write} from the executors, each other one on the driver by {@code
   * driverFile}.
   *
   * @param folder the output folder, created if missing
   * @param mapped the study's mapped firm-events
   * @param driverFile writes the file of that name into the folder and returns its path
   * @return the files written, in {@link StudyFiles#FILE_NAMES} order
   */
  List<Path> writeAll(
      Path folder, JavaRDD<MappedFirmEvent> mapped, Function<String, Path> driverFile) {
    List<Path> perFirmEvent = write(folder, mapped);
    List<Path> out = new ArrayList<>();
    for (String name : StudyFiles.FILE_NAMES) {
      int i = FirmEventFiles.FILE_NAMES.indexOf(name);
      out.add(i >= 0 ? perFirmEvent.get(i) : driverFile.apply(name));
    }
    return List.copyOf(out);
  }

  /**
   * Writes the four files into a folder of the driver, creating it if missing and overwriting the
   * files.
   *
   * @param folder the output folder
   * @param mapped the study's mapped firm-events (with or without their residuals), any order
   * @return the files written, in {@link FirmEventFiles#FILE_NAMES} order
   * @throws UncheckedIOException naming the file (or the part) that could not be written
   */
  public List<Path> write(Path folder, JavaRDD<MappedFirmEvent> mapped) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output folder " + folder + ": " + e, e);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    org.apache.hadoop.fs.Path dir = partsDir(folder, conf);
    FileSystem fs;
    try {
      fs = dir.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the parts folder " + dir + ": " + e, e);
    }
    Broadcast<SparkStudyFiles> self = jsc.broadcast(this);
    Broadcast<SerializableConfiguration> confB = jsc.broadcast(new SerializableConfiguration(conf));
    try {
      JavaRDD<MappedFirmEvent> rows = mapped;
      List<MappedFirmEvent> leftOut = leftOutAtResolution();
      if (!leftOut.isEmpty()) {
        rows = rows.union(jsc.parallelize(leftOut, 1));
      }
      int n = partitions > 0 ? partitions : Math.max(1, mapped.getNumPartitions());
      String dirName = dir.toString();
      KeyRanges ranges = ranges(n);
      List<Part> parts;
      try {
        parts =
            rows.mapToPair(m -> new Tuple2<>(self.value().key(m), m))
                .repartitionAndSortWithinPartitions(ranges)
                .mapPartitionsWithIndex(
                    (i, it) ->
                        self.value().writeParts(i, it, dirName, confB.value().value()).iterator(),
                    true)
                .collect();
      } catch (Exception e) { // a SparkException (checked, undeclared) or a runtime exception
        throw new UncheckedIOException(
            "Cannot write "
                + FirmEventFiles.FILE_NAMES
                + " into "
                + folder
                + ": writing their parts into "
                + dir
                + " failed: "
                + rootMessage(e),
            new IOException(e));
      }
      List<Part> sorted = new ArrayList<>(parts);
      sorted.sort(Comparator.comparingInt(Part::section).thenComparingInt(Part::partition));
      List<Path> out = new ArrayList<>();
      for (String name : FirmEventFiles.FILE_NAMES) {
        out.add(concatenate(folder.resolve(name), name, sorted, fs));
      }
      return List.copyOf(out);
    } finally {
      try {
        fs.delete(dir, true);
      } catch (IOException e) {
        // The files are written (or their error is on its way); a leftover folder is reported.
        System.err.println("eventide: note: could not delete " + dir + ": " + e.getMessage());
      }
      self.destroy();
      confB.destroy();
    }
  }

  /** A part file a task wrote: its section, its partition and its path. */
  record Part(int section, int partition, String path) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The rows of the firm-events the resolution left out, made on the driver from the resolved study
   * (one pass over its firm-events): they have no rows on the executors.
   */
  private List<MappedFirmEvent> leftOutAtResolution() {
    StudySpecification spec = resolved.specification();
    List<MappedFirmEvent> out = new ArrayList<>();
    if (resolved.resolvedCount() == resolved.size()) {
      return out;
    }
    for (ResolvedStudy.FirmEvent fe : resolved.firmEvents()) {
      if (fe.isResolved()) {
        continue;
      }
      out.add(
          MappedFirmEvent.leftOutAtResolution(
              fe.eventId(),
              fe.ticker(),
              fe.outcome().orElseThrow(),
              fe.reason(),
              fe.dayZeroIndex().isPresent() ? calendarOf.get(fe.ticker()) : null,
              fe.dayZeroIndex().orElse(0),
              spec.estimationWindow().fromInclusive(),
              spec.model().parameterNames().size(),
              layout.testWindows(),
              spec.eventSpan().length()));
    }
    return out;
  }

  /** The canonical order (event id, then ticker) as one long. */
  long key(MappedFirmEvent m) {
    return key(m.eventId(), m.ticker());
  }

  private long key(String eventId, String ticker) {
    Integer e = eventRank.get(eventId);
    Integer t = tickerRank.get(ticker);
    if (e == null || t == null) {
      throw new IllegalStateException(
          "Firm-event " + eventId + "/" + ticker + " is not one of the resolved study's");
    }
    return ((long) e << 32) | t;
  }

  /**
   * Ranges of keys holding equal shares of the firm-events, read off the driver's resolved study
   * (which lists every firm-event in canonical order), so no sampling job is needed.
   */
  private KeyRanges ranges(int n) {
    int size = resolved.size();
    long[] bounds = new long[n - 1];
    for (int j = 1; j < n; j++) {
      int at = (int) ((long) j * size / n);
      bounds[j - 1] =
          at < size
              ? key(resolved.firmEvent(at).eventId(), resolved.firmEvent(at).ticker())
              : Long.MAX_VALUE;
    }
    return new KeyRanges(bounds);
  }

  /**
   * Partition {@code p} holds the keys from {@code bounds[p - 1]} (or the smallest) to below {@code
   * bounds[p]} (or the largest): partitions in key order, as a range partitioner makes them.
   */
  static final class KeyRanges extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final long[] bounds;

    KeyRanges(long[] bounds) {
      this.bounds = bounds.clone();
    }

    @Override
    public int numPartitions() {
      return bounds.length + 1;
    }

    @Override
    public int getPartition(Object key) {
      long k = (Long) key;
      int lo = 0;
      int hi = bounds.length;
      while (lo < hi) { // the number of bounds <= k
        int mid = (lo + hi) >>> 1;
        if (bounds[mid] <= k) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof KeyRanges r && java.util.Arrays.equals(bounds, r.bounds);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bounds);
    }
  }

  /** Writes one sorted partition's rows into part files, one per section that has rows. */
  List<Part> writeParts(
      int partition,
      Iterator<Tuple2<Long, MappedFirmEvent>> rows,
      String dirName,
      Configuration conf) {
    int sections = FirmEventFiles.sections(layout);
    CsvWriter[] writers = new CsvWriter[sections];
    org.apache.hadoop.fs.Path[] paths = new org.apache.hadoop.fs.Path[sections];
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(dirName);
    TaskContext task = TaskContext.get();
    long attempt = task == null ? 0 : task.taskAttemptId();
    FirmEventFiles.RowWriter format = FirmEventFiles.writer(layout);
    boolean done = false;
    try {
      FileSystem fs = dir.getFileSystem(conf);
      while (rows.hasNext()) {
        format.write(
            rows.next()._2(),
            s -> {
              if (writers[s] == null) {
                // Named by attempt: a retried or speculative task never writes another's part.
                paths[s] =
                    new org.apache.hadoop.fs.Path(
                        dir,
                        String.format(
                            Locale.ROOT, "section-%03d-part-%05d-%d", s, partition, attempt));
                writers[s] = open(fs, paths[s], s);
              }
              return writers[s];
            });
      }
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the parts of " + FirmEventFiles.FILE_NAMES + " in " + dir + ": " + e, e);
    } finally {
      RuntimeException failure = null;
      for (int s = 0; s < sections; s++) {
        if (writers[s] != null) {
          try {
            writers[s].close();
          } catch (RuntimeException e) {
            if (failure == null) {
              failure =
                  new UncheckedIOException(
                      "Cannot write "
                          + paths[s]
                          + " (a part of "
                          + FirmEventFiles.fileOf(s)
                          + "): "
                          + e.getMessage(),
                      e instanceof UncheckedIOException u ? u.getCause() : new IOException(e));
            }
          }
        }
      }
      if (failure != null && done) {
        throw failure;
      }
    }
    List<Part> out = new ArrayList<>();
    for (int s = 0; s < sections; s++) {
      if (paths[s] != null) {
        out.add(new Part(s, partition, paths[s].toString()));
      }
    }
    return out;
  }

  private CsvWriter open(FileSystem fs, org.apache.hadoop.fs.Path path, int section) {
    String file = FirmEventFiles.fileOf(section);
    try {
      OutputStream os = fs.create(path, true);
      return CsvWriter.continuing(
          new OutputStreamWriter(os, StandardCharsets.UTF_8.newEncoder()),
          FirmEventFiles.header(file, layout));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create " + path + " (a part of " + file + "): " + e.getMessage(), e);
    }
  }

  /** The header, then the parts of the file's sections in order, streamed. */
  private Path concatenate(Path target, String name, List<Part> parts, FileSystem fs) {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      StringWriter header = new StringWriter();
      CsvWriter.to(header, FirmEventFiles.header(name, layout)).close();
      out.write(header.toString().getBytes(StandardCharsets.UTF_8));
      for (Part p : parts) {
        if (!FirmEventFiles.fileOf(p.section()).equals(name)) {
          continue;
        }
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(p.path()))) {
          in.transferTo(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /** Where the parts go: see the class comment. */
  private org.apache.hadoop.fs.Path partsDir(Path folder, Configuration conf) {
    String name = "_parts-" + UUID.randomUUID();
    if (partsFolder != null) {
      return new org.apache.hadoop.fs.Path(partsFolder, name);
    }
    try {
      FileSystem fs = FileSystem.get(conf);
      if ("file".equals(fs.getUri().getScheme())) {
        // From the URI, so that a folder whose name holds a space or a % stays that folder.
        return new org.apache.hadoop.fs.Path(
            new org.apache.hadoop.fs.Path(folder.toAbsolutePath().toUri()), name);
      }
      return new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".eventide" + name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach the default file system: " + e, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : e.getMessage();
  }
}
