package io.eventide.io;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.io.internal.CsvTable;
import io.eventide.io.internal.SourceText;
import io.eventide.market.Listing;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a universe file ({@code docs/cli.md}): CSV with a header {@code ticker,exchange,benchmark}
 * (names matched ignoring case; other columns are ignored), one listing per record.
 *
 * <ul>
 *   <li>{@code ticker}: non-empty, unique in the file (a repeat names both lines), and usable as a
 *       price file name and in an events file's {@code ;}-separated {@code affected} list: no
 *       whitespace, {@code ;}, {@code /} or {@code \}.
 *   <li>{@code exchange}: the code or MIC of an exchange of the {@link ExchangeRegistry} given (by
 *       default the {@linkplain ExchangeRegistry#builtIns() built-ins}: {@code NYSE} or {@code
 *       XNYS}, {@code HKEX} or {@code XHKG}, ...), in any case; an unknown one is refused with the
 *       list of the known ones.
 *   <li>{@code benchmark}: the ticker of another price file, non-empty. Whether that file exists is
 *       for the caller to check.
 * </ul>
 *
 * <p>Problems are {@link InputException}s naming the file, line, column and value: an empty file, a
 * header without listings, a missing column, and the cell errors above.
 */
public final class UniverseFileReader {

  private static final String LAYOUT = "ticker,exchange,benchmark";

  private UniverseFileReader() {}

  /**
   * Reads a universe file whose exchanges are built-ins.
   *
   * @param file the file, UTF-8
   * @return the listings in file order
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static List<Listing> read(Path file) {
    return read(file, ExchangeRegistry.builtIns());
  }

  /**
   * Reads a universe file whose exchanges are those of a registry (built-ins and your own).
   *
   * @param file the file, UTF-8
   * @param exchanges the exchanges the file may name
   * @return the listings in file order
   * @throws InputException for a missing, unreadable or malformed file
   */
  public static List<Listing> read(Path file, ExchangeRegistry exchanges) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(exchanges, "exchanges");
    return parse(SourceText.read(file), file.toString(), exchanges);
  }

  /**
   * Reads a universe whose exchanges are built-ins from a reader (read to its end, not closed).
   *
   * @param reader the text
   * @param source the name used in error messages
   * @return the listings in file order
   * @throws InputException for malformed text
   */
  public static List<Listing> read(Reader reader, String source) {
    return read(reader, source, ExchangeRegistry.builtIns());
  }

  /**
   * Reads a universe from a reader (read to its end, not closed).
   *
   * @param reader the text
   * @param source the name used in error messages
   * @param exchanges the exchanges the text may name
   * @return the listings in file order
   * @throws InputException for malformed text
   */
  public static List<Listing> read(Reader reader, String source, ExchangeRegistry exchanges) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(exchanges, "exchanges");
    return parse(SourceText.read(reader, source), source, exchanges);
  }

  private static List<Listing> parse(String text, String source, ExchangeRegistry exchanges) {
    CsvTable table = CsvTable.parse(source, text);
    CsvTable.Header header = table.header(0);
    int tickerColumn = header.require(table.source(), "ticker", LAYOUT);
    int exchangeColumn = header.require(table.source(), "exchange", LAYOUT);
    int benchmarkColumn = header.require(table.source(), "benchmark", LAYOUT);
    if (table.rows() < 2) {
      throw new InputException(
          source, header.line(), "", "", "the file has a header but no listings");
    }
    List<Listing> listings = new ArrayList<>(table.rows() - 1);
    Map<String, Integer> tickerLines = new HashMap<>();
    for (int row = 1; row < table.rows(); row++) {
      int line = table.line(row);
      String ticker = ticker(table, header, row, tickerColumn);
      Integer earlier = tickerLines.putIfAbsent(ticker, line);
      if (earlier != null) {
        throw new InputException(
            source,
            line,
            header.label(tickerColumn),
            ticker,
            "repeats the ticker of line " + earlier + "; each listing appears once");
      }
      String code = table.cell(row, exchangeColumn);
      Exchange exchange =
          exchanges
              .find(code)
              .orElseThrow(
                  () ->
                      new InputException(
                          source,
                          line,
                          header.label(exchangeColumn),
                          code,
                          code.isEmpty()
                              ? "the exchange is empty; expected " + exchanges.known()
                              : "is not a known exchange; expected " + exchanges.known()));
      String benchmark = ticker(table, header, row, benchmarkColumn);
      listings.add(Listing.of(ticker, exchange, benchmark));
    }
    return List.copyOf(listings);
  }

  private static String ticker(CsvTable table, CsvTable.Header header, int row, int column) {
    String cell = table.cell(row, column);
    if (cell.isEmpty()) {
      throw new InputException(
          table.source(),
          table.line(row),
          header.label(column),
          "",
          "the " + header.label(column) + " is empty");
    }
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (Character.isWhitespace(c) || c == ';' || c == '/' || c == '\\') {
        throw new InputException(
            table.source(),
            table.line(row),
            header.label(column),
            cell,
            "is not a usable ticker: it may not hold spaces, ';', '/' or '\\'");
      }
    }
    return cell;
  }
}
