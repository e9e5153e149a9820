package io.eventide.io;

import io.eventide.io.internal.Cells;
import io.eventide.io.internal.CsvScanner;
import io.eventide.io.internal.FileBytes;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pass over a price file's bytes to primitive arrays, for {@link PriceFileReader}: the layout
 * and the rules are documented there. Cells in the common forms (a {@code yyyy-mm-dd} date, a plain
 * decimal) are parsed from the bytes ({@link CsvScanner}); any other form goes through the cell's
 * text and the text-level rules below, so every value and every message is what the text rules
 * give.
 *
 * <p>Where a file has several problems, the one reported is the one a reader that first frames the
 * whole file, then reads the header, then the rows, then checks the order would meet first: an
 * unclosed quote; an empty file, a separator that is not a comma, too many columns or a record with
 * the wrong number of fields; a header problem; the first bad row; the first break in date order;
 * for bars, the first bad Close, Open or Volume cell. So a file that is scanned once still gets the
 * same message whatever it holds.
 */
final class PriceFileParser {

  /** Most fields per record accepted: far above any layout read here, and bounds memory. */
  private static final int MAX_COLUMNS = 1000;

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private static final String DATE_FORMS =
      "yyyy-mm-dd, optionally followed by a time and offset as in 2020-01-02 00:00:00+08:00";

  private final String source;
  private final CsvScanner scan;
  private final boolean bars;

  private int width;
  private int headerLine;

  private int dateColumn;
  private String dateLabel;
  private int priceColumn;
  private String priceLabel;
  private int closeColumn = -1;
  private String closeLabel;
  private int openColumn = -1;
  private String openLabel;
  private int volumeColumn = -1;
  private String volumeLabel;

  private int n;
  private long[] days;
  private double[] values;
  private int[] lines;
  private double[] open;
  private double[] volume;
  private boolean ascending;
  private Map<Long, Integer> seen;

  private final boolean requireVolume;

  /** Working arrays to reuse, or null. */
  private Scratch scratch;

  private InputException rowError;
  private InputException orderError;
  private InputException barsError;

  private PriceFileParser(
      String source, byte[] bytes, int length, boolean bars, boolean requireVolume) {
    this.source = source;
    this.scan = new CsvScanner(source, bytes, length);
    this.bars = bars;
    this.requireVolume = requireVolume;
  }

  /** The adjusted closes in the first {@code length} bytes. */
  static DatedSeries series(byte[] bytes, int length, String source, String ticker) {
    return series(bytes, length, source, ticker, null);
  }

  /**
   * The adjusted closes in the first {@code length} bytes, the rows gathered in the working arrays
   * of {@code scratch} (if not null) instead of fresh ones.
   */
  static DatedSeries series(
      byte[] bytes, int length, String source, String ticker, Scratch scratch) {
    PriceFileParser p = new PriceFileParser(source, bytes, length, false, false);
    p.scratch = scratch;
    p.run();
    return DatedSeries.ofEpochDays(ticker, p.days, p.values);
  }

  /**
   * What a thread that reads many price files one after another reuses: the buffer of a file's
   * bytes and the working arrays its rows are gathered in, which grow to the largest file. A series
   * gets arrays of exactly its rows, copied from them, so nothing of one file reaches another.
   * Allocating and zeroing the working arrays anew cost as much memory traffic as the file's bytes
   * (20 bytes a row against about 22). Not thread-safe: one per thread.
   */
  static final class Scratch {
    final FileBytes bytes = new FileBytes();
    long[] days = new long[0];
    double[] values = new double[0];
    int[] lines = new int[0];
  }

  /** The bars in the first {@code length} bytes. */
  static PriceBars bars(byte[] bytes, int length, String source, String ticker) {
    PriceFileParser p = new PriceFileParser(source, bytes, length, true, false);
    p.run();
    return PriceBars.of(ticker, p.days, p.values, p.open, p.volume);
  }

  /**
   * The bars of a file that must have a Volume column (a volume study's listing or benchmark).
   *
   * @throws InputException as {@link #bars}, or, at the header, if the file has no Volume column
   */
  static PriceBars barsWithVolume(byte[] bytes, int length, String source, String ticker) {
    PriceFileParser p = new PriceFileParser(source, bytes, length, true, true);
    p.run();
    return PriceBars.of(ticker, p.days, p.values, p.open, p.volume);
  }

  private void run() {
    if (!scan.next()) {
      throw new InputException(source, 0, "", "", "is empty");
    }
    width = scan.fields();
    headerLine = scan.line();
    if (width == 1) {
      String text = scan.record();
      if (text.indexOf(';') >= 0 || text.indexOf('\t') >= 0) {
        String sep = text.indexOf(';') >= 0 ? "';'" : "tabs";
        throw drain(
            new InputException(
                source,
                headerLine,
                "",
                text,
                "looks separated by "
                    + sep
                    + "; only comma-separated files are read"
                    + " (with '.' as the decimal point)"));
      }
    }
    if (width > MAX_COLUMNS) {
      throw drain(
          new InputException(
              source,
              headerLine,
              "",
              "",
              "the header has " + width + " fields; at most " + MAX_COLUMNS + " are read"));
    }
    readHeaderLines(header());
    rows();
    if (rowError != null) {
      throw rowError;
    }
    if (orderError != null) {
      throw orderError;
    }
    if (barsError != null) {
      throw barsError;
    }
    finishArrays();
  }

  private String[] header() {
    String[] names = new String[width];
    for (int c = 0; c < width; c++) {
      names[c] = scan.cell(c);
    }
    for (int i = 0; i < width; i++) {
      for (int j = i + 1; j < width; j++) {
        if (!names[i].isEmpty() && names[i].equalsIgnoreCase(names[j])) {
          throw finish(
              new InputException(
                  source,
                  headerLine,
                  names[j],
                  "",
                  "appears twice in the header (columns " + (i + 1) + " and " + (j + 1) + ")"));
        }
      }
    }
    return names;
  }

  /**
   * Reads the multi-row header's second and third lines if there are, finds the columns and moves
   * to the first data record.
   */
  private void readHeaderLines(String[] names) {
    boolean multi = false;
    boolean haveRow = false;
    int lastLine = headerLine;
    if (names[0].equalsIgnoreCase("Price") && nextRecord()) {
      lastLine = scan.line();
      if (scan.cell(0).equalsIgnoreCase("Ticker")) {
        int tickerLine = scan.line();
        if (!nextRecord()) {
          throw brokenMultiRowHeader(tickerLine, "");
        }
        lastLine = scan.line();
        String label = scan.cell(0);
        if (!isDateLabel(label)) {
          throw finish(brokenMultiRowHeader(lastLine, scan.record()));
        }
        multi = true;
        dateLabel = label;
      } else {
        haveRow = true;
      }
    }
    String headerText = String.join(",", names);
    if (multi) {
      dateColumn = 0;
    } else {
      dateColumn = indexOf(names, "Date", "Datetime", "日期");
      if (dateColumn < 0) {
        throw finish(
            new InputException(
                source,
                headerLine,
                "",
                headerText,
                "has no date column; expected a column named Date (any case) or 日期"));
      }
      dateLabel = label(names, dateColumn);
    }
    priceColumn = priceColumn(names, dateColumn);
    if (priceColumn < 0) {
      throw finish(
          new InputException(
              source,
              headerLine,
              "",
              headerText,
              "has no price column; expected Adj Close, Close (any case) or 收盘"));
    }
    priceLabel = label(names, priceColumn);
    if (bars) {
      closeColumn = namedColumn(names, dateColumn, "close", "收盘", "收盘价", "price");
      openColumn = namedColumn(names, dateColumn, "open", "开盘", "开盘价");
      volumeColumn = namedColumn(names, dateColumn, "volume", "vol", "交易量", "成交量");
      closeLabel = closeColumn < 0 ? "" : label(names, closeColumn);
      openLabel = openColumn < 0 ? "" : label(names, openColumn);
      volumeLabel = volumeColumn < 0 ? "" : label(names, volumeColumn);
      if (requireVolume && volumeColumn < 0) {
        throw finish(
            new InputException(
                source,
                headerLine,
                "",
                "",
                "has no Volume column (Volume, Vol., 交易量 or 成交量); a volume study needs the"
                    + " traded volume of every listing and benchmark (header: "
                    + headerText
                    + ")"));
      }
    }
    if (!haveRow && !nextRecord()) {
      throw new InputException(source, lastLine, "", "", "the file has a header but no data rows");
    }
  }

  private InputException brokenMultiRowHeader(int line, String value) {
    return new InputException(
        source,
        line,
        "",
        value,
        "breaks the multi-row header (Price / Ticker / Date lines): the third line must start"
            + " with Date");
  }

  /** Reads the data records, the scanner standing on the first. */
  private void rows() {
    int capacity = scan.estimateRecords();
    capacity += capacity / 8 + 16;
    if (scratch != null && scratch.days.length >= capacity) {
      days = scratch.days;
      values = scratch.values;
      lines = scratch.lines;
    } else {
      days = new long[capacity];
      values = new double[capacity];
      lines = new int[capacity];
    }
    if (bars) {
      open = new double[capacity];
      volume = new double[capacity];
    }
    // A series reads plain rows (a date, a plain price above 0, the other fields free of quotes,
    // spaces and controls) in one pass (CsvScanner.nextPlainRow), and, while their dates keep the
    // file's order, many in one loop (CsvScanner.plainRows); any other row, and every row once
    // one has failed, goes through the cells, so each value and each message is the same as field
    // by field. Bars read several columns and go field by field.
    boolean plain = !bars;
    while (true) {
      if (rowError == null) {
        try {
          row(scan.line());
        } catch (InputException e) {
          rowError = e;
        }
      }
      while (plain && rowError == null) {
        if (n >= 2 && seen == null) {
          // dates strictly in order so far: the rows that continue it are read in one loop
          n = scan.plainRows(width, dateColumn, priceColumn, ascending, days, values, lines, n);
          if (n == days.length) {
            grow();
            continue;
          }
        }
        // a row the loop stopped at (or one of the first two): read alone, checked as any row
        if (!scan.nextPlainRow(width, dateColumn, priceColumn)) {
          break;
        }
        try {
          store(scan.line(), scan.plainDay(), scan.plainValue());
        } catch (InputException e) {
          rowError = e;
        }
      }
      if (!nextRecord()) {
        return;
      }
    }
  }

  private void row(int line) {
    long day = scan.epochDay(dateColumn);
    if (day == CsvScanner.noDay()) {
      day = parseDate(source, line, dateLabel, scan.cell(dateColumn));
    }
    admit(line, day);
    double v = price(priceColumn, priceLabel, line);
    put(line, day, v);
    if (bars) {
      try {
        bar(line, v);
      } catch (InputException e) {
        if (barsError == null) {
          barsError = e;
        }
      }
    }
    n++;
  }

  /** A plain row, its date and price read by the scanner: as {@link #row} makes of them. */
  private void store(int line, long day, double v) {
    admit(line, day);
    put(line, day, v);
    n++;
  }

  /** Makes room for a row and checks its date against the rows before. */
  private void admit(int line, long day) {
    if (n == days.length) {
      grow();
    }
    if (n > 0) {
      checkDuplicateAndOrder(line, day);
    }
  }

  private void put(int line, long day, double v) {
    days[n] = day;
    values[n] = v;
    lines[n] = line;
  }

  private void checkDuplicateAndOrder(int line, long day) {
    long previous = days[n - 1];
    if (seen == null
        && day != previous
        && (n < 2 || (ascending ? day > previous : day < previous))) {
      // Still strictly monotone: the day differs from every earlier one.
      if (n == 1) {
        ascending = day > previous;
      }
      return;
    }
    if (seen == null) {
      // A repeat of the previous day or the first break of the order: from here on, look repeats
      // up among all earlier days (the first line that holds a day is the one named).
      seen = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        seen.putIfAbsent(days[i], i);
      }
    }
    Integer earlier = seen.putIfAbsent(day, n);
    if (earlier != null) {
      throw new InputException(
          source,
          line,
          dateLabel,
          scan.cell(dateColumn),
          "repeats the date " + LocalDate.ofEpochDay(day) + " of line " + lines[earlier]);
    }
    if (orderError == null) {
      orderError =
          new InputException(
              source,
              line,
              dateLabel,
              scan.cell(dateColumn),
              "is out of order: dates run "
                  + (ascending ? "ascending" : "descending")
                  + " up to "
                  + LocalDate.ofEpochDay(previous)
                  + " on line "
                  + lines[n - 1]
                  + "; the file must be sorted by date, oldest or newest"
                  + " first, throughout");
    }
  }

  private void bar(int line, double c) {
    double close =
        closeColumn < 0 || closeColumn == priceColumn ? c : price(closeColumn, closeLabel, line);
    double o = Double.NaN;
    if (openColumn >= 0 && !scan.isMissing(openColumn)) {
      o = scan.decimal(openColumn);
      if (Double.isNaN(o)) {
        o = parseOpen(source, line, openLabel, scan.cell(openColumn));
      } else if (!(o > 0)) {
        o = Double.NaN;
      }
    }
    open[n] =
        Double.isNaN(o) || Double.isNaN(c) || Double.isNaN(close) ? Double.NaN : o * c / close;
    double vol = Double.NaN;
    if (volumeColumn >= 0 && !scan.isMissing(volumeColumn)) {
      vol = scan.decimal(volumeColumn);
      if (!(vol >= 0)) {
        vol = parseVolume(source, line, volumeLabel, scan.cell(volumeColumn));
      }
    }
    volume[n] = vol;
  }

  private double price(int column, String label, int line) {
    double v = scan.decimal(column);
    if (v > 0) {
      return v;
    }
    return scan.isMissing(column) ? Double.NaN : parsePrice(source, line, label, scan.cell(column));
  }

  private void grow() {
    int capacity = Math.max(16, days.length * 2);
    days = Arrays.copyOf(days, capacity);
    values = Arrays.copyOf(values, capacity);
    lines = Arrays.copyOf(lines, capacity);
    if (bars) {
      open = Arrays.copyOf(open, capacity);
      volume = Arrays.copyOf(volume, capacity);
    }
  }

  private void finishArrays() {
    if (scratch != null) {
      // kept, grown or not, for the next file; the series gets copies
      scratch.days = days;
      scratch.values = values;
      scratch.lines = lines;
    }
    days = Arrays.copyOf(days, n);
    values = Arrays.copyOf(values, n);
    if (bars) {
      open = Arrays.copyOf(open, n);
      volume = Arrays.copyOf(volume, n);
    }
    if (n > 1 && days[1] < days[0]) {
      reverse(days);
      reverse(values);
      if (bars) {
        reverse(open);
        reverse(volume);
      }
    }
  }

  /** Moves to the next record and checks its width; a wrong width is reported at once. */
  private boolean nextRecord() {
    if (!scan.next()) {
      return false;
    }
    if (scan.fields() != width) {
      throw drain(widthProblem());
    }
    return true;
  }

  /**
   * Scans the rest of the file for a problem of its structure, which comes first.
   *
   * @return the structural problem if there is one, else {@code problem}
   */
  private InputException finish(InputException problem) {
    while (scan.next()) {
      if (scan.fields() != width) {
        return drain(widthProblem());
      }
    }
    return problem;
  }

  private InputException widthProblem() {
    int fields = scan.fields();
    return new InputException(
        source,
        scan.line(),
        "",
        scan.record(),
        "has "
            + fields
            + " field"
            + (fields == 1 ? "" : "s")
            + " but the header on line "
            + headerLine
            + " has "
            + width
            + " (a truncated line, or a value with an unquoted comma?)");
  }

  /** Scans the rest of the file only for an unclosed quote, which comes before anything else. */
  private InputException drain(InputException problem) {
    while (scan.next()) {
      // an unclosed quote throws
    }
    return problem;
  }

  private static int indexOf(String[] names, String... candidates) {
    for (String candidate : candidates) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(candidate)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String label(String[] names, int column) {
    return names[column].isEmpty() ? Integer.toString(column + 1) : names[column];
  }

  private static boolean isDateLabel(String s) {
    return s.equalsIgnoreCase("Date") || s.equalsIgnoreCase("Datetime") || s.equals("日期");
  }

  private static int priceColumn(String[] names, int dateColumn) {
    int close = -1;
    for (int c = 0; c < names.length; c++) {
      if (c == dateColumn) {
        continue;
      }
      String name =
          names[c].toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace(".", "");
      if (name.equals("adjclose") || name.equals("adjustedclose")) {
        return c;
      }
      if (close < 0
          && (name.equals("close")
              || name.equals("收盘")
              || name.equals("收盘价")
              || name.equals("price"))) {
        close = c;
      }
    }
    return close;
  }

  private static int namedColumn(String[] names, int dateColumn, String... wanted) {
    for (int c = 0; c < names.length; c++) {
      if (c == dateColumn) {
        continue;
      }
      String name = names[c].toLowerCase(Locale.ROOT).replace(" ", "").replace(".", "");
      for (String want : wanted) {
        if (name.equals(want)) {
          return c;
        }
      }
    }
    return -1;
  }

  static long parseDate(String source, int line, String column, String cell) {
    if (cell.isEmpty()) {
      throw new InputException(source, line, column, "", "the date is empty");
    }
    Matcher m = DATE.matcher(cell);
    if (!m.matches()) {
      throw new InputException(source, line, column, cell, "is not a date; expected " + DATE_FORMS);
    }
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      if (m.group(4) != null) {
        checkTime(m);
      }
      return date.toEpochDay();
    } catch (DateTimeException e) {
      throw new InputException(
          source, line, column, cell, "is not a valid date or time (" + e.getMessage() + ")", e);
    }
  }

  private static void checkTime(Matcher m) {
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    if (hour > 23 || minute > 59 || second > 59) {
      throw new DateTimeException("no such time of day");
    }
    String offset = m.group(7);
    if (offset != null && !offset.equals("Z")) {
      ZoneOffset.of(
          offset.length() == 5 && offset.indexOf(':') < 0
              ? offset.substring(0, 3) + ":" + offset.substring(3)
              : offset);
    }
  }

  static double parsePrice(String source, int line, String column, String cell) {
    if (Cells.isMissing(cell)) {
      return Double.NaN;
    }
    double v = Cells.parseDecimal(cell);
    if (Double.isNaN(v)) {
      throw new InputException(
          source,
          line,
          column,
          cell,
          "is not a number (write prices with '.' as the decimal point; an empty cell, null, nan"
              + " or - marks a missing price)");
    }
    if (Double.isInfinite(v)) {
      throw new InputException(source, line, column, cell, "is not a finite number");
    }
    if (v <= 0) {
      throw new InputException(
          source,
          line,
          column,
          cell,
          "is not a positive price (a missing price is an empty cell, null, nan or -)");
    }
    return v;
  }

  static double parseOpen(String source, int line, String column, String cell) {
    if (Cells.isMissing(cell)) {
      return Double.NaN;
    }
    double v = Cells.parseDecimal(cell);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new InputException(
          source,
          line,
          column,
          cell,
          "is not an open price (write prices with '.' as the decimal point; an empty cell, null,"
              + " nan or - marks a missing open)");
    }
    return v > 0 ? v : Double.NaN;
  }

  static double parseVolume(String source, int line, String column, String cell) {
    if (Cells.isMissing(cell)) {
      return Double.NaN;
    }
    double scale = 1;
    String body = cell;
    char last = Character.toUpperCase(cell.charAt(cell.length() - 1));
    if (last == 'K' || last == 'M' || last == 'B') {
      scale = last == 'K' ? 1e3 : last == 'M' ? 1e6 : 1e9;
      body = cell.substring(0, cell.length() - 1);
    }
    double v = Cells.parseDecimal(body);
    if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
      throw new InputException(
          source,
          line,
          column,
          cell,
          "is not a volume (a number of 0 or more, optionally with a K, M or B suffix; an empty"
              + " cell, null, nan or - marks a missing volume)");
    }
    return v * scale;
  }

  private static void reverse(long[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void reverse(double[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
