package io.eventide.io;

import io.eventide.io.internal.FileBytes;
import io.eventide.io.internal.SourceText;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

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
 * <p>A file is read in one pass over its bytes straight to primitive arrays: a {@code yyyy-mm-dd}
 * date and a plain decimal are parsed from the bytes (the decimal bit for bit {@link
 * Double#parseDouble(String)}), every other form through the cell's text by the rules above ({@code
 * docs/cli.md}, "Supported price layouts").
 *
 * <p>Every problem is an {@link InputException} naming the file, the line, the column and the
 * value: an empty file, a header without data rows, no date column or no price column (line of the
 * header, value the header), an unparseable date, a duplicate date (naming both lines), a
 * non-numeric, zero, negative or infinite price, a line with too few or too many fields.
 */
public final class PriceFileReader {

  private PriceFileReader() {}

  /**
   * Reads a price file; the series is named after the file ({@link #tickerOf(String)}).
   *
   * @param file the file, UTF-8
   * @return the adjusted closes in ascending date order, {@code NaN} where missing
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static DatedSeries read(Path file) {
    return read(file, new PriceFileParser.Scratch());
  }

  /**
   * {@link #read(Path)} through the buffers that a thread reading many files reuses.
   *
   * @param file the file, UTF-8
   * @param scratch the file's bytes and rows go there first (what it held is lost)
   * @return as {@link #read(Path)}
   */
  static DatedSeries read(Path file, PriceFileParser.Scratch scratch) {
    Objects.requireNonNull(file, "file");
    String source = file.toString();
    FileBytes bytes = scratch.bytes.read(file);
    return PriceFileParser.series(bytes.bytes(), bytes.length(), source, tickerOf(source), scratch);
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
    FileBytes bytes = new FileBytes().read(file);
    return PriceFileParser.bars(bytes.bytes(), bytes.length(), source, tickerOf(source));
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
    FileBytes bytes = new FileBytes().read(file);
    PriceBars bars =
        PriceFileParser.barsWithVolume(bytes.bytes(), bytes.length(), source, tickerOf(source));
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
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return PriceFileParser.series(bytes, bytes.length, source, ticker);
  }

  private static PriceBars parseBars(String text, String source, String ticker) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return PriceFileParser.bars(bytes, bytes.length, source, ticker);
  }
}
