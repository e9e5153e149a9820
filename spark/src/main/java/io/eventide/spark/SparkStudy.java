package io.eventide.spark;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import io.eventide.study.Conventions;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.internal.AllPairsSums;
import io.eventide.study.internal.ClusterShape;
import io.eventide.study.internal.CompleteSums;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.PartialSums;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.study.internal.StudySummaries;
import io.eventide.timeseries.DatedSeries;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Runs an {@code eventide-core} event study on Apache Spark ({@code docs/spark.md}): the same
 * answer as {@link io.eventide.study.EventStudy}, to the rounding of sums merged in another order
 * (about 1e-15 relative; the tests hold it to 1e-12), whatever the number of partitions, and the
 * same bits on every run with the same number of partitions.
 *
 * <ol>
 *   <li><b>Map, on partitions of listings.</b> The prices {@code Dataset} is grouped by ticker into
 *       {@link #withPartitions(int) n} partitions. Each task builds the return panel of its
 *       listings (their benchmarks and the factors are broadcast), resolves the study on them and
 *       the events affecting them, and maps every firm-event with the core's own mapper ({@link
 *       StudyPartitions#map}). Out come one row per firm-event (kept on the executor), the task's
 *       residual and rank sums (per group too), and the shape of each event's cluster ({@link
 *       ClusterShape}).
 *   <li><b>r̄, by event, combined on the map side.</b> The shapes are reduced by event; a simple
 *       cluster (one calendar and estimation range, no member with gaps) ships one {@link
 *       CompleteSums} per partition ({@code Σz} per window pattern), a mixed one its members'
 *       residuals, whose pairs are formed as locally ({@link StudyPartitions#addClusterPairSums}).
 *   <li><b>Reduce, in a fixed order.</b> Task sums are merged on the driver in partition order, a
 *       reducer's clusters in event-id order and a cluster's pieces in partition order; the driver
 *       resolves the whole study and streams the rows, without residuals, into it ({@link
 *       StudyPartitions#assemble}); the tests run there.
 * </ol>
 *
 * <p>{@link #run} leaves the driver holding the return panel and the study's columns (about 700
 * bytes per firm-event with the default windows), not the rows. {@link #runDistributed} finishes
 * the tests from merged per-window summaries instead and never assembles the columns: the driver
 * holds the panel, the resolved study and per-window sums. The sizing is in {@code
 * docs/scaling.md}.
 *
 * <p>Every option of the specification runs: a BHAR reference listing and each exchange's factor
 * set are broadcast with the benchmarks; a volume study reads the prices' {@code volume} column and
 * builds each task's panel of log volumes; under Stata's conventions r̄ pairs every two firm-events
 * of a window's sample, across events, so step 2 is replaced by {@link AllPairsSums}: each task's
 * {@code Σz} per window, and the pairs of its firm-events with the study's members with gaps
 * (collected and broadcast), merged in partition order.
 */
public final class SparkStudy {

  private final SparkSession spark;
  private final StudySpecification spec;
  private final int partitions;
  private final boolean keepEstimationSar;

  private SparkStudy(
      SparkSession spark, StudySpecification spec, int partitions, boolean keepEstimationSar) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.partitions = partitions;
    this.keepEstimationSar = keepEstimationSar;
  }

  /**
   * @param spark the session to run on
   * @param spec what to compute
   * @return a study with as many listing partitions as Spark's default parallelism
   */
  public static SparkStudy of(SparkSession spark, StudySpecification spec) {
    return new SparkStudy(spark, spec, spark.sparkContext().defaultParallelism(), false);
  }

  /**
   * @param n the number of listing partitions, at least 1
   * @return a copy with that many
   */
  public SparkStudy withPartitions(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Partitions must be at least 1, got " + n);
    }
    return new SparkStudy(spark, spec, n, keepEstimationSar);
  }

  /**
   * Keeps each firm-event's standardized estimation residuals, as {@code
   * EventStudy.withEstimationSar()} does, so that the result runs {@code grank-t} and {@code
   * grank-z}: one double per estimation day and firm-event more on the driver (1,920 bytes with the
   * default 240-day window).
   *
   * @return a copy that keeps them
   */
  public SparkStudy withEstimationSar() {
    return new SparkStudy(spark, spec, partitions, true);
  }

  /**
   * @return the number of listing partitions
   */
  public int partitions() {
    return partitions;
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
   * @param inputs prices, universe, events and factors
   * @return the result, with the mapped firm-events as a {@code Dataset}
   */
  public SparkStudyResult run(StudyInputs inputs) {
    return execute(inputs, null).spark();
  }

  /**
   * Runs the study and finishes a suite's tests from merged sums ({@code docs/spark.md}, "Tests
   * from merged sums"): each map task summarizes its firm-events per test window, measure and group
   * ({@link StudySummaries}) next to its residual and rank sums; the driver merges them in
   * partition order and finishes every test, W⁺ of Wilcoxon's test on samples of more than 30
   * non-zero values ranked by a small sort job ({@link SignedRanks}). No firm-event's columns reach
   * the driver: it holds the resolved study (for its structure and group labels) and per-window
   * sums. The rows equal {@code StudyTests.run(run(inputs).result(), suite)} to 1e-12 relative
   * (same test ids, n and reasons), and are the same bits on every run with the same number of
   * partitions.
   *
   * <p>Should a sample hold an input outside its domain (a non-finite CAR, BHAR or SCAR, {@code M_i
   * − k ≤ 2}, a share outside [0, 1]: a test's reason then names the firm-event's position in the
   * canonical order, which merged sums do not know), the study is assembled on the driver as {@link
   * #run} does and the tests run there; {@link DistributedStudyResult#driverFallback()} says so.
   *
   * @param inputs prices, universe, events and factors
   * @param suite tests that all finish from summaries ({@link TestSuite#supportsSummaries()}: any
   *     of the standard eleven, {@code grank-t} and {@code grank-z}; with these two the rows keep
   *     their estimation SARs on the executors and a second pass adds each firm-event's rank
   *     scores, given each sample's {@code S_SCAR}, to mergeable sums)
   * @return the tests, the groups' tests and the mapped firm-events
   * @throws IllegalArgumentException if a test of the suite does not finish from summaries
   */
  public DistributedStudyResult runDistributed(StudyInputs inputs, TestSuite suite) {
    Objects.requireNonNull(suite, "suite");
    if (!suite.supportsSummaries()) {
      throw new IllegalArgumentException(
          "The suite "
              + suite.ids()
              + " has a test that does not finish from merged sums (skew-t-boot resamples the"
              + " whole sample); use run(inputs) and test its result");
    }
    return execute(inputs, suite).distributed();
  }

  /** What {@link #execute} returns: one of the two results. */
  private record Results(SparkStudyResult spark, DistributedStudyResult distributed) {}

  private Results execute(StudyInputs inputs, TestSuite suite) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // The whole study is resolved first: bad input fails before any job runs.
    ReturnPanel panel = inputs.panel(spec.measure());
    ResolvedStudy resolved = spec.resolve(panel, inputs.events());
    StudyPlan plan = new StudyPlan(spec, inputs, panel);
    Broadcast<StudyPlan> planB = jsc.broadcast(plan);
    Set<String> tickers = plan.tickers();
    Broadcast<Set<String>> tickersB = jsc.broadcast(tickers);
    int estLen = StudyPartitions.estimationLength(spec);
    // The generalized rank tests' second pass reads each row's estimation SARs on the executors.
    boolean keep = suite == null ? keepEstimationSar : suite.needsEstimationSar();

    // 1. Map on partitions of listings (a volume study's rows carry the day's volume).
    Dataset<Row> columns =
        spec.measure() == StudyMeasure.VOLUME
            ? inputs.prices().select("ticker", "date", "close", StudyInputs.VOLUME)
            : inputs.prices().select("ticker", "date", "close");
    JavaPairRDD<String, Iterable<Row>> byTicker =
        columns
            .javaRDD()
            .filter(r -> tickersB.value().contains(r.getString(0)))
            .groupBy(r -> r.getString(0), partitions);
    JavaRDD<MapOutput> mapped =
        byTicker.mapPartitionsWithIndex(
            (i, it) -> List.of(mapPartition(i, planB.value(), estLen, keep, it)).iterator(), true);
    mapped.persist(StorageLevel.MEMORY_AND_DISK());
    Broadcast<Set<String>> mixedB = null;
    try {
      if (spec.conventions() == Conventions.STATA_ESTUDY) {
        // 2'. Stata's r̄ pairs every two firm-events of a window's sample, across events.
        PartialSums sums =
            mergeInOrder(
                mapped.map(o -> new Tuple2<>(o.index(), o.sums())).collect(),
                StudyPartitions.emptySums(spec),
                PartialSums::merge);
        allPairSums(jsc, mapped, estLen).addTo(sums);
        return finish(jsc, resolved, panel, mapped, sums, suite);
      }
      // 2. r̄. The clusters whose pairs need the residual vectors themselves (two calendars,
      // shifted estimation ranges, a member with gaps): a small reduce of each cluster's shape.
      Set<String> mixed =
          new HashSet<>(
              mapped
                  .flatMapToPair(o -> shapes(o).iterator())
                  .reduceByKey(ClusterShape::merge, partitions)
                  .filter(t -> !t._2().simple())
                  .keys()
                  .collect());
      mixedB = jsc.broadcast(mixed);
      Broadcast<Set<String>> mixedRef = mixedB;
      boolean grouped = spec.groupBy().isPresent();
      // Simple clusters ship one Σz per window pattern per partition (map-side combine), mixed
      // ones their members' residuals; each reducer sums its clusters in event-id order.
      JavaRDD<Tuple2<Integer, PartialSums>> pairParts =
          mapped
              .flatMapToPair(o -> pieces(o, mixedRef.value(), estLen, grouped).iterator())
              .groupByKey(partitions)
              .mapPartitionsWithIndex(
                  (i, it) -> List.of(new Tuple2<>(i, clusterSums(planB.value(), it))).iterator(),
                  true);

      // 3. Reduce: each task's sums, merged on the driver in partition order (deterministic).
      PartialSums sums =
          mergeInOrder(
              mapped.map(o -> new Tuple2<>(o.index(), o.sums())).collect(),
              StudyPartitions.emptySums(spec),
              PartialSums::merge);
      sums.merge(
          mergeInOrder(pairParts.collect(), StudyPartitions.emptySums(spec), PartialSums::merge));

      return finish(jsc, resolved, panel, mapped, sums, suite);
    } finally {
      mapped.unpersist(false);
      // Not destroyed: the result's Dataset of firm-events is recomputed from the plan on use.
      planB.unpersist(false);
      tickersB.unpersist(false);
      if (mixedB != null) {
        mixedB.destroy();
      }
    }
  }

  /** 4. Assemble: the rows stream to the driver one partition at a time, without residuals. */
  /**
   * Steps 4 and 5: without a suite, the rows stream to the driver one partition at a time (without
   * residuals) and are assembled into the study's columns; with one, the tests are finished from
   * the map tasks' merged summaries, or, should a sample hold an input outside its domain, from the
   * study assembled on the driver.
   */
  private Results finish(
      JavaSparkContext jsc,
      ResolvedStudy resolved,
      ReturnPanel panel,
      JavaRDD<MapOutput> mapped,
      PartialSums sums,
      TestSuite suite) {
    JavaRDD<MappedFirmEvent> rows =
        mapped.flatMap(o -> o.rows().iterator()).map(MappedFirmEvent::withoutResiduals);
    SparkStudyFiles files = SparkStudyFiles.of(spark, resolved, panel);
    if (suite != null) {
      StudySummaries summaries =
          mergeInOrder(
              mapped.map(o -> new Tuple2<>(o.index(), o.summaries())).collect(),
              StudyPartitions.emptySummaries(spec),
              StudySummaries::merge);
      if (summaries.inputsRegular()) {
        return new Results(
            null,
            DistributedTests.finish(
                jsc, resolved, panel, sums, summaries, suite, rows, partitions, files));
      }
      // 4'. An input outside its domain: its reason needs the canonical position.
      StudyResult result = StudyPartitions.assemble(resolved, rows::toLocalIterator, sums);
      return new Results(
          null,
          DistributedTests.ofResult(
              resolved,
              panel,
              result,
              suite,
              rows,
              partitions,
              "a test sample holds an input outside its domain (a non-finite CAR, BHAR or SCAR,"
                  + " M_i − k ≤ 2 or a share outside [0, 1]), whose reason names its position in"
                  + " the canonical order: the study was assembled on the driver",
              files));
    }
    // 4. Assemble: the rows stream to the driver one partition at a time, without residuals.
    StudyResult result =
        StudyPartitions.assemble(resolved, rows::toLocalIterator, sums, keepEstimationSar);
    return new Results(new SparkStudyResult(spark, result, rows, partitions, files), null);
  }

  /**
   * Stata's r̄ sums: the members with gaps are correlated pair by pair, so they are collected
   * (residuals only) and broadcast to every task; each task adds its complete members' {@code Σz}
   * and its pairs with them; the pieces are merged in partition order.
   */
  private AllPairsSums allPairSums(JavaSparkContext jsc, JavaRDD<MapOutput> mapped, int estLen) {
    List<MappedFirmEvent> incomplete =
        new ArrayList<>(
            mapped
                .flatMap(o -> incomplete(o.rows()).iterator())
                .map(SparkStudy::withoutOutputs)
                .collect());
    incomplete.sort(AllPairsSums.CANONICAL);
    Broadcast<List<MappedFirmEvent>> incompleteB = jsc.broadcast(incomplete);
    try {
      boolean grouped = spec.groupBy().isPresent();
      int windows = spec.testWindows().size();
      List<Tuple2<Integer, AllPairsSums>> parts =
          new ArrayList<>(
              mapped
                  .map(
                      o ->
                          new Tuple2<>(
                              o.index(),
                              allPairs(o.rows(), incompleteB.value(), windows, estLen, grouped)))
                  .collect());
      parts.sort(Comparator.comparingInt(Tuple2::_1));
      AllPairsSums all = new AllPairsSums(windows, estLen, grouped);
      for (Tuple2<Integer, AllPairsSums> t : parts) {
        all.merge(t._2());
      }
      return all;
    } finally {
      incompleteB.destroy();
    }
  }

  /** A task's in-sample firm-events without a residual on every estimation day. */
  private static List<MappedFirmEvent> incomplete(List<MappedFirmEvent> rows) {
    List<MappedFirmEvent> out = new ArrayList<>();
    for (MappedFirmEvent fe : rows) {
      if (fe.inSample() && !AllPairsSums.complete(fe)) {
        out.add(fe);
      }
    }
    return out;
  }

  /**
   * What Stata's pairs need of a member with gaps: its key, residuals, windows and group (the rest
   * is dropped before it is broadcast to every task).
   */
  private static MappedFirmEvent withoutOutputs(MappedFirmEvent fe) {
    double[] none = new double[0];
    return new MappedFirmEvent(
        fe.eventId(),
        fe.ticker(),
        fe.outcome(),
        "",
        fe.observations(),
        none,
        Double.NaN,
        Double.NaN,
        none,
        none,
        none,
        none,
        none,
        none,
        none,
        fe.calendar(),
        fe.estimationStart(),
        fe.residuals(),
        fe.residualCount(),
        fe.residualSum(),
        fe.windowMask(),
        fe.group(),
        null);
  }

  /** A task's share of Stata's r̄: its Σz per window and its pairs with the members with gaps. */
  private static AllPairsSums allPairs(
      List<MappedFirmEvent> rows,
      List<MappedFirmEvent> incomplete,
      int windows,
      int estLen,
      boolean grouped) {
    AllPairsSums sums = new AllPairsSums(windows, estLen, grouped);
    for (MappedFirmEvent fe : rows) {
      sums.add(fe);
      sums.addIncompletePairs(fe, incomplete);
    }
    return sums;
  }

  /**
   * What one map task returns: its index, its residual and rank sums, the shape of each cluster
   * among its firm-events, and its rows (with residuals).
   */
  record MapOutput(
      int index,
      PartialSums sums,
      StudySummaries summaries,
      Map<String, ClusterShape> shapes,
      List<MappedFirmEvent> rows)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A partition's share of one cluster's r̄: for a simple cluster the {@link CompleteSums} of its
   * members there (key {@code ""}: all; {@code "g" + label}: a group), else the members themselves.
   */
  record Piece(int partition, TreeMap<String, CompleteSums> combined, List<MappedFirmEvent> members)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static MapOutput mapPartition(
      int index,
      StudyPlan plan,
      int estLen,
      boolean keepEstimationSar,
      Iterator<Tuple2<String, Iterable<Row>>> listings) {
    StudySpecification spec = plan.specification();
    Map<String, DatedSeries> own = new HashMap<>();
    Map<String, DatedSeries> ownVolumes = new HashMap<>();
    boolean volume = spec.measure() == StudyMeasure.VOLUME;
    while (listings.hasNext()) {
      Tuple2<String, Iterable<Row>> l = listings.next();
      own.put(l._1(), StudyInputs.series(l._1(), l._2()));
      if (volume) {
        ownVolumes.put(l._1(), StudyInputs.volumes(l._1(), l._2()));
      }
    }
    List<MappedFirmEvent> out = new ArrayList<>();
    Map<String, ClusterShape> shapes = new HashMap<>();
    if (own.isEmpty()) {
      return new MapOutput(
          index,
          StudyPartitions.emptySums(spec),
          StudyPartitions.emptySummaries(spec),
          shapes,
          out);
    }
    ReturnPanel panel = plan.panel(own, ownVolumes);
    List<Event> events = plan.eventsFor(own.keySet());
    PartialSums sums =
        StudyPartitions.map(spec.resolve(panel, events), out::add, keepEstimationSar);
    StudySummaries summaries = StudyPartitions.emptySummaries(spec);
    for (MappedFirmEvent fe : out) {
      if (fe.inSample()) {
        shapes.merge(fe.eventId(), ClusterShape.of(fe, estLen), ClusterShape::merge);
      }
      summaries.add(fe);
    }
    return new MapOutput(index, sums, summaries, shapes, out);
  }

  private static List<Tuple2<String, ClusterShape>> shapes(MapOutput o) {
    List<Tuple2<String, ClusterShape>> out = new ArrayList<>(o.shapes().size());
    o.shapes().forEach((k, v) -> out.add(new Tuple2<>(k, v)));
    return out;
  }

  private static List<Tuple2<String, Piece>> pieces(
      MapOutput o, Set<String> mixed, int estLen, boolean grouped) {
    Map<String, List<MappedFirmEvent>> byEvent = new TreeMap<>();
    for (MappedFirmEvent fe : o.rows()) {
      if (fe.inSample()) {
        byEvent.computeIfAbsent(fe.eventId(), k -> new ArrayList<>()).add(fe);
      }
    }
    List<Tuple2<String, Piece>> out = new ArrayList<>(byEvent.size());
    for (Map.Entry<String, List<MappedFirmEvent>> e : byEvent.entrySet()) {
      if (mixed.contains(e.getKey())) {
        out.add(new Tuple2<>(e.getKey(), new Piece(o.index(), null, e.getValue())));
        continue;
      }
      TreeMap<String, CompleteSums> combined = new TreeMap<>();
      for (MappedFirmEvent fe : e.getValue()) {
        combined.computeIfAbsent("", k -> new CompleteSums(estLen)).add(fe);
        if (grouped) {
          combined.computeIfAbsent("g" + fe.group(), k -> new CompleteSums(estLen)).add(fe);
        }
      }
      out.add(new Tuple2<>(e.getKey(), new Piece(o.index(), combined, null)));
    }
    return out;
  }

  /** The pair sums of a reducer's clusters, in event-id order, each from its pieces in order. */
  private static PartialSums clusterSums(
      StudyPlan plan, Iterator<Tuple2<String, Iterable<Piece>>> clusters) {
    StudySpecification spec = plan.specification();
    Map<String, TradingCalendar> calendars = new HashMap<>();
    for (TradingCalendar c : plan.calendarPanel().calendars()) {
      calendars.put(c.name(), c);
    }
    TreeMap<String, List<Piece>> byEvent = new TreeMap<>();
    while (clusters.hasNext()) {
      Tuple2<String, Iterable<Piece>> c = clusters.next();
      List<Piece> pieces = new ArrayList<>();
      c._2().forEach(pieces::add);
      pieces.sort(Comparator.comparingInt(Piece::partition));
      byEvent.put(c._1(), pieces);
    }
    PartialSums total = StudyPartitions.emptySums(spec);
    for (List<Piece> pieces : byEvent.values()) {
      if (pieces.get(0).members() != null) {
        List<MappedFirmEvent> members = new ArrayList<>();
        pieces.forEach(p -> members.addAll(p.members()));
        // The canonical order within a cluster: by ticker.
        members.sort(Comparator.comparing(MappedFirmEvent::ticker));
        StudyPartitions.addClusterPairSums(spec, members, calendars::get, total);
        continue;
      }
      TreeMap<String, CompleteSums> merged = new TreeMap<>();
      for (Piece p : pieces) {
        p.combined().forEach((k, v) -> merged.merge(k, v, CompleteSums::merge));
      }
      for (Map.Entry<String, CompleteSums> e : merged.entrySet()) {
        double[] pairs = new double[total.windows()];
        e.getValue().addPairSumsTo(pairs);
        PartialSums target = e.getKey().isEmpty() ? total : total.group(e.getKey().substring(1));
        target.addPairSums(pairs);
      }
    }
    return total;
  }

  /**
   * Merges parts into {@code total} in the order of their partition index: the same bits whatever
   * finished first.
   */
  private static <T> T mergeInOrder(
      List<Tuple2<Integer, T>> parts, T total, BiConsumer<T, T> merge) {
    List<Tuple2<Integer, T>> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingInt(Tuple2::_1));
    for (Tuple2<Integer, T> t : sorted) {
      merge.accept(total, t._2());
    }
    return total;
  }
}
