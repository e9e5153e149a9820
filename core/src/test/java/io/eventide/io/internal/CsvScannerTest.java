package io.eventide.io.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.io.InputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvScanner}: its records and cells against {@link CsvTable} (the framer and tokenizer it
 * replaces for price files), its byte-level dates against {@link LocalDate}, and its decimal fast
 * path against {@link Double#parseDouble(String)} bit for bit.
 */
class CsvScannerTest {

  private static CsvScanner scanner(String text) {
    return new CsvScanner("t.csv", text.getBytes(StandardCharsets.UTF_8));
  }

  /** Every record's line and cells, read by the scanner. */
  private static List<String> scanned(String text) {
    CsvScanner s = scanner(text);
    List<String> out = new ArrayList<>();
    while (s.next()) {
      StringBuilder sb = new StringBuilder().append(s.line()).append(':');
      for (int f = 0; f < s.fields(); f++) {
        sb.append('[').append(s.cell(f)).append(']');
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** The same, read by {@link CsvTable} (whose records must all have the header's width). */
  private static List<String> tabled(String text) {
    CsvTable t = CsvTable.parse("t.csv", text);
    List<String> out = new ArrayList<>();
    for (int r = 0; r < t.rows(); r++) {
      StringBuilder sb = new StringBuilder().append(t.line(r)).append(':');
      for (int c = 0; c < t.width(); c++) {
        sb.append('[').append(t.cell(r, c)).append(']');
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void cellsAreThoseOfCsvTableForAwkwardQuotingAndSpacing() {
    // Each line is an awkward first cell; the expected cells are CsvTable's (Tablesaw's
    // tokenizing), printed in the comments for the record.
    String text =
        "A,B\n"
            + "\"abc\"def,x\n" // ["abc"def]: text after the closing quote keeps the quotes
            + "  \"abc\"  ,x\n" // [abc]
            + "\"a\"\"b\",x\n" // [a"b]
            + "ab\"c,x\n" // [ab"c]: a quote inside a field is a character
            + "\u0001 84.5 \u0001,x\n" // [84.5]: control characters trimmed
            + "\"\",x\n" // []
            + "\" 1 \",x\n" // [1]
            + "\u2003"
            + "84.5\u2003,x\n" // [84.5]: String.strip
            + "\"abc\" def,x\n" // ["abc" def]
            + "\t\"q\"\t,x\n" // [q]
            + "\"multi\r\nline\",x\r" // a quoted line break: lines 12 and 13, ended by a lone CR
            + "   \r\n" // line 14, blank
            + "\"4,443.01\",\"-0.31%\"\n";
    assertThat(scanned(text)).isEqualTo(tabled(text));
    assertThat(scanned(text).get(1)).isEqualTo("2:[\"abc\"def][x]");
    assertThat(scanned(text).get(12)).isEqualTo("15:[4,443.01][-0.31%]");
  }

  @Test
  void aByteOrderMarkAndBlankRecordsAreSkipped() {
    CsvScanner s = scanner("\uFEFFDate,Close\r\n \t\r\n\u2003\n2023-07-05,84.5");
    assertThat(s.next()).isTrue();
    assertThat(s.cell(0)).isEqualTo("Date");
    assertThat(s.next()).isTrue();
    assertThat(s.line()).isEqualTo(4);
    assertThat(s.record()).isEqualTo("2023-07-05,84.5");
    assertThat(s.epochDay(0)).isEqualTo(LocalDate.of(2023, 7, 5).toEpochDay());
    assertThat(s.decimal(1)).isEqualTo(84.5);
    assertThat(s.next()).isFalse();
  }

  @Test
  void anUnclosedQuoteNamesTheLineItStartsOn() {
    CsvScanner s = scanner("Date,Close\n2023-07-05,\"84.5\n2023-07-06,1\n");
    assertThat(s.next()).isTrue();
    InputException e = catchThrowableOfType(InputException.class, s::next);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problem()).isEqualTo("a quoted field that starts on this line is never closed");
  }

  @Test
  void missingMarkersAreRecognisedFromTheBytes() {
    CsvScanner s = scanner(",-,nan,NULL,NaN,\"\",n/a,--, null ,0\n");
    assertThat(s.next()).isTrue();
    boolean[] expected = {true, true, true, true, true, true, false, false, true, false};
    for (int f = 0; f < expected.length; f++) {
      // Cells.isMissing of the cell's text is the definition
      assertThat(Cells.isMissing(s.cell(f))).isEqualTo(expected[f]);
      assertThat(s.isMissing(f)).describedAs("field " + f).isEqualTo(expected[f]);
    }
  }

  @Test
  void epochDaysAgreeWithLocalDateOverFourCenturiesAndRefuseImpossibleDays() {
    // every day from 1900-01-01 to 2299-12-31, which holds leap years of each rule (1904, 1900
    // not, 2000, 2100 not), plus the ends of the 4-digit range
    for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2300; d = d.plusDays(1)) {
      assertThat(CsvScanner.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .isEqualTo(d.toEpochDay());
    }
    assertThat(CsvScanner.epochDay(0, 1, 1)).isEqualTo(LocalDate.of(0, 1, 1).toEpochDay());
    assertThat(CsvScanner.epochDay(9999, 12, 31))
        .isEqualTo(LocalDate.of(9999, 12, 31).toEpochDay());
    assertThat(CsvScanner.epochDay(2023, 2, 29)).isEqualTo(CsvScanner.noDay());
    assertThat(CsvScanner.epochDay(2024, 2, 30)).isEqualTo(CsvScanner.noDay());
    assertThat(CsvScanner.epochDay(2023, 13, 1)).isEqualTo(CsvScanner.noDay());
    assertThat(CsvScanner.epochDay(2023, 0, 1)).isEqualTo(CsvScanner.noDay());
    assertThat(CsvScanner.epochDay(2023, 4, 31)).isEqualTo(CsvScanner.noDay());
    // other forms are left to the text-level parser
    CsvScanner s =
        scanner("2023-7-13,2023/07/13,2023-07-1x,2020-01-02 00:00:00+08:00, 2023-07-13\n");
    assertThat(s.next()).isTrue();
    for (int f = 0; f < 4; f++) {
      assertThat(s.epochDay(f)).isEqualTo(CsvScanner.noDay());
    }
    assertThat(s.epochDay(4)).isEqualTo(LocalDate.of(2023, 7, 13).toEpochDay());
  }

  /**
   * The date read as one word: every date of {@code bases} with each of its ten bytes replaced by
   * each byte value (but the four that frame records), read as a cell, is the date {@link
   * LocalDate#parse} makes of the ten characters when they are {@code yyyy-mm-dd} in ASCII digits
   * and a day that exists, and no date otherwise (a non-digit, a dash out of place, month 13, day
   * 32, a byte above 0x7F). Each is read after a good date of another month, so the month kept from
   * the row before is not the one wanted.
   */
  @Test
  void everySingleByteChangeOfADateReadsAsLocalDateSaysOrAsNoDate() {
    String[] bases = {"2020-11-15", "1999-12-31", "2024-02-29", "2000-01-01", "0000-09-09"};
    for (String base : bases) {
      for (int at = 0; at < 10; at++) {
        for (int v = 0; v < 256; v++) {
          if (v == ',' || v == '\n' || v == '\r' || v == '"') {
            continue;
          }
          byte[] date = base.getBytes(StandardCharsets.US_ASCII);
          date[at] = (byte) v;
          byte[] text = new byte[11 + 11];
          System.arraycopy("1970-06-01\n".getBytes(StandardCharsets.US_ASCII), 0, text, 0, 11);
          System.arraycopy(date, 0, text, 11, 10);
          text[21] = '\n';
          CsvScanner s = new CsvScanner("t.csv", text);
          assertThat(s.next()).isTrue();
          assertThat(s.epochDay(0)).isEqualTo(LocalDate.of(1970, 6, 1).toEpochDay());
          assertThat(s.next()).isTrue();
          String chars = new String(date, StandardCharsets.ISO_8859_1);
          long want =
              chars.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") && validDay(chars)
                  ? LocalDate.parse(chars).toEpochDay()
                  : CsvScanner.noDay();
          assertThat(s.epochDay(0)).describedAs("%s (byte %d at %d)", chars, v, at).isEqualTo(want);
        }
      }
    }
  }

  @Test
  void cellDatesAgreeWithLocalDateAcrossMonthsAndRefuseImpossibleDaysOfTheMonthBefore() {
    // The scanner keeps the month of the date before; each impossible day follows a good day of
    // the same month (or the month before), so it is checked against the kept month's length.
    StringBuilder text = new StringBuilder();
    List<Long> want = new ArrayList<>();
    for (LocalDate d = LocalDate.of(1999, 11, 28); d.isBefore(LocalDate.of(2001, 3, 3)); ) {
      text.append(d).append('\n');
      want.add(d.toEpochDay());
      d = d.plusDays(1);
    }
    String[] impossible = {
      "2024-02-28", "2024-02-30", "2023-02-28", "2023-02-29", "2023-04-30", "2023-04-31",
      "2023-04-00", "2023-12-31", "2023-13-01", "2023-00-10", "2023-12-32", "2023-1x-01"
    };
    for (String d : impossible) {
      text.append(d).append('\n');
      want.add(
          d.matches("\\d{4}-(0[1-9]|1[0-2])-\\d{2}") && validDay(d)
              ? LocalDate.parse(d).toEpochDay()
              : CsvScanner.noDay());
    }
    CsvScanner s = scanner(text.toString());
    for (int k = 0; k < want.size(); k++) {
      assertThat(s.next()).isTrue();
      assertThat(s.epochDay(0)).describedAs(s.record()).isEqualTo(want.get(k));
    }
    assertThat(s.next()).isFalse();
  }

  private static boolean validDay(String d) {
    try {
      LocalDate.parse(d);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  /**
   * A scanner over the first bytes of a longer array (a reused buffer holding an earlier, longer
   * file) never reads past them: the last price, with no line break after it, is followed in the
   * array by a digit of the earlier file, which must not become part of it, by the fused plain-row
   * path or field by field.
   */
  @Test
  void aScannerOverPartOfAnArrayStopsAtItsLength() {
    String file = "Date,Close\n2020-01-02,1.5\n2020-01-03,2.25";
    byte[] buffer = (file + "9,\n2020-01-06,7\n").getBytes(StandardCharsets.US_ASCII);
    int length = file.length();
    CsvScanner plain = new CsvScanner("t.csv", buffer, length);
    assertThat(plain.next()).isTrue();
    assertThat(plain.nextPlainRow(2, 0, 1)).isTrue();
    assertThat(plain.plainValue()).isEqualTo(1.5);
    assertThat(plain.nextPlainRow(2, 0, 1)).isTrue();
    assertThat(plain.plainValue()).isEqualTo(2.25);
    assertThat(plain.record()).isEqualTo("2020-01-03,2.25");
    assertThat(plain.nextPlainRow(2, 0, 1)).isFalse();
    assertThat(plain.next()).isFalse();

    CsvScanner cells = new CsvScanner("t.csv", buffer, length);
    List<String> values = new ArrayList<>();
    while (cells.next()) {
      values.add(cells.cell(1) + "=" + cells.decimal(1));
    }
    assertThat(values).containsExactly("Close=NaN", "1.5=1.5", "2.25=2.25");
  }

  /**
   * {@link CsvScanner#nextPlainRow} against {@link CsvScanner#next} and the cells: over files of
   * plain rows mixed with rows it must refuse (quotes, spaces, missing or negative prices, bad or
   * impossible dates, a field too many or too few, blank lines, CRLF and lone CR, no final line
   * break), a scanner that takes plain rows where it can meets the same records, lines and fields
   * as one that goes field by field, and each plain row's date and value are the cells'.
   */
  @Property(tries = 500)
  void plainRowsReadAsTheirCells(@ForAll("priceFiles") String text) {
    // the price is the last field or (header Date,Close,Other) the middle one, where the decimal
    // must stop at the comma
    int valueField = text.startsWith("Date,Close") ? 1 : 2;
    CsvScanner cells = scanner(text);
    CsvScanner plain = scanner(text);
    int previousLine = 0;
    while (true) {
      boolean moved = plain.nextPlainRow(3, 0, valueField);
      if (!moved && !plain.next()) {
        assertThat(cells.next()).isFalse();
        break;
      }
      assertThat(cells.next()).isTrue();
      assertThat(plain.line()).isEqualTo(cells.line());
      assertThat(plain.record()).isEqualTo(cells.record());
      assertThat(plain.fields()).isEqualTo(cells.fields());
      for (int f = 0; f < cells.fields(); f++) {
        assertThat(plain.cell(f)).isEqualTo(cells.cell(f));
      }
      long day = cells.epochDay(0);
      double value = cells.fields() == 3 ? cells.decimal(valueField) : Double.NaN;
      int line = cells.line();
      if (moved) {
        assertThat(plain.plainDay()).isEqualTo(day).isNotEqualTo(CsvScanner.noDay());
        assertThat(Double.doubleToRawLongBits(plain.plainValue()))
            .isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(value).isPositive();
      } else {
        // refused: something the cells path trims or unquotes, or not three fields, a date, a
        // price above 0; a row in the strict plain form with a good date and price is never refused
        // (a field other than the date and the price holds no byte up to ',')
        String other = "[^\\x00-,]*";
        boolean strictForm =
            cells
                .record()
                .matches(
                    valueField == 2
                        ? "\\d{4}-\\d{2}-\\d{2}," + other + ",[0-9.]+"
                        : "\\d{4}-\\d{2}-\\d{2},[0-9.]+," + other);
        // (a row after blank lines is refused at the blank line and read by next())
        boolean afterBlank = cells.line() > previousLine + 1;
        assertThat(strictForm && !afterBlank && day != CsvScanner.noDay() && value > 0)
            .describedAs("%s in %s", cells.record(), text.replace("\r", "\\r").replace("\n", "\\n"))
            .isFalse();
      }
      previousLine = line;
    }
  }

  /**
   * {@link CsvScanner#plainRows}, the loop over many plain rows, reads what {@link
   * CsvScanner#nextPlainRow} reads row by row: the same rows with the same lines, dates and values,
   * in arrays that fill up and grow (capacity 1 to 4), stopping at the first row that is not plain
   * or not in strict date order after the one before (the dates of the generated files repeat and
   * jump both ways), and leaving the scanner on the last row it read, its record and cells framed.
   */
  @Property(tries = 500)
  void plainRowsInOneLoopReadAsRowByRow(
      @ForAll("priceFiles") String text,
      @ForAll boolean ascending,
      @ForAll @IntRange(min = 1, max = 4) int capacity) {
    int valueField = text.startsWith("Date,Close") ? 1 : 2;
    List<String> rowByRow = new ArrayList<>();
    Map<Integer, String> records = new HashMap<>();
    CsvScanner one = scanner(text);
    assertThat(one.next()).isTrue();
    while (true) {
      if (one.nextPlainRow(3, 0, valueField)) {
        rowByRow.add(one.line() + ":" + one.plainDay() + ":" + one.plainValue());
        records.put(one.line(), one.record());
      } else if (one.next()) {
        rowByRow.add(one.line() + ":-");
      } else {
        break;
      }
    }
    List<String> looped = new ArrayList<>();
    CsvScanner loop = scanner(text);
    assertThat(loop.next()).isTrue();
    long[] days = new long[capacity];
    double[] values = new double[capacity];
    int[] lines = new int[capacity];
    int k = 0;
    while (true) {
      if (k == days.length) {
        days = Arrays.copyOf(days, 2 * k);
        values = Arrays.copyOf(values, 2 * k);
        lines = Arrays.copyOf(lines, 2 * k);
      }
      if (k > 0) {
        int before = k;
        k = loop.plainRows(3, 0, valueField, ascending, days, values, lines, k);
        for (int i = before; i < k; i++) {
          looped.add(lines[i] + ":" + days[i] + ":" + values[i]);
          assertThat(ascending ? days[i] > days[i - 1] : days[i] < days[i - 1]).isTrue();
        }
        if (k > before) {
          assertThat(loop.line()).isEqualTo(lines[k - 1]);
          assertThat(loop.record()).isEqualTo(records.get(lines[k - 1]));
          assertThat(loop.fields()).isEqualTo(3);
          assertThat(loop.epochDay(0)).isEqualTo(days[k - 1]);
          assertThat(loop.decimal(valueField)).isEqualTo(values[k - 1]);
          continue;
        }
      }
      if (loop.nextPlainRow(3, 0, valueField)) {
        days[k] = loop.plainDay();
        values[k] = loop.plainValue();
        lines[k] = loop.line();
        looped.add(lines[k] + ":" + days[k] + ":" + values[k]);
        k++;
      } else if (loop.next()) {
        looped.add(loop.line() + ":-");
      } else {
        break;
      }
    }
    assertThat(looped).isEqualTo(rowByRow);
  }

  @Provide
  Arbitrary<String> priceFiles() {
    Arbitrary<String> row =
        Arbitraries.oneOf(
            Arbitraries.of(
                "2020-01-02,x,101.25",
                "2020-01-31,a b,0.5",
                "2020-01-31,Ünïcødé,0.5",
                "2020-01-31,12345678901234567.25,0.5",
                "2020-01-31,1234567890123456#,0.5",
                "2020-01-31,x\ty,0.5",
                "2021-12-31,,12345678.123456789",
                "2024-02-29,q,84.50000000000001",
                "1999-01-01,z,7"),
            Arbitraries.of(
                "2023-02-29,x,1.5",
                "2020-13-01,x,1.5",
                "2020-1-02,x,1.5",
                " 2020-01-02,x,1.5",
                "2020-01-02,x, 1.5",
                "2020-01-02,x,1.5 ",
                "2020-01-02,\"x\",1.5",
                "\"2020-01-02\",x,1.5",
                "2020-01-02,x,\"1.5\"",
                "2020-01-02,x,-1.5",
                "2020-01-02,x,0",
                "2020-01-02,x,",
                "2020-01-02,x,nan",
                "2020-01-02,x,1e3",
                "2020-01-02,x,1.5,extra",
                "2020-01-02,1.5",
                "",
                "   ",
                "2020-01-02,x,1.5x"));
    Arbitrary<String> lineEnd = Arbitraries.of("\n", "\n", "\r\n", "\r");
    return Combinators.combine(
            row.list().ofMinSize(1).ofMaxSize(12),
            lineEnd,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(
            (rows, end, finalBreak, priceInMiddle) -> {
              // the price moved to the middle: the second and third fields swapped
              List<String> laidOut = new ArrayList<>();
              for (String r : rows) {
                laidOut.add(
                    priceInMiddle ? r.replaceFirst("^([^,]*),([^,]*),(.*)$", "$1,$3,$2") : r);
              }
              String body = String.join(end, laidOut);
              return (priceInMiddle ? "Date,Close,Other" : "Date,Other,Close")
                  + end
                  + body
                  + (finalBreak ? end : "");
            });
  }

  @Property(tries = 3000)
  void theDecimalFastPathIsDoubleParseDoubleBitForBit(@ForAll("decimals") String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    double fast = CsvScanner.parsePlainDecimal(b, 0, b.length);
    if (!Double.isNaN(fast)) {
      assertThat(Double.doubleToRawLongBits(fast))
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
    assertThat(Double.doubleToRawLongBits(embedded(text)))
        .describedAs(text)
        .isEqualTo(Double.doubleToRawLongBits(fast));
  }

  /**
   * {@link CsvScanner#parsePlainDecimal} of {@code text} inside a longer array, with digits right
   * before and after it: a bare string shorter than eight bytes is read one byte at a time, inside
   * a line the parser reads eight bytes at a time and must stop at the cell's end.
   */
  private static double embedded(String text) {
    byte[] b = ("73" + text + "1234567890123456789,").getBytes(StandardCharsets.US_ASCII);
    return CsvScanner.parsePlainDecimal(b, 2, 2 + text.length());
  }

  @Property(tries = 1000)
  void theFastPathTakesEveryPlainDecimalOfFifteenDigits(
      @ForAll @IntRange(min = 0, max = 15) int integerDigits,
      @ForAll @IntRange(min = 0, max = 15) int fractionDigits,
      @ForAll("digitStrings") String digits,
      @ForAll boolean negative) {
    // Fifteen digits or fewer are always below 2^53, so the fast path must take them (otherwise
    // the property above would pass by refusing everything).
    int total = Math.min(15, integerDigits + fractionDigits);
    if (total == 0) {
      return;
    }
    int intPart = Math.min(integerDigits, total);
    String text =
        (negative ? "-" : "")
            + digits.substring(0, intPart)
            + (total > intPart ? "." + digits.substring(intPart, total) : "");
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    double fast = CsvScanner.parsePlainDecimal(b, 0, b.length);
    assertThat(fast).isNotNaN();
    assertThat(Double.doubleToRawLongBits(fast))
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    assertThat(Double.doubleToRawLongBits(embedded(text)))
        .isEqualTo(Double.doubleToRawLongBits(fast));
  }

  @Provide
  Arbitrary<String> digitStrings() {
    return Arbitraries.strings().withCharRange('0', '9').ofLength(15);
  }

  /**
   * Decimal-looking strings of every kind: signs, leading zeros, 1 to 25 digits split anywhere by a
   * point, sometimes an exponent, and now and then a stray character. Every one that the fast path
   * takes must equal {@code Double.parseDouble}; the others must be left to it ({@code NaN}).
   */
  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> sign = Arbitraries.of("", "", "-", "+");
    Arbitrary<String> intPart =
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> fraction =
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(25);
    Arbitrary<String> point = Arbitraries.of(".", ".", "");
    Arbitrary<String> tail = Arbitraries.of("", "", "", "", "e5", "E-3", "x", ",", "  ");
    return Combinators.combine(sign, intPart, point, fraction, tail)
        .as((s, i, p, f, t) -> s + i + p + (p.isEmpty() ? "" : f) + t)
        .filter(s -> s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?"));
  }

  /**
   * A million seeded strings that take the Eisel–Lemire step (more than 2⁵³ or more than 22
   * fraction digits, at most 19 digits): 17 significant digits of random prices and returns as
   * yfinance writes them, random 16 to 19 digit strings with the point anywhere, and integers
   * exactly halfway between two doubles (odd integers between 2⁵³ and 2⁵⁴, where doubles are 2
   * apart: they must round to even). Each must equal {@link Double#parseDouble(String)} bit for
   * bit; nearly all must be decided without falling back (else the test would pass by refusing).
   */
  @Test
  void longDecimalsAreDoubleParseDoubleBitForBit() {
    java.util.Random random = new java.util.Random(20261202L);
    int decided = 0;
    int total = 1_000_000;
    for (int n = 0; n < total; n++) {
      String text;
      switch (n % 4) {
        case 0 -> {
          double price = Math.exp(random.nextGaussian() * 3) * (random.nextBoolean() ? 1 : 0.01);
          text =
              new java.math.BigDecimal(price)
                  .round(new java.math.MathContext(17))
                  .stripTrailingZeros()
                  .toPlainString();
        }
        case 1 -> {
          StringBuilder sb = new StringBuilder();
          int digits = 16 + random.nextInt(4);
          sb.append((char) ('1' + random.nextInt(9)));
          for (int k = 1; k < digits; k++) {
            sb.append((char) ('0' + random.nextInt(10)));
          }
          int point = random.nextInt(digits + 1);
          text = point == digits ? sb.toString() : sb.insert(point, '.').toString();
        }
        case 2 -> {
          long odd = (1L << 53) + 2 * (long) random.nextInt(Integer.MAX_VALUE) + 1;
          text = Long.toString(odd);
        }
        default -> {
          long big = Long.MAX_VALUE - random.nextInt(1 << 30); // 19 digits, read unsigned
          text = (random.nextBoolean() ? "-" : "") + (random.nextBoolean() ? big : big / 10 + ".5");
        }
      }
      byte[] b = text.getBytes(StandardCharsets.US_ASCII);
      double fast = CsvScanner.parsePlainDecimal(b, 0, b.length);
      assertThat(Double.doubleToRawLongBits(embedded(text)))
          .describedAs(text)
          .isEqualTo(Double.doubleToRawLongBits(fast));
      if (!Double.isNaN(fast)) {
        decided++;
        assertThat(Double.doubleToRawLongBits(fast))
            .describedAs(text)
            .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
      }
    }
    assertThat(decided).isGreaterThan(total - total / 1000);
  }

  @Test
  void halfwayAndEdgeDecimalsRoundAsDoubleParseDouble() {
    // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: ties to even gives 2^53; 2^53 + 3 gives
    // 2^53 + 4; 2^54 + 2 is halfway between 2^54 and 2^54 + 4, rounding to 2^54
    String[] texts = {
      "9007199254740993",
      "9007199254740995",
      "18014398509481986",
      "18014398509481990",
      "9223372036854775807",
      "9999999999999999999",
      "0.1000000000000000055",
      "84.50000000000001",
      "0.30000000000000004",
      "1.7976931348623157",
      "4.9406564584124654",
      "2.2250738585072014",
      "0.0000000000000000001",
      "-123456789.012345678",
      "00000000000000000001",
      "0.000000000000000000000000000123456789012345678",
      "1234567890123456789.",
    };
    // 20 significant digits: left to the caller
    byte[] twenty = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    assertThat(CsvScanner.parsePlainDecimal(twenty, 0, twenty.length)).isNaN();
    for (String text : texts) {
      byte[] b = text.getBytes(StandardCharsets.US_ASCII);
      double fast = CsvScanner.parsePlainDecimal(b, 0, b.length);
      assertThat(Double.doubleToRawLongBits(fast))
          .describedAs(text)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }
}
