package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.examples.SampleData;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.report.StudyFiles;
import io.eventide.study.Conventions;
import io.eventide.study.EventStudy;
import io.eventide.study.GroupBy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark study gives the local study's answer ({@link EventStudy}, the reference) to 1e-12
 * relative on the bundled sample data and on a generated panel, for 1, 3 and 7 listing partitions.
 * One local[2] session for the class.
 */
class SparkStudyTest extends LocalSparkTest {

  @Test
  void sampleStudyEqualsTheLocalStudyWhateverThePartitions() {
    StudySpecification spec = StudySpecification.defaults();
    ReturnPanel panel =
        ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.SIMPLE);
    StudyResult local = EventStudy.of(spec).withParallelism(1).run(panel, SampleData.events());
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    StudyInputs inputs =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            SampleData.prices(),
            ReturnType.SIMPLE,
            null);
    for (int partitions : new int[] {1, 3, 7}) {
      SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(partitions).run(inputs);
      SameAnswer.assertSame(local, onSpark.result(), lt, onSpark.test(TestSuite.standard()));
    }
    assertThat(local.count(Outcome.OK)).isGreaterThan(10);
  }

  @Test
  void factorModelWithCleaningAndLogReturnsOnTheSample() {
    StudySpecification spec =
        StudySpecification.builder()
            .model(NormalReturnModel.of("ff3"))
            .estimationWindow(EventWindow.of(-200, -11))
            .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 5))
            .minEstimation(60)
            .cleanEstimation(5)
            .build();
    ReturnPanel panel =
        ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.LOG)
            .withFactors(SampleData.factors());
    StudyResult local = EventStudy.of(spec).run(panel, SampleData.events());
    StudyInputs inputs =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            SampleData.prices(),
            ReturnType.LOG,
            SampleData.factors());
    SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(4).run(inputs);
    SameAnswer.assertSame(
        local,
        onSpark.result(),
        StudyTests.run(local, TestSuite.standard()),
        onSpark.test(TestSuite.standard()));
  }

  /**
   * A generated panel with what the sample lacks: two calendars (a holiday on one only), listings
   * with holes (incomplete members of r̄, correlated on common dates), a listing without prices, an
   * unknown ticker, an event before the data (out of range), events at an instant and events
   * affecting every listing, and overlapping events on one listing (cleaning).
   */
  @Test
  void generatedPanelEqualsTheLocalStudy(@TempDir Path dir) throws Exception {
    Generated g = Generated.of(24, 30, 5);
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-120, -11))
            .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 0), EventWindow.of(-3, 3))
            .minEstimation(50)
            .cleanEstimation(3)
            .build();
    ReturnPanel panel = ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE);
    StudyResult local = EventStudy.of(spec).run(panel, g.events);
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    for (Outcome o : Outcome.values()) {
      // NO_DIRECTION needs signing by direction, NO_CONVERGENCE an iterative model (GARCH),
      // NO_FACTORS a factor model: none can occur in this unsigned market-model study.
      if (o == Outcome.NO_DIRECTION || o == Outcome.NO_CONVERGENCE || o == Outcome.NO_FACTORS) {
        assertThat(local.count(o)).as(o.name()).isZero();
        continue;
      }
      assertThat(local.count(o)).as(o.name()).isPositive();
    }
    StudyInputs inputs =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    for (int partitions : new int[] {1, 5}) {
      SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(partitions).run(inputs);
      StudyTests st = onSpark.test(TestSuite.standard());
      SameAnswer.assertSame(local, onSpark.result(), lt, st);
      if (partitions == 5) {
        Dataset<Row> fe = onSpark.firmEvents();
        long fitted = local.count(Outcome.OK) + local.count(Outcome.INSUFFICIENT_ESTIMATION);
        assertThat(fe.count()).isEqualTo(fitted);
        assertThat(fe.filter("outcome = 'OK'").count()).isEqualTo(local.count(Outcome.OK));
        // The same files as the command line, byte for byte but for the last digits of sums.
        Path a = dir.resolve("local");
        Path b = dir.resolve("spark");
        StudyFiles.write(a, local, lt);
        onSpark.write(b, st);
        for (String f : List.of("firm_events.csv", "abnormal_returns.csv", "car.csv")) {
          assertThat(Files.readString(b.resolve(f)))
              .as(f)
              .isEqualTo(Files.readString(a.resolve(f)));
        }
        assertThat(Files.readAllLines(b.resolve("tests.csv")))
            .hasSameSizeAs(Files.readAllLines(a.resolve("tests.csv")));
      }
    }
  }

  /**
   * Groups (by the events' category), signing by direction, the estudy2 conventions and the kept
   * estimation SARs (every test, {@code grank-t} and {@code grank-z} included), on a generated
   * panel of one calendar without holes: every cluster is simple, so its r̄ pairs reach the reducer
   * as per-partition {@code Σz} pieces, not as residual vectors. The whole study and each group
   * equal the local study; two runs on the same partitions give the same bits.
   */
  @Test
  void groupsSigningAndEstudy2ConventionsOnCombinedClusters() {
    Generated g = Generated.simple(16, 14, 11);
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-120, -11))
            .minEstimation(50)
            .groupBy(GroupBy.column("category"))
            .signByDirection(true)
            .conventions(Conventions.ESTUDY2)
            .build();
    // Every test, the generalized rank tests too: both studies keep the estimation SARs.
    TestSuite all = TestSuite.byIds(TestSuite.knownIds());
    StudyResult local =
        EventStudy.of(spec)
            .withEstimationSar()
            .run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    assertThat(local.count(Outcome.NO_DIRECTION)).isPositive();
    assertThat(local.groups()).containsExactly("dovish", "hawkish");
    StudyInputs inputs =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    StudyTests first = null;
    for (int partitions : new int[] {1, 4, 4}) {
      SparkStudyResult onSpark =
          SparkStudy.of(spark, spec).withPartitions(partitions).withEstimationSar().run(inputs);
      StudyTests st = onSpark.test(all);
      assertThat(st.rows().stream().map(r -> r.result().testId())).contains("grank-t", "grank-z");
      SameAnswer.assertSame(local, onSpark.result(), StudyTests.run(local, all), st);
      assertThat(onSpark.result().groups()).isEqualTo(local.groups());
      for (String label : local.groups()) {
        SameAnswer.assertSame(
            local.group(label),
            onSpark.result().group(label),
            StudyTests.run(local.group(label), all),
            StudyTests.run(onSpark.result().group(label), all));
      }
      if (partitions == 4) {
        if (first == null) {
          first = st;
        } else {
          // Sums merged in partition and event order, whatever task finished first: same bits.
          assertThat(st.rows()).isEqualTo(first.rows());
        }
      }
    }
  }

  /** Groups by exchange on the sample: two calendars, so every cluster ships its residuals. */
  @Test
  void groupsByExchangeOnTheSample() {
    StudySpecification spec =
        StudySpecification.builder().groupBy(GroupBy.exchange()).cleanEstimation(2).build();
    ReturnPanel panel =
        ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.SIMPLE);
    StudyResult local = EventStudy.of(spec).run(panel, SampleData.events());
    StudyInputs inputs =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            SampleData.prices(),
            ReturnType.SIMPLE,
            null);
    StudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(3).run(inputs).result();
    // The sample's events name tickers the universe does not list: their group is "(none)".
    assertThat(onSpark.groups()).isEqualTo(local.groups()).contains("NASDAQ", "NYSE", "HKEX");
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

  @Test
  void parquetTablesGiveTheSameStudy(@TempDir Path dir) {
    Generated g = Generated.of(8, 10, 9);
    StudyInputs fromMemory =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    String prices = dir.resolve("prices.parquet").toString();
    fromMemory.prices().write().parquet(prices);
    String events = dir.resolve("events.parquet").toString();
    List<Row> rows = new ArrayList<>();
    for (Event e : g.events) {
      String announced =
          e.announcement() instanceof Announcement.OnDate d
              ? d.date().toString()
              : ((Announcement.AtInstant) e.announcement()).at().toString();
      rows.add(
          org.apache.spark.sql.RowFactory.create(
              e.id(),
              announced,
              scala.jdk.javaapi.CollectionConverters.asScala(e.affected()).toSeq()));
    }
    spark.createDataFrame(rows, StudyInputs.EVENTS_SCHEMA).write().parquet(events);
    StudyInputs fromParquet =
        StudyInputs.fromParquet(spark, prices, events, g.universe, ReturnType.SIMPLE, null);
    assertThat(fromParquet.events()).containsExactlyInAnyOrderElementsOf(g.events);
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-120, -11))
            .minEstimation(50)
            .build();
    StudyResult local =
        EventStudy.of(spec).run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(3).run(fromParquet);
    SameAnswer.assertSame(
        local,
        onSpark.result(),
        StudyTests.run(local, TestSuite.standard()),
        onSpark.test(TestSuite.standard()));
    assertThatThrownBy(
            () ->
                StudyInputs.fromParquet(spark, events, events, g.universe, ReturnType.SIMPLE, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no column 'ticker'");
  }

  /** A random panel of business-day prices, deterministic by seed. */
  static final class Generated {
    final List<Listing> universe = new ArrayList<>();
    final Map<String, DatedSeries> prices = new LinkedHashMap<>();
    final List<Event> events = new ArrayList<>();

    static Generated of(int listings, int eventCount, long seed) {
      return of(listings, eventCount, seed, false);
    }

    /**
     * One calendar, no holes, every listing priced; events with a category ({@code hawkish}, {@code
     * dovish}) and a direction (-1, 0 or 1 in turn).
     */
    static Generated simple(int listings, int eventCount, long seed) {
      return of(listings, eventCount, seed, true);
    }

    private static Generated of(int listings, int eventCount, long seed, boolean simple) {
      Generated g = new Generated();
      SplittableRandom rnd = new SplittableRandom(seed);
      LocalDate start = LocalDate.of(2020, 1, 1);
      int days = 420;
      List<LocalDate> dates = new ArrayList<>();
      for (LocalDate d = start; dates.size() < days; d = d.plusDays(1)) {
        if (d.getDayOfWeek().getValue() <= 5) {
          dates.add(d);
        }
      }
      double[] mkt = new double[days];
      double[] mkt2 = new double[days];
      for (int t = 0; t < days; t++) {
        mkt[t] = 0.0003 + 0.01 * rnd.nextGaussian();
        mkt2[t] = 0.0002 + 0.012 * rnd.nextGaussian();
      }
      g.prices.put("MKT", series("MKT", dates, mkt, -1, rnd, 0));
      // The second benchmark misses a holiday: its listings live on another calendar.
      g.prices.put("MKT2", series("MKT2", dates, mkt2, 37, rnd, 0));
      double[] common = new double[days];
      for (int t = 0; t < days; t++) {
        common[t] = 0.004 * rnd.nextGaussian();
      }
      for (int i = 0; i < listings; i++) {
        String ticker = String.format(java.util.Locale.ROOT, "T%02d", i);
        boolean second = !simple && i % 3 == 2;
        g.universe.add(
            Listing.of(ticker, second ? Exchange.LSE : Exchange.NYSE, second ? "MKT2" : "MKT"));
        if (!simple && i == listings - 1) {
          continue; // no prices
        }
        double beta = 0.5 + rnd.nextDouble();
        double[] r = new double[days];
        double[] m = second ? mkt2 : mkt;
        for (int t = 0; t < days; t++) {
          r[t] = beta * m[t] + common[t] + 0.015 * rnd.nextGaussian();
        }
        // One listing with so many holes that its estimation is insufficient.
        int holes = simple ? 0 : i == 1 ? 50 : i % 4 == 1 ? 6 : 0;
        g.prices.put(ticker, series(ticker, dates, r, -1, rnd, holes));
      }
      for (int e = 0; e < eventCount; e++) {
        String id = String.format(java.util.Locale.ROOT, "E%03d", e);
        int day = e == 0 ? 20 : 150 + rnd.nextInt(days - 170);
        Announcement a =
            e % 4 == 3
                ? new Announcement.AtInstant(
                    OffsetDateTime.of(dates.get(day).atTime(18, 30), ZoneOffset.ofHours(-4)))
                : new Announcement.OnDate(dates.get(day));
        List<String> affected = new ArrayList<>();
        if (e % 7 != 6) {
          int n = 2 + rnd.nextInt(Math.min(8, listings - 1));
          for (int k = 0; k < n; k++) {
            String t = String.format(java.util.Locale.ROOT, "T%02d", rnd.nextInt(listings));
            if (!affected.contains(t)) {
              affected.add(t);
            }
          }
          if (e % 5 == 0 && !simple) {
            affected.add("NOPE");
          }
        }
        g.events.add(
            simple
                ? new Event(
                    id, a, "", e % 2 == 0 ? "hawkish" : "dovish", e % 3 - 1, affected, Map.of())
                : Event.of(id, a, affected));
      }
      return g;
    }

    private static DatedSeries series(
        String name, List<LocalDate> dates, double[] r, int skip, SplittableRandom rnd, int holes) {
      List<LocalDate> ds = new ArrayList<>();
      List<Double> ps = new ArrayList<>();
      double p = 100;
      for (int t = 0; t < dates.size(); t++) {
        p *= 1 + r[t];
        if (t == skip) {
          continue;
        }
        ds.add(dates.get(t));
        ps.add(holes > 0 && rnd.nextInt(60) < holes ? Double.NaN : p);
      }
      double[] v = new double[ps.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = ps.get(i);
      }
      return DatedSeries.of(name, ds.toArray(new LocalDate[0]), v);
    }
  }
}
