package io.eventide.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Announcement;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Day 0 per listing on the real calendars (docs/statistics.md section 1): BABA on the S&P 500's
 * NYSE sessions, 9988.HK on the Hang Seng Index's HKEX sessions.
 */
class DayZeroOnRealCalendarsTest {

  private static TradingCalendar nyse;
  private static TradingCalendar hkex;
  private static ReturnPanel panel;

  @BeforeAll
  static void calendars() {
    panel = RealData.panel(RealData.UNIVERSE, ReturnType.SIMPLE);
    nyse = panel.returnsOf("BABA").orElseThrow().calendar();
    hkex = panel.returnsOf("9988.HK").orElseThrow().calendar();
  }

  private static LocalDate day0(String announced, TradingCalendar cal) {
    return cal.session(Announcement.parse(announced).dayZero(cal));
  }

  @Test
  void beijingEveningIsSameDayInNewYorkAndNextSessionInHongKong() {
    // 19:00 Beijing = 07:00 New York, before the 16:00 NYSE close that day; after the 16:00 HKEX
    // close, so Hong Kong's first session closing after it is the next day.
    assertThat(day0("2023-07-12T19:00+08:00", nyse)).isEqualTo(LocalDate.of(2023, 7, 12));
    assertThat(day0("2023-07-12T19:00+08:00", hkex)).isEqualTo(LocalDate.of(2023, 7, 13));
  }

  @Test
  void saturdayAnnouncementIsMondayOnBothExchanges() {
    // The Alibaba fine, Saturday 2021-04-10 (date-only and timed 10:36 Beijing alike).
    assertThat(day0("2021-04-10", nyse)).isEqualTo(LocalDate.of(2021, 4, 12));
    assertThat(day0("2021-04-10", hkex)).isEqualTo(LocalDate.of(2021, 4, 12));
    assertThat(day0("2021-04-10T10:36+08:00", nyse)).isEqualTo(LocalDate.of(2021, 4, 12));
    assertThat(day0("2021-04-10T10:36+08:00", hkex)).isEqualTo(LocalDate.of(2021, 4, 12));
  }

  @Test
  void typhoonClosureIsSkippedByRelativeDays() {
    // HSI.csv has no row for 2023-07-17 (typhoon Talim closed HKEX): day +1 after Friday
    // 2023-07-14 is Tuesday 2023-07-18; on NYSE it is Monday 2023-07-17.
    assertThat(hkex.isSession(LocalDate.of(2023, 7, 17))).isFalse();
    assertThat(hkex.offset(LocalDate.of(2023, 7, 14), 1)).isEqualTo(LocalDate.of(2023, 7, 18));
    assertThat(nyse.offset(LocalDate.of(2023, 7, 14), 1)).isEqualTo(LocalDate.of(2023, 7, 17));
  }

  @Test
  void antFineReleasedAfterTheHongKongClose() {
    // pboc-ant-fine, 2023-07-07T20:10+08:00: Friday in New York, Monday 10 July in Hong Kong.
    assertThat(day0("2023-07-07T20:10+08:00", nyse)).isEqualTo(LocalDate.of(2023, 7, 7));
    assertThat(day0("2023-07-07T20:10+08:00", hkex)).isEqualTo(LocalDate.of(2023, 7, 10));
  }

  @Test
  void returnsOnTheCalendarFromAdjustedCloses() {
    ListingReturns baba = panel.returnsOf("BABA").orElseThrow();
    int t = nyse.indexOf(LocalDate.of(2023, 7, 7));
    // BABA.csv: 2023-07-06 Adj Close 82.727913; 2023-07-07 Adj Close 89.348915.
    assertThat(baba.returnAt(t)).isCloseTo(89.348915 / 82.727913 - 1, within(1e-15));
    assertThat(baba.returnAt(t)).isCloseTo(0.0800, within(0.0001));
    // SPX.csv: 2023-07-06 Adj Close 4411.58984375; 2023-07-07 Adj Close 4398.9501953125.
    assertThat(baba.marketReturnAt(t))
        .isCloseTo(4398.9501953125 / 4411.58984375 - 1, within(1e-15));
    ListingReturns hk = panel.returnsOf("9988.HK").orElseThrow();
    int u = hkex.indexOf(LocalDate.of(2023, 7, 18));
    // The return on 2023-07-18 is measured from the previous session, 2023-07-14.
    assertThat(hk.returnAt(u)).isCloseTo(hk.prices()[u] / hk.prices()[u - 1] - 1, within(1e-15));
    assertThat(hkex.session(u - 1)).isEqualTo(LocalDate.of(2023, 7, 14));
  }

  @Test
  void calendarsMatchTheSourceCounts() {
    // SOURCES.md: 2020-01-01..2023-12-31 holds 1006 NYSE dates (SPX) and 984 HKEX dates (HSI).
    int n = 0;
    int h = 0;
    for (int i = 0; i < nyse.size(); i++) {
      if (nyse.session(i).getYear() >= 2020 && nyse.session(i).getYear() <= 2023) {
        n++;
      }
    }
    for (int i = 0; i < hkex.size(); i++) {
      if (hkex.session(i).getYear() >= 2020 && hkex.session(i).getYear() <= 2023) {
        h++;
      }
    }
    assertThat(n).isEqualTo(1006);
    assertThat(h).isEqualTo(984);
  }
}
