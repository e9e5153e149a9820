package io.eventide.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventide.io.internal.CsvTable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link CsvWriter}: quoting, formula neutralisation, numbers, and a round trip. */
class CsvWriterTest {

  private static String write(List<String> header, java.util.function.Consumer<CsvWriter> rows) {
    StringWriter out = new StringWriter();
    try (CsvWriter w = CsvWriter.to(out, header)) {
      rows.accept(w);
    }
    return out.toString();
  }

  @Test
  void headerAndRows() {
    String csv =
        write(
            List.of("event_id", "ticker", "day0", "m", "car"),
            w ->
                w.text("pboc-ant-fine")
                    .text("9988.HK")
                    .date(LocalDate.of(2023, 7, 10))
                    .integer(240)
                    .number(-0.0123)
                    .endRow()
                    .text("li-qiang-platform-symposium")
                    .text("BABA")
                    .date(null)
                    .integer(0)
                    .number(Double.NaN)
                    .endRow());
    assertThat(csv)
        .isEqualTo(
            "event_id,ticker,day0,m,car\n"
                + "pboc-ant-fine,9988.HK,2023-07-10,240,-0.0123\n"
                + "li-qiang-platform-symposium,BABA,,0,\n");
  }

  @Test
  void quotesCommasQuotesAndLineBreaks() {
    String csv =
        write(
            List.of("a", "b", "c", "d"),
            w ->
                w.text("PBOC, NFRA and CSRC")
                    .text("said \"done\"")
                    .text("two\nlines")
                    .text("cr\rhere")
                    .endRow());
    assertThat(csv)
        .endsWith("\"PBOC, NFRA and CSRC\",\"said \"\"done\"\"\",\"two\nlines\",\"cr\rhere\"\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      quoteCharacter = '`',
      value = {
        "=1+2                    # '=1+2",
        "+SUM(A1:A2)             # '+SUM(A1:A2)",
        "-2+3+cmd|' /C calc'!A0  # '-2+3+cmd|' /C calc'!A0",
        "@SUM(A1)                # '@SUM(A1)",
        "=HYPERLINK(\"x\",\"y\") # `\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"`",
        "-foo                    # '-foo",
        "safe-text               # safe-text",
      })
  void formulaTextIsNeutralised(String text, String cell) {
    assertThat(CsvWriter.escapeText(text)).isEqualTo(cell);
  }

  @Test
  void tabAndCarriageReturnStartsAreNeutralised() {
    assertThat(CsvWriter.escapeText("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvWriter.escapeText("\r=1")).isEqualTo("\"'\r=1\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1:1", "-5:5", "0:0", "-250:-11", "-3", "+1", "-0.5"})
  void windowLabelsAndSignedNumbersInTextStayAsWritten(String text) {
    assertThat(CsvWriter.escapeText(text)).isEqualTo(text);
  }

  @Test
  void negativeNumbersAreNumbersNotText() {
    String csv =
        write(
            List.of("window", "car", "n"), w -> w.text("-1:1").number(-0.05).integer(-3).endRow());
    assertThat(csv).endsWith("\n-1:1,-0.05,-3\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.1                    | 0.1",
        "-0.05                  | -0.05",
        "100.0                  | 100",
        "1.0E-5                 | 0.00001",
        "-2.5E-7                | -0.00000025",
        "1.2345678901234567E8   | 123456789.01234567",
        "1.0E7                  | 10000000",
        "0.0                    | 0",
        "-0.0                   | 0",
        "89.348915              | 89.348915",
      })
  void numbersArePlainAndRoundTrip(double value, String cell) {
    String written = CsvWriter.formatNumber(value);
    assertThat(written).isEqualTo(cell);
    assertThat(Double.parseDouble(written)).isEqualTo(value == 0 ? 0.0 : value);
  }

  @Test
  void extremeMagnitudesArePlainToo() {
    // Double.toString(Double.MIN_VALUE) is 4.9E-324: 323 zeros after the point, then 49
    assertThat(CsvWriter.formatNumber(Double.MIN_VALUE)).isEqualTo("0." + "0".repeat(323) + "49");
    // Double.toString(1e308) is 1.0E308: a 1 and 308 zeros
    assertThat(CsvWriter.formatNumber(1e308)).isEqualTo("1" + "0".repeat(308));
    assertThat(Double.parseDouble(CsvWriter.formatNumber(Double.MIN_VALUE)))
        .isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void nanAndInfinitiesAreEmpty() {
    assertThat(CsvWriter.formatNumber(Double.NaN)).isEmpty();
    assertThat(CsvWriter.formatNumber(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(CsvWriter.formatNumber(Double.NEGATIVE_INFINITY)).isEmpty();
  }

  @Test
  void defaultLocaleDoesNotLeak() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(CsvWriter.formatNumber(1234.5)).isEqualTo("1234.5");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void rowsMustMatchTheHeader() {
    StringWriter out = new StringWriter();
    CsvWriter w = CsvWriter.to(out, List.of("a", "b"));
    assertThatIllegalStateException()
        .isThrownBy(() -> w.text("x").endRow())
        .withMessage("CSV row 1 has 1 cells; the header has 2");
    assertThatIllegalStateException()
        .isThrownBy(() -> w.text("y").text("z"))
        .withMessage("CSV row 1 has more cells than the header's 2");
    assertThatIllegalArgumentException().isThrownBy(() -> CsvWriter.to(out, List.of()));
  }

  @Test
  void writesAFileInsideTheOutputFolderAndReadsBack(@TempDir Path out) throws IOException {
    try (CsvWriter w = CsvWriter.createIn(out, "car.csv", List.of("event_id", "window", "car"))) {
      w.text("pboc-ant-fine").text("-1:1").number(0.0832).endRow();
      w.text("=cmd").text("0:0").number(-1.0E-5).endRow();
      assertThat(w.rowsWritten()).isEqualTo(2);
    }
    String text = Files.readString(out.resolve("car.csv"), StandardCharsets.UTF_8);
    assertThat(text)
        .isEqualTo("event_id,window,car\npboc-ant-fine,-1:1,0.0832\n'=cmd,0:0,-0.00001\n");
    // the package's own reader reads the cells back
    CsvTable table = CsvTable.parse("car.csv", text);
    assertThat(table.row(2)).containsExactly("'=cmd", "0:0", "-0.00001");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CsvWriter.createIn(out, "../car.csv", List.of("a")));
  }

  @Test
  void quotedCellsSurviveTheReader() {
    String csv =
        write(List.of("title", "n"), w -> w.text("PBOC, NFRA \"and\"\nCSRC").number(1.5).endRow());
    CsvTable table = CsvTable.parse("t.csv", csv);
    assertThat(table.cell(1, 0)).isEqualTo("PBOC, NFRA \"and\"\nCSRC");
    assertThat(table.cell(1, 1)).isEqualTo("1.5");
  }
}
