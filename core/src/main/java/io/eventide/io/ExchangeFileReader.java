package io.eventide.io;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an exchanges file ({@code docs/cli.md}, {@code --exchanges}): CSV with a header {@code
 * code,zone,open,close} and an optional {@code mic} column (names matched ignoring case, other
 * columns ignored), one exchange per record, into an {@link ExchangeRegistry} of the built-ins plus
 * the file's exchanges.
 *
 * <ul>
 *   <li>{@code code}: the code a universe file names the exchange by ({@code LSE}, {@code Tokyo
 *       PRO}), unique in the file ignoring case (a repeat names both lines); no {@code ,}, {@code
 *       ;}, {@code =}, {@code "} or control characters. The code of a built-in redefines it (for
 *       example with a historical closing time): {@link ExchangeRegistry#redefinedBuiltIns()} lists
 *       those, so that a caller can say so.
 *   <li>{@code zone}: an IANA time-zone name ({@code Europe/London}), as written (case matters);
 *       fixed offsets such as {@code +01:00} are refused, since they would not follow daylight
 *       saving.
 *   <li>{@code open}, {@code close}: local times {@code HH:MM} (a one-digit hour is accepted), the
 *       close after the open.
 *   <li>{@code mic} (optional): the ISO 10383 MIC, four letters or digits, any case; empty for
 *       none. A redefinition of a built-in without a MIC keeps the built-in's.
 * </ul>
 *
 * <p>A code or MIC that is already the code or MIC of another exchange (built-in, or an earlier
 * line) is refused, so that every code or MIC in a universe file names one exchange. Problems are
 * {@link InputException}s naming the file, line, column and value: an empty file, a header without
 * exchanges, a missing column, and the cell errors above.
 */
public final class ExchangeFileReader {

  private static final String LAYOUT = "code,zone,open,close (and optionally mic)";

  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

  /** A fixed offset as {@link ZoneId#of(String)} would take it: {@code +01:00}, {@code UTC+1}. */
  private static final Pattern OFFSET =
      Pattern.compile("(?i)(UTC|GMT|UT)?[+-]\\d{1,2}(:?\\d{2})?(:?\\d{2})?|Z");

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private ExchangeFileReader() {}

  /**
   * Reads an exchanges file.
   *
   * @param file the file, UTF-8
   * @return the built-in exchanges plus the file's
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static ExchangeRegistry read(Path file) {
    Objects.requireNonNull(file, "file");
    return parse(SourceText.read(file), file.toString());
  }

  /**
   * Reads exchanges from a reader (read to its end, not closed).
   *
   * @param reader the text
   * @param source the name used in error messages
   * @return the built-in exchanges plus the text's
   * @throws InputException for malformed text
   */
  public static ExchangeRegistry read(Reader reader, String source) {
    Objects.requireNonNull(source, "source");
    return parse(SourceText.read(reader, source), source);
  }

  /** Where an earlier line of the file put a code or MIC. */
  private record Seen(int line, String part, String code) {}

  private static ExchangeRegistry parse(String text, String source) {
    CsvTable table = CsvTable.parse(source, text);
    CsvTable.Header header = table.header(0);
    int codeColumn = header.require(source, "code", LAYOUT);
    int zoneColumn = header.require(source, "zone", LAYOUT);
    int openColumn = header.require(source, "open", LAYOUT);
    int closeColumn = header.require(source, "close", LAYOUT);
    int micColumn = header.indexOf("mic");
    if (table.rows() < 2) {
      throw new InputException(
          source, header.line(), "", "", "the file has a header but no exchanges");
    }
    ExchangeRegistry registry = ExchangeRegistry.builtIns();
    Map<String, Seen> seen = new HashMap<>();
    for (int row = 1; row < table.rows(); row++) {
      int line = table.line(row);
      String code = table.cell(row, codeColumn);
      if (code.isEmpty()) {
        throw new InputException(
            source, line, header.label(codeColumn), "", "the exchange code is empty");
      }
      String mic = micColumn < 0 ? "" : table.cell(row, micColumn);
      ZoneId zone = zone(table, header, row, zoneColumn);
      LocalTime open = time(table, header, row, openColumn);
      LocalTime close = time(table, header, row, closeColumn);
      if (!close.isAfter(open)) {
        throw new InputException(
            source,
            line,
            header.label(closeColumn),
            table.cell(row, closeColumn),
            "is not after the open "
                + table.cell(row, openColumn)
                + "; a session must open and close on the same local day");
      }
      Exchange exchange;
      try {
        exchange = Exchange.of(code, zone, open, close);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            source,
            line,
            header.label(codeColumn),
            code,
            "is not a usable exchange code: it may not hold control characters, ',', ';', '='"
                + " or '\"', and has at most 64 characters",
            e);
      }
      if (!mic.isEmpty()) {
        try {
          exchange = Exchange.of(code, mic, zone, open, close);
        } catch (IllegalArgumentException e) {
          throw new InputException(
              source,
              line,
              header.label(micColumn),
              mic,
              "is not a MIC: four letters or digits (ISO 10383), or empty for none",
              e);
        }
      }
      String codeKey = key(code);
      clash(table, header, row, codeColumn, code, "code", seen.get(codeKey), registry, exchange);
      String micKey = key(mic);
      if (!mic.isEmpty() && !micKey.equals(codeKey)) {
        clash(table, header, row, micColumn, mic, "MIC", seen.get(micKey), registry, exchange);
      }
      try {
        registry = registry.define(exchange);
      } catch (IllegalArgumentException e) {
        throw new InputException(
            source,
            line,
            header.label(codeColumn),
            code,
            "cannot be defined: " + e.getMessage(),
            e);
      }
      seen.put(codeKey, new Seen(line, "code", code));
      if (!mic.isEmpty()) {
        seen.putIfAbsent(micKey, new Seen(line, "MIC", code));
      }
    }
    return registry;
  }

  /**
   * Refuses a code or MIC that an earlier line, or a built-in other than the one this line
   * redefines, already uses.
   */
  private static void clash(
      CsvTable table,
      CsvTable.Header header,
      int row,
      int column,
      String value,
      String part,
      Seen earlier,
      ExchangeRegistry registry,
      Exchange exchange) {
    if (earlier != null) {
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          value,
          (earlier.part().equals(part) && part.equals("code")
                  ? "repeats the code of line " + earlier.line()
                  : "is already the "
                      + earlier.part()
                      + " of "
                      + earlier.code()
                      + " on line "
                      + earlier.line())
              + "; each code and MIC may name one exchange");
    }
    Optional<Exchange> builtIn = registry.find(value);
    if (builtIn.isPresent() && !builtIn.get().equals(exchange)) {
      Exchange b = builtIn.get();
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          value,
          "is already the "
              + (key(b.code()).equals(key(value)) ? "code" : "MIC")
              + " of the built-in exchange "
              + b.describe()
              + "; each code and MIC may name one exchange (to redefine "
              + b.code()
              + ", give its code)");
    }
  }

  private static String key(String codeOrMic) {
    return codeOrMic.strip().toUpperCase(Locale.ROOT);
  }

  private static ZoneId zone(CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    if (cell.isEmpty()) {
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          "",
          "the time zone is empty; expected an IANA name such as Europe/London");
    }
    if (ZONES.contains(cell)) {
      try {
        return ZoneId.of(cell);
      } catch (DateTimeException e) {
        throw new InputException(
            table.source(),
            table.line(row),
            header.label(column),
            cell,
            "is not a usable time zone: " + e.getMessage(),
            e);
      }
    }
    String hint = "";
    if (OFFSET.matcher(cell).matches()) {
      hint = "; a fixed offset would ignore daylight saving: give the region's name";
    }
    for (String z : ZONES) {
      if (z.equalsIgnoreCase(cell)) {
        hint = " (did you mean " + z + "? zone names are case-sensitive)";
        break;
      }
    }
    throw new InputException(
        table.source(),
        table.line(row),
        header.label(column),
        cell,
        "is not an IANA time-zone name such as Europe/London" + hint);
  }

  private static LocalTime time(CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    Matcher m = TIME.matcher(cell);
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = Integer.parseInt(m.group(2));
      if (hour < 24 && minute < 60) {
        return LocalTime.of(hour, minute);
      }
    }
    throw new InputException(
        table.source(),
        table.line(row),
        header.label(column),
        cell,
        cell.isEmpty()
            ? "the " + header.label(column) + " time is empty; expected HH:MM, as in 09:30"
            : "is not a local time HH:MM between 00:00 and 23:59, as in 09:30");
  }
}
