package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.timeseries.DatedSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad and awkward input files under {@code src/test/resources/bad/}, one row per
 * file: which reader reads it and its outcome, either <em>parsed</em> (with the values checked
 * against the quoted lines of the file) or <em>refused</em> with an {@link InputException} that
 * names the file, the line, the column and the value.
 *
 * <p>Every file is read from its path, as the command line reads it, so the message must start with
 * that path. A problem of the whole file (empty, not UTF-8, no header line) has line 0; a problem
 * of a whole record (too few fields, an unclosed quote, a header without a column) has no column;
 * the table says so explicitly. Nothing but an {@link InputException} may escape (no {@link
 * NullPointerException}, {@link IndexOutOfBoundsException} or bare {@link NumberFormatException}).
 * The first test checks that the table lists every file of the folder, so a file added to the
 * corpus without a stated outcome fails the build.
 *
 * <p>Decisions recorded here: prices up to {@code Double.MAX_VALUE} (and the smallest subnormal)
 * are accepted, being finite and positive, while {@code 1e309} overflows and is refused; {@code
 * ;}-separated, tab-separated, UTF-16 and decimal-comma files are refused rather than guessed; a
 * universe may name a benchmark without a file (the command line refuses it, see {@code
 * StudyCommand}), list a listing as its own benchmark (the study then reports it {@code
 * INSUFFICIENT_ESTIMATION}) and hold a ticker that is a Windows device name (the price folder
 * refuses to open {@code CON.csv}); events may name tickers the universe lacks (the study reports
 * {@code UNKNOWN_TICKER}) and have ids that look like formulas or paths (ids are never file names,
 * and the CSV writer neutralises them).
 */
class BadInputCorpusTest {

  /** The reader a file is meant for. */
  enum Reader {
    PRICES(PriceFileReader::read),
    EVENTS(EventFileReader::read),
    UNIVERSE(UniverseFileReader::read),
    FACTORS(FactorFileReader::read);

    final Function<Path, Object> read;

    Reader(Function<Path, Object> read) {
      this.read = read;
    }
  }

  /** One file of the corpus and its expected outcome. */
  record Row(String file, Reader reader, Consumer<Object> parsed, Refusal refusal) {
    @Override
    public String toString() {
      return file + (refusal == null ? " parsed" : " refused");
    }
  }

  /** An expected refusal: line (0 for the whole file), column and value ("" when none). */
  record Refusal(int line, String column, String value, String problemStart) {}

  @SuppressWarnings("unchecked")
  private static <T> Row parsed(String file, Reader reader, Consumer<T> check) {
    return new Row(file, reader, o -> check.accept((T) o), null);
  }

  private static Row refused(
      String file, Reader reader, int line, String column, String value, String problemStart) {
    return new Row(file, reader, null, new Refusal(line, column, value, problemStart));
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static final String NOT_A_PRICE =
      "is not a number (write prices with '.' as the decimal"
          + " point; an empty cell, null, nan or - marks a missing price)";
  private static final String NOT_POSITIVE =
      "is not a positive price (a missing price is an empty cell, null, nan or -)";
  private static final String NOT_A_DATE =
      "is not a date; expected yyyy-mm-dd, optionally followed"
          + " by a time and offset as in 2020-01-02 00:00:00+08:00";
  private static final String NOT_UTF8 = "is not UTF-8 text (save it as UTF-8 CSV)";
  private static final String NOT_PERCENT =
      "is not a number (Ken French files hold percent values such as -0.25)";

  static List<Row> corpus() {
    Reader p = Reader.PRICES;
    Reader e = Reader.EVENTS;
    Reader u = Reader.UNIVERSE;
    Reader f = Reader.FACTORS;
    return List.of(
        // ---------------------------------------------------------------- price files, parsed
        // 2023-07-05,...,84.50,83.40,100 / 2023-07-06,...,83.84,,100: Adj Close chosen per file.
        parsed(
            "adj_close_missing_close_present.csv",
            p,
            (DatedSeries s) -> assertThat(s.values()).containsExactly(83.40, Double.NaN)),
        // three rows of null / empty / - cells: three dates, no price.
        parsed(
            "all_prices_missing.csv",
            p,
            (DatedSeries s) -> {
              assertThat(s.size()).isEqualTo(3);
              assertThat(s.countPresent()).isZero();
              assertThat(s.date(2)).isEqualTo(d("2023-07-07"));
            }),
        // UTF-8 BOM before Date,Close / 2023-07-05,84.5 / 2023-07-06,83.84
        parsed(
            "bom.csv", p, (DatedSeries s) -> assertThat(s.values()).containsExactly(84.5, 83.84)),
        // the same rows ended by lone CRs
        parsed(
            "cr_only.csv",
            p,
            (DatedSeries s) -> assertThat(s.values()).containsExactly(84.5, 83.84)),
        // the same rows ended by CRLF, then two blank CRLF lines
        parsed(
            "crlf_trailing_blank_lines.csv",
            p,
            (DatedSeries s) -> {
              assertThat(s.values()).containsExactly(84.5, 83.84);
              assertThat(s.date(1)).isEqualTo(d("2023-07-06"));
            }),
        // 2023-07-07,90.55 / 2023-07-06,83.84 / 2023-07-05,84.5: newest first, reversed.
        parsed(
            "descending.csv",
            p,
            (DatedSeries s) -> {
              assertThat(s.date(0)).isEqualTo(d("2023-07-05"));
              assertThat(s.values()).containsExactly(84.5, 83.84, 90.55);
            }),
        // 1.7976931348623157e308 (Double.MAX_VALUE), 1e308, 1E+308, 4.9e-324 (Double.MIN_VALUE)
        parsed(
            "largest_double.csv",
            p,
            (DatedSeries s) ->
                assertThat(s.values())
                    .containsExactly(Double.MAX_VALUE, 1e308, 1e308, Double.MIN_VALUE)),
        // 10.5, then empty, null, -, NaN, nan, NULL, "" (missing), then " 11.25 " (trimmed)
        parsed(
            "missing_markers.csv",
            p,
            (DatedSeries s) -> {
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
              assertThat(s.date(8)).isEqualTo(d("2023-07-14"));
            }),
        // Date,Note,Close with "fine, calm", a note spanning two lines and "said ""up"""
        parsed(
            "quoted_commas_extra_columns.csv",
            p,
            (DatedSeries s) -> assertThat(s.values()).containsExactly(84.5, 83.84, 90.55)),
        // 1e308, 1.5E2, 2.5e-3, +7.25, .5
        parsed(
            "scientific.csv",
            p,
            (DatedSeries s) ->
                assertThat(s.values()).containsExactly(1e308, 150.0, 0.0025, 7.25, 0.5)),
        // one data row: 2023-07-07,90.55
        parsed(
            "single_row.csv",
            p,
            (DatedSeries s) -> {
              assertThat(s.size()).isEqualTo(1);
              assertThat(s.valueOn(d("2023-07-07"))).isEqualTo(90.55);
            }),
        // Date,Close, (an empty third column) / 2023-07-05,84.5, / 2023-07-06,83.84,
        parsed(
            "trailing_comma.csv",
            p,
            (DatedSeries s) -> assertThat(s.values()).containsExactly(84.5, 83.84)),
        // DATE,CLOSE,ADJ_CLOSE / 2023-07-05,84.5,83.4 / 2023-07-06,83.84,82.73
        parsed(
            "upper_case_headers.csv",
            p,
            (DatedSeries s) -> assertThat(s.values()).containsExactly(83.4, 82.73)),
        // Datetime: 2023-07-05T13:30:00Z, 2023-07-06T13:30:00.000Z, 2023-07-07 09:30-0400:
        // the date as written is kept.
        parsed(
            "utc_instant_dates.csv",
            p,
            (DatedSeries s) -> {
              assertThat(s.date(0)).isEqualTo(d("2023-07-05"));
              assertThat(s.date(2)).isEqualTo(d("2023-07-07"));
              assertThat(s.values()).containsExactly(84.5, 83.84, 90.55);
            }),
        // Yahoo's holiday row 2023-07-04,null,null,null,null,null,null between two trading days
        parsed(
            "yahoo_null_rows.csv",
            p,
            (DatedSeries s) -> {
              assertThat(s.values()).containsExactly(83.40, Double.NaN, 82.73);
              assertThat(s.date(1)).isEqualTo(d("2023-07-04"));
            }),
        // ---------------------------------------------------------------- price files, refused
        refused("blank_lines_only.csv", p, 0, "", "", "is empty"),
        refused("decimal_comma.csv", p, 2, "Close", "84,5", NOT_A_PRICE),
        refused(
            "duplicate_dates.csv",
            p,
            5,
            "Date",
            "2023-07-06",
            "repeats the date 2023-07-06 of line 3"),
        refused("empty.csv", p, 0, "", "", "is empty"),
        refused("header_only.csv", p, 1, "", "", "the file has a header but no data rows"),
        refused("infinite_price.csv", p, 3, "Close", "1e309", "is not a finite number"),
        refused(
            "invalid_date.csv",
            p,
            3,
            "Date",
            "2023-02-30",
            "is not a valid date or time (Invalid date 'FEBRUARY 30')"),
        refused("java_number_forms.csv", p, 3, "Close", "1.5d", NOT_A_PRICE),
        refused("missing_date_column.csv", p, 1, "", "Day,Close", "has no date column"),
        refused("mixed_date_formats.csv", p, 5, "Date", "07/10/2023", NOT_A_DATE),
        refused(
            "multi_row_header_broken.csv",
            p,
            3,
            "",
            "1927-12-30,17.66,17.66",
            "breaks the multi-row header"),
        refused("negative_price.csv", p, 3, "Close", "-83.84", NOT_POSITIVE),
        refused(
            "no_price_column.csv", p, 1, "", "Date,Open,High,Low,Volume", "has no price column"),
        refused("non_numeric_price.csv", p, 4, "Adj Close", "abc", NOT_A_PRICE),
        refused("not_utf8.csv", p, 0, "", "", NOT_UTF8),
        refused(
            "semicolon.csv",
            p,
            1,
            "",
            "Date;Open;High;Low;Close;Adj Close;Volume",
            "looks separated by ';'"),
        refused("tab_separated.csv", p, 1, "", "Date\tClose", "looks separated by tabs"),
        refused(
            "truncated_last_line.csv",
            p,
            4,
            "",
            "2023-07-07,88.00,91.00",
            "has 3 fields but the header on line 1 has 7"),
        refused(
            "unclosed_quote.csv",
            p,
            3,
            "",
            "",
            "a quoted field that starts on this line is never closed"),
        refused("unparseable_date.csv", p, 3, "Date", "July 6 2023", NOT_A_DATE),
        // "4,081.37" is quoted and read; the unquoted 4,237.09 on line 3 splits into two cells.
        refused(
            "unquoted_thousands.csv",
            p,
            3,
            "",
            "2023-07-13,4,237.09",
            "has 3 fields but the header on line 1 has 2"),
        refused("unsorted.csv", p, 5, "Date", "2023-07-07", "is out of order"),
        refused(
            "unsorted_with_duplicates.csv",
            p,
            5,
            "Date",
            "2023-07-07",
            "repeats the date 2023-07-07 of line 3"),
        refused("utf16le_bom.csv", p, 0, "", "", NOT_UTF8),
        refused("zero_price.csv", p, 3, "Close", "0", NOT_POSITIVE),
        // ---------------------------------------------------------------- events files
        // x,2023-07-12, BABA ; ;9988.HK;BABA,+1,
        parsed(
            "events_affected_spacing.csv",
            e,
            (List<Event> es) -> {
              assertThat(es.get(0).affected()).containsExactly("BABA", "9988.HK");
              assertThat(es.get(0).direction()).isEqualTo(1);
            }),
        // ids that look like formulas, paths and devices, or hold a comma, quotes, a line break
        parsed(
            "events_hostile_ids.csv",
            e,
            (List<Event> es) ->
                assertThat(es)
                    .extracting(Event::id)
                    .containsExactly(
                        "=HYPERLINK(\"http://x.example\",\"click\")",
                        "../x",
                        "/etc/passwd",
                        "CON",
                        "a,b",
                        "say \"hi\"",
                        "two\nlines",
                        "@SUM(A1)",
                        "+1+1",
                        "-2+3")),
        // first,2023-07-12 / second,2023-07-13T09:30Z
        parsed(
            "events_minimal.csv",
            e,
            (List<Event> es) -> {
              assertThat(es).extracting(Event::id).containsExactly("first", "second");
              assertThat(es.get(1).announcement())
                  .isEqualTo(Announcement.at(OffsetDateTime.parse("2023-07-13T09:30Z")));
            }),
        // pboc-ant-fine,2023-07-07T20:10+08:00,BABA;NOPE;9988.HK / no-such-listing,2023-07-12,ZZZ:
        // read as written; the study reports NOPE and ZZZ as UNKNOWN_TICKER (CorpusStudiesTest).
        parsed(
            "events_unknown_tickers.csv",
            e,
            (List<Event> es) -> {
              assertThat(es.get(0).affected()).containsExactly("BABA", "NOPE", "9988.HK");
              assertThat(es.get(1).affected()).containsExactly("ZZZ");
            }),
        refused("events_bad_direction.csv", e, 2, "direction", "up", "is not a direction"),
        refused(
            "events_duplicate_ids.csv", e, 4, "event_id", "fine", "repeats the event id of line 2"),
        refused("events_empty_id.csv", e, 3, "event_id", "", "the event id is empty"),
        refused(
            "events_february_30.csv",
            e,
            3,
            "announced",
            "2023-02-30",
            "is not a valid date (Invalid date 'FEBRUARY 30')"),
        refused("events_header_only.csv", e, 1, "", "", "the file has a header but no events"),
        refused(
            "events_invalid_zone.csv",
            e,
            2,
            "announced",
            "2023-07-12T19:00+25:00",
            "has an invalid UTC offset '+25:00'"),
        refused(
            "events_missing_announced.csv",
            e,
            1,
            "",
            "event_id,date,affected",
            "has no announced column"),
        refused(
            "events_time_without_offset.csv",
            e,
            3,
            "announced",
            "2023-07-12T19:00",
            "has a time but no UTC offset"),
        // ---------------------------------------------------------------- universe files
        parsed(
            "universe.csv",
            u,
            (List<Listing> ls) ->
                assertThat(ls)
                    .containsExactly(
                        Listing.of("BABA", Exchange.NYSE, "SPX"),
                        Listing.of("JD", Exchange.NASDAQ, "SPX"),
                        Listing.of("9988.HK", Exchange.HKEX, "HSI"))),
        // CON,NYSE,SPX: a valid ticker here; PriceDirectory refuses to open CON.csv.
        parsed(
            "universe_device_ticker.csv",
            u,
            (List<Listing> ls) ->
                assertThat(ls.get(1)).isEqualTo(Listing.of("CON", Exchange.NYSE, "SPX"))),
        // 9988.HK,HKEX,NOPE: whether NOPE.csv exists is the caller's check (CLI: exit 2).
        parsed(
            "universe_missing_benchmark_file.csv",
            u,
            (List<Listing> ls) ->
                assertThat(ls.get(1)).isEqualTo(Listing.of("9988.HK", Exchange.HKEX, "NOPE"))),
        // SPX,NYSE,SPX: accepted; the study leaves it out with the reason (CorpusStudiesTest).
        parsed(
            "universe_own_benchmark.csv",
            u,
            (List<Listing> ls) ->
                assertThat(ls.get(1)).isEqualTo(Listing.of("SPX", Exchange.NYSE, "SPX"))),
        refused(
            "universe_duplicate_ticker.csv",
            u,
            4,
            "ticker",
            "BABA",
            "repeats the ticker of line 2"),
        refused(
            "universe_missing_benchmark_column.csv",
            u,
            1,
            "",
            "ticker,exchange",
            "has no benchmark column"),
        refused("universe_path_ticker.csv", u, 3, "ticker", "../x", "is not a usable ticker"),
        refused(
            "universe_unknown_exchange.csv",
            u,
            3,
            "exchange",
            "HKSE",
            "is not a known exchange; expected " + UniverseFileReaderTest.BUILT_INS),
        // ---------------------------------------------------------------- factor files
        // ,Mkt-RF,SMB,HML,RF / 20230703, 0.12, -0.15, 0.31, 0.021 / 20230705, -0.25, 0.41, -0.08,
        // 0.021 / 20230707, -0.12, 1.06, 1.22, 0.022 / 20230710, 0.31, 0.02, 0.64, 0.022:
        // 2023-07-06 has no row; values are percent, divided by 100.
        parsed(
            "factors_gaps.csv",
            f,
            (FactorSet fs) -> {
              assertThat(fs.names()).containsExactly("Mkt-RF", "SMB", "HML");
              assertThat(fs.size()).isEqualTo(4);
              assertThat(fs.date(1)).isEqualTo(d("2023-07-05"));
              assertThat(fs.date(2)).isEqualTo(d("2023-07-07"));
              assertThat(fs.value("SMB", 2)).isCloseTo(0.0106, within(1e-15));
              assertThat(fs.riskFree(3)).isCloseTo(0.00022, within(1e-15));
              // On the sessions 07-05, 07-06, 07-07 the gap is a missing value.
              long[] sessions = {
                d("2023-07-05").toEpochDay(),
                d("2023-07-06").toEpochDay(),
                d("2023-07-07").toEpochDay()
              };
              double[] hml = fs.alignTo("HML", sessions);
              assertThat(hml[0]).isCloseTo(-0.0008, within(1e-15));
              assertThat(hml[1]).isNaN();
              assertThat(hml[2]).isCloseTo(0.0122, within(1e-15));
              assertThat(fs.riskFreeAlignedTo(sessions)[1]).isNaN();
            }),
        // 19260701, 0.10, -99.99, 0.009 / 19260702, -999, -0.33, 0.009 / 19260706, 0.17, , 0.009
        parsed(
            "factors_missing_markers.csv",
            f,
            (FactorSet fs) -> {
              assertThat(fs.size()).isEqualTo(3);
              assertThat(fs.value("SMB", 0)).isNaN();
              assertThat(fs.value("Mkt-RF", 1)).isNaN();
              assertThat(fs.value("SMB", 2)).isNaN();
              assertThat(fs.value("SMB", 1)).isCloseTo(-0.0033, within(1e-15));
            }),
        refused(
            "factors_bad_date.csv",
            f,
            4,
            "1",
            "19260230",
            "is not a valid YYYYMMDD date (Invalid date 'FEBRUARY 30')"),
        refused("factors_bad_value.csv", f, 4, "Mkt-RF", "abc", NOT_PERCENT),
        refused(
            "factors_duplicate_column.csv",
            f,
            2,
            "Mkt-RF",
            "",
            "appears twice in the header (columns 2 and 4)"),
        refused("factors_no_header.csv", f, 0, "", "", "has no Ken French header line"),
        refused("factors_no_rows.csv", f, 2, "", "", "no YYYYMMDD rows follow the header line"),
        refused("factors_not_increasing.csv", f, 4, "1", "19260701", "repeats the date of line 3"),
        refused("factors_percent_signs.csv", f, 3, "Mkt-RF", "0.10%", NOT_PERCENT),
        refused(
            "factors_resumes.csv",
            f,
            4,
            "1",
            "1926110",
            "ends the daily rows (it is not a YYYYMMDD date), but daily rows resume on line 5"));
  }

  private static Path folder() {
    return TestFiles.path("bad");
  }

  @Test
  void theTableStatesTheOutcomeOfEveryFileOfTheCorpus() throws IOException {
    Set<String> onDisk;
    try (Stream<Path> files = Files.list(folder())) {
      onDisk =
          files.map(x -> x.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> inTable =
        corpus().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new));
    assertThat(inTable).isEqualTo(onDisk);
    assertThat(corpus()).hasSize(onDisk.size());
    assertThat(onDisk.size()).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void outcome(Row row) {
    Path file = folder().resolve(row.file());
    Object result;
    try {
      result = row.reader().read.apply(file);
    } catch (InputException ex) {
      if (row.refusal() == null) {
        throw new AssertionError(
            row.file() + " should parse but was refused: " + ex.getMessage(), ex);
      }
      Refusal r = row.refusal();
      assertThat(ex.source()).isEqualTo(file.toString());
      assertThat(ex.line()).as("line").isEqualTo(r.line());
      assertThat(ex.column()).as("column").isEqualTo(r.column());
      assertThat(ex.value()).as("value").isEqualTo(r.value());
      assertThat(ex.problem()).as("problem").startsWith(r.problemStart());
      // The message shows each part: file, then line, column and value where there are some.
      String m = ex.getMessage();
      assertThat(m).startsWith(file + (r.line() > 0 ? " line " + r.line() : ""));
      if (!r.column().isEmpty()) {
        assertThat(m).contains(", column ").contains(r.column());
      }
      if (!r.value().isEmpty()) {
        assertThat(m).contains("value \"" + r.value().replace("\t", "\\t") + "\"");
      }
      assertThat(m).endsWith(ex.problem());
      return;
    } catch (RuntimeException ex) {
      throw new AssertionError(row.file() + ": " + ex + " escaped the reader", ex);
    }
    if (row.parsed() == null) {
      fail(
          "%s should be refused (line %d) but was read as %s",
          row.file(), row.refusal().line(), result);
    }
    row.parsed().accept(result);
  }
}
