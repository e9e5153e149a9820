package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestSuite;
import io.eventide.inference.ValueSample;
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
            "Model ff3 needs factors [Mkt-RF, SMB, HML]; give the panel a factor set:"
                + " ReturnPanel.withFactors(set) for the US exchanges, withFactors(exchange, set)"
                + " for another exchange");
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
      assertThat(StudyTests.run(pooled, TestSuite.standard(), service).rows())
          .isEqualTo(StudyTests.run(alone, TestSuite.standard()).rows());
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
  void theStudyHandsACarSampleForCarAndAValueSampleForBharToItsTests() {
    StudyResult r = EventStudy.of(StudySpecification.defaults()).run(PANEL, EVENTS);
    EventWindow w = EventWindow.of(-1, 1);
    CarSample car = (CarSample) r.sample(w, Measure.CAR);
    ValueSample bhar = (ValueSample) r.sample(w, Measure.BHAR);
    assertThat(car.size()).isEqualTo(6);
    assertThat(car.label()).isEqualTo("CAR");
    assertThat(bhar.label()).isEqualTo("BHAR");
    assertThat(bhar.size()).isEqualTo(car.size());
    for (int i = 0; i < car.size(); i++) {
      FirmEventResult f = r.firmEvent(i);
      assertThat(car.value(i)).isEqualTo(f.car(w));
      assertThat(car.standardized(i)).isEqualTo(f.scar(w));
      assertThat(car.degreesOfFreedom(i)).isEqualTo(f.observations() - f.parameterCount());
      assertThat(bhar.value(i)).isEqualTo(f.bhar(w));
    }
    // the combined rank window is the 240 estimation days then the 11 days of the span -5:5,
    // so -1:1 sits at positions 240 + 4 .. 240 + 6
    assertThat(car.rankWindowFrom()).isEqualTo(244);
    assertThat(car.rankWindowTo()).isEqualTo(246);
    assertThat(car.windowLength()).isEqualTo(w.length());
    assertThat(car.estimationAar()).hasSize(240);
    // StudyResult.test is StudyTests.run; its rows carry the window and measure
    StudyTests tests = r.test(TestSuite.standard());
    assertThat(tests.rows()).isEqualTo(StudyTests.run(r, TestSuite.standard()).rows());
    assertThat(tests.forWindow(w, Measure.CAR))
        .isEqualTo(TestSuite.standard().run(r.sample(w, Measure.CAR)));
    assertThat(tests.forWindow(w, Measure.BHAR))
        .isEqualTo(TestSuite.standard().run(r.sample(w, Measure.BHAR)));
    StudyTests.Row first = tests.rows().get(0);
    assertThat(first.window()).isEqualTo(r.testWindows().get(0));
    assertThat(first.measure()).isEqualTo(Measure.CAR);
    assertThat(first.result().testId()).isEqualTo("cs-t");
    assertThat(tests.result(w, Measure.BHAR, "patell-z")).isEmpty();
    assertThat(tests.result(w, Measure.CAR, "patell-z"))
        .contains(tests.forWindow(w, Measure.CAR).get(2));
  }
}
