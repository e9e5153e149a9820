package io.eventide.io;

import io.eventide.io.internal.Cells;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.io.Reader;
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
 * Reads one daily price file into a {@link DatedSeries} of adjusted closes, named after the ticker
 * (the file name without {@code .csv}, e.g. {@code 9988.HK}).
 *
 * <p>The layout is detected from the file itself ({@code docs/cli.md}, "Supported price layouts"):
 *
 * <ul>
 *   <li>a one-row header with a date column named {@code Date} or {@code Datetime} (any case) or
 *       {@code 日期} (Investing.com, Chinese), and any other columns in any order: the plain Yahoo
 *       export {@code Date,Open,High,Low,Close,Adj Close,Volume}, {@code Date,Close}, the yfinance
 *       {@code Ticker.history} dump with {@code Dividends,Stock Splits}, the Kaggle layout {@code
 *       date,open,high,low,close,volume,Name};
 *   <li>the yfinance multi-row header: line 1 {@code Price,Adj Close,Close,...}, line 2 {@code
 *       Ticker,^SPX,...}, line 3 {@code Date,,,...}, data from line 4, dates in the first column.
 * </ul>
 *
 * <p>The price column is the adjusted close where there is one ({@code Adj Close}; spaces,
 * underscores, dots and case ignored, so also {@code adj_close}, {@code Adj. Close}, {@code
 * AdjClose}, {@code Adjusted Close}), else the close ({@code Close}, {@code 收盘}, {@code 收盘价}, or
 * {@code Price} as in the English Investing.com export). The choice is made per file, never per
 * row: a row whose adjusted close is missing is a missing price even if its close is present.
 *
 * <p>Cells:
 *
 * <ul>
 *   <li>Dates are {@code yyyy-M-d} (zero padding optional, as in Investing.com's {@code
 *       2023-7-13}), optionally followed by {@code T} or a space, a time {@code
 *       HH:mm[:ss[.fraction]]} and an offset ({@code Z}, {@code +08:00}, {@code +0800}). The date
 *       as written is kept: {@code 2020-01-02 00:00:00+08:00} is 2020-01-02, the exchange-local
 *       trading date. Other forms ({@code 07/10/2023}, {@code 2023/07/10}) are refused, so a file
 *       mixing forms fails on its first row of another form rather than being misread (day and
 *       month cannot be told apart).
 *   <li>A price cell that is empty, {@code null}, {@code nan} or {@code -} (any case) is a missing
 *       price ({@code NaN}). Otherwise it must be a decimal with {@code .} as the decimal point,
 *       optionally with comma thousands separators inside quotes ({@code "4,443.01"}) or an
 *       exponent ({@code 1.5e2}); it must be finite and strictly positive. Without separators the
 *       value is exactly {@link Double#parseDouble(String)} of the cell.
 *   <li>Other columns (open, volume, the {@code %} change) are not read and not checked.
 * </ul>
 *
 * <p>Rows: dates must be distinct, and in ascending or descending order throughout; a descending
 * file (Investing.com, newest first) is reversed. A file whose order changes direction is refused
 * at the line where the order breaks rather than sorted: such a file is usually two downloads
 * pasted together, whose adjusted prices may be on different dividend bases, and sorting would hide
 * the seam. Blank lines, a UTF-8 BOM, CRLF line ends and a last line without a line break are fine.
 * The file must be UTF-8 and comma-separated.
 *
 * <p>Every problem is an {@link InputException} naming the file, the line, the column and the
 * value: an empty file, a header without data rows, no date column or no price column (line of the
 * header, value the header), an unparseable date, a duplicate date (naming both lines), a
 * non-numeric, zero, negative or infinite price, a line with too few or too many fields.
 */
public final class PriceFileReader {

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?"
              + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private static final String DATE_FORMS =
      "yyyy-mm-dd, optionally followed by a time and offset as in 2020-01-02 00:00:00+08:00";

  private PriceFileReader() {}

  /**
   * Reads a price file; the series is named after the file ({@link #tickerOf(String)}).
   *
   * @param file the file, UTF-8
   * @return the adjusted closes in ascending date order, {@code NaN} where missing
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static DatedSeries read(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    return parse(SourceText.read(file), source, tickerOf(source));
  }

  /**
   * Reads price text from a reader (for example a resource inside a jar); the series is named after
   * {@code source} ({@link #tickerOf(String)}). The reader is read to its end, not closed.
   *
   * @param reader the text
   * @param source the file name used for the ticker and in error messages ({@code BABA.csv})
   * @return the adjusted closes in ascending date order
   * @throws InputException for malformed text
   */
  public static DatedSeries read(Reader reader, String source) {
    Objects.requireNonNull(source, "source");
    return read(reader, source, tickerOf(source));
  }

  /**
   * Reads price text from a reader, naming the series explicitly.
   *
   * @param reader the text, read to its end and not closed
   * @param source the name used in error messages
   * @param ticker the series' name
   * @return the adjusted closes in ascending date order
   * @throws InputException for malformed text
   */
  public static DatedSeries read(Reader reader, String source, String ticker) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ticker, "ticker");
    return parse(SourceText.read(reader, source), source, ticker);
  }

  /**
   * Reads a price file as bars for a backtest: adjusted close, adjusted open and volume ({@link
   * PriceBars}; {@code docs/backtest.md} section 1). The adjusted close is exactly the series
   * {@link #read(Path)} gives. Beyond what {@link #read(Path)} checks:
   *
   * <ul>
   *   <li>a Close cell that is not a number or not positive is bad input even when the file also
   *       has Adj Close (the open's adjustment ratio divides by it);
   *   <li>Open ({@code Open}, {@code 开盘}, {@code 开盘价}, any case) may be absent (every open
   *       missing); a cell that is missing, zero or negative is a missing open, one that is not a
   *       number is bad input; the adjusted open is {@code Open · C / Close}, missing when Close or
   *       {@code C} is;
   *   <li>Volume ({@code Volume}, {@code Vol.}, {@code 交易量}, {@code 成交量}) may be absent; an empty,
   *       {@code null}, {@code nan} or {@code -} cell is missing, zero is a value, a negative or
   *       non-numeric cell is bad input; the suffixes {@code K}, {@code M}, {@code B} of
   *       Investing.com exports ({@code 1.57B}) multiply by 10³, 10⁶, 10⁹.
   * </ul>
   *
   * @param file the file, UTF-8
   * @return the bars in ascending date order
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static PriceBars readBars(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    return parseBars(SourceText.read(file), source, tickerOf(source));
  }

  /**
   * Reads price text as bars ({@link #readBars(Path)}).
   *
   * @param reader the text, read to its end and not closed
   * @param source the name used in error messages
   * @param ticker the bars' name
   * @return the bars in ascending date order
   * @throws InputException for malformed text
   */
  public static PriceBars readBars(Reader reader, String source, String ticker) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ticker, "ticker");
    return parseBars(SourceText.read(reader, source), source, ticker);
  }

  /**
   * Reads the volumes of a price file for a volume study ({@code docs/statistics.md}, "Abnormal
   * volume"): the Volume column of {@link #readBars(Path)} on the dates of the adjusted closes, in
   * shares, {@code NaN} where the cell is empty, {@code null}, {@code nan} or {@code -}; zero is a
   * value. The file is checked as {@link #readBars(Path)} checks it.
   *
   * @param file the file, UTF-8
   * @return the volumes in ascending date order
   * @throws InputException for a missing, unreadable or malformed file, or one without a Volume
   *     column ({@code Volume}, {@code Vol.}, {@code 交易量}, {@code 成交量}, any case)
   */
  public static DatedSeries readVolume(Path file) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    String text = SourceText.read(file);
    CsvTable.Header header = CsvTable.parse(source, text).header(0);
    if (namedColumn(header, -1, "volume", "vol", "交易量", "成交量") < 0) {
      throw new InputException(
          source,
          1,
          "",
          "",
          "has no Volume column (Volume, Vol., 交易量 or 成交量); a volume study needs the"
              + " traded volume of every listing and benchmark (header: "
              + String.join(",", header.names())
              + ")");
    }
    PriceBars bars = parseBars(text, source, tickerOf(source));
    return DatedSeries.ofEpochDays(bars.name(), bars.epochDays(), bars.volumes());
  }

  /**
   * The ticker a price file holds: its name without folders and without a final {@code .csv} (any
   * case). {@code prices/9988.HK.csv} holds {@code 9988.HK}.
   *
   * @param fileName a file name or path
   * @return the ticker
   */
  public static String tickerOf(String fileName) {
    String name = fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      name = name.substring(0, name.length() - 4);
    }
    return name;
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

  private static PriceBars parseBars(String text, String source, String ticker) {
    DatedSeries adjusted = parse(text, source, ticker);
    CsvTable table = CsvTable.parse(source, text);
    CsvTable.Header header = table.header(0);
    boolean multi = isMultiRowHeader(table);
    int firstData = multi ? 3 : 1;
    int dateColumn = multi ? 0 : header.indexOf("Date", "Datetime", "日期");
    int priceColumn = priceColumn(header, dateColumn);
    int closeColumn = namedColumn(header, dateColumn, "close", "收盘", "收盘价", "price");
    int openColumn = namedColumn(header, dateColumn, "open", "开盘", "开盘价");
    int volumeColumn = namedColumn(header, dateColumn, "volume", "vol", "交易量", "成交量");
    int n = table.rows() - firstData;
    long[] days = new long[n];
    double[] open = new double[n];
    double[] volume = new double[n];
    for (int i = 0; i < n; i++) {
      int row = firstData + i;
      int line = table.line(row);
      days[i] = parseDate(source, line, "", table.cell(row, dateColumn));
      double c = parsePrice(source, line, header.label(priceColumn), table.cell(row, priceColumn));
      double close =
          closeColumn < 0 || closeColumn == priceColumn
              ? c
              : parsePrice(source, line, header.label(closeColumn), table.cell(row, closeColumn));
      double o =
          openColumn < 0
              ? Double.NaN
              : parseOpen(source, line, header.label(openColumn), table.cell(row, openColumn));
      open[i] =
          Double.isNaN(o) || Double.isNaN(c) || Double.isNaN(close) ? Double.NaN : o * c / close;
      volume[i] =
          volumeColumn < 0
              ? Double.NaN
              : parseVolume(
                  source, line, header.label(volumeColumn), table.cell(row, volumeColumn));
    }
    if (n > 1 && days[1] < days[0]) {
      reverse(open);
      reverse(volume);
    }
    return PriceBars.of(ticker, adjusted.epochDays(), adjusted.values(), open, volume);
  }

  private static int namedColumn(CsvTable.Header header, int dateColumn, String... names) {
    for (int c = 0; c < header.names().size(); c++) {
      if (c == dateColumn) {
        continue;
      }
      String name =
          header.names().get(c).toLowerCase(Locale.ROOT).replace(" ", "").replace(".", "");
      for (String want : names) {
        if (name.equals(want)) {
          return c;
        }
      }
    }
    return -1;
  }

  private static double parseOpen(String source, int line, String column, String cell) {
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

  private static double parseVolume(String source, int line, String column, String cell) {
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

  private static void reverse(double[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      double v = values[i];
      values[i] = values[j];
      values[j] = v;
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
