package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.SampleSummary;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.inference.WilcoxonSignedRankTest;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.internal.AllPairsSums;
import io.eventide.study.internal.ClusterShape;
import io.eventide.study.internal.CompleteSums;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.PartialSums;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.study.internal.StudySummaries;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The internal SPI run by hand as an engine would: the panel cut into two partitions of listings,
 * each resolved and mapped alone, r̄ per cluster from the gathered rows, the sums merged, the whole
 * study assembled. The reference is {@link EventStudy} on the whole panel: every value equal to
 * 1e-12 relative (the sums are merged in another order, so not bit for bit).
 */
class StudyPartitionsTest {

  @Test
  void twoPartitionsOfListingsGiveTheLocalStudy() {
    assertPartitionedEqualsLocal(StudySpecification.builder().cleanEstimation(3).build(), false);
  }

  @Test
  void theCompleteSumsCombineGivesTheSamePairSumsOnSimpleClusters() {
    assertPartitionedEqualsLocal(StudySpecification.builder().cleanEstimation(3).build(), true);
  }

  @Test
  void groupsByExchangeAndByEventAreReducedPerGroup() {
    assertPartitionedEqualsLocal(
        StudySpecification.builder().groupBy(GroupBy.exchange()).build(), false);
    assertPartitionedEqualsLocal(
        StudySpecification.builder().groupBy(GroupBy.column("event_id")).build(), true);
  }

  @Test
  void estudy2ConventionsAreMappedOnPartitions() {
    assertPartitionedEqualsLocal(
        StudySpecification.builder().conventions(Conventions.ESTUDY2).build(), true);
  }

  /**
   * Runs the SPI by hand on two partitions (listings alternately) and compares with {@link
   * EventStudy} on the whole panel, group by group.
   *
   * @param combine whether simple clusters go through {@link CompleteSums} pieces, one per
   *     partition, as the Spark engine ships them (otherwise every cluster's rows meet)
   */
  private static void assertPartitionedEqualsLocal(StudySpecification spec, boolean combine) {
    EventStudyReferenceTest.Scenario scenario = new EventStudyReferenceTest.Scenario();
    ReturnPanel whole = scenario.panel(ReturnType.SIMPLE);
    if (combine) {
      // Every cluster of the scenario spans two calendars or has a member with gaps; its New York
      // listings without holes make clusters whose pairs combine from pieces.
      List<Listing> simple = new ArrayList<>();
      Map<String, DatedSeries> series = new HashMap<>();
      for (Listing l : whole.listings()) {
        if (l.exchange() == io.eventide.calendar.Exchange.NYSE && l.ticker().matches("N0[0245]")) {
          simple.add(l);
          series.put(l.ticker(), scenario.world.prices.get(l.ticker()));
          series.put(l.benchmark(), scenario.world.prices.get(l.benchmark()));
        }
      }
      whole = ReturnPanel.of(simple, series, ReturnType.SIMPLE);
    }
    List<Event> events = scenario.events;
    // A BHAR reference outside the universe: every panel, whole or partial, carries its prices.
    String reference = spec.bharBenchmark().orElse(null);
    if (reference != null) {
      whole = whole.withReference(reference, scenario.world.prices.get(reference));
    }
    StudyResult local = EventStudy.of(spec).withParallelism(1).run(whole, events);

    List<Listing> all = whole.listings();
    Map<String, DatedSeries> prices = scenario.world.prices;
    PartialSums sums = StudyPartitions.emptySums(spec);
    StudySummaries summaries = StudyPartitions.emptySummaries(spec);
    List<List<MappedFirmEvent>> parts = new ArrayList<>();
    for (int part = 0; part < 2; part++) {
      List<Listing> mine = new ArrayList<>();
      Map<String, DatedSeries> series = new HashMap<>();
      for (int i = 0; i < all.size(); i++) {
        Listing l = all.get(i);
        if (i % 2 == part) {
          mine.add(l);
          if (prices.containsKey(l.ticker())) {
            series.put(l.ticker(), prices.get(l.ticker()));
          }
          series.put(l.benchmark(), prices.get(l.benchmark()));
        }
      }
      ReturnPanel panel = ReturnPanel.of(mine, series, whole.returnType());
      if (reference != null) {
        panel = panel.withReference(reference, prices.get(reference));
      }
      List<MappedFirmEvent> rows = new ArrayList<>();
      sums.merge(StudyPartitions.map(spec.resolve(panel, events), rows::add));
      // Each partition summarizes its own firm-events; merged in partition order.
      StudySummaries summarized = StudyPartitions.emptySummaries(spec);
      rows.forEach(summarized::add);
      summaries.merge(summarized);
      parts.add(rows);
    }
    List<MappedFirmEvent> rows = new ArrayList<>();
    parts.forEach(rows::addAll);
    int estLen = StudyPartitions.estimationLength(spec);
    Map<String, ClusterShape> shapes = new TreeMap<>();
    for (MappedFirmEvent r : rows) {
      if (r.inSample()) {
        shapes.merge(r.eventId(), ClusterShape.of(r, estLen), ClusterShape::merge);
      }
    }
    Map<String, List<MappedFirmEvent>> clusters = new TreeMap<>();
    for (MappedFirmEvent r : rows) {
      clusters.computeIfAbsent(r.eventId(), k -> new ArrayList<>()).add(r);
    }
    Map<String, TradingCalendar> calendars = new LinkedHashMap<>();
    for (TradingCalendar c : whole.calendars()) {
      calendars.put(c.name(), c);
    }
    int combined = 0;
    if (spec.conventions() == Conventions.STATA_ESTUDY) {
      // Stata's r̄ pairs across events: each partition's Σz pieces and its pairs with the study's
      // incomplete members (listed in canonical order), merged in partition order.
      List<MappedFirmEvent> incomplete = new ArrayList<>();
      for (MappedFirmEvent r : rows) {
        if (r.inSample() && !AllPairsSums.complete(r)) {
          incomplete.add(r);
        }
      }
      incomplete.sort(AllPairsSums.CANONICAL);
      assertThat(incomplete).as("members with gaps").isNotEmpty();
      AllPairsSums merged = null;
      for (List<MappedFirmEvent> part : parts) {
        AllPairsSums piece = new AllPairsSums(sums.windows(), estLen, spec.groupBy().isPresent());
        for (MappedFirmEvent r : part) {
          piece.add(r);
          piece.addIncompletePairs(r, incomplete);
        }
        merged = merged == null ? piece : merged.merge(piece);
      }
      merged.addTo(sums);
      clusters.clear();
    }
    for (Map.Entry<String, List<MappedFirmEvent>> c : clusters.entrySet()) {
      ClusterShape shape = shapes.getOrDefault(c.getKey(), ClusterShape.EMPTY);
      if (combine && shape.simple()) {
        // One piece per partition and group, as a partition ships them; merged in partition order.
        Map<String, CompleteSums> merged = new TreeMap<>();
        for (List<MappedFirmEvent> part : parts) {
          Map<String, CompleteSums> piece = new TreeMap<>();
          for (MappedFirmEvent r : part) {
            if (r.eventId().equals(c.getKey()) && r.inSample()) {
              piece.computeIfAbsent("", k -> new CompleteSums(estLen)).add(r);
              if (spec.groupBy().isPresent()) {
                piece.computeIfAbsent("g" + r.group(), k -> new CompleteSums(estLen)).add(r);
              }
            }
          }
          piece.forEach((k, v) -> merged.merge(k, v, CompleteSums::merge));
        }
        for (Map.Entry<String, CompleteSums> e : merged.entrySet()) {
          PartialSums target = e.getKey().isEmpty() ? sums : sums.group(e.getKey().substring(1));
          double[] pairs = new double[sums.windows()];
          e.getValue().addPairSumsTo(pairs);
          target.addPairSums(pairs);
        }
        combined++;
      } else {
        c.getValue().sort(java.util.Comparator.comparing(MappedFirmEvent::ticker));
        StudyPartitions.addClusterPairSums(spec, c.getValue(), calendars::get, sums);
      }
    }
    if (combine) {
      assertThat(combined).as("clusters combined from pieces").isPositive();
    }
    List<MappedFirmEvent> slim = rows.stream().map(MappedFirmEvent::withoutResiduals).toList();
    StudyResult assembled = StudyPartitions.assemble(spec.resolve(whole, events), slim, sums);

    assertThat(rows.stream().filter(MappedFirmEvent::inSample).count()).isPositive();
    assertThat(slim).noneMatch(MappedFirmEvent::inSample);
    assertThat(assertSame(local, assembled)).isGreaterThan(10);
    assertThat(local.count(Outcome.OK)).isGreaterThan(3);
    assertThat(assembled.groups()).isEqualTo(local.groups());
    if (spec.groupBy().isPresent()) {
      assertThat(local.groups()).hasSizeGreaterThan(1);
    }
    for (String g : local.groups()) {
      assertSame(local.group(g), assembled.group(g));
    }
    // The tests finished from the merged sums and summaries, without assembling the study.
    TestSuite suite = TestSuite.standard();
    setPositiveRankSums(local, summaries);
    assertThat(
            assertSameTests(
                StudyTests.run(local, suite), StudyPartitions.tests(spec, sums, summaries, suite)))
        .isGreaterThan(10);
    Map<String, StudyTests> groups =
        StudyPartitions.groupTests(spec.resolve(whole, events), sums, summaries, suite);
    assertThat(groups.keySet()).containsExactlyElementsOf(local.groups());
    assertSameMeans(
        StudyMeans.of(local), StudyPartitions.means(spec.resolve(whole, events), summaries));
    for (String g : local.groups()) {
      assertSameTests(StudyTests.run(local.group(g), suite), groups.get(g));
    }
  }

  /**
   * W⁺ of the samples with more than 30 non-zero values, which ranks over the whole sample (the
   * Spark engine's rank job); here taken from the local sample's own test.
   */
  private static void setPositiveRankSums(StudyResult local, StudySummaries summaries) {
    for (int w = 0; w < local.testWindows().size(); w++) {
      for (Measure m : local.measures()) {
        SampleSummary s = summaries.sample(w, m);
        if (!s.hasPositiveRankSum()) {
          s.withPositiveRankSum(
              WilcoxonSignedRankTest.withDefaults()
                  .statistic(local.sample(local.testWindows().get(w), m)));
        }
      }
    }
    if (local.groupLabel().isEmpty()) {
      for (String g : local.groups()) {
        setPositiveRankSums(local.group(g), summaries.group(g));
      }
    }
  }

  /** caar.csv's and aar.csv's means from merged moments equal the local ones to 1e-12. */
  private static void assertSameMeans(StudyMeans local, StudyMeans merged) {
    assertThat(merged.groups()).isEqualTo(local.groups());
    int defined = 0;
    for (String g : local.groups()) {
      List<MeanEstimate[]> pairs = new ArrayList<>();
      for (EventWindow w : local.windows()) {
        for (Measure m : local.measures()) {
          pairs.add(new MeanEstimate[] {local.caar(g, w, m), merged.caar(g, w, m)});
        }
      }
      for (int d = local.span().fromInclusive(); d <= local.span().toInclusive(); d++) {
        pairs.add(new MeanEstimate[] {local.aar(g, d), merged.aar(g, d)});
      }
      for (MeanEstimate[] p : pairs) {
        assertThat(p[1].n()).isEqualTo(p[0].n());
        if (p[0].n() < 2) {
          assertThat(Double.doubleToLongBits(p[1].estimate()))
              .isEqualTo(Double.doubleToLongBits(p[0].estimate()));
          continue;
        }
        defined++;
        assertThat(p[1].estimate()).isCloseTo(p[0].estimate(), within(p[0].estimate()));
        assertThat(p[1].standardError())
            .isCloseTo(p[0].standardError(), within(p[0].standardError()));
        double scale = Math.abs(p[0].estimate()) + p[0].upper() - p[0].lower();
        assertThat(p[1].lower()).isCloseTo(p[0].lower(), within(scale));
        assertThat(p[1].upper()).isCloseTo(p[0].upper(), within(scale));
      }
    }
    assertThat(defined).isGreaterThan(5);
  }

  private static int assertSameTests(StudyTests expected, StudyTests actual) {
    assertThat(actual.rows()).hasSameSizeAs(expected.rows());
    int defined = 0;
    for (int i = 0; i < expected.rows().size(); i++) {
      StudyTests.Row x = expected.rows().get(i);
      StudyTests.Row y = actual.rows().get(i);
      String where = x.window() + " " + x.measure() + " " + x.result().testId();
      assertThat(y.window()).as(where).isEqualTo(x.window());
      assertThat(y.measure()).as(where).isEqualTo(x.measure());
      assertThat(y.result().testId()).as(where).isEqualTo(x.result().testId());
      assertThat(y.result().n()).as(where).isEqualTo(x.result().n());
      assertThat(y.result().undefinedReason()).as(where).isEqualTo(x.result().undefinedReason());
      if (x.result().isDefined()) {
        defined++;
        assertThat(y.result().statistic())
            .as(where)
            .isCloseTo(x.result().statistic(), within(x.result().statistic()));
        assertThat(y.result().pValue())
            .as(where)
            .isCloseTo(x.result().pValue(), within(x.result().pValue()));
      }
    }
    return defined;
  }

  private static int assertSame(StudyResult local, StudyResult assembled) {
    assertThat(assembled.size()).isEqualTo(local.size());
    for (Outcome o : Outcome.values()) {
      assertThat(assembled.count(o)).as(o.name()).isEqualTo(local.count(o));
    }
    for (int i = 0; i < local.size(); i++) {
      FirmEventResult a = local.firmEvent(i);
      FirmEventResult b = assembled.firmEvent(i);
      String at = a.eventId() + "/" + a.ticker();
      assertThat(b.eventId() + "/" + b.ticker()).isEqualTo(at);
      assertThat(b.outcome()).as(at).isEqualTo(a.outcome());
      assertThat(b.reason()).as(at).isEqualTo(a.reason());
      assertThat(b.dayZero()).as(at).isEqualTo(a.dayZero());
      for (EventWindow w : local.testWindows()) {
        // The map is the same code on the same numbers: per firm-event values are identical.
        assertThat(Double.doubleToLongBits(b.car(w)))
            .as(at + " CAR " + w)
            .isEqualTo(Double.doubleToLongBits(a.car(w)));
        assertThat(Double.doubleToLongBits(b.bhar(w)))
            .as(at + " BHAR " + w)
            .isEqualTo(Double.doubleToLongBits(a.bhar(w)));
        assertThat(Double.doubleToLongBits(b.scar(w)))
            .as(at + " SCAR " + w)
            .isEqualTo(Double.doubleToLongBits(a.scar(w)));
      }
    }
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    StudyTests at = StudyTests.run(assembled, TestSuite.standard());
    assertThat(at.rows()).hasSameSizeAs(lt.rows());
    int defined = 0;
    for (int i = 0; i < lt.rows().size(); i++) {
      TestResult x = lt.rows().get(i).result();
      TestResult y = at.rows().get(i).result();
      String where = lt.rows().get(i).window() + " " + x.testId();
      assertThat(y.undefinedReason()).as(where).isEqualTo(x.undefinedReason());
      assertThat(y.n()).as(where).isEqualTo(x.n());
      if (x.isDefined()) {
        defined++;
        // Sums merged in another order: equal to rounding, 1e-12 relative.
        assertThat(y.statistic()).as(where).isCloseTo(x.statistic(), within(x.statistic()));
        assertThat(y.pValue()).as(where).isCloseTo(x.pValue(), within(x.pValue()));
      }
    }
    return defined;
  }

  private static org.assertj.core.data.Offset<Double> within(double v) {
    return org.assertj.core.data.Offset.offset(1e-12 * Math.max(Math.abs(v), Double.MIN_NORMAL));
  }

  @Test
  void assemblyRefusesMissingRepeatedOrForeignRows() {
    EventStudyReferenceTest.Scenario scenario = new EventStudyReferenceTest.Scenario();
    ReturnPanel whole = scenario.panel(ReturnType.SIMPLE);
    List<Event> events = scenario.events;
    StudySpecification spec = StudySpecification.defaults();
    ResolvedStudy resolved = spec.resolve(whole, events);
    List<MappedFirmEvent> rows = new ArrayList<>();
    PartialSums sums = StudyPartitions.map(resolved, rows::add);
    assertThat(rows).hasSize(resolved.resolvedCount());
    assertThatThrownBy(() -> StudyPartitions.assemble(resolved, rows.subList(1, rows.size()), sums))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is resolved but was not mapped");
    List<MappedFirmEvent> twice = new ArrayList<>(rows);
    twice.add(rows.get(0));
    assertThatThrownBy(() -> StudyPartitions.assemble(resolved, twice, sums))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mapped twice");
    StudySpecification other = spec.toBuilder().eventWindows(EventWindow.of(0, 0)).build();
    assertThatThrownBy(() -> sums.merge(StudyPartitions.emptySums(other)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StudyPartitions.install(null))
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * Stata's r̄ over every pair of a window's sample, across events, from {@link AllPairsSums}
   * pieces of two partitions (the scenario's listings with gaps are incomplete members, paired
   * directly); whole study and each exchange's group. The clustered step refuses the study.
   */
  @Test
  void stataConventionsPairAcrossPartitions() {
    StudySpecification stata =
        StudySpecification.builder().conventions(Conventions.STATA_ESTUDY).build();
    assertPartitionedEqualsLocal(stata, false);
    assertPartitionedEqualsLocal(
        stata.toBuilder().groupBy(GroupBy.exchange()).cleanEstimation(3).build(), false);
    assertThatThrownBy(() -> StudyPartitions.clusterPairSums(stata, List.of(), c -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--conventions stata-estudy")
        .hasMessageContaining("AllPairsSums");
  }

  /** A BHAR reference listing and the volatility measure go through the SPI as any study. */
  @Test
  void aBharReferenceAndTheVolatilityMeasureAreMappedOnPartitions() {
    assertPartitionedEqualsLocal(
        StudySpecification.builder().bharBenchmark("SPX").cleanEstimation(3).build(), false);
    assertPartitionedEqualsLocal(
        StudySpecification.builder().measure(StudyMeasure.VOLATILITY).build(), true);
  }

  /**
   * The estimation SARs kept through the SPI: one partition, the rows carrying them, the assembled
   * study's generalized rank tests equal to {@code EventStudy.withEstimationSar()}'s; rows without
   * them are refused when they are kept.
   */
  @Test
  void estimationSarsTravelWithTheRowsForTheGeneralizedRankTests() {
    EventStudyReferenceTest.Scenario scenario = new EventStudyReferenceTest.Scenario();
    ReturnPanel whole = scenario.panel(ReturnType.SIMPLE);
    StudySpecification spec = StudySpecification.defaults();
    StudyResult local =
        EventStudy.of(spec).withEstimationSar().withParallelism(1).run(whole, scenario.events);
    ResolvedStudy resolved = spec.resolve(whole, scenario.events);
    List<MappedFirmEvent> rows = new ArrayList<>();
    PartialSums sums = StudyPartitions.map(resolved, rows::add, true);
    assertThat(rows).allMatch(r -> r.estimationSar() != null && r.estimationSar().length == 240);
    Map<String, TradingCalendar> calendars = new LinkedHashMap<>();
    for (TradingCalendar c : whole.calendars()) {
      calendars.put(c.name(), c);
    }
    Map<String, List<MappedFirmEvent>> clusters = new TreeMap<>();
    for (MappedFirmEvent r : rows) {
      clusters.computeIfAbsent(r.eventId(), k -> new ArrayList<>()).add(r);
    }
    for (List<MappedFirmEvent> c : clusters.values()) {
      StudyPartitions.addClusterPairSums(spec, c, calendars::get, sums);
    }
    List<MappedFirmEvent> slim = rows.stream().map(MappedFirmEvent::withoutResiduals).toList();
    StudyResult assembled = StudyPartitions.assemble(resolved, slim, sums, true);
    TestSuite grank = TestSuite.byIds(List.of("grank-t", "grank-z"));
    List<StudyTests.Row> lt = StudyTests.run(local, grank).rows();
    List<StudyTests.Row> at = StudyTests.run(assembled, grank).rows();
    assertThat(at).hasSameSizeAs(lt);
    int defined = 0;
    for (int i = 0; i < lt.size(); i++) {
      TestResult x = lt.get(i).result();
      TestResult y = at.get(i).result();
      assertThat(y.undefinedReason()).isEqualTo(x.undefinedReason());
      if (x.isDefined()) {
        defined++;
        // The SARs are copied bit for bit; sums the tests share may be merged in another order.
        assertThat(y.statistic()).isCloseTo(x.statistic(), within(x.statistic()));
      }
    }
    assertThat(defined).isGreaterThan(lt.size() / 2);
    List<MappedFirmEvent> bare = new ArrayList<>();
    PartialSums none = StudyPartitions.map(resolved, bare::add);
    assertThat(bare).allMatch(r -> r.estimationSar() == null);
    assertThatThrownBy(() -> StudyPartitions.assemble(resolved, bare, none, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("carries no estimation SARs");
  }

  @Test
  void completeSumsRefuseAGappyMemberAndOtherStudiesPieces() {
    EventStudyReferenceTest.Scenario scenario = new EventStudyReferenceTest.Scenario();
    StudySpecification spec = StudySpecification.defaults();
    List<MappedFirmEvent> rows = new ArrayList<>();
    StudyPartitions.map(
        spec.resolve(scenario.panel(ReturnType.SIMPLE), scenario.events), rows::add);
    int estLen = StudyPartitions.estimationLength(spec);
    MappedFirmEvent gappy =
        rows.stream()
            .filter(r -> r.inSample() && r.residualCount() >= 30 && r.residualCount() < estLen)
            .findFirst()
            .orElseThrow();
    assertThat(ClusterShape.of(gappy, estLen).simple()).isFalse();
    assertThatThrownBy(() -> new CompleteSums(estLen).add(gappy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(gappy.ticker());
    assertThatThrownBy(() -> new CompleteSums(estLen).merge(new CompleteSums(estLen + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ClusterShape.EMPTY.merge(ClusterShape.of(gappy, estLen)).simple()).isFalse();
  }
}
