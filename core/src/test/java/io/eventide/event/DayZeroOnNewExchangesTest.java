package io.eventide.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Day 0 on exchanges beyond the original five: a London listing (LSE, Europe/London, close 16:30)
 * across both switches of British Summer Time in 2023, and a Tokyo listing (Asia/Tokyo, close
 * 15:30, no daylight saving) across two Japanese holidays. Each expected session is reasoned in a
 * comment from the rule of docs/statistics.md section 1: day 0 is the first session whose close, in
 * the exchange's zone, is at or after the announcement instant.
 *
 * <p>Dates: BST began Sunday 2023-03-26 at 01:00 UTC and ended Sunday 2023-10-29 at 01:00 UTC
 * (UTC+1 between, UTC+0 outside), so the London close is 16:30Z up to Friday 2023-03-24, 15:30Z
 * from Monday 2023-03-27 to Friday 2023-10-27, and 16:30Z again from Monday 2023-10-30. Tokyo's
 * close is 06:30Z every day. Japan closed for Vernal Equinox Day (Tuesday 2023-03-21) and Culture
 * Day (Friday 2023-11-03); England had no bank holiday in the two fortnights used.
 *
 * <p>Each case runs on the built-in exchange and on the same exchange defined by a user with {@link
 * Exchange#of}, which must agree.
 */
class DayZeroOnNewExchangesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** London as a user would define it, under a code of their own. */
  private static final Exchange USER_LONDON =
      Exchange.of("London", LONDON, LocalTime.of(8, 0), LocalTime.of(16, 30));

  /** Tokyo as a user would define it, with the Tokyo Stock Exchange's hours. */
  private static final Exchange USER_TOKYO =
      Exchange.of("Tokyo", "XJPX", TOKYO, LocalTime.of(9, 0), LocalTime.of(15, 30));

  private static final Set<LocalDate> JAPAN_HOLIDAYS =
      Set.of(LocalDate.of(2023, 3, 21), LocalDate.of(2023, 11, 3));

  /** Weekday sessions of two fortnights around the 2023 switches, less the given holidays. */
  private static TradingCalendar calendar(Exchange exchange, Set<LocalDate> holidays) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate[] range :
        new LocalDate[][] {
          {LocalDate.of(2023, 3, 20), LocalDate.of(2023, 3, 31)},
          {LocalDate.of(2023, 10, 23), LocalDate.of(2023, 11, 10)}
        }) {
      for (LocalDate d = range[0]; !d.isAfter(range[1]); d = d.plusDays(1)) {
        if (d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY
            && !holidays.contains(d)) {
          days.add(d);
        }
      }
    }
    return TradingCalendar.of(exchange.code(), exchange, days.toArray(new LocalDate[0]));
  }

  private static final List<TradingCalendar> LONDON_CALENDARS =
      List.of(calendar(Exchange.LSE, Set.of()), calendar(USER_LONDON, Set.of()));
  private static final List<TradingCalendar> TOKYO_CALENDARS =
      List.of(calendar(Exchange.TSE, JAPAN_HOLIDAYS), calendar(USER_TOKYO, JAPAN_HOLIDAYS));

  private static void assertDayZero(
      List<TradingCalendar> calendars, String announced, LocalDate expected) {
    for (TradingCalendar c : calendars) {
      int i = Announcement.parse(announced).dayZero(c);
      assertThat(i).as(announced + " on " + c.name()).isNotNegative();
      assertThat(c.session(i)).as(announced + " on " + c.name()).isEqualTo(expected);
    }
  }

  private static LocalDate d(int month, int day) {
    return LocalDate.of(2023, month, day);
  }

  @Test
  void londonBeforeAndAfterTheCloseAsBritishSummerTimeBegins() {
    // Friday 24 March, GMT: close 16:30 local = 16:30Z. 16:29Z is before it, 16:31Z after it,
    // and the next session is Monday 27 March.
    assertDayZero(LONDON_CALENDARS, "2023-03-24T16:29Z", d(3, 24));
    assertDayZero(LONDON_CALENDARS, "2023-03-24T16:31Z", d(3, 27));
    // Monday 27 March, BST: close 16:30 local = 15:30Z. 15:45Z is after the close (with the
    // winter offset it would have been before it, and day 0 Monday): day 0 is Tuesday 28 March.
    assertDayZero(LONDON_CALENDARS, "2023-03-27T15:45Z", d(3, 28));
    assertDayZero(LONDON_CALENDARS, "2023-03-27T15:15Z", d(3, 27));
    // Exactly at the close is "at or after": that session.
    assertDayZero(LONDON_CALENDARS, "2023-03-27T16:30+01:00", d(3, 27));
    // 16:40 British time written with its offset = 15:40Z, after the close.
    assertDayZero(LONDON_CALENDARS, "2023-03-27T16:40+01:00", d(3, 28));
    // Sunday 26 March, the switch day itself, 12:00Z: no session; Monday 27 March.
    assertDayZero(LONDON_CALENDARS, "2023-03-26T12:00Z", d(3, 27));
  }

  @Test
  void londonBeforeAndAfterTheCloseAsBritishSummerTimeEnds() {
    // Friday 27 October, BST: close = 15:30Z. 15:45Z is after it: next session Monday 30 October.
    assertDayZero(LONDON_CALENDARS, "2023-10-27T15:45Z", d(10, 30));
    assertDayZero(LONDON_CALENDARS, "2023-10-27T15:29Z", d(10, 27));
    // Monday 30 October, GMT: close = 16:30Z. 16:15Z is before it (with the summer offset it
    // would have been after it, and day 0 Tuesday): day 0 is Monday 30 October.
    assertDayZero(LONDON_CALENDARS, "2023-10-30T16:15Z", d(10, 30));
    assertDayZero(LONDON_CALENDARS, "2023-10-30T16:45Z", d(10, 31));
    // 17:15 in Paris (UTC+1 from 29 October) = 16:15Z: before the London close.
    assertDayZero(LONDON_CALENDARS, "2023-10-30T17:15+01:00", d(10, 30));
  }

  @Test
  void tokyoBeforeAndAfterTheCloseAcrossHolidays() {
    // Monday 20 March: close 15:30 JST = 06:30Z. 06:29Z is before, 06:31Z after it; Tuesday 21
    // March is Vernal Equinox Day, so the next session is Wednesday 22 March.
    assertDayZero(TOKYO_CALENDARS, "2023-03-20T06:29Z", d(3, 20));
    assertDayZero(TOKYO_CALENDARS, "2023-03-20T06:31Z", d(3, 22));
    assertDayZero(TOKYO_CALENDARS, "2023-03-20T15:30+09:00", d(3, 20));
    // A date-only announcement on the holiday takes the next session.
    assertDayZero(TOKYO_CALENDARS, "2023-03-21", d(3, 22));
    // Thursday 2 November 16:00 JST = 07:00Z, after the close; Friday 3 November is Culture Day:
    // Monday 6 November.
    assertDayZero(TOKYO_CALENDARS, "2023-11-02T07:00Z", d(11, 6));
    // No daylight saving in Tokyo: across the London switch the close stays 06:30Z.
    assertDayZero(TOKYO_CALENDARS, "2023-10-30T06:29Z", d(10, 30));
    assertDayZero(TOKYO_CALENDARS, "2023-10-30T06:31Z", d(10, 31));
  }

  @Test
  void oneInstantFallsOnDifferentSessionsInLondonAndTokyo() {
    // Friday 24 March 16:00Z: 16:00 in London (before its 16:30 close: Friday), but Saturday
    // 25 March 01:00 in Tokyo (the next Tokyo session is Monday 27 March).
    assertDayZero(LONDON_CALENDARS, "2023-03-24T16:00Z", d(3, 24));
    assertDayZero(TOKYO_CALENDARS, "2023-03-24T16:00Z", d(3, 27));
    // Monday 27 March 06:00Z: 15:00 in Tokyo (before its close) and 07:00 in London (before
    // its open): day 0 is Monday on both.
    assertDayZero(LONDON_CALENDARS, "2023-03-27T06:00Z", d(3, 27));
    assertDayZero(TOKYO_CALENDARS, "2023-03-27T06:00Z", d(3, 27));
  }
}
