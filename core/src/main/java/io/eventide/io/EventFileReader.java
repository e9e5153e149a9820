package io.eventide.io;

import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an events file ({@code docs/cli.md}): CSV with a header {@code
 * event_id,announced[,affected][,any other columns]}, RFC 4180 quoting, one event per record.
 *
 * <ul>
 *   <li>{@code event_id}: required, non-empty, unique in the file (a repeat names both lines).
 *   <li>{@code announced}: an ISO-8601 date ({@code 2023-07-12}) or a date-time with a UTC offset
 *       ({@code 2023-07-12T19:00+08:00}), parsed by {@link Announcement#parse(String)}. A refused
 *       value is explained: a time without an offset (an offset is required, so that the instant is
 *       unambiguous), an offset out of range or a zone name instead of an offset, an impossible
 *       date such as {@code 2023-02-30}, a space instead of {@code T}.
 *   <li>{@code affected} (optional): {@code ;}-separated tickers, trimmed; empty pieces are dropped
 *       and repeats kept once. Empty or absent means every listing of the universe. Whether the
 *       tickers exist is not checked here (the study checks them against the universe).
 *   <li>{@code title}, {@code category} (optional): copied to the event.
 *   <li>{@code direction} (optional): {@code -1}, {@code 0}, {@code 1} or {@code +1}; empty means
 *       0.
 *   <li>Every other column is kept in {@link Event#attributes()} under its header name as written,
 *       in file order, with its trimmed cell (possibly empty).
 * </ul>
 *
 * <p>Column names are matched ignoring case. The events are returned in file order. Problems are
 * {@link InputException}s naming the file, line, column and value: an empty file, a header without
 * events, a missing {@code event_id} or {@code announced} column, and the cell errors above.
 */
public final class EventFileReader {

  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})(?:([T ])(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(.*))?");
  private static final String FORMS =
      "an ISO date (2023-07-12) or date-time with offset (2023-07-12T19:00+08:00)";

  private static final String LAYOUT = "event_id,announced[,affected,...]";

  private EventFileReader() {}

  /**
   * Reads an events file.
   *
   * @param file the file, UTF-8
   * @return the events in file order
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static List<Event> read(Path file) {
    Objects.requireNonNull(file, "file");
    return parse(SourceText.read(file), file.toString());
  }

  /**
   * Reads events from a reader (read to its end, not closed).
   *
   * @param reader the text
   * @param source the name used in error messages
   * @return the events in file order
   * @throws InputException for malformed text
   */
  public static List<Event> read(Reader reader, String source) {
    Objects.requireNonNull(source, "source");
    return parse(SourceText.read(reader, source), source);
  }

  private static List<Event> parse(String text, String source) {
    CsvTable table = CsvTable.parse(source, text);
    CsvTable.Header header = table.header(0);
    int idColumn = header.require(table.source(), "event_id", LAYOUT);
    int announcedColumn = header.require(table.source(), "announced", LAYOUT);
    int affectedColumn = header.indexOf("affected");
    int titleColumn = header.indexOf("title");
    int categoryColumn = header.indexOf("category");
    int directionColumn = header.indexOf("direction");
    Set<Integer> known =
        new HashSet<>(
            List.of(
                idColumn,
                announcedColumn,
                affectedColumn,
                titleColumn,
                categoryColumn,
                directionColumn));
    if (table.rows() < 2) {
      throw new InputException(
          source, header.line(), "", "", "the file has a header but no events");
    }
    List<Event> events = new ArrayList<>(table.rows() - 1);
    Map<String, Integer> idLines = new HashMap<>();
    for (int row = 1; row < table.rows(); row++) {
      int line = table.line(row);
      String id = table.cell(row, idColumn);
      if (id.isEmpty()) {
        throw new InputException(source, line, header.label(idColumn), "", "the event id is empty");
      }
      Integer earlier = idLines.putIfAbsent(id, line);
      if (earlier != null) {
        throw new InputException(
            source,
            line,
            header.label(idColumn),
            id,
            "repeats the event id of line " + earlier + "; event ids must be unique");
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int c = 0; c < table.width(); c++) {
        if (!known.contains(c)) {
          attributes.put(header.names().get(c), table.cell(row, c));
        }
      }
      events.add(
          new Event(
              id,
              announcement(table, header, row, announcedColumn),
              titleColumn < 0 ? "" : table.cell(row, titleColumn),
              categoryColumn < 0 ? "" : table.cell(row, categoryColumn),
              directionColumn < 0 ? 0 : direction(table, header, row, directionColumn),
              affectedColumn < 0 ? List.of() : affected(table.cell(row, affectedColumn)),
              attributes));
    }
    return List.copyOf(events);
  }

  private static Announcement announcement(
      CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    if (cell.isEmpty()) {
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          "",
          "the announcement date is empty; expected " + FORMS);
    }
    try {
      return Announcement.parse(cell);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InputException(
          table.source(), table.line(row), header.label(column), cell, explain(cell), e);
    }
  }

  /**
   * Says why {@link Announcement#parse(String)} refused a value.
   *
   * @param text the refused value
   * @return a phrase to follow {@code value "..."}
   */
  static String explain(String text) {
    Matcher m = DATE_TIME.matcher(text);
    if (!m.matches()) {
      return "is not " + FORMS;
    }
    try {
      LocalDate.parse(m.group(1));
    } catch (DateTimeException e) {
      Throwable why = e.getCause() != null ? e.getCause() : e;
      return "is not a valid date (" + why.getMessage() + ")";
    }
    if (m.group(2) == null) {
      return "is not " + FORMS;
    }
    if (m.group(2).equals(" ")) {
      return "separates date and time with a space; write a T, as in 2023-07-12T19:00+08:00";
    }
    try {
      LocalTime.parse(m.group(3));
    } catch (DateTimeException e) {
      Throwable why = e.getCause() != null ? e.getCause() : e;
      return "has an invalid time of day (" + why.getMessage() + ")";
    }
    String zone = m.group(4).strip();
    if (zone.isEmpty()) {
      return "has a time but no UTC offset; an offset is required (2023-07-12T19:00+08:00),"
          + " or give the date alone";
    }
    if (!zone.startsWith("+") && !zone.startsWith("-") && !zone.equals("Z")) {
      return "has the zone '"
          + zone
          + "', which is not a UTC offset; write the offset, as in"
          + " 2023-07-12T19:00+08:00";
    }
    try {
      ZoneOffset.of(zone);
    } catch (DateTimeException e) {
      return "has an invalid UTC offset '"
          + zone
          + "' ("
          + e.getMessage()
          + "); write it as +08:00, between -18:00 and +18:00";
    }
    return "is not " + FORMS;
  }

  private static int direction(CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    switch (cell) {
      case "":
      case "0":
      case "+0":
      case "-0":
        return 0;
      case "1":
      case "+1":
        return 1;
      case "-1":
        return -1;
      default:
        throw new InputException(
            table.source(),
            table.line(row),
            header.label(column),
            cell,
            "is not a direction; expected -1, 0 or 1 (empty means 0)");
    }
  }

  private static List<String> affected(String cell) {
    Set<String> tickers = new LinkedHashSet<>();
    for (String piece : cell.split(";", -1)) {
      String ticker = piece.strip();
      if (!ticker.isEmpty()) {
        tickers.add(ticker);
      }
    }
    return List.copyOf(tickers);
  }
}
