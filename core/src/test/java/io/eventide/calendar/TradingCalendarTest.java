package io.eventide.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TradingCalendarTest {

  private static final LocalDate FRI = LocalDate.of(2023, 7, 14);
  // HKEX week of typhoon Talim: no session on Monday 2023-07-17.
  private final TradingCalendar hk =
      TradingCalendar.of(
          "HKEX test",
          Exchange.HKEX,
          LocalDate.of(2023, 7, 12),
          LocalDate.of(2023, 7, 13),
          FRI,
          LocalDate.of(2023, 7, 18));

  @Test
  void exchangesHaveTheirZonesAndCloses() {
    assertThat(Exchange.NYSE.zone().getId()).isEqualTo("America/New_York");
    assertThat(Exchange.NASDAQ.sessionClose()).hasHour(16);
    assertThat(Exchange.HKEX.zone().getId()).isEqualTo("Asia/Hong_Kong");
    assertThat(Exchange.SSE.sessionClose()).hasHour(15);
    assertThat(Exchange.SZSE.zone().getId()).isEqualTo("Asia/Shanghai");
    assertThat(Exchange.parse(" hkex ")).isEqualTo(Exchange.HKEX);
    assertThatThrownBy(() -> Exchange.parse("HKSE"))
        .hasMessageStartingWith("Unknown exchange 'HKSE'; expected one of NYSE (XNYS), NASDAQ");
  }

  @Test
  void indexAndOffsets() {
    assertThat(hk.indexOf(FRI)).isEqualTo(2);
    assertThat(hk.indexOf(LocalDate.of(2023, 7, 17))).isEqualTo(-1);
    assertThat(hk.offset(FRI, 1)).isEqualTo(LocalDate.of(2023, 7, 18));
    assertThat(hk.offset(FRI, -2)).isEqualTo(LocalDate.of(2023, 7, 12));
    assertThat(hk.offset(2, 5)).isEqualTo(-1);
    assertThatThrownBy(() -> hk.offset(FRI, 2)).hasMessageContaining("no session 2 sessions");
    assertThat(hk.firstSessionOnOrAfter(LocalDate.of(2023, 7, 15))).isEqualTo(3);
    assertThat(hk.firstSessionOnOrAfter(LocalDate.of(2023, 7, 19))).isEqualTo(-1);
  }

  @Test
  void firstSessionClosingAtOrAfterAnInstant() {
    // 2023-07-12T19:00+08:00 is after the 16:00 HKEX close that day: the next session.
    Instant evening = OffsetDateTime.parse("2023-07-12T19:00+08:00").toInstant();
    assertThat(hk.firstSessionClosingAtOrAfter(evening)).isEqualTo(1);
    // Exactly at the close counts as that session ("at or after").
    Instant close = OffsetDateTime.parse("2023-07-13T16:00+08:00").toInstant();
    assertThat(hk.firstSessionClosingAtOrAfter(close)).isEqualTo(1);
    Instant late = OffsetDateTime.parse("2023-07-18T16:00:01+08:00").toInstant();
    assertThat(hk.firstSessionClosingAtOrAfter(late)).isEqualTo(-1);
  }

  @Test
  void sessionsMustIncrease() {
    assertThatThrownBy(() -> TradingCalendar.of("bad", Exchange.NYSE, FRI, FRI))
        .hasMessageContaining("not strictly increasing at 2023-07-14");
  }
}
