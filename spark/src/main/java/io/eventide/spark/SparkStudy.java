package io.eventide.spark;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.market.ReturnPanel;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.PartialSums;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.timeseries.DatedSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Runs an {@code eventide-core} event study on Apache Spark ({@code docs/spark.md}): the same
 * answer as {@link io.eventide.study.EventStudy}, to the rounding of sums merged in another order
 * (about 1e-15 relative; the tests hold it to 1e-12), whatever the number of partitions.
 *
 * <ol>
 *   <li><b>Map, on partitions of listings.</b> The prices {@code Dataset} is grouped by ticker into
 *       {@link #withPartitions(int) n} partitions. Each task builds the return panel of its
 *       listings (their benchmarks and the factors are broadcast), resolves the study on them and
 *       the events affecting them, and maps every firm-event with the core's own mapper ({@link
 *       StudyPartitions#map}). Out come one row per firm-event and the task's residual and rank
 *       sums.
 *   <li><b>r̄, by event.</b> The estimation residuals of the firm-events in a sample are shuffled
 *       by event id; each cluster's {@code Σ r_ij} per window is computed as locally ({@link
 *       StudyPartitions#clusterPairSums}).
 *   <li><b>Reduce.</b> The partial sums are merged ({@code fold}); the driver resolves the whole
 *       study, joins the rows to it and runs the tests ({@link StudyPartitions#assemble}).
 * </ol>
 *
 * <p>The driver holds the return panel (to resolve and to date the results) and, for the tests and
 * the output files, every firm-event's values; the sizing is in {@code docs/scaling.md}.
 */
public final class SparkStudy {

  private final SparkSession spark;
  private final StudySpecification spec;
  private final int partitions;

  private SparkStudy(SparkSession spark, StudySpecification spec, int partitions) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.spec = Objects.requireNonNull(spec, "spec");
    // Groups and a BHAR reference listing are not computed on partitions: refuse them up front.
    StudyPartitions.requireSupported(spec);
    this.partitions = partitions;
  }

  /**
   * @param spark the session to run on
   * @param spec what to compute
   * @return a study with as many listing partitions as Spark's default parallelism
   */
  public static SparkStudy of(SparkSession spark, StudySpecification spec) {
    return new SparkStudy(spark, spec, spark.sparkContext().defaultParallelism());
  }

  /**
   * @param n the number of listing partitions, at least 1
   * @return a copy with that many
   */
  public SparkStudy withPartitions(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Partitions must be at least 1, got " + n);
    }
    return new SparkStudy(spark, spec, n);
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
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Map<String, DatedSeries> driverPrices = inputs.driverPrices();
    StudyPlan plan =
        new StudyPlan(
            spec,
            inputs.returnType(),
            inputs.universe(),
            inputs.events(),
            driverPrices,
            inputs.factors().orElse(null));
    Broadcast<StudyPlan> planB = jsc.broadcast(plan);
    Set<String> tickers = plan.tickers();
    Broadcast<Set<String>> tickersB = jsc.broadcast(tickers);

    // 1. Map on partitions of listings.
    JavaPairRDD<String, Iterable<Row>> byTicker =
        inputs
            .prices()
            .select("ticker", "date", "close")
            .javaRDD()
            .filter(r -> tickersB.value().contains(r.getString(0)))
            .groupBy(r -> r.getString(0), partitions);
    JavaRDD<Tuple2<PartialSums, List<MappedFirmEvent>>> mapped =
        byTicker.mapPartitions(it -> List.of(mapPartition(planB.value(), it)).iterator());
    mapped.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      JavaRDD<MappedFirmEvent> rows = mapped.flatMap(t -> t._2().iterator());

      // 2. r̄: each cluster's pair sums, from its in-sample residuals gathered by event.
      JavaRDD<double[]> pairSums =
          rows.filter(MappedFirmEvent::inSample)
              .groupBy(MappedFirmEvent::eventId, partitions)
              .mapPartitions(it -> clusterSums(planB.value(), it));

      // 3. Reduce, one job each: fold merges into a copy of the zero sums per task and on the
      // driver, so merging in place is safe.
      PartialSums sums =
          mapped.map(Tuple2::_1).fold(StudyPartitions.emptySums(spec), PartialSums::merge);
      sums.addPairSums(pairSums.fold(new double[sums.windows()], SparkStudy::add));
      ReturnPanel panel = ReturnPanel.of(inputs.universe(), driverPrices, inputs.returnType());
      if (inputs.factors().isPresent()) {
        panel = panel.withFactors(inputs.factors().get());
      }
      ResolvedStudy resolved = spec.resolve(panel, inputs.events());
      // The driver needs no residuals: they stay on the executors.
      List<MappedFirmEvent> collected = rows.map(MappedFirmEvent::withoutResiduals).collect();
      StudyResult result = StudyPartitions.assemble(resolved, collected, sums);
      return new SparkStudyResult(spark, result, collected, partitions);
    } finally {
      mapped.unpersist(false);
      planB.destroy();
      tickersB.destroy();
    }
  }

  private static Tuple2<PartialSums, List<MappedFirmEvent>> mapPartition(
      StudyPlan plan, Iterator<Tuple2<String, Iterable<Row>>> listings) {
    StudySpecification spec = plan.specification();
    Map<String, DatedSeries> own = new HashMap<>();
    while (listings.hasNext()) {
      Tuple2<String, Iterable<Row>> l = listings.next();
      own.put(l._1(), StudyInputs.series(l._1(), l._2()));
    }
    List<MappedFirmEvent> out = new ArrayList<>();
    if (own.isEmpty()) {
      return new Tuple2<>(StudyPartitions.emptySums(spec), out);
    }
    ReturnPanel panel = plan.panel(own);
    List<Event> events = plan.eventsFor(own.keySet());
    PartialSums sums = StudyPartitions.map(spec.resolve(panel, events), out::add);
    return new Tuple2<>(sums, out);
  }

  private static Iterator<double[]> clusterSums(
      StudyPlan plan, Iterator<Tuple2<String, Iterable<MappedFirmEvent>>> clusters) {
    StudySpecification spec = plan.specification();
    Map<String, TradingCalendar> calendars = new HashMap<>();
    for (TradingCalendar c : plan.calendarPanel().calendars()) {
      calendars.put(c.name(), c);
    }
    double[] total = null;
    while (clusters.hasNext()) {
      List<MappedFirmEvent> members = new ArrayList<>();
      clusters.next()._2().forEach(members::add);
      // The canonical order within a cluster: by ticker.
      members.sort(Comparator.comparing(MappedFirmEvent::ticker));
      double[] s = StudyPartitions.clusterPairSums(spec, members, calendars::get);
      total = total == null ? s : add(total, s);
    }
    return total == null ? List.<double[]>of().iterator() : List.of(total).iterator();
  }

  private static double[] add(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
    return a;
  }
}
