package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.calendar.Exchange;
import io.eventide.examples.SampleData;
import io.eventide.inference.Measure;
import io.eventide.inference.TestSuite;
import io.eventide.io.PriceDirectory;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.study.Conventions;
import io.eventide.study.EventStudy;
import io.eventide.study.GroupBy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of a study that the Spark study once refused: a BHAR reference listing, Stata's
 * conventions, a factor set per exchange, and the volume and volatility measures. Each gives the
 * local study's answer ({@link EventStudy}, the reference) to 1e-12 relative on the bundled sample
 * ({@link SameAnswer}), with {@link SparkStudy#run} and, for the tests and means, with {@link
 * SparkStudy#runDistributed} (finished from merged summaries). One local[2] session for the class.
 */
class SparkStudyFlagsTest extends LocalSparkTest {

  private static StudyInputs sample(ReturnType type) {
    return StudyInputs.of(
        spark, SampleData.universe(), SampleData.events(), SampleData.prices(), type, null);
  }

  private static ReturnPanel samplePanel() {
    return ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.SIMPLE);
  }

  private static void assertSameStudy(StudySpecification spec, ReturnPanel panel, StudyInputs in) {
    StudyResult local = EventStudy.of(spec).run(panel, SampleData.events());
    SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(3).run(in);
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    // A volatility study runs the tests of a zero mean only: most rows are undefined there.
    boolean most = spec.measure() != StudyMeasure.VOLATILITY;
    SameAnswer.assertSame(local, onSpark.result(), lt, onSpark.test(TestSuite.standard()), most);
    assertThat(lt.rows()).anyMatch(r -> r.result().isDefined());
    // The tests and means finished from merged summaries, without the driver's columns.
    DistributedStudyResult d =
        SparkStudy.of(spark, spec).withPartitions(3).runDistributed(in, TestSuite.standard());
    assertThat(d.driverFallback()).isEmpty();
    SameAnswer.assertSameTests(lt, d.tests(), most);
    SameAnswer.assertSameMeans(io.eventide.study.StudyMeans.of(local), d.means());
    assertThat(local.count(Outcome.OK)).isGreaterThan(50);
  }

  /** The events as a Parquet table of {@link StudyInputs#EVENTS_SCHEMA}. */
  private static void writeEvents(java.util.List<io.eventide.event.Event> events, String path) {
    java.util.List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
    for (io.eventide.event.Event e : events) {
      String announced =
          e.announcement() instanceof io.eventide.event.Announcement.OnDate d
              ? d.date().toString()
              : ((io.eventide.event.Announcement.AtInstant) e.announcement()).at().toString();
      rows.add(
          org.apache.spark.sql.RowFactory.create(
              e.id(),
              announced,
              scala.jdk.javaapi.CollectionConverters.asScala(e.affected()).toSeq()));
    }
    spark.createDataFrame(rows, StudyInputs.EVENTS_SCHEMA).write().parquet(path);
  }

  /**
   * BHAR against a reference listing: the S&amp;P 500's own file (outside the universe, broadcast
   * to every task), then BABA, a listing of the universe that lives on one partition only, whose
   * prices on its own calendar every task gets (the Hong Kong listings align them to theirs).
   */
  @Test
  void bharAgainstAReferenceListingInOrOutsideTheUniverse() {
    Map<String, DatedSeries> prices = SampleData.prices();
    StudySpecification outside = StudySpecification.builder().bharBenchmark("SPX").build();
    assertSameStudy(
        outside,
        samplePanel().withReference("SPX", prices.get("SPX")),
        sample(ReturnType.SIMPLE).withReference("SPX", prices.get("SPX")));
    StudySpecification inside = StudySpecification.builder().bharBenchmark("BABA").build();
    assertSameStudy(inside, samplePanel(), sample(ReturnType.SIMPLE));
    // The reference changes BHAR, so the comparisons above are not the model's BHAR again.
    StudyResult model =
        EventStudy.of(StudySpecification.defaults()).run(samplePanel(), SampleData.events());
    StudyResult withRef = EventStudy.of(inside).run(samplePanel(), SampleData.events());
    int differ = 0;
    for (int i = 0; i < model.size(); i++) {
      double a = model.firmEvent(i).bhar(model.testWindows().get(0));
      double b = withRef.firmEvent(i).bhar(model.testWindows().get(0));
      if (a == a && b == b && a != b) {
        differ++;
      }
    }
    assertThat(differ).isGreaterThan(50);
    // A reference without prices is refused before any job runs, as locally.
    assertThatThrownBy(
            () -> SparkStudy.of(spark, outside).withPartitions(2).run(sample(ReturnType.SIMPLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BHAR benchmark SPX has no prices");
  }

  /**
   * Stata's r̄ over every pair of a window's sample, across events and calendars, with cleaning
   * (members with gaps are correlated pair by pair on every task) and grouped by exchange (each
   * group's pairs), on 1 and 3 partitions.
   */
  @Test
  void stataConventionsPairEveryTwoFirmEventsOfASample() {
    StudySpecification spec =
        StudySpecification.builder()
            .conventions(Conventions.STATA_ESTUDY)
            .cleanEstimation(3)
            .groupBy(GroupBy.exchange())
            .build();
    StudyResult local = EventStudy.of(spec).run(samplePanel(), SampleData.events());
    StudyInputs in = sample(ReturnType.SIMPLE);
    for (int partitions : new int[] {1, 3}) {
      StudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(partitions).run(in).result();
      SameAnswer.assertSame(
          local,
          onSpark,
          StudyTests.run(local, TestSuite.standard()),
          StudyTests.run(onSpark, TestSuite.standard()));
      for (String label : local.groups()) {
        SameAnswer.assertSame(
            local.group(label),
            onSpark.group(label),
            StudyTests.run(local.group(label), TestSuite.standard()),
            StudyTests.run(onSpark.group(label), TestSuite.standard()),
            !label.equals(GroupBy.NO_GROUP));
      }
    }
  }

  /**
   * A Fama-French 3 study with the US factors for the US exchanges and a set of its own for HKEX
   * (here the same file, as {@code --factors HKEX=FILE} would give it): without it the Hong Kong
   * firm-events would be NO_FACTORS.
   */
  @Test
  void aFactorSetPerExchange() {
    StudySpecification spec =
        StudySpecification.builder().model(NormalReturnModel.of("ff3")).build();
    ReturnPanel panel =
        samplePanel()
            .withFactors(SampleData.factors())
            .withFactors(Exchange.HKEX, SampleData.factors());
    StudyInputs in =
        StudyInputs.of(
                spark,
                SampleData.universe(),
                SampleData.events(),
                SampleData.prices(),
                ReturnType.SIMPLE,
                SampleData.factors())
            .withFactors(Exchange.HKEX, SampleData.factors());
    assertThat(EventStudy.of(spec).run(panel, SampleData.events()).count(Outcome.NO_FACTORS))
        .isZero();
    assertSameStudy(spec, panel, in);
  }

  /**
   * {@code --dimson-lags 2}: the tasks fit the model with the driver's number of leads and lags (a
   * plan that kept only the model's id gave them one, and its rows five parameters too few).
   */
  @Test
  void dimsonLagsReachTheTasks() {
    StudySpecification spec =
        StudySpecification.builder().model(io.eventide.model.DimsonModel.of(2)).build();
    assertSameStudy(spec, samplePanel(), sample(ReturnType.SIMPLE));
  }

  /**
   * Abnormal log volume (Campbell and Wasley 1996) from the prices' volume column, on partitions
   * and from a Parquet table with the {@code volume} column; abnormal volatility (Beaver's U) from
   * returns.
   */
  @Test
  void volumeAndVolatilityMeasures(@TempDir Path dir) {
    SampleData.export(dir);
    PriceDirectory files = PriceDirectory.of(dir);
    Map<String, DatedSeries> prices = SampleData.prices();
    Map<String, DatedSeries> volumes = new LinkedHashMap<>();
    for (String t : prices.keySet()) {
      volumes.put(t, files.readVolume(t).orElseThrow());
    }
    StudySpecification volume = StudySpecification.builder().measure(StudyMeasure.VOLUME).build();
    ReturnPanel volumePanel = ReturnPanel.ofLogVolume(SampleData.universe(), prices, volumes);
    StudyInputs in =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            prices,
            volumes,
            ReturnType.SIMPLE,
            null);
    assertSameStudy(volume, volumePanel, in);
    assertThat(in.prices().schema()).isEqualTo(StudyInputs.PRICES_WITH_VOLUME_SCHEMA);

    // The same from Parquet: the prices table with its optional volume column.
    for (DatedSeries v : volumes.values()) {
      for (double x : v.values()) {
        assertThat(x == Math.rint(x) || x != x).as(v.name() + " volume " + x).isTrue();
      }
    }
    String table = dir.resolve("prices.parquet").toString();
    String events = dir.resolve("events.parquet").toString();
    // The sample's volumes are whole numbers: stored as integers, as a warehouse would, and read
    // back as doubles.
    in.prices()
        .withColumn(
            StudyInputs.VOLUME,
            org.apache
                .spark
                .sql
                .functions
                .col(StudyInputs.VOLUME)
                .cast(org.apache.spark.sql.types.DataTypes.LongType))
        .write()
        .parquet(table);
    writeEvents(SampleData.events(), events);
    StudyInputs fromParquet =
        StudyInputs.fromParquet(
            spark, table, events, SampleData.universe(), ReturnType.SIMPLE, null);
    assertThat(fromParquet.hasVolumes()).isTrue();
    StudyResult local = EventStudy.of(volume).run(volumePanel, SampleData.events());
    StudyResult onSpark = SparkStudy.of(spark, volume).withPartitions(2).run(fromParquet).result();
    assertThat(onSpark.measures()).containsExactly(Measure.CAVOL);
    SameAnswer.assertSame(
        local,
        onSpark,
        StudyTests.run(local, TestSuite.standard()),
        StudyTests.run(onSpark, TestSuite.standard()));

    // Without volumes a volume study is refused before any job runs, naming the column.
    assertThatThrownBy(() -> SparkStudy.of(spark, volume).run(sample(ReturnType.SIMPLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'volume' column");

    StudySpecification volatility =
        StudySpecification.builder().measure(StudyMeasure.VOLATILITY).build();
    assertSameStudy(volatility, samplePanel(), sample(ReturnType.SIMPLE));
  }
}
