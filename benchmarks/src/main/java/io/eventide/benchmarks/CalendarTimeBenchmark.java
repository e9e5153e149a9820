package io.eventide.benchmarks;

import io.eventide.event.Event;
import io.eventide.market.ReturnPanel;
import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
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

/**
 * What the calendar-time portfolio ({@code --calendar-time market}) adds to a study, in the setting
 * of {@link StudyBenchmark} (default specification, {@code firmEvents / 1000} announcements each
 * hitting every listing of a 1,000 × 2,600 synthetic panel, one thread), side by side in one run:
 *
 * <ul>
 *   <li>{@code study}: the study alone (the baseline);
 *   <li>{@code calendarTime}: the portfolio (every OK firm-event held on days −5..+5) and its
 *       Newey-West regression, on a result computed once in the setup.
 * </ul>
 *
 * The portfolio is one pass over the held days of the firm-events (O(N · L)) plus a regression on
 * at most the panel's sessions: it should cost a small fraction of the study.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class CalendarTimeBenchmark {

  /** Firm-events: announcements × 1,000 listings. */
  @Param({"10000", "100000"})
  public int firmEvents;

  ReturnPanel panel;
  List<Event> events;
  EventStudy study;
  StudyResult result;

  /** Builds the data and one result. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticData.Market market =
        SyntheticData.market(StudyBenchmark.LISTINGS, StudyBenchmark.SESSIONS, StudyBenchmark.SEED);
    panel = market.panel(0.0, StudyBenchmark.SEED + 1);
    events = market.eventsOnEverySession(firmEvents / StudyBenchmark.LISTINGS);
    study = EventStudy.of(StudySpecification.defaults()).withParallelism(1);
    result = study.run(panel, events);
  }

  /**
   * @return the result (JMH sinks it)
   */
  @Benchmark
  public StudyResult study() {
    return study.run(panel, events);
  }

  /**
   * @return the portfolio (JMH sinks it)
   */
  @Benchmark
  public CalendarTimePortfolio calendarTime() {
    return CalendarTimePortfolio.run(result);
  }
}
