package io.eventide.io;

import io.eventide.io.internal.Cells;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import io.eventide.market.FactorSet;
import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a Kenneth French Data Library daily factor file ({@code F-F_Research_Data_Factors_daily},
 * {@code F-F_Research_Data_5_Factors_2x3_daily}, {@code F-F_Momentum_Factor_daily}) into a {@link
 * FactorSet} in decimals.
 *
 * <p>Layout of those files: free-text preamble lines (which may hold commas); a header line whose
 * first cell is empty, {@code ,Mkt-RF,SMB,HML,RF} or {@code ,Mom}; the daily rows {@code
 * YYYYMMDD,value,...} in percent; then possibly blank lines, an annual section and a {@code
 * Copyright} line. Lines end with CRLF.
 *
 * <ul>
 *   <li>The header is the first line whose first cell is empty. Factor names are taken exactly as
 *       the header spells them (trimmed): {@code Mkt-RF}, {@code SMB}, {@code HML}, {@code RMW},
 *       {@code CMA}, {@code Mom}. The column {@code RF} (any case) is the risk-free rate and is
 *       kept apart; a file without it (momentum) gives a set without RF.
 *   <li>The daily block is every line after the header up to the first line whose first cell is not
 *       eight digits; what follows is ignored. If a line further down starts with eight digits
 *       again, the block was cut by a damaged line and the file is refused at that line.
 *   <li>Values are percent and are divided by 100. Ken French's missing-data markers {@code -99.99}
 *       and {@code -999} (stated in the momentum file's preamble), an empty cell, {@code null},
 *       {@code nan} and {@code -} are missing values ({@code NaN}). Anything else that is not a
 *       decimal number is an error.
 *   <li>Dates must be valid and strictly increasing. Gaps (dates without a row) are allowed.
 * </ul>
 *
 * <p>Problems are {@link InputException}s naming the file, the line, the column ({@code 1} for the
 * unnamed date column, else the factor name) and the value.
 */
public final class FactorFileReader {

  private static final Pattern YYYYMMDD = Pattern.compile("\\d{8}");
  private static final double MISSING_MARKER_1 = -99.99;
  private static final double MISSING_MARKER_2 = -999;

  private FactorFileReader() {}

  /**
   * Reads a factor file.
   *
   * @param file the file
   * @return the factors and RF (if present) in decimals
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static FactorSet read(Path file) {
    Objects.requireNonNull(file, "file");
    return parse(SourceText.read(file), file.toString());
  }

  /**
   * Reads factor text from a reader (read to its end, not closed).
   *
   * @param reader the text
   * @param source the name used in error messages
   * @return the factors and RF (if present) in decimals
   * @throws InputException for malformed text
   */
  public static FactorSet read(Reader reader, String source) {
    Objects.requireNonNull(source, "source");
    return parse(SourceText.read(reader, source), source);
  }

  /** A physical line: its 1-based number and its text without the line break. */
  private record Line(int number, String text) {
    String firstCell() {
      int comma = text.indexOf(',');
      return (comma < 0 ? text : text.substring(0, comma)).strip();
    }

    boolean isDaily() {
      return YYYYMMDD.matcher(firstCell()).matches();
    }
  }

  private static FactorSet parse(String text, String source) {
    List<Line> lines = lines(text);
    int header = -1;
    for (int i = 0; i < lines.size() && header < 0; i++) {
      if (lines.get(i).text().strip().startsWith(",")) {
        header = i;
      }
    }
    if (header < 0) {
      throw new InputException(
          source,
          0,
          "",
          "",
          text.isBlank()
              ? "is empty"
              : "has no Ken French header line (one whose first cell is empty, such as"
                  + " ,Mkt-RF,SMB,HML,RF)");
    }
    int end = header + 1;
    while (end < lines.size() && lines.get(end).isDaily()) {
      end++;
    }
    if (end == header + 1) {
      throw new InputException(
          source, lines.get(header).number(), "", "", "no YYYYMMDD rows follow the header line");
    }
    for (int k = end + 1; k < lines.size(); k++) {
      if (lines.get(k).isDaily()) {
        Line breaker = lines.get(end);
        throw new InputException(
            source,
            breaker.number(),
            "1",
            breaker.firstCell(),
            (breaker.firstCell().isEmpty() ? "is a blank line that " : "")
                + "ends the daily rows (it is not a YYYYMMDD date), but daily rows resume on line "
                + lines.get(k).number());
      }
    }
    StringBuilder block = new StringBuilder();
    for (int i = header; i < end; i++) {
      block.append(lines.get(i).text()).append('\n');
    }
    return toFactorSet(CsvTable.parse(source, block.toString(), lines.get(header).number()));
  }

  private static FactorSet toFactorSet(CsvTable table) {
    CsvTable.Header header = table.header(0);
    List<String> names = new ArrayList<>();
    List<Integer> factorColumns = new ArrayList<>();
    int rfColumn = -1;
    for (int c = 1; c < table.width(); c++) {
      String name = header.names().get(c);
      if (name.isEmpty()) {
        throw new InputException(
            table.source(),
            header.line(),
            Integer.toString(c + 1),
            "",
            "the header has no name for this column");
      }
      if (name.equalsIgnoreCase(FactorSet.RISK_FREE)) {
        rfColumn = c;
      } else {
        names.add(name);
        factorColumns.add(c);
      }
    }
    int n = table.rows() - 1;
    long[] days = new long[n];
    double[][] factors = new double[names.size()][n];
    double[] rf = rfColumn < 0 ? null : new double[n];
    for (int i = 0; i < n; i++) {
      int row = i + 1;
      days[i] = parseDate(table, row);
      if (i > 0 && days[i] <= days[i - 1]) {
        throw new InputException(
            table.source(),
            table.line(row),
            "1",
            table.cell(row, 0),
            (days[i] == days[i - 1]
                    ? "repeats the date of line "
                    : "is earlier than the date of line ")
                + table.line(row - 1)
                + "; daily rows must be in strictly increasing date order");
      }
      for (int j = 0; j < factorColumns.size(); j++) {
        factors[j][i] = percent(table, header, row, factorColumns.get(j));
      }
      if (rf != null) {
        rf[i] = percent(table, header, row, rfColumn);
      }
    }
    return FactorSet.of(names, days, factors, rf);
  }

  private static long parseDate(CsvTable table, int row) {
    String cell = table.cell(row, 0);
    try {
      return LocalDate.of(
              Integer.parseInt(cell.substring(0, 4)),
              Integer.parseInt(cell.substring(4, 6)),
              Integer.parseInt(cell.substring(6, 8)))
          .toEpochDay();
    } catch (DateTimeException e) {
      throw new InputException(
          table.source(),
          table.line(row),
          "1",
          cell,
          "is not a valid YYYYMMDD date (" + e.getMessage() + ")",
          e);
    }
  }

  private static double percent(CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    if (Cells.isMissing(cell)) {
      return Double.NaN;
    }
    double v = Cells.parseDecimal(cell);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          cell,
          "is not a number (Ken French files hold percent values such as -0.25)");
    }
    if (v == MISSING_MARKER_1 || v == MISSING_MARKER_2) {
      return Double.NaN;
    }
    return v / 100.0;
  }

  private static List<Line> lines(String text) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    int number = 1;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(new Line(number++, text.substring(start, i)));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(new Line(number, text.substring(start)));
    }
    return lines;
  }
}
