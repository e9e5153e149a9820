package io.eventide.benchmarks;

import io.eventide.event.Event;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyMeasure;
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
 * A whole event study with the default specification (market model, estimation {@code [-250, -11]},
 * windows {@code -1:1, 0:0, 0:1, -5:5}) and its tests on every test window for CAR and BHAR (see
 * {@link StudyWorkload}), on a {@value #LISTINGS}-listing × {@value #SESSIONS}-session synthetic
 * panel with {@code firmEvents / 1000} announcements on evenly spaced sessions, each hitting every
 * listing.
 *
 * <p>The panel and the events are built once per trial, outside the measurement; the study
 * resolves, maps and reduces inside it, as a caller's {@code run} does. {@code threads} is the
 * study's parallelism ({@link EventStudy#withParallelism}); at 2 threads the study makes and shuts
 * down its own pool in every run, which is part of the measured cost.
 *
 * <p>{@code missingShare} blanks that share of the listings' prices at random (default 0, no gaps);
 * run it with {@code -p missingShare=0.001} to see what gaps in the data cost: a firm-event with a
 * missing estimation return leaves the fast path of the cross-correlation r̄ and is correlated pair
 * by pair with every other member of its event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class StudyBenchmark {

  /** Listings of the panel. */
  static final int LISTINGS = 1000;

  /** Sessions of the panel. */
  static final int SESSIONS = 2600;

  /** Seed of the data. */
  static final long SEED = 20_240_603L;

  /** Firm-events: announcements × 1,000 listings. */
  @Param({"10000", "100000"})
  public int firmEvents;

  /** The study's parallelism. */
  @Param({"1", "2"})
  public int threads;

  /**
   * The normal-return model's id ({@code NormalReturnModel.of}): {@code market} by default; run
   * with {@code -p model=market,scholes-williams,dimson} to compare the thin-trading models.
   */
  @Param({"market"})
  public String model;

  /**
   * What the study measures ({@code StudyMeasure.of}): {@code returns} by default; run with {@code
   * -p measure=returns,volume,volatility} to compare the measures of {@code docs/statistics.md}
   * section 3g per firm-event (volume on {@link SyntheticData.Market#volumePanel()}; volatility
   * runs two tests where the others run eleven).
   */
  @Param({"returns"})
  public String measure;

  /** Share of the listings' prices blanked at random. */
  @Param({"0"})
  public double missingShare;

  ReturnPanel panel;
  List<Event> events;
  EventStudy study;

  /** Builds the panel, the events and the study. */
  @Setup(Level.Trial)
  public void setUp() {
    if (firmEvents % LISTINGS != 0) {
      throw new IllegalArgumentException(
          "firmEvents must be a multiple of " + LISTINGS + " listings, got " + firmEvents);
    }
    SyntheticData.Market market = SyntheticData.market(LISTINGS, SESSIONS, SEED);
    StudyMeasure m = StudyMeasure.of(measure);
    panel = m == StudyMeasure.VOLUME ? market.volumePanel() : market.panel(missingShare, SEED + 1);
    events = market.eventsOnEverySession(firmEvents / LISTINGS);
    study =
        EventStudy.of(
                StudySpecification.builder().model(NormalReturnModel.of(model)).measure(m).build())
            .withParallelism(threads);
  }

  /**
   * @return the study's result and a checksum of the tested samples (JMH sinks it)
   */
  @Benchmark
  public StudyWorkload.Outcome studyWithTests() {
    return StudyWorkload.run(study, panel, events);
  }
}
