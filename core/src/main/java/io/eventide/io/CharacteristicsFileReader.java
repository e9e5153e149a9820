package io.eventide.io;

import io.eventide.event.FirmCharacteristics;
import io.eventide.io.internal.Cells;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a characteristics file ({@code docs/cli.md}, {@code --characteristics}): CSV with a header
 * {@code event_id,ticker,<name>,...} ({@code event_id} and {@code ticker} matched ignoring case, in
 * any position), every other column a numeric characteristic named as its header cell.
 *
 * <ul>
 *   <li>{@code event_id} and {@code ticker}: non-empty; a firm-event appears at most once.
 *   <li>Characteristic cells: a decimal number ({@code .} decimal point, optional exponent), or a
 *       missing value (empty, {@code null}, {@code nan}, {@code -}), which leaves the firm-event
 *       out of the regression. Anything else is refused.
 * </ul>
 *
 * <p>Problems are {@link InputException}s naming the file, line, column and value.
 */
public final class CharacteristicsFileReader {

  private static final String LAYOUT = "event_id,ticker,<numeric columns>";

  private CharacteristicsFileReader() {}

  /**
   * Reads a characteristics file.
   *
   * @param file the file, UTF-8
   * @return the characteristics
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static FirmCharacteristics read(Path file) {
    Objects.requireNonNull(file, "file");
    return parse(SourceText.read(file), file.toString());
  }

  /**
   * Reads characteristics from a reader (read to its end, not closed).
   *
   * @param reader the text
   * @param source the name used in error messages
   * @return the characteristics
   * @throws InputException for malformed text
   */
  public static FirmCharacteristics read(Reader reader, String source) {
    Objects.requireNonNull(source, "source");
    return parse(SourceText.read(reader, source), source);
  }

  private static FirmCharacteristics parse(String text, String source) {
    CsvTable table = CsvTable.parse(source, text);
    CsvTable.Header header = table.header(0);
    int idColumn = header.require(source, "event_id", LAYOUT);
    int tickerColumn = header.require(source, "ticker", LAYOUT);
    List<Integer> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int c = 0; c < header.names().size(); c++) {
      if (c == idColumn || c == tickerColumn) {
        continue;
      }
      String name = header.names().get(c);
      if (name.isEmpty() || names.contains(name)) {
        throw new InputException(
            source,
            header.line(),
            header.label(c),
            name,
            name.isEmpty()
                ? "a characteristic column has no name"
                : "names a characteristic twice; each column appears once");
      }
      columns.add(c);
      names.add(name);
    }
    if (names.isEmpty()) {
      throw new InputException(
          source,
          header.line(),
          "",
          header.text(),
          "has no characteristic column; expected " + LAYOUT);
    }
    Map<FirmCharacteristics.Key, double[]> values = new LinkedHashMap<>();
    Map<FirmCharacteristics.Key, Integer> lines = new HashMap<>();
    for (int row = 1; row < table.rows(); row++) {
      int line = table.line(row);
      String id = nonEmpty(table, header, row, idColumn);
      String ticker = nonEmpty(table, header, row, tickerColumn);
      FirmCharacteristics.Key key = new FirmCharacteristics.Key(id, ticker);
      Integer earlier = lines.putIfAbsent(key, line);
      if (earlier != null) {
        throw new InputException(
            source,
            line,
            header.label(tickerColumn),
            ticker,
            "repeats the firm-event " + id + "/" + ticker + " of line " + earlier);
      }
      double[] v = new double[names.size()];
      for (int j = 0; j < v.length; j++) {
        String cell = table.cell(row, columns.get(j));
        if (Cells.isMissing(cell)) {
          v[j] = Double.NaN;
          continue;
        }
        v[j] = Cells.parseDecimal(cell);
        if (!Double.isFinite(v[j])) {
          throw new InputException(
              source,
              line,
              names.get(j),
              cell,
              "is not a number; a characteristic is a decimal such as 0.25 or 1.2e9, or empty"
                  + " when missing");
        }
      }
      values.put(key, v);
    }
    return FirmCharacteristics.of(names, values);
  }

  private static String nonEmpty(CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    if (cell.isEmpty()) {
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          "",
          "the " + header.label(column) + " is empty");
    }
    return cell;
  }
}
