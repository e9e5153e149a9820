package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BHAR against a reference listing ({@link StudySpecification.Builder#bharBenchmark}): each BHAR
 * recomputed here from the firm-event's own returns and the reference's prices, {@code Π(1 + R) −
 * Π(1 + R_ref)}; a missing reference price takes the firm-event out of that window's BHAR sample
 * only; CAR is unchanged. World: {@link SyntheticPanels}, listings L000..L002 on 400 sessions; the
 * reference is REF, the prices of L003 (not in the universe), with one price blanked.
 */
class BharBenchmarkTest {

  private static final int SESSIONS = 400;
  private static final LocalDate[] DATES = SyntheticPanels.sessions(SESSIONS);
  private static final Map<String, DatedSeries> PRICES = SyntheticPanels.prices(4, SESSIONS, 21L);
  private static final List<Event> EVENTS =
      List.of(
          SyntheticPanels.event("a", DATES[300]), SyntheticPanels.event("b", DATES[350], "L001"));

  /** REF = L003's prices with session 349 blank (so the return of day −1 and 0 of "b" are NaN). */
  private static DatedSeries reference() {
    double[] p = PRICES.get("L003").values();
    p[349] = Double.NaN;
    return DatedSeries.of("REF", DATES, p);
  }

  private static ReturnPanel panel() {
    return ReturnPanel.of(SyntheticPanels.universe(3), PRICES, ReturnType.SIMPLE)
        .withReference("REF", reference());
  }

  @Test
  void bharIsTheFirmsBuyAndHoldLessTheReferences() {
    StudySpecification spec = StudySpecification.builder().bharBenchmark("REF").build();
    StudyResult result = EventStudy.of(spec).run(panel(), EVENTS);
    StudyResult model = EventStudy.of(StudySpecification.defaults()).run(panel(), EVENTS);
    double[] ref = reference().values();
    int checked = 0;
    for (FirmEventResult fe : result.firmEvents()) {
      int d0 = fe.eventId().equals("a") ? 300 : 350;
      for (EventWindow w : result.testWindows()) {
        double own = 1;
        double bench = 1;
        for (int day = w.fromInclusive(); day <= w.toInclusive(); day++) {
          own *= 1 + fe.returnOn(day);
          bench *= ref[d0 + day] / ref[d0 + day - 1];
        }
        double expected = own - bench;
        if (Double.isNaN(expected)) {
          assertThat(fe.bhar(w)).isNaN();
        } else {
          assertThat(fe.bhar(w)).isCloseTo(expected, within(1e-12));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    // b on L001: windows touching days −1 or 0 have no BHAR, yet keep their CAR, and are not in
    // the BHAR sample; a's three firm-events are.
    EventWindow w = EventWindow.of(-1, 1);
    assertThat(result.sample(w, Measure.CAR).size()).isEqualTo(4);
    Sample bhar = result.sample(w, Measure.BHAR);
    assertThat(bhar.size()).isEqualTo(3);
    assertThat(result.sample(EventWindow.of(0, 1), Measure.BHAR).size()).isEqualTo(3);
    assertThat(result.sample(EventWindow.day(1), Measure.BHAR).size()).isEqualTo(4);
    // CAR does not depend on the BHAR benchmark
    assertThat(result.sample(w, Measure.CAR)).isEqualTo(model.sample(w, Measure.CAR));
    assertThat(result.specification().bharBenchmark()).contains("REF");
    assertThat(result.specification().toString()).contains("bharBenchmark=REF");
  }

  @Test
  void aListingOfTheUniverseCanBeTheReferenceAndAMissingOneIsRefused() {
    StudySpecification spec = StudySpecification.builder().bharBenchmark("L002").build();
    StudyResult result = EventStudy.of(spec).run(panel(), EVENTS);
    // L002 against itself: BHAR 0 in every window
    for (FirmEventResult fe : result.firmEvents()) {
      if (fe.ticker().equals("L002")) {
        assertThat(fe.bhar(EventWindow.of(-5, 5))).isEqualTo(0.0);
      }
    }
    StudySpecification none = StudySpecification.builder().bharBenchmark("NOPE").build();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventStudy.of(none).run(panel(), EVENTS))
        .withMessageStartingWith("BHAR benchmark NOPE has no prices in the panel");
    assertThat(spec.toBuilder().build())
        .isEqualTo(spec)
        .isNotEqualTo(StudySpecification.defaults());
    assertThat(spec.toBuilder().bharBenchmark(null).build())
        .isEqualTo(StudySpecification.defaults());
  }
}
