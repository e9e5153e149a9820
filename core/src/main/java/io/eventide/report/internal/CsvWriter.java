package io.eventide.report.internal;

import io.eventide.io.internal.SafePaths;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a CSV file of the command line's outputs (docs/cli.md): a header row, then rows built cell
 * by cell, each cell either text or a number, so that numbers are never mistaken for text and text
 * is never run as a formula.
 *
 * <pre>{@code
 * try (CsvWriter w = CsvWriter.createIn(outDir, "car.csv", List.of("event_id", "window", "car"))) {
 *   w.text("pboc-ant-fine").text("-1:1").number(-0.0123).endRow();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Output is UTF-8 without a BOM; rows end with {@code \n}.
 *   <li>{@link #number(double)}: {@code .} as the decimal point whatever the default locale, plain
 *       notation (never {@code 1.0E-5}), with the digits of {@link Double#toString(double)} (the
 *       shortest that round-trips), so {@code Double.parseDouble} of the cell gives the value back
 *       exactly. Integral values lose the {@code .0}; {@code -0.0} is {@code 0}. {@code NaN} and
 *       infinities are written as an empty cell: the contract's "undefined statistic".
 *   <li>{@link #integer(long)}: decimal digits. {@link #date(LocalDate)}: ISO {@code yyyy-mm-dd}.
 *   <li>{@link #text(String)}: a field holding a comma, a quote, CR or LF is quoted, quotes doubled
 *       (RFC 4180). A text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or CR
 *       could be run by a spreadsheet as a formula, so it is written with a leading {@code '}
 *       (OWASP "CSV injection"). Exception: a text that is only a signed decimal number or an
 *       {@code A:B} pair of them (the window labels {@code -1:1}, {@code -5:5} of the contract) is
 *       written as is, since it can hold no function call or reference. {@code null} is empty.
 * </ul>
 *
 * <p>A row must have exactly as many cells as the header ({@link IllegalStateException} otherwise).
 * Output failures are {@link UncheckedIOException}s: a failed write is not bad input.
 */
public final class CsvWriter implements Closeable, Flushable {

  private static final Pattern SAFE_SIGNED =
      Pattern.compile("[+-]?\\d+(\\.\\d+)?(:[+-]?\\d+(\\.\\d+)?)?");

  private final Writer out;
  private final int columns;
  private int cellsInRow;
  private long rows;

  private CsvWriter(Writer out, int columns) {
    this.out = out;
    this.columns = columns;
  }

  /**
   * Starts a CSV on a writer and writes the header row. Closing the CSV writer closes {@code out}.
   *
   * @param out where to write
   * @param header the column names (written as text cells)
   * @return the writer, positioned at the first data row
   * @throws IllegalArgumentException if the header is empty
   */
  public static CsvWriter to(Writer out, List<String> header) {
    Objects.requireNonNull(out, "out");
    if (header.isEmpty()) {
      throw new IllegalArgumentException("A CSV header needs at least one column");
    }
    CsvWriter w = new CsvWriter(out, header.size());
    for (String name : header) {
      w.text(name);
    }
    w.endRow();
    w.rows = 0;
    return w;
  }

  /**
   * Creates (or overwrites) a UTF-8 file and writes the header row.
   *
   * @param file the file
   * @param header the column names
   * @return the writer
   * @throws UncheckedIOException if the file cannot be created
   */
  public static CsvWriter create(Path file, List<String> header) {
    Objects.requireNonNull(file, "file");
    try {
      return to(Files.newBufferedWriter(file, StandardCharsets.UTF_8), header);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates (or overwrites) a file in a folder, the name checked by {@link
   * SafePaths#resolveInside(Path, String)}.
   *
   * @param folder the output folder (must exist)
   * @param fileName a plain file name
   * @param header the column names
   * @return the writer
   * @throws IllegalArgumentException if the name could escape the folder
   * @throws UncheckedIOException if the file cannot be created
   */
  public static CsvWriter createIn(Path folder, String fileName, List<String> header) {
    return create(SafePaths.resolveInside(folder, fileName), header);
  }

  /**
   * Adds a text cell (quoted and neutralised as described in the class comment).
   *
   * @param value the text, {@code null} for an empty cell
   * @return this writer
   */
  public CsvWriter text(String value) {
    return cell(escapeText(value));
  }

  /**
   * Adds a numeric cell.
   *
   * @param value the number; {@code NaN} or infinite gives an empty cell
   * @return this writer
   */
  public CsvWriter number(double value) {
    return cell(formatNumber(value));
  }

  /**
   * Adds an integer cell.
   *
   * @param value the integer
   * @return this writer
   */
  public CsvWriter integer(long value) {
    return cell(Long.toString(value));
  }

  /**
   * Adds an ISO date cell.
   *
   * @param value the date, {@code null} for an empty cell
   * @return this writer
   */
  public CsvWriter date(LocalDate value) {
    return cell(value == null ? "" : value.toString());
  }

  /**
   * Adds an empty cell.
   *
   * @return this writer
   */
  public CsvWriter empty() {
    return cell("");
  }

  /**
   * Ends the current row.
   *
   * @return this writer
   * @throws IllegalStateException if the row does not have one cell per header column
   */
  public CsvWriter endRow() {
    if (cellsInRow != columns) {
      throw new IllegalStateException(
          "CSV row " + (rows + 1) + " has " + cellsInRow + " cells; the header has " + columns);
    }
    write("\n");
    cellsInRow = 0;
    rows++;
    return this;
  }

  /**
   * @return the number of data rows ended so far (the header not counted)
   */
  public long rowsWritten() {
    return rows;
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Closes the output.
   *
   * @throws IllegalStateException if a row was started and not ended (the output is closed anyway)
   */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cellsInRow != 0) {
      throw new IllegalStateException("CSV closed in the middle of row " + (rows + 1));
    }
  }

  private CsvWriter cell(String text) {
    if (cellsInRow == columns) {
      throw new IllegalStateException(
          "CSV row " + (rows + 1) + " has more cells than the header's " + columns);
    }
    write(cellsInRow == 0 ? text : "," + text);
    cellsInRow++;
    return this;
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param value a number
   * @return its cell text: plain decimal notation with the digits of {@link Double#toString}, or
   *     empty for {@code NaN} and infinities
   */
  static String formatNumber(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    String s = Double.toString(value);
    if (s.indexOf('E') < 0) {
      return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  /**
   * @param value a text
   * @return its cell text, neutralised and quoted as needed
   */
  static String escapeText(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String s = value;
    char first = s.charAt(0);
    if ((first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r')
        && !SAFE_SIGNED.matcher(s).matches()) {
      s = "'" + s;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
