package io.eventide.benchmarks;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.GeneralizedRankTTest;
import io.eventide.inference.GeneralizedRankZTest;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the generalized rank tests cost, in the setting of {@link StudyBenchmark} (default
 * specification, {@code firmEvents / 1000} announcements each hitting every listing of a 1,000 ×
 * 2,600 synthetic panel, one thread), side by side in one run:
 *
 * <ul>
 *   <li>{@code standard}: the study and the eleven tests on every window and measure, grank not
 *       selected (the study keeps no SARs): the baseline;
 *   <li>{@code withGrank}: the same study keeping the SARs ({@link EventStudy#withEstimationSar()})
 *       and the eleven tests plus {@code grank-t} and {@code grank-z};
 *   <li>{@code grankTestsOnly}: only the two grank tests on the CAR samples of every test window of
 *       a study run once in the setup (the samples reduced inside the measurement, as a caller's
 *       {@code sample} does).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class GeneralizedRankBenchmark {

  /** Firm-events: announcements × 1,000 listings. */
  @Param({"10000"})
  public int firmEvents;

  ReturnPanel panel;
  List<Event> events;
  EventStudy study;
  EventStudy studyKeepingSar;
  TestSuite standard;
  TestSuite withGrank;
  StudyResult keptResult;
  List<EventWindow> windows;

  /** Builds the data, the studies and one result keeping the SARs. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticData.Market market =
        SyntheticData.market(StudyBenchmark.LISTINGS, StudyBenchmark.SESSIONS, StudyBenchmark.SEED);
    panel = market.panel(0.0, StudyBenchmark.SEED + 1);
    events = market.eventsOnEverySession(firmEvents / StudyBenchmark.LISTINGS);
    study = EventStudy.of(StudySpecification.defaults()).withParallelism(1);
    studyKeepingSar = study.withEstimationSar();
    standard = TestSuite.standard();
    List<String> ids = new ArrayList<>(standard.ids());
    ids.add(GeneralizedRankTTest.ID);
    ids.add(GeneralizedRankZTest.ID);
    withGrank = TestSuite.byIds(ids);
    keptResult = studyKeepingSar.run(panel, events);
    windows = keptResult.testWindows();
  }

  /**
   * @return the tests' rows (JMH sinks them)
   */
  @Benchmark
  public StudyTests standard() {
    return StudyTests.run(study.run(panel, events), standard);
  }

  /**
   * @return the tests' rows (JMH sinks them)
   */
  @Benchmark
  public StudyTests withGrank() {
    return StudyTests.run(studyKeepingSar.run(panel, events), withGrank);
  }

  /**
   * @param bh sinks each statistic
   */
  @Benchmark
  public void grankTestsOnly(Blackhole bh) {
    for (EventWindow w : windows) {
      Sample s = keptResult.sample(w, Measure.CAR);
      bh.consume(GeneralizedRankTTest.withDefaults().test(s));
      bh.consume(GeneralizedRankZTest.withDefaults().test(s));
    }
  }
}
