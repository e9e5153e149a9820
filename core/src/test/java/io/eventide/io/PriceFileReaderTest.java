package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.timeseries.DatedSeries;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PriceFileReader} on the real files of {@code data/prices} (provenance in {@code
 * data/SOURCES.md}) and on the hand-written bad inputs of {@code bad/}. Every expected price is the
 * cell of the quoted line, compared exactly ({@code Double.parseDouble} of the cell).
 */
class PriceFileReaderTest {

  private static DatedSeries real(String name) {
    return PriceFileReader.read(TestFiles.path("data/" + name));
  }

  private static DatedSeries bad(String name) throws IOException {
    try (Reader r = TestFiles.reader("bad/" + name)) {
      return PriceFileReader.read(r, "bad/" + name);
    }
  }

  private static InputException failure(String name) {
    return catchThrowableOfType(InputException.class, () -> bad(name));
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Nested
  class RealFiles {

    @Test
    void plainYahooExportUsesAdjClose() {
      DatedSeries baba = real("prices/BABA.csv");
      // line 2215: 2023-07-07,86.760002,91.570000,86.629997,90.550003,89.348915,46815900
      assertThat(baba.valueOn(d("2023-07-07"))).isEqualTo(89.348915);
      // line 2214: 2023-07-06,83.120003,83.949997,82.639999,83.839996,82.727913,12930300
      assertThat(baba.valueOn(d("2023-07-06"))).isEqualTo(82.727913);
      assertThat(baba.name()).isEqualTo("BABA");
      // SOURCES.md: 2383 rows, 2014-09-19 .. 2024-03-08 (the file ends without a line break)
      assertThat(baba.size()).isEqualTo(2383);
      assertThat(baba.date(0)).isEqualTo(d("2014-09-19"));
      assertThat(baba.date(baba.size() - 1)).isEqualTo(d("2024-03-08"));
      assertThat(baba.countPresent()).isEqualTo(2383);
    }

    @Test
    void otherYahooExports() {
      // JD line 2298: 2023-07-07,34.660000,36.189999,34.580002,35.759998,35.759998,12924700
      assertThat(real("prices/JD.csv").valueOn(d("2023-07-07"))).isEqualTo(35.759998);
      // JD line 1465: 2020-03-16,36.099998,38.919998,32.700001,35.240002,33.863419,25203900
      assertThat(real("prices/JD.csv").valueOn(d("2020-03-16"))).isEqualTo(33.863419);
      // BIDU line 4511: 2023-07-07,141.000000,144.070007,140.729996,142.660004,142.660004,1975000
      assertThat(real("prices/BIDU.csv").valueOn(d("2023-07-07"))).isEqualTo(142.660004);
      // PDD line 1246: 2023-07-07,68.699997,70.690002,68.010002,70.000000,70.000000,8232400
      assertThat(real("prices/PDD.csv").valueOn(d("2023-07-07"))).isEqualTo(70.0);
      // HSI line 9017: 2023-07-07,18435.4609375,...,18365.69921875,18365.69921875,2463266100
      DatedSeries hsi = real("prices/HSI.csv");
      assertThat(hsi.valueOn(d("2023-07-07"))).isEqualTo(18365.69921875);
      assertThat(hsi.size()).isEqualTo(9280);
      // DIDI: 100 rows; line 2: 2021-06-30,...,14.140000343322754,14.140000343322754,288155500
      DatedSeries didi = real("prices/DIDI.csv");
      assertThat(didi.size()).isEqualTo(100);
      assertThat(didi.value(0)).isEqualTo(14.140000343322754);
      assertThat(didi.date(99)).isEqualTo(d("2021-11-18"));
    }

    @Test
    void dateCloseOnlyFiles() {
      // SPY line 7665: 2023-07-07,422.4984130859375
      DatedSeries spy = real("prices/SPY.csv");
      assertThat(spy.valueOn(d("2023-07-07"))).isEqualTo(422.4984130859375);
      assertThat(spy.size()).isEqualTo(8434);
      // KWEB line 2501: 2023-07-07,24.618648529052734
      DatedSeries kweb = real("prices/KWEB.csv");
      assertThat(kweb.valueOn(d("2023-07-07"))).isEqualTo(24.618648529052734);
      assertThat(kweb.size()).isEqualTo(3270);
    }

    @Test
    void multiRowHeaderExport() {
      DatedSeries spx = real("prices/SPX.csv");
      assertThat(spx.name()).isEqualTo("SPX");
      assertThat(spx.size()).isEqualTo(24656);
      // line 4 (first data line): 1927-12-30,17.65999984741211,17.65999984741211,...
      assertThat(spx.date(0)).isEqualTo(d("1927-12-30"));
      assertThat(spx.value(0)).isEqualTo(17.65999984741211);
      // last line: 2026-02-27,6878.8798828125,6878.8798828125,6882.9599609375,...
      assertThat(spx.date(spx.size() - 1)).isEqualTo(d("2026-02-27"));
      assertThat(spx.value(spx.size() - 1)).isEqualTo(6878.8798828125);
      // line 23163: 2020-03-16,2386.1298828125,2386.1298828125,... (column 2 is Adj Close)
      assertThat(spx.valueOn(d("2020-03-16"))).isEqualTo(2386.1298828125);
    }

    @Test
    void datesWithTimeAndOffsetKeepTheWrittenDate() {
      DatedSeries alibaba = real("prices/9988.HK.csv");
      assertThat(alibaba.name()).isEqualTo("9988.HK");
      // line 872: 2023-07-14 00:00:00+08:00,94.7294991718885,...,92.68533325195312,48280964,0.0,0.0
      assertThat(alibaba.valueOn(d("2023-07-14"))).isEqualTo(92.68533325195312);
      // line 867: 2023-07-07 00:00:00+08:00,...,84.05996704101562,69003665,0.0,0.0 (Close column)
      assertThat(alibaba.valueOn(d("2023-07-07"))).isEqualTo(84.05996704101562);
      // HKEX closed on 2023-07-17 (typhoon Talim): the file has no such row.
      assertThat(alibaba.epochDays()).doesNotContain(d("2023-07-17").toEpochDay());
      assertThat(alibaba.size()).isEqualTo(1363);
      // 0700.HK line 867: 2023-07-07 00:00:00+08:00,317.65908887,...,321.00079345703125,...
      assertThat(real("prices/0700.HK.csv").valueOn(d("2023-07-07"))).isEqualTo(321.00079345703125);
      // 3690.HK line 867: 2023-07-07 00:00:00+08:00,119.0,...,119.0999984741211,19381215,0.0,0.0
      assertThat(real("prices/3690.HK.csv").valueOn(d("2023-07-07"))).isEqualTo(119.0999984741211);
      // 9618.HK line 2: 2020-06-18 00:00:00+08:00,...,231.99783325195312,29789263,0.0,0.0
      DatedSeries jd = real("prices/9618.HK.csv");
      assertThat(jd.date(0)).isEqualTo(d("2020-06-18"));
      assertThat(jd.value(0)).isEqualTo(231.99783325195312);
    }

    @Test
    void investingComChineseExportIsSortedAscending() {
      DatedSeries hstech = real("prices/HSTECH.csv");
      assertThat(hstech.name()).isEqualTo("HSTECH");
      assertThat(hstech.size()).isEqualTo(2427);
      // line 330: "2023-7-13","4,237.09","4,183.47","4,239.84","4,176.03","890.55M","3.82%"
      assertThat(hstech.valueOn(d("2023-07-13"))).isEqualTo(4237.09);
      // line 331: "2023-7-12","4,081.37","4,048.73","4,115.45","4,035.77","489.78M","1.96%"
      assertThat(hstech.valueOn(d("2023-07-12"))).isEqualTo(4081.37);
      // last line (oldest): "2015-1-2","3,006.61",...; line 2 (newest): "2024-11-13","4,443.01",...
      assertThat(hstech.date(0)).isEqualTo(d("2015-01-02"));
      assertThat(hstech.value(0)).isEqualTo(3006.61);
      assertThat(hstech.date(hstech.size() - 1)).isEqualTo(d("2024-11-13"));
      assertThat(hstech.value(hstech.size() - 1)).isEqualTo(4443.01);
      // SOURCES.md: 2022-04-25 is missing from this file (HSI has it)
      assertThat(hstech.epochDays()).doesNotContain(d("2022-04-25").toEpochDay());
      assertThat(hstech.valueOn(d("2022-04-26"))).isEqualTo(3915.27);
    }

    @Test
    void lowerCaseKaggleLayout() {
      DatedSeries aapl = real("panel/sp500_2013_2018/AAPL.csv");
      assertThat(aapl.name()).isEqualTo("AAPL");
      // line 2: 2013-02-08,67.7142,68.4014,66.8928,67.8542,158168416,AAPL
      assertThat(aapl.valueOn(d("2013-02-08"))).isEqualTo(67.8542);
      // last line: 2018-02-07,163.085,163.4,159.0685,159.54,51608580,AAPL
      assertThat(aapl.valueOn(d("2018-02-07"))).isEqualTo(159.54);
      assertThat(aapl.size()).isEqualTo(1259);
    }

    @Test
    void readerAndPathGiveTheSameSeries() throws IOException {
      try (Reader r = TestFiles.reader("data/prices/HSTECH.csv")) {
        assertThat(PriceFileReader.read(r, "HSTECH.csv")).isEqualTo(real("prices/HSTECH.csv"));
      }
    }
  }

  @Nested
  class AcceptedOddities {

    @Test
    void missingMarkersAreNaN() throws IOException {
      DatedSeries s = bad("missing_markers.csv");
      // empty, null, -, NaN, nan, NULL, "" are missing; " 11.25 " is trimmed
      assertThat(s.values())
          .containsExactly(
              10.5,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              Double.NaN,
              11.25);
      assertThat(s.countPresent()).isEqualTo(2);
    }

    @Test
    void missingAdjCloseIsMissingEvenWhenCloseIsPresent() throws IOException {
      DatedSeries s = bad("adj_close_missing_close_present.csv");
      assertThat(s.values()).containsExactly(83.40, Double.NaN);
    }

    @Test
    void bomCrlfAndTrailingBlankLines() throws IOException {
      assertThat(bad("bom.csv").values()).containsExactly(84.5, 83.84);
      assertThat(bad("crlf_trailing_blank_lines.csv").values()).containsExactly(84.5, 83.84);
      assertThat(bad("cr_only.csv").values()).containsExactly(84.5, 83.84);
      assertThat(bad("crlf_trailing_blank_lines.csv").date(1)).isEqualTo(d("2023-07-06"));
    }

    @Test
    void scientificNotationAndLargeValues() throws IOException {
      DatedSeries s = bad("scientific.csv");
      assertThat(s.values()).containsExactly(1e308, 150.0, 0.0025, 7.25, 0.5);
    }

    @Test
    void descendingFileIsReversed() throws IOException {
      DatedSeries s = bad("descending.csv");
      assertThat(s.date(0)).isEqualTo(d("2023-07-05"));
      assertThat(s.values()).containsExactly(84.5, 83.84, 90.55);
    }

    @Test
    void upperCaseHeadersAndUnderscoreAdjClose() throws IOException {
      assertThat(bad("upper_case_headers.csv").values()).containsExactly(83.4, 82.73);
    }

    @Test
    void quotedCommasQuotesAndLineBreaksInOtherColumns() throws IOException {
      DatedSeries s = bad("quoted_commas_extra_columns.csv");
      assertThat(s.values()).containsExactly(84.5, 83.84, 90.55);
      assertThat(s.date(2)).isEqualTo(d("2023-07-07"));
    }

    @Test
    void adjustedCloseSpellings() {
      for (String name : new String[] {"Adj. Close", "adj_close", "AdjClose", "Adjusted Close"}) {
        DatedSeries s =
            PriceFileReader.read(
                new StringReader("Date,Close," + name + "\n2023-07-05,84.5,83.4\n"), "x.csv");
        assertThat(s.value(0)).as(name).isEqualTo(83.4);
      }
    }

    @Test
    void tickerComesFromTheFileName() {
      assertThat(PriceFileReader.tickerOf("prices/9988.HK.csv")).isEqualTo("9988.HK");
      assertThat(PriceFileReader.tickerOf("C:\\data\\BABA.CSV")).isEqualTo("BABA");
      assertThat(PriceFileReader.tickerOf("SPX")).isEqualTo("SPX");
      assertThat(
              PriceFileReader.read(new StringReader("Date,Close\n2023-07-05,1\n"), "x.csv", "BABA")
                  .name())
          .isEqualTo("BABA");
    }
  }

  @Nested
  class Refused {

    @Test
    void emptyFile() {
      InputException e = failure("empty.csv");
      assertThat(e.source()).isEqualTo("bad/empty.csv");
      assertThat(e.line()).isZero();
      assertThat(e.column()).isEmpty();
      assertThat(e.value()).isEmpty();
      assertThat(e).hasMessage("bad/empty.csv: is empty");
      assertThat(failure("blank_lines_only.csv")).hasMessage("bad/blank_lines_only.csv: is empty");
    }

    @Test
    void headerOnly() {
      InputException e = failure("header_only.csv");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEmpty();
      assertThat(e.value()).isEmpty();
      assertThat(e)
          .hasMessage("bad/header_only.csv line 1: the file has a header but no data rows");
    }

    @Test
    void duplicateDatesNameBothLines() {
      InputException e = failure("duplicate_dates.csv");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isEqualTo("Date");
      assertThat(e.value()).isEqualTo("2023-07-06");
      assertThat(e)
          .hasMessage(
              "bad/duplicate_dates.csv line 5, column \"Date\": value"
                  + " \"2023-07-06\" repeats the date 2023-07-06 of line 3");
    }

    @Test
    void unparseableDate() {
      InputException e = failure("unparseable_date.csv");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo("Date");
      assertThat(e.value()).isEqualTo("July 6 2023");
      assertThat(e)
          .hasMessage(
              "bad/unparseable_date.csv line 3, column \"Date\": value"
                  + " \"July 6 2023\" is not a date; expected yyyy-mm-dd, optionally followed by a time and"
                  + " offset as in 2020-01-02 00:00:00+08:00");
    }

    @Test
    void impossibleDate() {
      InputException e = failure("invalid_date.csv");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.value()).isEqualTo("2023-02-30");
      assertThat(e)
          .hasMessage(
              "bad/invalid_date.csv line 3, column \"Date\": value \"2023-02-30\""
                  + " is not a valid date or time (Invalid date 'FEBRUARY 30')");
    }

    @Test
    void nonNumericPrice() {
      InputException e = failure("non_numeric_price.csv");
      assertThat(e.source()).isEqualTo("bad/non_numeric_price.csv");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo("Adj Close");
      assertThat(e.value()).isEqualTo("abc");
      assertThat(e.getMessage())
          .startsWith(
              "bad/non_numeric_price.csv line 4, column \"Adj Close\": value \"abc\" is not a number");
    }

    @Test
    void javaOnlyNumberFormsAreNotNumbers() {
      InputException e = failure("java_number_forms.csv");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.value()).isEqualTo("1.5d");
      assertThat(e.problem()).startsWith("is not a number");
    }

    @Test
    void zeroNegativeAndInfinitePrices() {
      InputException zero = failure("zero_price.csv");
      assertThat(zero.line()).isEqualTo(3);
      assertThat(zero.column()).isEqualTo("Close");
      assertThat(zero.value()).isEqualTo("0");
      assertThat(zero)
          .hasMessage(
              "bad/zero_price.csv line 3, column \"Close\": value \"0\" is not"
                  + " a positive price (a missing price is an empty cell, null, nan or -)");
      InputException negative = failure("negative_price.csv");
      assertThat(negative.line()).isEqualTo(3);
      assertThat(negative.value()).isEqualTo("-83.84");
      assertThat(negative.problem()).startsWith("is not a positive price");
      InputException infinite = failure("infinite_price.csv");
      assertThat(infinite.line()).isEqualTo(3);
      assertThat(infinite.value()).isEqualTo("1e309");
      assertThat(infinite)
          .hasMessage(
              "bad/infinite_price.csv line 3, column \"Close\": value \"1e309\" is not a finite number");
    }

    @Test
    void missingDateColumn() {
      InputException e = failure("missing_date_column.csv");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEmpty();
      assertThat(e.value()).isEqualTo("Day,Close");
      assertThat(e)
          .hasMessage(
              "bad/missing_date_column.csv line 1: value \"Day,Close\" has no date"
                  + " column; expected a column named Date (any case) or 日期");
    }

    @Test
    void noPriceColumn() {
      InputException e = failure("no_price_column.csv");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEmpty();
      assertThat(e.value()).isEqualTo("Date,Open,High,Low,Volume");
      assertThat(e)
          .hasMessage(
              "bad/no_price_column.csv line 1: value \"Date,Open,High,Low,Volume\""
                  + " has no price column; expected Adj Close, Close (any case) or 收盘");
    }

    @Test
    void semicolonSeparatedFileIsRefusedClearly() {
      InputException e = failure("semicolon.csv");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.value()).isEqualTo("Date;Open;High;Low;Close;Adj Close;Volume");
      assertThat(e)
          .hasMessage(
              "bad/semicolon.csv line 1: value"
                  + " \"Date;Open;High;Low;Close;Adj Close;Volume\" looks separated by ';'; only"
                  + " comma-separated files are read (with '.' as the decimal point)");
    }

    @Test
    void truncatedLastLine() {
      InputException e = failure("truncated_last_line.csv");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEmpty();
      assertThat(e.value()).isEqualTo("2023-07-07,88.00,91.00");
      assertThat(e)
          .hasMessage(
              "bad/truncated_last_line.csv line 4: value \"2023-07-07,88.00,91.00\""
                  + " has 3 fields but the header on line 1 has 7 (a truncated line, or a value with an"
                  + " unquoted comma?)");
    }

    @Test
    void unsortedWithDuplicatesReportsTheDuplicate() {
      InputException e = failure("unsorted_with_duplicates.csv");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isEqualTo("Date");
      assertThat(e.value()).isEqualTo("2023-07-07");
      assertThat(e.problem()).isEqualTo("repeats the date 2023-07-07 of line 3");
    }

    @Test
    void unsortedIsRefusedWhereTheOrderBreaks() {
      InputException e = failure("unsorted.csv");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isEqualTo("Date");
      assertThat(e.value()).isEqualTo("2023-07-07");
      assertThat(e)
          .hasMessage(
              "bad/unsorted.csv line 5, column \"Date\": value \"2023-07-07\" is"
                  + " out of order: dates run ascending up to 2023-07-10 on line 4; the file must be sorted"
                  + " by date, oldest or newest first, throughout");
    }

    @Test
    void mixedDateFormatsFailOnTheFirstForeignForm() {
      // 2023-07-05, 2023-7-6 and 2023-07-07 00:00:00-04:00 are all yyyy-M-d forms; 07/10/2023 is
      // not
      InputException e = failure("mixed_date_formats.csv");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.value()).isEqualTo("07/10/2023");
      assertThat(e.problem()).startsWith("is not a date; expected yyyy-mm-dd");
    }

    @Test
    void unclosedQuote() {
      InputException e = failure("unclosed_quote.csv");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e)
          .hasMessage(
              "bad/unclosed_quote.csv line 3: a quoted field that starts on this line is never closed");
    }

    @Test
    void brokenMultiRowHeader() {
      InputException e = failure("multi_row_header_broken.csv");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.value()).isEqualTo("1927-12-30,17.66,17.66");
      assertThat(e.problem()).startsWith("breaks the multi-row header");
    }

    @Test
    void notUtf8() {
      Path file = TestFiles.path("bad/not_utf8.csv");
      InputException e =
          catchThrowableOfType(InputException.class, () -> PriceFileReader.read(file));
      assertThat(e.source()).isEqualTo(file.toString());
      assertThat(e.line()).isZero();
      assertThat(e).hasMessage(file + ": is not UTF-8 text (save it as UTF-8 CSV)");
    }

    @Test
    void missingFile() {
      Path file = TestFiles.path("bad").resolve("no-such-file.csv");
      InputException e =
          catchThrowableOfType(InputException.class, () -> PriceFileReader.read(file));
      assertThat(e).hasMessage(file + ": file not found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "2023-07-07 25:00:00+08:00 | is not a valid date or time (no such time of day)",
          "2023-07-07 10:00+19:00    | is not a valid date or time (Zone offset hours not in valid"
              + " range: value 19 is not in the range -18 to 18)",
          "2023-13-01                | is not a valid date or time (Invalid value for MonthOfYear"
              + " (valid values 1 - 12): 13)",
          "2023/07/07                | is not a date; expected yyyy-mm-dd, optionally followed by a"
              + " time and offset as in 2020-01-02 00:00:00+08:00",
        })
    void badDateCells(String date, String problem) {
      InputException e =
          catchThrowableOfType(
              InputException.class,
              () ->
                  PriceFileReader.read(
                      new StringReader("Date,Close\n2023-07-05,1\n" + date + ",2\n"),
                      "inline.csv"));
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo("Date");
      assertThat(e.value()).isEqualTo(date);
      assertThat(e.problem()).isEqualTo(problem);
    }
  }
}
