package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.ReturnPanel;
import io.eventide.model.MarketModel;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The resolved form on a small hand-built panel: 30 weekday NYSE sessions from Wednesday 2020-01-01
 * (index 0) to Tuesday 2020-02-11 (index 29); L000 has prices, L001 has none, ZZZ is not in the
 * universe. Estimation window {@code [-10, -3]}, windows {@code 0:0} and {@code -1:2} (span {@code
 * -1..2}), so day 0 at session d needs sessions {@code d − 10 .. d + 2}, i.e. {@code 10 ≤ d ≤ 27}.
 */
class ResolvedStudyTest {

  private static final LocalDate[] DATES = SyntheticPanels.sessions(30);
  private static final ReturnPanel PANEL =
      ReturnPanel.of(
          SyntheticPanels.universe(2), SyntheticPanels.prices(1, 30, 5L), ReturnType.LOG);
  private static final StudySpecification SPEC =
      StudySpecification.builder()
          .model(MarketModel.of())
          .estimationWindow(EventWindow.of(-10, -3))
          .eventWindows(EventWindow.of(0, 0), EventWindow.of(-1, 2))
          .minEstimation(5)
          .build();

  /** Given out of order; affected tickers out of order too. */
  private static final List<Event> EVENTS =
      List.of(
          // Saturday 2020-01-18: day 0 is Monday 2020-01-20, session 13.
          Event.of("e4", Announcement.on(LocalDate.of(2020, 1, 18)), List.of()),
          Event.of("e1", Announcement.on(DATES[15]), List.of("ZZZ", "L001", "L000")),
          Event.of("e0", Announcement.on(DATES[5]), List.of("L000")),
          Event.of("e3", Announcement.on(LocalDate.of(2020, 3, 2)), List.of("L000")),
          Event.of("e2", Announcement.on(DATES[28]), List.of("L000")));

  @Test
  void firmEventsInCanonicalOrderWithDayZeroRangesOrOutcome() {
    ResolvedStudy r = SPEC.resolve(PANEL, EVENTS);
    assertThat(r.specification()).isEqualTo(SPEC);
    assertThat(r.returnType()).isEqualTo(ReturnType.LOG);
    assertThat(r.universe()).isEqualTo(PANEL.listings());
    assertThat(r.events()).extracting(Event::id).containsExactly("e0", "e1", "e2", "e3", "e4");
    assertThat(r.size()).isEqualTo(8);
    assertThat(r.resolvedCount()).isEqualTo(2);
    assertThat(r.firmEvents())
        .extracting(f -> f.eventId() + "/" + f.ticker() + " " + f.outcome().map(Enum::name))
        .containsExactly(
            "e0/L000 Optional[OUT_OF_RANGE]",
            "e1/L000 Optional.empty",
            "e1/L001 Optional[NO_PRICES]",
            "e1/ZZZ Optional[UNKNOWN_TICKER]",
            "e2/L000 Optional[OUT_OF_RANGE]",
            "e3/L000 Optional[OUT_OF_RANGE]",
            "e4/L000 Optional.empty",
            "e4/L001 Optional[NO_PRICES]");

    // e1 on session 15 (2020-01-22): estimation 5..12, span 14..17, window -1:2 the same.
    ResolvedStudy.FirmEvent e1 = r.firmEvent(1);
    assertThat(e1.index()).isEqualTo(1);
    assertThat(e1.isResolved()).isTrue();
    assertThat(e1.listing()).contains(PANEL.listings().get(0));
    assertThat(e1.dayZeroIndex()).isEqualTo(OptionalInt.of(15));
    assertThat(e1.dayZero()).contains(LocalDate.of(2020, 1, 22));
    assertThat(e1.estimation()).contains(new ResolvedStudy.Sessions(5, 12));
    assertThat(e1.estimation().orElseThrow().length()).isEqualTo(8);
    assertThat(e1.eventSpan()).contains(new ResolvedStudy.Sessions(14, 17));
    assertThat(e1.window(EventWindow.of(0, 0))).contains(new ResolvedStudy.Sessions(15, 15));
    assertThat(e1.reason()).isEmpty();

    // e4 on a Saturday: day 0 is the next session, Monday 2020-01-20 = 13.
    ResolvedStudy.FirmEvent e4 = r.firmEvent(6);
    assertThat(e4.dayZeroIndex()).isEqualTo(OptionalInt.of(13));
    assertThat(e4.dayZero()).contains(LocalDate.of(2020, 1, 20));
    assertThat(e4.estimation()).contains(new ResolvedStudy.Sessions(3, 10));
    assertThat(e4.eventSpan()).contains(new ResolvedStudy.Sessions(12, 15));
  }

  @Test
  void unresolvedFirmEventsSayWhy() {
    ResolvedStudy r = SPEC.resolve(PANEL, EVENTS);
    // Day 0 known (session 5) but 10 estimation sessions do not fit before it.
    ResolvedStudy.FirmEvent early = r.firmEvent(0);
    assertThat(early.isResolved()).isFalse();
    assertThat(early.dayZeroIndex()).isEqualTo(OptionalInt.of(5));
    assertThat(early.dayZero()).contains(DATES[5]);
    assertThat(early.estimation()).isEmpty();
    assertThat(early.eventSpan()).isEmpty();
    assertThat(early.window(EventWindow.of(0, 0))).isEmpty();
    assertThat(early.reason())
        .isEqualTo(
            "day 0 is 2020-01-08; the estimation window needs 10 sessions before it but NYSE per MKT"
                + " starts 2020-01-01, 5 sessions earlier");
    // Session 28: the span needs 2 sessions after it, the calendar has 1.
    assertThat(r.firmEvent(4).dayZeroIndex()).isEqualTo(OptionalInt.of(28));
    assertThat(r.firmEvent(4).reason()).contains("the event span needs 2 sessions after it");
    // After the last session: no day 0.
    ResolvedStudy.FirmEvent late = r.firmEvent(5);
    assertThat(late.dayZeroIndex()).isEmpty();
    assertThat(late.dayZero()).isEmpty();
    assertThat(late.reason()).startsWith("announcement ").contains("after the last session");
    // No prices: the listing is known, day 0 is not looked for.
    ResolvedStudy.FirmEvent noPrices = r.firmEvent(2);
    assertThat(noPrices.listing()).contains(PANEL.listings().get(1));
    assertThat(noPrices.dayZeroIndex()).isEmpty();
    assertThat(noPrices.outcome()).contains(Outcome.NO_PRICES);
    // Unknown ticker: no listing.
    ResolvedStudy.FirmEvent unknown = r.firmEvent(3);
    assertThat(unknown.listing()).isEqualTo(Optional.empty());
    assertThat(unknown.reason()).isEqualTo("event e1 names ZZZ, which the universe does not list");
  }

  @Test
  void clustersAreTheEvents() {
    ResolvedStudy r = SPEC.resolve(PANEL, EVENTS);
    assertThat(r.clusters())
        .extracting(c -> c.event().id() + " " + c.fromInclusive() + ".." + c.toExclusive())
        .containsExactly("e0 0..1", "e1 1..4", "e2 4..5", "e3 5..6", "e4 6..8");
    assertThat(r.clusters().get(1).size()).isEqualTo(3);
    assertThat(r)
        .hasToString(
            "ResolvedStudy[" + SPEC + ", LOG returns, 5 events, 8 firm-events, 2 resolved]");
  }

  @Test
  void runningTheResolvedFormIsRunningTheStudy() {
    ReturnPanel panel = SyntheticPanels.panel(6, 400, 9L);
    List<Event> events =
        List.of(
            SyntheticPanels.event("a", SyntheticPanels.sessions(400)[300]),
            SyntheticPanels.event("b", SyntheticPanels.sessions(400)[320], "L002", "L004"));
    StudySpecification spec = StudySpecification.defaults();
    ResolvedStudy resolved = spec.resolve(panel, events);
    EventStudy study = EventStudy.of(spec).withParallelism(1);
    StudyResult fromResolved = study.run(resolved);
    assertThat(fromResolved.returnType()).isEqualTo(ReturnType.SIMPLE);
    assertThat(Fingerprint.of(fromResolved)).isEqualTo(Fingerprint.of(study.run(panel, events)));
    // The same resolved form can be computed again: the map does not write into it.
    assertThat(Fingerprint.of(study.run(resolved))).isEqualTo(Fingerprint.of(fromResolved));

    EventStudy other = EventStudy.of(spec.toBuilder().minEstimation(150).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> other.run(resolved))
        .withMessageStartingWith("The resolved study was made from StudySpecification[");
  }
}
