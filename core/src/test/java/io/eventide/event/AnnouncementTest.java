package io.eventide.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

  @Test
  void parsesDatesAndInstants() {
    assertThat(Announcement.parse("2023-07-12"))
        .isEqualTo(Announcement.on(LocalDate.of(2023, 7, 12)));
    Announcement a = Announcement.parse("2023-07-12T19:00+08:00");
    assertThat(a).isInstanceOf(Announcement.AtInstant.class);
    assertThat(a.localDate()).isEqualTo(LocalDate.of(2023, 7, 12));
    assertThat(a.toString()).isEqualTo("2023-07-12T19:00:00+08:00");
  }

  @Test
  void rejectsTimesWithoutOffsetAndImpossibleDates() {
    assertThatThrownBy(() -> Announcement.parse("2023-07-12T19:00"))
        .hasMessageContaining("a time needs an offset");
    assertThatThrownBy(() -> Announcement.parse("2023-02-30"))
        .hasMessageContaining("'2023-02-30' is not an ISO date");
  }

  @Test
  void dateOnlyDayZeroIsThatSessionOrTheNext() {
    TradingCalendar c =
        TradingCalendar.of("t", Exchange.NYSE, LocalDate.of(2021, 4, 9), LocalDate.of(2021, 4, 12));
    assertThat(Announcement.on(LocalDate.of(2021, 4, 9)).dayZero(c)).isEqualTo(0);
    assertThat(Announcement.on(LocalDate.of(2021, 4, 10)).dayZero(c)).isEqualTo(1);
    assertThat(Announcement.on(LocalDate.of(2021, 4, 13)).dayZero(c)).isEqualTo(-1);
  }

  @Test
  void windowsParseAndValidate() {
    assertThat(EventWindow.parse("-1:1")).isEqualTo(EventWindow.of(-1, 1));
    assertThat(EventWindow.parse(" -250 : -11 ").length()).isEqualTo(240);
    assertThat(EventWindow.of(0, 0).isSingleDay()).isTrue();
    assertThatThrownBy(() -> EventWindow.parse("1:-1"))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> EventWindow.parse("x")).hasMessageContaining("not of the form A:B");
    assertThatThrownBy(() -> EventWindow.parse("a:b")).hasMessageContaining("whole numbers");
  }

  @Test
  void confoundingEventsInsideWindows() {
    LocalDate[] d = new LocalDate[30];
    for (int i = 0; i < 30; i++) {
      d[i] = LocalDate.of(2023, 6, 1).plusDays(i);
    }
    TradingCalendar c = TradingCalendar.of("t", Exchange.NYSE, d);
    Event a = Event.of("a", Announcement.on(d[20]), List.of());
    Event b = Event.of("b", Announcement.on(d[21]), List.of("X"));
    Event far = Event.of("far", Announcement.on(d[5]), List.of("X"));
    Event other = Event.of("other", Announcement.on(d[20]), List.of("Y"));
    List<Overlap> o =
        Confounding.find(
            List.of(a, b, far, other),
            "X",
            c,
            EventWindow.of(-15, -3),
            List.of(EventWindow.of(-1, 1)));
    // a: b at +1 (event window), far at −15 (estimation). b: a at −1. far: none within range.
    assertThat(o)
        .containsExactly(
            new Overlap("a", "X", "far", d[5], -15, Overlap.Region.ESTIMATION),
            new Overlap("a", "X", "b", d[21], 1, Overlap.Region.EVENT),
            new Overlap("b", "X", "a", d[20], -1, Overlap.Region.EVENT));
  }
}
