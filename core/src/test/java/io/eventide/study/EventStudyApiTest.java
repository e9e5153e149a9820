package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.StudyTests;
import io.eventide.inference.TestSuite;
import io.eventide.market.FactorSet;
import io.eventide.market.ReturnPanel;
import io.eventide.model.FactorModel;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * The public API of the study around the computation: what {@link EventStudy#run} refuses and how
 * it says so, running on a caller's executor, and the accessors of results, firm-events and samples
 * with their errors. World: {@link SyntheticPanels#panel(int, int, long)}, 4 listings on 400
 * sessions, events on sessions 300 and 320.
 */
class EventStudyApiTest {

  private static final LocalDate[] DATES = SyntheticPanels.sessions(400);
  private static final ReturnPanel PANEL = SyntheticPanels.panel(4, 400, 3L);
  private static final List<Event> EVENTS =
      List.of(
          SyntheticPanels.event("b", DATES[320]),
          SyntheticPanels.event("a", DATES[300], "L001", "L000", "L001"));

  @Test
  void runRefusesInputsItCannotUseAndSaysWhatToChange() {
    EventStudy defaults = EventStudy.of(StudySpecification.defaults());
    assertThat(defaults.specification()).isEqualTo(StudySpecification.defaults());
    ReturnPanel log =
        ReturnPanel.of(
            SyntheticPanels.universe(4), SyntheticPanels.prices(4, 400, 3L), ReturnType.LOG);
    // The return type is the panel's: a log panel runs, and the result says so.
    assertThat(defaults.run(log, EVENTS).returnType()).isEqualTo(ReturnType.LOG);
    assertThat(defaults.run(PANEL, EVENTS).returnType()).isEqualTo(ReturnType.SIMPLE);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> defaults.run(PANEL, List.of(EVENTS.get(0), EVENTS.get(0))))
        .withMessage("Event id b appears twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> defaults.withParallelism(0))
        .withMessage("Parallelism must be at least 1, got 0");

    EventStudy ff3 =
        EventStudy.of(StudySpecification.builder().model(FactorModel.famaFrench3()).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ff3.run(PANEL, EVENTS))
        .withMessage(
            "Model ff3 needs factors [Mkt-RF, SMB, HML]; give the panel a factor set"
                + " (--factors with the Ken French daily files)");
    long[] days = {DATES[0].toEpochDay()};
    FactorSet noHml =
        FactorSet.of(List.of("Mkt-RF", "SMB"), days, new double[][] {{0}, {0}}, new double[] {0});
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ff3.run(PANEL.withFactors(noHml), EVENTS))
        .withMessage(
            "Model ff3 needs factors [Mkt-RF, SMB, HML] but [HML] are not in the"
                + " factor files (they hold [Mkt-RF, SMB])");
    FactorSet noRf =
        FactorSet.of(List.of("Mkt-RF", "SMB", "HML"), days, new double[][] {{0}, {0}, {0}}, null);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ff3.run(PANEL.withFactors(noRf), EVENTS))
        .withMessage("Model ff3 needs the risk-free rate RF, which no factor file holds");
  }

  @Test
  void aCallersExecutorGivesTheSameBitsAndIsLeftRunning() {
    StudySpecification spec = StudySpecification.defaults();
    StudyResult alone = EventStudy.of(spec).withParallelism(1).run(PANEL, EVENTS);
    ExecutorService service = Executors.newFixedThreadPool(3);
    try {
      StudyResult pooled = EventStudy.of(spec).withExecutor(service).run(PANEL, EVENTS);
      assertThat(Fingerprint.of(pooled)).isEqualTo(Fingerprint.of(alone));
      assertThat(StudyTests.run(pooled, TestSuite.standard(), service).results())
          .isEqualTo(StudyTests.run(alone, TestSuite.standard()).results());
      assertThat(service.isShutdown()).isFalse();
    } finally {
      service.shutdownNow();
    }
  }

  @Test
  void resultAccessors() {
    StudyResult r =
        EventStudy.of(StudySpecification.defaults()).withParallelism(1).run(PANEL, EVENTS);
    // Canonical order: events by id (a before b), tickers sorted, a repeated ticker once.
    assertThat(r.events()).extracting(Event::id).containsExactly("a", "b");
    assertThat(r.firmEvents())
        .extracting(f -> f.eventId() + "/" + f.ticker())
        .containsExactly("a/L000", "a/L001", "b/L000", "b/L001", "b/L002", "b/L003");
    assertThat(r.size()).isEqualTo(6);
    assertThat(r.universe()).isEqualTo(PANEL.listings());
    assertThat(r.windows()).isEqualTo(StudySpecification.DEFAULT_WINDOWS);
    assertThat(r.testWindows()).hasSize(14);
    assertThat(r)
        .hasToString(
            "StudyResult[StudySpecification[model=market, estimation=-250:-11,"
                + " windows=[-1:1, 0:0, 0:1, -5:5], minEstimation=100], SIMPLE returns, 2 events, 6"
                + " firm-events, 6 OK]");
    FirmEventResult f = r.firmEvent(0);
    assertThat(f).hasToString("FirmEventResult[a L000 OK day0=" + DATES[300] + "]");
    assertThat(f.parameterNames()).containsExactly("alpha", "beta");
    assertThat(f.parameterCount()).isEqualTo(2);
    assertThat(f.date(-300)).contains(DATES[0]);
    assertThat(f.date(-301)).isEmpty();
    assertThat(f.date(99)).contains(DATES[399]);
    assertThat(f.date(100)).isEmpty();
    // E[R_t] = R_t − AR_t = α̂ + β̂ R_mt.
    double[] p = f.parameters();
    double rm = PANEL.returnsOf("L000").orElseThrow().marketReturnAt(300);
    assertThat(f.expectedReturn(0))
        .isCloseTo(p[0] + p[1] * rm, org.assertj.core.api.Assertions.within(1e-17));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> f.car(EventWindow.of(-2, 2)))
        .withMessage("Window -2:2 is not a window of this study; it has " + r.testWindows());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> f.abnormalReturn(6))
        .withMessage("Day 6 is outside the event span -5:5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> r.sample(EventWindow.of(1, 3), Measure.CAR))
        .withMessage("Window 1:3 is not a window of this study; it has " + r.testWindows());
    assertThat(Measure.valueOf("BHAR")).isEqualTo(Measure.BHAR);
  }

  @Test
  void windowSamplesCheckTheirInputsAndTheirMeasure() {
    EventWindow w = EventWindow.of(-1, 1);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                WindowSample.ofCar(
                    w,
                    new double[2],
                    new double[1],
                    new double[2],
                    new double[2],
                    0,
                    new double[5],
                    new double[10],
                    6,
                    8))
        .withMessage("Window -1:1: per-firm-event arrays differ in length (2, 1, 2, 2)");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                WindowSample.ofCar(
                    w,
                    new double[2],
                    new double[2],
                    new double[2],
                    new double[2],
                    0,
                    new double[5],
                    new double[10],
                    8,
                    10))
        .withMessage("Window -1:1: rank positions 8..10 do not fit 10 rank days");
    WindowSample car =
        WindowSample.ofCar(
            w,
            new double[] {0.01, -0.02},
            new double[] {1.0, -2.0},
            new double[] {98, 98},
            new double[] {0.5, 0.49},
            0.1,
            new double[] {0.001, Double.NaN, 0.002, 0, 0},
            new double[10],
            6,
            8);
    assertThat(car.hasStandardizedInputs()).isTrue();
    assertThat(car.estimationDays()).isEqualTo(5);
    assertThat(car.estimationAar(1)).isNaN();
    assertThat(car.rankDays()).isEqualTo(10);
    assertThat(car.meanRankScore(6)).isZero();
    assertThat(car).hasToString("WindowSample[-1:1 CAR, N=2]");
    assertThat(car)
        .isEqualTo(
            WindowSample.ofCar(
                w,
                new double[] {0.01, -0.02},
                new double[] {1.0, -2.0},
                new double[] {98, 98},
                new double[] {0.5, 0.49},
                0.1,
                new double[] {0.001, Double.NaN, 0.002, 0, 0},
                new double[10],
                6,
                8));
    WindowSample bhar = WindowSample.ofBhar(w, new double[] {0.03});
    assertThat(bhar.measure()).isEqualTo(Measure.BHAR);
    assertThat(bhar.value(0)).isEqualTo(0.03);
    assertThat(bhar.hasStandardizedInputs()).isFalse();
    assertThat(bhar).isNotEqualTo(car);
    for (Runnable needsCar :
        List.<Runnable>of(
            () -> bhar.standardized(0),
            () -> bhar.degreesOfFreedom(0),
            () -> bhar.positiveEstimationShare(0),
            bhar::meanCrossCorrelation,
            bhar::estimationAar,
            () -> bhar.estimationAar(0),
            bhar::estimationDays,
            bhar::rankDays,
            () -> bhar.meanRankScore(0),
            bhar::meanRankScores,
            bhar::rankWindowFrom,
            bhar::rankWindowTo)) {
      assertThatIllegalStateException()
          .isThrownBy(needsCar::run)
          .withMessage("Window -1:1 BHAR sample has no standardized inputs");
    }
  }
}
