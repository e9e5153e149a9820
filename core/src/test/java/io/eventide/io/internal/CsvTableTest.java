package io.eventide.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.io.InputException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * {@link CsvTable}'s own tokenizing against the one it replaced: Tablesaw's CSV reader (univocity
 * underneath), called exactly as {@code CsvTable} called it until issue 12 (every column {@code
 * STRING}, no header, {@code ,} and {@code "}, line ending {@code \n}, no comments, no
 * missing-value word, at most 65536 characters per field), on the framed records joined by {@code
 * \n}, each cell then {@link String#strip()}ped. The oracle is that call, run here.
 */
class CsvTableTest {

  /**
   * The cells Tablesaw gives for a text that {@link CsvTable} frames, row by row; null where
   * Tablesaw finds another number of rows or fields (a record of control characters only, which it
   * drops; a control character before a quote, which it skips and then reads a quoted field where
   * the framing saw none): the old {@code CsvTable} then failed, with an {@code
   * IllegalStateException} or a "cannot be read as CSV" error.
   */
  private static List<List<String>> tablesawCells(CsvTable framed) {
    StringBuilder joined = new StringBuilder();
    for (int r = 0; r < framed.rows(); r++) {
      joined.append(framed.rawRecord(r)).append('\n');
    }
    int width = framed.width();
    ColumnType[] types = new ColumnType[width];
    Arrays.fill(types, ColumnType.STRING);
    CsvReadOptions options =
        CsvReadOptions.builder(new StringReader(joined.toString()))
            .header(false)
            .columnTypes(types)
            .separator(',')
            .quoteChar('"')
            .lineEnding("\n")
            .commentPrefix('\0')
            .missingValueIndicator("\u0000")
            .maxCharsPerColumn(1 << 16)
            .maxNumberOfColumns(Math.max(width, 1))
            .locale(Locale.ROOT)
            .build();
    Table table;
    try {
      table = Table.read().usingOptions(options);
    } catch (RuntimeException e) {
      return null;
    }
    if (table.rowCount() != framed.rows()) {
      return null;
    }
    List<List<String>> out = new ArrayList<>();
    for (int r = 0; r < table.rowCount(); r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        String s = table.stringColumn(c).get(r);
        row.add(s == null ? "" : s.strip());
      }
      out.add(row);
    }
    return out;
  }

  private static List<List<String>> cells(CsvTable t) {
    List<List<String>> out = new ArrayList<>();
    for (int r = 0; r < t.rows(); r++) {
      out.add(Arrays.asList(t.row(r)));
    }
    return out;
  }

  @Test
  void awkwardCellsAreTablesawsCells() {
    String text =
        "A,B\n"
            + "\"abc\"def,x\n"
            + "  \"abc\"  ,x\n"
            + "\"a\"\"b\",x\n"
            + "ab\"c,x\n"
            + "\u0001 84.5 \u0001,x\n"
            + "\"\",x\n"
            + "\" 1 \",x\n"
            + "\u2003"
            + "84.5\u2003,x\n"
            + "\"abc\" def,x\n"
            + "\t\"q\"\t,x\n"
            + "\"multi\r\nline\",x\r"
            + "   \r\n"
            + "\"4,443.01\",\"-0.31%\"\n"
            + "\"a\"\"\",\"\"\"\"\n"
            + "\"x\"\"y\"z,\"\"\"a\"\" b\"\n"
            + ",\n"
            + "\"a\"b\"\"c,\"a\"\" b\"c\n";
    CsvTable t = CsvTable.parse("t.csv", text);
    assertThat(cells(t)).isEqualTo(tablesawCells(t));
    // Tablesaw's cells, printed: text after a closing quote keeps the quotes; "" is a quote
    assertThat(t.row(1)).containsExactly("\"abc\"def", "x");
    assertThat(t.row(3)).containsExactly("a\"b", "x");
    assertThat(t.row(13)).containsExactly("a\"", "\"");
    assertThat(t.row(14)).containsExactly("\"x\"y\"z", "\"a\" b");
    assertThat(t.row(15)).containsExactly("", "");
    assertThat(t.row(16)).containsExactly("\"a\"b\"\"c", "\"a\" b\"c");
    assertThat(t.line(12)).isEqualTo(15);
  }

  /**
   * Random texts over the characters that matter (separators, quotes, line breaks, spaces, tabs,
   * control and Unicode space characters, letters): whenever {@link CsvTable} frames a text into
   * records of equal width, its cells are Tablesaw's.
   */
  @Property(tries = 3000)
  void randomTextsGiveTablesawsCells(@ForAll("texts") String text) {
    CsvTable t;
    try {
      t = CsvTable.parse("t.csv", text);
    } catch (InputException e) {
      return; // a framing error (unequal widths, an unclosed quote): the oracle is not asked
    }
    List<List<String>> expected = tablesawCells(t);
    if (expected != null) {
      assertThat(cells(t)).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Character> c =
        Arbitraries.of(
            'a', 'b', '1', '.', ',', ',', '"', '"', '"', ' ', ' ', '\t', '\n', '\n', '\r', '\u0001',
            '\u2003', '\u00e9', ';');
    return c.list().ofMinSize(1).ofMaxSize(40).map(CsvTableTest::join);
  }

  private static String join(List<Character> chars) {
    StringBuilder sb = new StringBuilder(chars.size());
    for (char ch : chars) {
      sb.append(ch);
    }
    return sb.toString();
  }

  @Test
  void aFieldLongerThanTheLimitNamesItsLine() {
    String text = "A,B\n1,2\nx," + "9".repeat((1 << 16) + 1) + "\n";
    InputException e = catchThrowableOfType(InputException.class, () -> CsvTable.parse("t", text));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.problem())
        .isEqualTo("cannot be read as CSV: field 2 is longer than 65536 characters");
  }
}
