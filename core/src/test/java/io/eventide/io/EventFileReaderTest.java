package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import io.eventide.event.Announcement;
import io.eventide.event.Event;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link EventFileReader} on the real events catalog ({@code data/events}, described in {@code
 * shared/data/events/README.md}) and on hand-written bad inputs.
 */
class EventFileReaderTest {

  private static List<Event> bad(String name) throws IOException {
    try (Reader r = TestFiles.reader("bad/" + name)) {
      return EventFileReader.read(r, "bad/" + name);
    }
  }

  private static InputException failure(String name) {
    return catchThrowableOfType(InputException.class, () -> bad(name));
  }

  private static Map<String, Event> catalog() {
    return EventFileReader.read(TestFiles.path("data/events/china_tech_policy_2020_2023.csv"))
        .stream()
        .collect(Collectors.toMap(Event::id, Function.identity()));
  }

  @Test
  void realCatalog() {
    List<Event> events =
        EventFileReader.read(TestFiles.path("data/events/china_tech_policy_2020_2023.csv"));
    // README: 22 events, rows sorted by announced
    assertThat(events).hasSize(22);
    assertThat(events.get(0).id()).isEqualTo("sse-ant-ipo-suspended");
    assertThat(events.get(21).id()).isEqualTo("cac-generative-ai-interim-measures");
  }

  @Test
  void dateOnlyEventWithEmptyAffected() {
    // line 22: li-qiang-platform-symposium,2023-07-12,date-only,"Premier Li Qiang holds symposium
    // with platform companies, urging support and 'normalised' regulation",State Council (Premier
    // Li Qiang),easing,1,,"Meeting held Wednesday afternoon ..."
    Event e = catalog().get("li-qiang-platform-symposium");
    assertThat(e.announcement()).isEqualTo(Announcement.on(LocalDate.of(2023, 7, 12)));
    assertThat(e.affected()).isEmpty();
    assertThat(e.affects("BABA")).isTrue();
    assertThat(e.title())
        .isEqualTo(
            "Premier Li Qiang holds symposium with platform companies,"
                + " urging support and 'normalised' regulation");
    assertThat(e.category()).isEqualTo("easing");
    assertThat(e.direction()).isEqualTo(1);
    assertThat(e.attributes()).containsEntry("time_basis", "date-only");
  }

  @Test
  void timedEventWithAttributes() {
    // line 20: pboc-ant-fine,2023-07-07T20:10+08:00,approximate,"PBOC, NFRA and CSRC fine Ant Group
    // 7.123 billion yuan (and Tencent's Tenpay); rectification declared largely done",People's Bank
    // of China (PBOC); National Financial Regulatory Administration; CSRC,resolution,1,
    // BABA;9988.HK;0700.HK,PBOC statement on its website Friday evening ...
    Event e = catalog().get("pboc-ant-fine");
    assertThat(e.announcement())
        .isEqualTo(Announcement.at(OffsetDateTime.parse("2023-07-07T20:10+08:00")));
    assertThat(e.affected()).containsExactly("BABA", "9988.HK", "0700.HK");
    assertThat(e.category()).isEqualTo("resolution");
    assertThat(e.direction()).isEqualTo(1);
    assertThat(e.title()).startsWith("PBOC, NFRA and CSRC fine Ant Group 7.123 billion yuan");
    assertThat(e.attributes().keySet()).containsExactly("time_basis", "issuer", "source_note");
    assertThat(e.attributes())
        .contains(
            entry("time_basis", "approximate"),
            entry(
                "issuer",
                "People's Bank of China (PBOC); National Financial Regulatory"
                    + " Administration; CSRC"));
    assertThat(e.attributes().get("source_note"))
        .endsWith("https://www.nasdaq.com/articles/china-fines-ant-7.1-billion-yuan");
  }

  @Test
  void quotedIssuerAndNegativeDirection() {
    // line 10: tutoring-overhaul-reports,2021-07-23,date-only,...,"Media reports (Bloomberg News,
    // Caixin) of a CPC General Office / State Council General Office document",tightening,-1,
    // TAL;EDU;GOTU;9901.HK,...
    Event e = catalog().get("tutoring-overhaul-reports");
    assertThat(e.direction()).isEqualTo(-1);
    assertThat(e.affected()).containsExactly("TAL", "EDU", "GOTU", "9901.HK");
    assertThat(e.attributes().get("issuer"))
        .isEqualTo(
            "Media reports (Bloomberg News, Caixin) of a"
                + " CPC General Office / State Council General Office document");
  }

  @Test
  void minimalFile() throws IOException {
    List<Event> events = bad("events_minimal.csv");
    assertThat(events).extracting(Event::id).containsExactly("first", "second");
    assertThat(events.get(0).affected()).isEmpty();
    assertThat(events.get(0).attributes()).isEmpty();
    assertThat(events.get(0).direction()).isZero();
    assertThat(events.get(1).announcement())
        .isEqualTo(Announcement.at(OffsetDateTime.parse("2023-07-13T09:30Z")));
  }

  @Test
  void affectedIsTrimmedDeduplicatedAndHeadersIgnoreCase() throws IOException {
    // Event_ID,Announced,Affected,Direction,Extra / x,2023-07-12, BABA ; ;9988.HK;BABA,+1,
    Event e = bad("events_affected_spacing.csv").get(0);
    assertThat(e.affected()).containsExactly("BABA", "9988.HK");
    assertThat(e.direction()).isEqualTo(1);
    assertThat(e.attributes()).containsExactly(entry("Extra", ""));
  }

  @Test
  void timeWithoutOffset() {
    InputException e = failure("events_time_without_offset.csv");
    assertThat(e.source()).isEqualTo("bad/events_time_without_offset.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("announced");
    assertThat(e.value()).isEqualTo("2023-07-12T19:00");
    assertThat(e)
        .hasMessage(
            "bad/events_time_without_offset.csv line 3, column \"announced\":"
                + " value \"2023-07-12T19:00\" has a time but no UTC offset; an offset is required"
                + " (2023-07-12T19:00+08:00), or give the date alone");
  }

  @Test
  void invalidZoneOffset() {
    InputException e = failure("events_invalid_zone.csv");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("announced");
    assertThat(e.value()).isEqualTo("2023-07-12T19:00+25:00");
    assertThat(e)
        .hasMessage(
            "bad/events_invalid_zone.csv line 2, column \"announced\": value"
                + " \"2023-07-12T19:00+25:00\" has an invalid UTC offset '+25:00' (Zone offset hours not in"
                + " valid range: value 25 is not in the range -18 to 18); write it as +08:00, between"
                + " -18:00 and +18:00");
  }

  @Test
  void impossibleDate() {
    InputException e = failure("events_february_30.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.value()).isEqualTo("2023-02-30");
    assertThat(e)
        .hasMessage(
            "bad/events_february_30.csv line 3, column \"announced\": value"
                + " \"2023-02-30\" is not a valid date (Invalid date 'FEBRUARY 30')");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2023-07-12T19:00[Asia/Shanghai] | has the zone '[Asia/Shanghai]', which is not a UTC offset;"
            + " write the offset, as in 2023-07-12T19:00+08:00",
        "2023-07-12 19:00+08:00          | separates date and time with a space; write a T, as in"
            + " 2023-07-12T19:00+08:00",
        "2023-07-12T24:30+08:00          | has an invalid time of day (Invalid value for HourOfDay"
            + " (valid values 0 - 23): 24)",
        "12/07/2023                      | is not an ISO date (2023-07-12) or date-time with offset"
            + " (2023-07-12T19:00+08:00)",
        "2023-7-12                       | is not an ISO date (2023-07-12) or date-time with offset"
            + " (2023-07-12T19:00+08:00)",
      })
  void explainsOtherRefusals(String text, String problem) {
    assertThat(EventFileReader.explain(text)).isEqualTo(problem);
  }

  @Test
  void duplicateIdsNameBothLines() {
    InputException e = failure("events_duplicate_ids.csv");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("event_id");
    assertThat(e.value()).isEqualTo("fine");
    assertThat(e)
        .hasMessage(
            "bad/events_duplicate_ids.csv line 4, column \"event_id\": value"
                + " \"fine\" repeats the event id of line 2; event ids must be unique");
  }

  @Test
  void missingAnnouncedColumn() {
    InputException e = failure("events_missing_announced.csv");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.value()).isEqualTo("event_id,date,affected");
    assertThat(e)
        .hasMessage(
            "bad/events_missing_announced.csv line 1: value"
                + " \"event_id,date,affected\" has no announced column; the header must hold"
                + " event_id,announced[,affected,...]");
  }

  @Test
  void badDirection() {
    InputException e = failure("events_bad_direction.csv");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("direction");
    assertThat(e.value()).isEqualTo("up");
    assertThat(e.problem()).isEqualTo("is not a direction; expected -1, 0 or 1 (empty means 0)");
  }

  @Test
  void emptyAndHeaderOnly() {
    assertThat(failure("empty.csv")).hasMessage("bad/empty.csv: is empty");
    InputException e = failure("events_header_only.csv");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e)
        .hasMessage("bad/events_header_only.csv line 1: the file has a header but no events");
  }
}
