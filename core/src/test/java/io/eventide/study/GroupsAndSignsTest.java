package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Groups, signs, CAAR and AAR. Sources: a group's results must equal those of a second study run on
 * that group's events alone (its samples, r̄, AAR_τ and rank means included); signed CARs are the
 * unsigned ones times the direction (an exact multiplication by ±1); CAAR's standard error and
 * interval are recomputed in the test by the textbook formulas with Commons Math's Student t
 * quantile. World: {@link SyntheticPanels#panel(int, int, long)}, 6 listings on 420 sessions.
 */
class GroupsAndSignsTest {

  private static final LocalDate[] DATES = SyntheticPanels.sessions(420);
  private static final ReturnPanel PANEL = SyntheticPanels.panel(6, 420, 11L);

  private static Event event(String id, int session, String category, int direction) {
    return new Event(
        id,
        Announcement.on(DATES[session]),
        "",
        category,
        direction,
        List.of("L000", "L001", "L002", "L003", "L004"),
        Map.of("region", direction > 0 ? "north" : ""));
  }

  private static final List<Event> EVENTS =
      List.of(
          event("e1", 300, "tightening", -1),
          event("e2", 310, "easing", 1),
          event("e3", 330, "tightening", -1),
          event("e4", 360, "", 1));

  private static StudyResult run(StudySpecification spec, List<Event> events) {
    return EventStudy.of(spec).withParallelism(1).run(PANEL, events);
  }

  @Test
  void aGroupIsTheStudyOfItsOwnFirmEvents() {
    StudySpecification grouped =
        StudySpecification.builder().groupBy(GroupBy.column("category")).build();
    StudyResult all = run(grouped, EVENTS);
    assertThat(all.groups()).containsExactly("(none)", "easing", "tightening");
    assertThat(all.groupLabel()).isEmpty();
    StudyResult tightening = all.group("tightening");
    assertThat(tightening.groupLabel()).contains("tightening");
    assertThat(tightening.size()).isEqualTo(10);
    // The whole study is unchanged by grouping: same samples as an ungrouped run.
    StudyResult plain = run(StudySpecification.defaults(), EVENTS);
    for (EventWindow w : plain.testWindows()) {
      assertThat(all.sample(w, Measure.CAR)).isEqualTo(plain.sample(w, Measure.CAR));
    }
    // The group equals a study of its own events: r̄ within the group, AAR_τ, rank means.
    StudyResult alone = run(StudySpecification.defaults(), List.of(EVENTS.get(0), EVENTS.get(2)));
    for (EventWindow w : alone.testWindows()) {
      CarSample g = (CarSample) tightening.sample(w, Measure.CAR);
      CarSample a = (CarSample) alone.sample(w, Measure.CAR);
      assertThat(g).isEqualTo(a);
      assertThat(g.meanCrossCorrelation()).isEqualTo(a.meanCrossCorrelation());
      assertThat(tightening.sample(w, Measure.BHAR)).isEqualTo(alone.sample(w, Measure.BHAR));
    }
    assertThat(tightening.test(TestSuite.standard()).rows())
        .isEqualTo(alone.test(TestSuite.standard()).rows());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> all.group("loosening"))
        .withMessage("No group 'loosening'; the groups are [(none), easing, tightening]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plain.group("easing"))
        .withMessage("This study is not grouped; build its specification with groupBy(...)");
  }

  @Test
  void groupsByAttributeExchangeAndDirectionAndTheSameBitsOnAnyThreadCount() {
    StudyResult byRegion =
        run(StudySpecification.builder().groupBy(GroupBy.column("region")).build(), EVENTS);
    assertThat(byRegion.groups()).containsExactly("(none)", "north");
    assertThat(byRegion.group("north").size()).isEqualTo(10);
    StudyResult byExchange =
        run(StudySpecification.builder().groupBy(GroupBy.exchange()).build(), EVENTS);
    assertThat(byExchange.groups()).containsExactly(PANEL.listings().get(0).exchange().code());
    StudyResult byDirection =
        run(StudySpecification.builder().groupBy(GroupBy.column("direction")).build(), EVENTS);
    assertThat(byDirection.groups()).containsExactly("-1", "1");
    StudySpecification spec = StudySpecification.builder().groupBy(GroupBy.column("title")).build();
    StudyResult one = run(spec, EVENTS);
    StudyResult four = EventStudy.of(spec).withParallelism(4).run(PANEL, EVENTS);
    for (EventWindow w : one.testWindows()) {
      assertThat(four.group("(none)").sample(w, Measure.CAR))
          .isEqualTo(one.group("(none)").sample(w, Measure.CAR));
    }
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                run(StudySpecification.builder().groupBy(GroupBy.column("sector")).build(), EVENTS))
        .withMessageContaining("No event has a value for the group-by column 'sector'");
  }

  @Test
  void signingMultipliesAbnormalQuantitiesByTheDirection() {
    List<Event> signed = EVENTS.subList(0, 3);
    StudyResult plain = run(StudySpecification.defaults(), signed);
    StudyResult s = run(StudySpecification.builder().signByDirection(true).build(), signed);
    assertThat(s.specification().signedByDirection()).isTrue();
    for (int i = 0; i < s.size(); i++) {
      FirmEventResult a = plain.firmEvent(i);
      FirmEventResult b = s.firmEvent(i);
      double d = s.events().get(i / 5).direction();
      for (EventWindow w : s.windows()) {
        assertThat(b.car(w)).isEqualTo(d * a.car(w));
        assertThat(b.bhar(w)).isEqualTo(d * a.bhar(w));
        assertThat(b.scar(w)).isEqualTo(d * a.scar(w));
        assertThat(b.carVariance(w)).isEqualTo(a.carVariance(w));
      }
      assertThat(b.abnormalReturn(0)).isEqualTo(d * a.abnormalReturn(0));
      assertThat(b.expectedReturn(0)).isEqualTo(a.expectedReturn(0));
    }
    // Directions are per event, so d_i d_j = 1 inside a cluster: r̄ does not change.
    EventWindow w = EventWindow.of(-1, 1);
    assertThat(((CarSample) s.sample(w, Measure.CAR)).meanCrossCorrelation())
        .isEqualTo(((CarSample) plain.sample(w, Measure.CAR)).meanCrossCorrelation());
    // All directions -1: every CAR is negated, so is the cross-sectional t.
    List<Event> down = List.of(EVENTS.get(0), EVENTS.get(2));
    double t = run(StudySpecification.defaults(), down).caar(w).t();
    double tSigned =
        run(StudySpecification.builder().signByDirection(true).build(), down).caar(w).t();
    assertThat(tSigned).isEqualTo(-t);
  }

  @Test
  void anEventWithoutDirectionIsLeftOutWhenSigning() {
    Event none = event("e0", 320, "", 0);
    StudyResult s =
        run(
            StudySpecification.builder().signByDirection(true).build(),
            List.of(none, EVENTS.get(1)));
    assertThat(s.count(Outcome.NO_DIRECTION)).isEqualTo(5);
    assertThat(s.count(Outcome.OK)).isEqualTo(5);
    assertThat(s.leftOut().get(0).reason())
        .isEqualTo(
            "abnormal returns are signed by direction and event e0 has direction 0 (none stated)");
  }

  @Test
  void caarAndAarCarryTheirStandardErrorAndStudentInterval() {
    StudyResult r = run(StudySpecification.defaults(), EVENTS);
    EventWindow w = EventWindow.of(-1, 1);
    double[] cars = r.sample(w, Measure.CAR).values();
    int n = cars.length;
    double mean = 0;
    for (double c : cars) {
      mean += c / n;
    }
    double ss = 0;
    for (double c : cars) {
      ss += (c - mean) * (c - mean);
    }
    double se = Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    double q = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    MeanEstimate caar = r.caar(w);
    assertThat(caar.n()).isEqualTo(n).isEqualTo(20);
    assertThat(caar.estimate()).isCloseTo(mean, within(1e-15));
    assertThat(caar.standardError()).isCloseTo(se, within(1e-15));
    assertThat(caar.lower()).isCloseTo(mean - q * se, within(1e-14));
    assertThat(caar.upper()).isCloseTo(mean + q * se, within(1e-14));
    assertThat(caar.t()).isCloseTo(mean / se, within(1e-9));
    // AAR of a day is the CAAR of the one-day window; a window off the study's list works too.
    assertThat(r.aar(0)).isEqualTo(r.caar(EventWindow.day(0)));
    List<Double> ar0 = new ArrayList<>();
    for (FirmEventResult f : r.firmEvents()) {
      ar0.add(f.abnormalReturn(0));
    }
    assertThat(r.aar(0).estimate())
        .isCloseTo(
            ar0.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-15));
    MeanEstimate off = r.caar(EventWindow.of(-3, 2));
    assertThat(off.n()).isEqualTo(20);
    MeanEstimate bhar = r.caar(w, Measure.BHAR);
    assertThat(bhar.estimate())
        .isCloseTo(
            java.util.Arrays.stream(r.sample(w, Measure.BHAR).values()).average().orElseThrow(),
            within(1e-15));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> r.caar(EventWindow.of(-6, 0)))
        .withMessage("Window -6:0 is not inside the event span -5:5 of this study");
    // N = 1: no standard error; N = 0: nothing.
    MeanEstimate single = MeanEstimate.of(new double[] {0.02}, 1);
    assertThat(single.estimate()).isEqualTo(0.02);
    assertThat(single.standardError()).isNaN();
    assertThat(MeanEstimate.of(new double[0], 0).estimate()).isNaN();
  }
}
