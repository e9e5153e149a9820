package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.GeneralizedRankTTest;
import io.eventide.inference.GeneralizedRankZTest;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The study's part of the generalized rank tests: with {@link EventStudy#withEstimationSar()} every
 * CAR sample carries its firm-events' {@code SAR_iτ = ε̂_iτ / s_i}, checked against what OLS
 * residuals must satisfy (M values, mean 0 with an intercept, Σ SAR² = M − k), the same bits on one
 * and on three threads; without it the samples carry none. World: {@link SyntheticPanels}, 6
 * listings on 700 sessions, 8 events, estimation cleaned of other events (so some SARs are NaN).
 */
class GeneralizedRankInputsTest {

  private static final LocalDate[] DATES = SyntheticPanels.sessions(700);
  private static final ReturnPanel PANEL = SyntheticPanels.panel(6, 700, 13L);
  private static final StudySpecification SPEC =
      StudySpecification.builder().cleanEstimation(3).build();

  private static List<Event> events() {
    List<Event> out = new ArrayList<>();
    for (int e = 0; e < 8; e++) {
      out.add(SyntheticPanels.event("e" + e, DATES[300 + 40 * e]));
    }
    return out;
  }

  @Test
  void samplesCarryStandardizedEstimationResiduals() {
    StudyResult result =
        EventStudy.of(SPEC).withEstimationSar().withParallelism(1).run(PANEL, events());
    EventWindow w = EventWindow.of(-1, 1);
    CarSample s = (CarSample) result.sample(w, Measure.CAR);
    assertThat(s.size()).isEqualTo(48);
    double[][] sar = s.estimationSar();
    int j = 0;
    boolean sawCleanedDay = false;
    for (FirmEventResult fe : result.firmEvents()) {
      if (Double.isNaN(fe.car(w))) {
        continue;
      }
      double[] row = sar[j++];
      assertThat(row).hasSize(SPEC.estimationWindow().length());
      int m = 0;
      double sum = 0;
      double squares = 0;
      for (double x : row) {
        if (!Double.isNaN(x)) {
          m++;
          sum += x;
          squares += x * x;
        }
      }
      sawCleanedDay |= m < row.length;
      // OLS with an intercept: residuals sum to 0; s² = Σ ε̂² / (M − k), so Σ SAR² = M − k.
      assertThat(m).isEqualTo(fe.observations());
      assertThat(sum).isCloseTo(0.0, within(1e-9));
      assertThat(squares).isCloseTo(m - 2.0, within(1e-9));
    }
    assertThat(sawCleanedDay).isTrue();

    TestResult z = GeneralizedRankZTest.withDefaults().test(s);
    assertThat(z.undefinedReason()).isEmpty();
    StudyTests tests = result.test(TestSuite.byIds(List.of("grank-t", "grank-z")));
    assertThat(tests.result(w, Measure.CAR, "grank-z").orElseThrow()).isEqualTo(z);
    assertThat(tests.result(w, Measure.CAR, "grank-t").orElseThrow().degreesOfFreedom())
        .isEqualTo(SPEC.estimationWindow().length() + 1 - 2.0);
    assertThat(tests.result(w, Measure.BHAR, "grank-t")).isEmpty();
  }

  @Test
  void sameBitsOnOneAndThreeThreadsAndNoneWithoutTheOption() {
    List<Event> events = events();
    StudyResult one = EventStudy.of(SPEC).withEstimationSar().withParallelism(1).run(PANEL, events);
    StudyResult three =
        EventStudy.of(SPEC).withParallelism(3).withEstimationSar().run(PANEL, events);
    TestSuite suite = TestSuite.byIds(List.of("grank-t", "grank-z"));
    assertThat(three.test(suite).rows()).isEqualTo(one.test(suite).rows());
    for (EventWindow w : one.testWindows()) {
      assertThat(three.sample(w, Measure.CAR)).isEqualTo(one.sample(w, Measure.CAR));
    }
    StudyResult plain = EventStudy.of(SPEC).withParallelism(1).run(PANEL, events);
    CarSample s = (CarSample) plain.sample(EventWindow.of(0, 0), Measure.CAR);
    assertThat(s.hasEstimationSar()).isFalse();
    assertThat(EventStudy.of(SPEC).keepsEstimationSar()).isFalse();
    assertThat(EventStudy.of(SPEC).withEstimationSar().keepsEstimationSar()).isTrue();
    assertThat(GeneralizedRankTTest.withDefaults().test(s).undefinedReason())
        .contains("EventStudy.withEstimationSar()");
  }
}
