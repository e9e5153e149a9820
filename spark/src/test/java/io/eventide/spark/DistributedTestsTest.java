package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.examples.SampleData;
import io.eventide.inference.TestSuite;
import io.eventide.inference.WilcoxonSignedRankTest;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.GroupBy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.ReturnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkStudy#runDistributed}: the tests finished from merged sums and summaries equal the
 * local engine's {@code StudyTests.run} (the oracle: {@link EventStudy} on the whole panel) in test
 * ids, n and reasons, statistics and p-values to 1e-12 relative, at 1, 2 and 3 partitions, and are
 * the same bits for the same partition count twice. One local[2] session for the class.
 */
class DistributedTestsTest extends LocalSparkTest {

  @Test
  void sampleDataTestsEqualTheLocalStudy() {
    StudySpecification spec = StudySpecification.defaults();
    ReturnPanel panel =
        ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.SIMPLE);
    StudyResult local = EventStudy.of(spec).withParallelism(1).run(panel, SampleData.events());
    StudyInputs inputs =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            SampleData.prices(),
            ReturnType.SIMPLE,
            null);
    assertSameAtPartitions(spec, local, inputs, TestSuite.standard());
  }

  /**
   * The generated panel of {@link SparkStudyTest} (two calendars, listings with holes, clusters
   * whose r̄ pairs need the residual vectors), with exact ties: four listings copied under new
   * tickers (the same prices and benchmark, so the same fit and CARs) and added to every event that
   * affects the original, so that equal |CAR| values meet in Wilcoxon's ranking. The samples have
   * more than 30 non-zero values, so W⁺ comes from the distributed rank job.
   */
  @Test
  void generatedPanelWithTiesAndGapsEqualsTheLocalStudy() {
    SparkStudyTest.Generated g = SparkStudyTest.Generated.of(24, 30, 5);
    List<Listing> universe = new ArrayList<>(g.universe);
    List<String> copied = List.of("T03", "T04", "T05", "T07");
    for (Listing l : g.universe) {
      if (copied.contains(l.ticker())) {
        universe.add(Listing.of("C" + l.ticker(), l.exchange(), l.benchmark()));
        g.prices.put("C" + l.ticker(), g.prices.get(l.ticker()));
      }
    }
    List<Event> events = new ArrayList<>();
    for (Event e : g.events) {
      List<String> affected = new ArrayList<>(e.affected());
      for (String t : e.affected()) {
        if (copied.contains(t)) {
          affected.add("C" + t);
        }
      }
      events.add(Event.of(e.id(), e.announcement(), affected));
    }
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-120, -11))
            .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 0), EventWindow.of(-3, 3))
            .minEstimation(50)
            .cleanEstimation(3)
            .build();
    StudyResult local =
        EventStudy.of(spec)
            .withEstimationSar()
            .run(ReturnPanel.of(universe, g.prices, ReturnType.SIMPLE), events);
    StudyInputs inputs = StudyInputs.of(spark, universe, events, g.prices, ReturnType.SIMPLE, null);
    // Every test: the standard eleven and the generalized rank tests.
    StudyTests lt =
        assertSameAtPartitions(spec, local, inputs, TestSuite.byIds(TestSuite.knownIds()));
    // The rank job ran: Wilcoxon's samples have N > 30 (and the exact path is not taken).
    assertThat(
            lt.rows().stream()
                .filter(r -> r.result().testId().equals(WilcoxonSignedRankTest.ID))
                .filter(r -> r.result().n() > WilcoxonSignedRankTest.EXACT_MAX))
        .isNotEmpty();
    // Ties: the copies have the CARs of their originals.
    double[] cars = local.sample(EventWindow.of(-1, 1), io.eventide.inference.Measure.CAR).values();
    assertThat(java.util.Arrays.stream(cars).distinct().count()).isLessThan(cars.length);
  }

  /**
   * Groups by the events' category, every test ({@code grank-t} and {@code grank-z} through their
   * second pass): the whole study's and each group's tests equal the local study's (kept SARs).
   */
  @Test
  void groupTestsEqualTheLocalGroups() {
    SparkStudyTest.Generated g = SparkStudyTest.Generated.simple(16, 14, 11);
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-120, -11))
            .minEstimation(50)
            .groupBy(GroupBy.column("category"))
            .build();
    StudyResult local =
        EventStudy.of(spec).run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    StudyInputs inputs =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    // Every test, the generalized rank tests too: the local study keeps its estimation SARs.
    TestSuite all = TestSuite.byIds(TestSuite.knownIds());
    StudyResult withSar =
        EventStudy.of(spec)
            .withEstimationSar()
            .run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    DistributedStudyResult d =
        SparkStudy.of(spark, spec).withPartitions(2).runDistributed(inputs, all);
    assertThat(d.driverFallback()).isEmpty();
    StudyTests lt = StudyTests.run(withSar, all);
    assertThat(lt.rows().stream().filter(r -> r.result().testId().startsWith("grank")))
        .anySatisfy(r -> assertThat(r.result().isDefined()).isTrue());
    SameAnswer.assertSameTests(lt, d.tests(), true);
    Map<String, StudyTests> groups = StudyTests.runGroups(withSar, all);
    assertThat(d.groupTests().keySet()).containsExactlyInAnyOrderElementsOf(groups.keySet());
    assertThat(groups.keySet()).containsExactly("dovish", "hawkish");
    for (String label : groups.keySet()) {
      SameAnswer.assertSameTests(groups.get(label), d.groupTests().get(label), true);
    }
    SameAnswer.assertSameMeans(StudyMeans.of(local), d.means());
    assertThat(d.means().groups()).containsExactly("", "dovish", "hawkish");
    assertThatThrownBy(
            () ->
                SparkStudy.of(spark, spec)
                    .runDistributed(
                        inputs,
                        TestSuite.of(
                            io.eventide.inference.BootstrappedSkewnessAdjustedTTest.of(10, 1L))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skew-t-boot");
  }

  /**
   * Stata's conventions on the generated panel (two calendars, listings with holes): r̄ pairs every
   * two firm-events of a window's sample across events ({@code AllPairsSums}, the members with gaps
   * pair by pair), so the merged pair sums the tests finish from come from that step; grouped by
   * exchange. The whole study's and each group's tests equal the local study's.
   */
  @Test
  void stataConventionsFinishFromTheirAllPairsSums() {
    SparkStudyTest.Generated g = SparkStudyTest.Generated.of(24, 30, 5);
    StudySpecification spec =
        StudySpecification.builder()
            .conventions(io.eventide.study.Conventions.STATA_ESTUDY)
            .estimationWindow(EventWindow.of(-120, -11))
            .minEstimation(50)
            .groupBy(GroupBy.exchange())
            .build();
    StudyResult local =
        EventStudy.of(spec).run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    StudyInputs inputs =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    for (int partitions : new int[] {1, 3}) {
      DistributedStudyResult d =
          SparkStudy.of(spark, spec)
              .withPartitions(partitions)
              .runDistributed(inputs, TestSuite.standard());
      assertThat(d.driverFallback()).isEmpty();
      SameAnswer.assertSameTests(StudyTests.run(local, TestSuite.standard()), d.tests(), true);
      Map<String, StudyTests> groups = StudyTests.runGroups(local, TestSuite.standard());
      assertThat(groups).hasSizeGreaterThan(1);
      assertThat(d.groupTests().keySet()).containsExactlyInAnyOrderElementsOf(groups.keySet());
      int defined = 0;
      for (String label : groups.keySet()) {
        // A small group's tests may all be undefined (the same reasons on both sides).
        defined += SameAnswer.assertSameTests(groups.get(label), d.groupTests().get(label), false);
      }
      assertThat(defined).isPositive();
      SameAnswer.assertSameMeans(StudyMeans.of(local), d.means());
    }
  }

  /**
   * An estimation window of four days and the market model: {@code M_i − k = 2} for every
   * firm-event, so Patell's variance {@code (M_i − k)/(M_i − k − 2)} is undefined and its reason
   * names a firm-event's position in the canonical order, which merged sums do not know. The study
   * is then assembled on the driver, says so, and gives the local rows and means.
   */
  @Test
  void anInputOutsideItsDomainFallsBackToTheDriverWithTheLocalReasons() {
    SparkStudyTest.Generated g = SparkStudyTest.Generated.simple(8, 6, 3);
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-5, -2))
            .eventWindows(EventWindow.of(-1, 1))
            .minEstimation(3)
            .build();
    StudyResult local =
        EventStudy.of(spec).run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    assertThat(lt.rows())
        .anySatisfy(r -> assertThat(r.result().undefinedReason()).contains("at sample position 0"));
    StudyInputs inputs =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    DistributedStudyResult d =
        SparkStudy.of(spark, spec).withPartitions(2).runDistributed(inputs, TestSuite.standard());
    assertThat(d.driverFallback()).isPresent();
    assertThat(d.driverFallback().get()).contains("assembled on the driver");
    SameAnswer.assertSameTests(lt, d.tests(), false);
    SameAnswer.assertSameMeans(StudyMeans.of(local), d.means());
  }

  private static StudyTests assertSameAtPartitions(
      StudySpecification spec, StudyResult local, StudyInputs inputs, TestSuite suite) {
    StudyTests lt = StudyTests.run(local, suite);
    StudyTests first = null;
    for (int partitions : new int[] {1, 2, 3, 2}) {
      DistributedStudyResult d =
          SparkStudy.of(spark, spec).withPartitions(partitions).runDistributed(inputs, suite);
      assertThat(d.driverFallback()).isEmpty();
      assertThat(d.partitions()).isEqualTo(partitions);
      SameAnswer.assertSameTests(lt, d.tests(), true);
      SameAnswer.assertSameMeans(StudyMeans.of(local), d.means());
      if (partitions == 2) {
        if (first == null) {
          first = d.tests();
        } else {
          // Merged in partition order whatever task finished first: the same bits.
          assertThat(d.tests().rows()).isEqualTo(first.rows());
        }
      }
    }
    return lt;
  }
}
