package io.eventide.report.internal;

import io.eventide.io.internal.SafePaths;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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
 *       notation (never {@code 1.0E-5}), with the shortest digits that read back as the same double
 *       ({@link ShortestDecimal}: those of Java 19's {@code Double.toString}), so {@code
 *       Double.parseDouble} of the cell gives the value back exactly. Integral values have no
 *       {@code .0}; {@code -0.0} is {@code 0}. {@code NaN} and infinities are written as an empty
 *       cell: the contract's "undefined statistic".
 *   <li>{@link #integer(long)}: decimal digits. {@link #date(LocalDate)}: ISO {@code yyyy-mm-dd}.
 *   <li>{@link #text(String)}: a field holding a comma, a quote, CR or LF is quoted, quotes doubled
 *       (RFC 4180). A text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or CR
 *       could be run by a spreadsheet as a formula, so it is written with a leading {@code '}
 *       (OWASP "CSV injection"). Exception: a text that is only a signed decimal number or an
 *       {@code A:B} pair of them (the window labels {@code -1:1}, {@code -5:5} of the contract) is
 *       written as is, since it can hold no function call or reference. {@code null} is empty.
 * </ul>
 *
 * <p>Cells are written into a buffer of {@value #BUFFER_CHARS} characters that is handed to the
 * output whenever it fills up (and the header row at once, so that an output that cannot be written
 * fails when the CSV is started), so writing a file of any size holds that buffer and the current
 * cell, never the file; numbers, integers and dates are written into it without allocating.
 *
 * <p>A row must have exactly as many cells as the header ({@link IllegalStateException} otherwise).
 * Output failures are {@link UncheckedIOException}s: a failed write is not bad input.
 */
public final class CsvWriter implements Closeable, Flushable {

  /** Size of the buffer between the cells and the output, in characters. */
  public static final int BUFFER_CHARS = 16 * 1024;

  private final Writer out;
  private final int columns;
  private final char[] buf = new char[BUFFER_CHARS];
  private int pos;
  private int cellsInRow;
  private long rows;

  private CsvWriter(Writer out, int columns) {
    this.out = out;
    this.columns = columns;
  }

  /**
   * Starts a CSV on a writer and writes the header row, passing it on to {@code out} at once.
   * Closing the CSV writer closes {@code out}.
   *
   * @param out where to write; it gets blocks of at most {@link #BUFFER_CHARS} characters
   * @param header the column names (written as text cells)
   * @return the writer, positioned at the first data row
   * @throws IllegalArgumentException if the header is empty
   * @throws UncheckedIOException if the header cannot be written
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
    w.drain();
    return w;
  }

  /**
   * Continues a CSV whose header is written elsewhere: the rows only, each with as many cells as
   * the header has columns. Writing the header with {@link #to} and then, byte for byte, what such
   * writers wrote, gives the file one writer would have written (the parts of a file written in
   * parallel and joined, {@code docs/spark.md}). Closing the CSV writer closes {@code out}.
   *
   * @param out where to write
   * @param header the column names (not written)
   * @return the writer, positioned at a data row
   * @throws IllegalArgumentException if the header is empty
   */
  public static CsvWriter continuing(Writer out, List<String> header) {
    Objects.requireNonNull(out, "out");
    if (header.isEmpty()) {
      throw new IllegalArgumentException("A CSV header needs at least one column");
    }
    return new CsvWriter(out, header.size());
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
    Writer out;
    try {
      // This class buffers characters and the encoder the bytes it makes of them. A fresh
      // encoder reports (does not replace) what is not UTF-8, like Files.newBufferedWriter.
      out =
          new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8.newEncoder());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + file + ": " + e.getMessage(), e);
    }
    try {
      return to(out, header);
    } catch (RuntimeException e) {
      try {
        out.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
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
    startCell();
    if (value == null || value.isEmpty()) {
      return this;
    }
    if (needsEscape(value)) {
      append(escapeText(value));
    } else {
      append(value);
    }
    return this;
  }

  /**
   * Adds a numeric cell.
   *
   * @param value the number; {@code NaN} or infinite gives an empty cell
   * @return this writer
   */
  public CsvWriter number(double value) {
    startCell();
    if (Double.isFinite(value)) {
      reserve(ShortestDecimal.MAX_CHARS);
      pos = ShortestDecimal.appendPlain(value, buf, pos);
    }
    return this;
  }

  /**
   * Adds an integer cell.
   *
   * @param value the integer
   * @return this writer
   */
  public CsvWriter integer(long value) {
    startCell();
    reserve(20);
    pos = appendLong(value, buf, pos);
    return this;
  }

  /**
   * Adds an ISO date cell.
   *
   * @param value the date, {@code null} for an empty cell
   * @return this writer
   */
  public CsvWriter date(LocalDate value) {
    startCell();
    if (value == null) {
      return this;
    }
    int year = value.getYear();
    if (year < 0 || year > 9999) {
      append(value.toString()); // ISO's signed, widened years
      return this;
    }
    reserve(10);
    char[] b = buf;
    int p = pos;
    b[p] = (char) ('0' + year / 1000);
    b[p + 1] = (char) ('0' + year / 100 % 10);
    b[p + 2] = (char) ('0' + year / 10 % 10);
    b[p + 3] = (char) ('0' + year % 10);
    b[p + 4] = '-';
    int month = value.getMonthValue();
    b[p + 5] = (char) ('0' + month / 10);
    b[p + 6] = (char) ('0' + month % 10);
    b[p + 7] = '-';
    int day = value.getDayOfMonth();
    b[p + 8] = (char) ('0' + day / 10);
    b[p + 9] = (char) ('0' + day % 10);
    pos = p + 10;
    return this;
  }

  /**
   * Adds an empty cell.
   *
   * @return this writer
   */
  public CsvWriter empty() {
    startCell();
    return this;
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
    reserve(1);
    buf[pos++] = '\n';
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

  /** Passes everything written so far on to the output and flushes it. */
  @Override
  public void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Passes everything written so far on to the output and closes it.
   *
   * @throws IllegalStateException if a row was started and not ended (the output is closed anyway)
   */
  @Override
  public void close() {
    try {
      try {
        drain();
      } finally {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (cellsInRow != 0) {
      throw new IllegalStateException("CSV closed in the middle of row " + (rows + 1));
    }
  }

  /** Counts a new cell and writes the separator before it. */
  private void startCell() {
    if (cellsInRow == columns) {
      throw new IllegalStateException(
          "CSV row " + (rows + 1) + " has more cells than the header's " + columns);
    }
    if (cellsInRow > 0) {
      reserve(1);
      buf[pos++] = ',';
    }
    cellsInRow++;
  }

  /** Makes room for {@code n <= BUFFER_CHARS} characters. */
  private void reserve(int n) {
    if (pos + n > buf.length) {
      drain();
    }
  }

  private void append(String s) {
    int n = s.length();
    if (n > buf.length) {
      drain();
      try {
        out.write(s);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    reserve(n);
    s.getChars(0, n, buf, pos);
    pos += n;
  }

  /** Hands the buffer to the output. */
  private void drain() {
    if (pos == 0) {
      return;
    }
    try {
      out.write(buf, 0, pos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pos = 0;
  }

  /** Writes the decimal digits of {@code v}; returns the index after the last. */
  static int appendLong(long v, char[] b, int at) {
    if (v == Long.MIN_VALUE) {
      String s = Long.toString(v);
      s.getChars(0, s.length(), b, at);
      return at + s.length();
    }
    int p = at;
    long x = v;
    if (x < 0) {
      b[p++] = '-';
      x = -x;
    }
    int end = p + (x == 0 ? 1 : ShortestDecimal.digits(x));
    int i = end;
    do {
      long q = x / 10;
      b[--i] = (char) ('0' + (x - q * 10));
      x = q;
    } while (x != 0);
    return end;
  }

  /**
   * @param value a number
   * @return its cell text: plain decimal notation with the shortest digits that read back as the
   *     value ({@link ShortestDecimal}), or empty for {@code NaN} and infinities
   */
  static String formatNumber(double value) {
    return Double.isFinite(value) ? ShortestDecimal.toPlainString(value) : "";
  }

  /**
   * @param value a non-empty text
   * @return whether it must be quoted or neutralised, as {@link #escapeText} does
   */
  private static boolean needsEscape(String value) {
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t') {
      return true; // escapeText decides: a signed number or window label stays as it is
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
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
        && !isSignedNumberOrPair(s)) {
      s = "'" + s;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /**
   * @param s a text
   * @return whether it is a signed decimal or a pair of them, {@code [+-]?D(.D)?(:[+-]?D(.D)?)?}
   *     with {@code D} one or more ASCII digits
   */
  static boolean isSignedNumberOrPair(String s) {
    int i = signedNumberEnd(s, 0);
    if (i < 0) {
      return false;
    }
    if (i < s.length() && s.charAt(i) == ':') {
      i = signedNumberEnd(s, i + 1);
    }
    return i == s.length();
  }

  /** The end of {@code [+-]?D(.D)?} from {@code from}, or -1 if there is none. */
  private static int signedNumberEnd(String s, int from) {
    int i = from;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    i = digitsEnd(s, i);
    if (i < 0) {
      return -1;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i = digitsEnd(s, i + 1);
    }
    return i;
  }

  /** The end of one or more ASCII digits from {@code from}, or -1 if there is none. */
  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i == from ? -1 : i;
  }
}
