package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.PValueAdjustment;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StudyTests#withAdjustedPValues}: each (test, measure) is one family over every window, the
 * adjusted values are {@link PValueAdjustment#adjust} of that family's p-values in row order, and
 * undefined rows stay undefined. World: {@link SyntheticPanels}, 3 listings on 500 sessions.
 */
class AdjustedStudyTestsTest {

  @Test
  void familiesAreTestAndMeasureAcrossAllWindows() {
    LocalDate[] dates = SyntheticPanels.sessions(500);
    ReturnPanel panel = SyntheticPanels.panel(3, 500, 5L);
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 4; e++) {
      events.add(SyntheticPanels.event("e" + e, dates[300 + 30 * e]));
    }
    StudyResult result = EventStudy.of(StudySpecification.defaults()).run(panel, events);
    TestSuite suite = TestSuite.byIds(List.of("cs-t", "patell-z", "sign-z"));
    StudyTests plain = result.test(suite);
    assertThat(plain.adjustment()).isEmpty();
    assertThat(plain.rows()).allSatisfy(r -> assertThat(r.pAdjusted()).isNaN());

    StudyTests holm = plain.withAdjustedPValues(PValueAdjustment.HOLM);
    assertThat(holm.adjustment()).contains(PValueAdjustment.HOLM);
    assertThat(holm.rows()).hasSameSizeAs(plain.rows());
    int windows = result.testWindows().size();
    for (Measure m : result.measures()) {
      for (String id : List.of("cs-t", "sign-z")) {
        double[] p = new double[windows];
        double[] got = new double[windows];
        for (int w = 0; w < windows; w++) {
          EventWindow window = result.testWindows().get(w);
          p[w] = plain.result(window, m, id).orElseThrow().pValue();
          got[w] = pAdjusted(holm, window, m, id);
        }
        assertThat(got).containsExactly(PValueAdjustment.HOLM.adjust(p));
        // Holm never lowers a p-value
        for (int w = 0; w < windows; w++) {
          assertThat(got[w]).isGreaterThanOrEqualTo(p[w]);
        }
      }
    }
    // patell-z has no BHAR rows; its CAR family is its own
    assertThat(holm.rows().stream().filter(r -> r.result().testId().equals("patell-z")))
        .allSatisfy(r -> assertThat(r.measure()).isEqualTo(Measure.CAR));
    // with the bootstrapped rows appended, the adjustment is dropped until applied again
    assertThat(holm.plus(plain).adjustment()).isEmpty();
    assertThat(holm.plus(plain).rows()).allSatisfy(r -> assertThat(r.pAdjusted()).isNaN());
  }

  private static double pAdjusted(StudyTests t, EventWindow w, Measure m, String id) {
    for (StudyTests.Row r : t.rows()) {
      if (r.window().equals(w) && r.measure() == m && r.result().testId().equals(id)) {
        return r.pAdjusted();
      }
    }
    throw new AssertionError(id + " " + w + " " + m);
  }
}
