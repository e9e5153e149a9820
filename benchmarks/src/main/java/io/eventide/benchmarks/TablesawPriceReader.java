package io.eventide.benchmarks;

import io.eventide.io.InputException;
import io.eventide.io.PriceFileReader;
import io.eventide.io.internal.Cells;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import io.eventide.timeseries.DatedSeries;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price reader as it was before issue 12 (commit 13c21f7, {@code
 * io.eventide.io.PriceFileReader#read(Path)}): {@code CsvTable} frames the text, Tablesaw tokenizes
 * it into string columns, then each cell is parsed from its text. A frozen copy, raced against the
 * one-pass reader by {@link PriceReadBenchmark}; the tests keep the same code as the oracle the
 * one-pass reader is compared with bit for bit.
 */
final class TablesawPriceReader {

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private static final String DATE_FORMS =
      "yyyy-mm-dd, optionally followed by a time and offset as in 2020-01-02 00:00:00+08:00";

  private TablesawPriceReader() {}

  /**
   * Reads a price file; the series is named after the file ({@link
   * PriceFileReader#tickerOf(String)}).
   *
   * @param file the file, UTF-8
   * @return the adjusted closes in ascending date order, {@code NaN} where missing
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static DatedSeries read(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    return parse(SourceText.read(file), source, PriceFileReader.tickerOf(source));
  }

  private static DatedSeries parse(String text, String source, String ticker) {
    CsvTable table = CsvTable.parse(source, text);
    CsvTable.Header header = table.header(0);
    int dateColumn;
    int firstData;
    if (isMultiRowHeader(table)) {
      dateColumn = 0;
      firstData = 3;
    } else {
      dateColumn = header.indexOf("Date", "Datetime", "日期");
      firstData = 1;
      if (dateColumn < 0) {
        throw new InputException(
            source,
            header.line(),
            "",
            header.text(),
            "has no date column; expected a column named Date (any case) or 日期");
      }
    }
    int priceColumn = priceColumn(header, dateColumn);
    if (priceColumn < 0) {
      throw new InputException(
          source,
          header.line(),
          "",
          header.text(),
          "has no price column; expected Adj Close, Close (any case) or 收盘");
    }
    int n = table.rows() - firstData;
    if (n <= 0) {
      throw new InputException(
          source, table.line(table.rows() - 1), "", "", "the file has a header but no data rows");
    }
    // In the multi-row header the date column is labelled on its third line ("Date").
    String dateLabel = firstData == 3 ? table.cell(2, 0) : header.label(dateColumn);
    String priceLabel = header.label(priceColumn);
    long[] days = new long[n];
    double[] values = new double[n];
    Map<Long, Integer> seen = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int row = firstData + i;
      int line = table.line(row);
      String dateCell = table.cell(row, dateColumn);
      days[i] = parseDate(source, line, dateLabel, dateCell);
      Integer earlier = seen.putIfAbsent(days[i], row);
      if (earlier != null) {
        throw new InputException(
            source,
            line,
            dateLabel,
            dateCell,
            "repeats the date "
                + LocalDate.ofEpochDay(days[i])
                + " of line "
                + table.line(earlier));
      }
      values[i] = parsePrice(source, line, priceLabel, table.cell(row, priceColumn));
    }
    checkOrder(table, firstData, dateColumn, dateLabel, days);
    if (n > 1 && days[1] < days[0]) {
      reverse(days, values);
    }
    return DatedSeries.ofEpochDays(ticker, days, values);
  }

  private static boolean isMultiRowHeader(CsvTable table) {
    if (!table.cell(0, 0).equalsIgnoreCase("Price")
        || table.rows() < 2
        || !table.cell(1, 0).equalsIgnoreCase("Ticker")) {
      return false;
    }
    if (table.rows() < 3 || !isDateLabel(table.cell(2, 0))) {
      throw new InputException(
          table.source(),
          table.line(table.rows() < 3 ? 1 : 2),
          "",
          table.rows() < 3 ? "" : table.rawRecord(2),
          "breaks the multi-row header (Price / Ticker / Date lines): the third line must start"
              + " with Date");
    }
    return true;
  }

  private static boolean isDateLabel(String s) {
    return s.equalsIgnoreCase("Date") || s.equalsIgnoreCase("Datetime") || s.equals("日期");
  }

  private static int priceColumn(CsvTable.Header header, int dateColumn) {
    int close = -1;
    for (int c = 0; c < header.names().size(); c++) {
      if (c == dateColumn) {
        continue;
      }
      String name =
          header
              .names()
              .get(c)
              .toLowerCase(Locale.ROOT)
              .replace(" ", "")
              .replace("_", "")
              .replace(".", "");
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

  private static long parseDate(String source, int line, String column, String cell) {
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

  private static double parsePrice(String source, int line, String column, String cell) {
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

  private static void checkOrder(
      CsvTable table, int firstData, int dateColumn, String dateLabel, long[] days) {
    if (days.length < 2) {
      return;
    }
    boolean ascending = days[1] > days[0];
    for (int i = 2; i < days.length; i++) {
      if (ascending ? days[i] < days[i - 1] : days[i] > days[i - 1]) {
        int row = firstData + i;
        throw new InputException(
            table.source(),
            table.line(row),
            dateLabel,
            table.cell(row, dateColumn),
            "is out of order: dates run "
                + (ascending ? "ascending" : "descending")
                + " up to "
                + LocalDate.ofEpochDay(days[i - 1])
                + " on line "
                + table.line(row - 1)
                + "; the file must be sorted by date, oldest or newest"
                + " first, throughout");
      }
    }
  }

  private static void reverse(long[] days, double[] values) {
    for (int i = 0, j = days.length - 1; i < j; i++, j--) {
      long d = days[i];
      days[i] = days[j];
      days[j] = d;
      double v = values[i];
      values[i] = values[j];
      values[j] = v;
    }
  }
}
