package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.io.EventFileReader;
import io.eventide.io.FactorFileReader;
import io.eventide.io.InputException;
import io.eventide.io.PriceFileReader;
import io.eventide.io.UniverseFileReader;
import io.eventide.report.StudyFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the core module's bad-input corpus ({@code core/src/test/resources/bad/}, whose
 * outcomes {@code BadInputCorpusTest} states) given to {@code eventide study} in its slot: a price
 * file as {@code BABA.csv} in {@code --prices}, an events file as {@code --events}, a universe as
 * {@code --universe}, a factor file as {@code --factors} of an ff3 study.
 *
 * <p>A file its reader refuses ends the command with exit 2 and exactly the reader's message (which
 * names the file, the line, the column and the value) as one line on standard error, nothing on
 * standard output, no output folder and no stack trace. A file that reads correctly ends as a study
 * (exit 0) whose {@code firm_events.csv} says what could not be used and why, or with exit 2 and a
 * message when the whole study cannot run (a benchmark without a file, a ticker that cannot name a
 * file, a factor file without a factor the model needs).
 *
 * <p>The world around the file: the bundled sample ({@code eventide sample}) from June 2021 on;
 * universe BABA (NYSE, SPX) and 9988.HK (HKEX, HSI); one event, the PBOC fine of Ant Group,
 * 2023-07-07T20:10+08:00 (day 0 is 2023-07-07 for BABA, 2023-07-10 for 9988.HK).
 */
class BadInputCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;
  static Path universe;
  static Path events;

  /** The corpus folder of the core module (surefire runs in this module's base directory). */
  static Path corpus() {
    return Path.of(System.getProperty("basedir", "."))
        .toAbsolutePath()
        .resolve("../core/src/test/resources/bad")
        .normalize();
  }

  static List<String> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    Path full = tmp.resolve("full-sample");
    assertThat(CommandLineRun.of(List.of("sample", "--out", full.toString())).code()).isZero();
    // The sample's files from June 2021 on (enough for every study here, and quick to read):
    // header lines, which do not start with a digit, and rows dated 2021-06-01 or later.
    sample = Files.createDirectories(tmp.resolve("sample"));
    CommandLineRun.copyFromJune2021(full, sample, List.of("SPX", "HSI", "BABA", "JD", "9988.HK"));
    universe =
        Files.writeString(
            tmp.resolve("universe.csv"),
            "ticker,exchange,benchmark\nBABA,NYSE,SPX\n9988.HK,HKEX,HSI\n");
    events =
        Files.writeString(
            tmp.resolve("events.csv"),
            "event_id,announced,affected\npboc-ant-fine,2023-07-07T20:10+08:00,\n");
  }

  /** The reader of a corpus file, by its name. */
  enum Slot {
    PRICES,
    EVENTS,
    UNIVERSE,
    FACTORS
  }

  static Slot slotOf(String file) {
    if (file.startsWith("events_")) {
      return Slot.EVENTS;
    }
    if (file.startsWith("universe")) {
      return Slot.UNIVERSE;
    }
    if (file.startsWith("factors_")) {
      return Slot.FACTORS;
    }
    return Slot.PRICES;
  }

  /** The command line for a file in its slot, and the path the file has there. */
  record Setup(List<String> args, Path file, Path out) {}

  static Setup setUp(String name) throws IOException {
    Path bad = corpus().resolve(name);
    Path work = Files.createDirectories(tmp.resolve("runs").resolve(name));
    Path out = work.resolve("out");
    Path prices = sample;
    Path uni = universe;
    Path evs = events;
    List<String> extra = new ArrayList<>();
    Path file = bad;
    switch (slotOf(name)) {
      case PRICES -> {
        prices = Files.createDirectories(work.resolve("prices"));
        for (String t : List.of("SPX", "HSI", "9988.HK")) {
          Files.copy(sample.resolve(t + ".csv"), prices.resolve(t + ".csv"));
        }
        file = Files.copy(bad, prices.resolve("BABA.csv"), StandardCopyOption.REPLACE_EXISTING);
      }
      case EVENTS -> evs = bad;
      case UNIVERSE -> uni = bad;
      case FACTORS -> extra.addAll(List.of("--model", "ff3", "--factors", bad.toString()));
      default -> throw new IllegalStateException(name);
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                prices.toString(),
                "--universe",
                uni.toString(),
                "--events",
                evs.toString(),
                "--out",
                out.toString()));
    args.addAll(extra);
    return new Setup(args, file, out);
  }

  /** The reader's own verdict on a file: its exception, or null if it reads. */
  static InputException readerVerdict(Slot slot, Path file) {
    try {
      switch (slot) {
        case PRICES -> PriceFileReader.read(file);
        case EVENTS -> EventFileReader.read(file);
        case UNIVERSE -> UniverseFileReader.read(file);
        default -> FactorFileReader.read(file);
      }
      return null;
    } catch (InputException e) {
      return e;
    }
  }

  static List<String> firmEvents(Path out) throws IOException {
    return Files.readAllLines(out.resolve("firm_events.csv"), StandardCharsets.UTF_8);
  }

  /** The row of one firm-event in firm_events.csv. */
  static String row(Path out, String eventId, String ticker) throws IOException {
    return firmEvents(out).stream()
        .filter(l -> l.startsWith(eventId + "," + ticker + ","))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    eventId + "/" + ticker + " not in " + out.resolve("firm_events.csv")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void everyCorpusFileEndsAsAStudyOrAsOneMessageAndExitTwo(String name) throws IOException {
    Setup s = setUp(name);
    Slot slot = slotOf(name);
    InputException expected = readerVerdict(slot, s.file());
    CommandLineRun r = CommandLineRun.of(s.args());
    assertThat(r.err())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("NullPointer")
        .doesNotContain("IndexOutOfBounds")
        .doesNotContain("NumberFormat");
    if (expected != null) {
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("eventide: " + expected.getMessage() + System.lineSeparator());
      assertThat(r.err()).contains(s.file().toString());
      if (expected.line() > 0) {
        assertThat(r.err()).contains(" line " + expected.line());
      }
      assertThat(r.out()).isEmpty();
      assertThat(s.out()).doesNotExist();
      return;
    }
    Consumer<CommandLineRun> check = READABLE.get(name);
    assertThat(check).as("a stated outcome for the readable file %s", name).isNotNull();
    check.accept(r);
  }

  /** Expected command-line outcomes of the files that read correctly, by file. */
  static final java.util.Map<String, Consumer<CommandLineRun>> READABLE = new java.util.HashMap<>();

  private static Path outOf(String name) {
    return tmp.resolve("runs").resolve(name).resolve("out");
  }

  private static void ok(CommandLineRun r) {
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Wrote " + StudyFiles.FILE_NAMES.size() + " files to ");
  }

  /**
   * A price file of a few days of July 2023 as BABA's: BABA's estimation window (250 sessions
   * before 2023-07-07) has no return, so M = 0 and it is left out (or, with no price at all, it is
   * NO_PRICES); 9988.HK is computed.
   */
  private static void baba(String name, String day0, String outcome, String reasonStart) {
    READABLE.put(
        name,
        r -> {
          ok(r);
          try {
            String baba = row(outOf(name), "pboc-ant-fine", "BABA");
            assertThat(baba).contains(",NYSE," + day0 + "," + outcome + ",");
            assertThat(baba.substring(baba.indexOf(outcome))).contains(reasonStart);
            assertThat(row(outOf(name), "pboc-ant-fine", "9988.HK"))
                .startsWith("pboc-ant-fine,9988.HK,HKEX,2023-07-10,OK,240,2,");
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static void studyRows(String name, String... expectedStarts) {
    READABLE.put(
        name,
        r -> {
          ok(r);
          try {
            List<String> rows = firmEvents(outOf(name));
            for (String start : expectedStarts) {
              assertThat(rows).as(name).anySatisfy(l -> assertThat(l).startsWith(start));
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static void refusedStudy(String name, String... fragments) {
    READABLE.put(
        name,
        r -> {
          assertThat(r.code()).as(r.err()).isEqualTo(2);
          assertThat(r.err()).startsWith("eventide: ").contains(fragments);
          assertThat(r.err().lines()).hasSize(1);
          assertThat(outOf(name)).doesNotExist();
        });
  }

  static {
    String m0 = "M = 0 valid estimation days in ";
    for (String f :
        List.of(
            "adj_close_missing_close_present.csv",
            "bom.csv",
            "cr_only.csv",
            "crlf_trailing_blank_lines.csv",
            "descending.csv",
            "largest_double.csv",
            "missing_markers.csv",
            "quoted_commas_extra_columns.csv",
            "scientific.csv",
            "single_row.csv",
            "trailing_comma.csv",
            "upper_case_headers.csv",
            "utc_instant_dates.csv",
            "yahoo_null_rows.csv")) {
      baba(f, "2023-07-07", "INSUFFICIENT_ESTIMATION", m0);
    }
    // No price at all: left out before day 0 is looked for.
    baba("all_prices_missing.csv", "", "NO_PRICES", "no price for BABA on any session");
    // Events: x on 2023-07-12 for BABA;9988.HK; first/second on 2023-07-12/13 for all;
    // pboc-ant-fine for BABA;NOPE;9988.HK and no-such-listing for ZZZ.
    studyRows(
        "events_affected_spacing.csv",
        "x,9988.HK,HKEX,2023-07-12,OK,",
        "x,BABA,NYSE,2023-07-12,OK,");
    studyRows(
        "events_minimal.csv",
        "first,BABA,NYSE,2023-07-12,OK,",
        "second,9988.HK,HKEX,2023-07-14,OK,",
        "second,BABA,NYSE,2023-07-13,OK,");
    studyRows(
        "events_unknown_tickers.csv",
        "no-such-listing,ZZZ,,,UNKNOWN_TICKER,0,2,,,,\"event no-such-listing names ZZZ, which the"
            + " universe does not list\"",
        "pboc-ant-fine,NOPE,,,UNKNOWN_TICKER,",
        "pboc-ant-fine,BABA,NYSE,2023-07-07,OK,");
    // Ids that look like formulas are neutralised with a leading ', paths are only text.
    studyRows(
        "events_hostile_ids.csv",
        "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\"," + "BABA,NYSE,2023-07-12,OK,",
        "../x,BABA,",
        "/etc/passwd,BABA,",
        "CON,BABA,",
        "\"a,b\",BABA,",
        "\"say \"\"hi\"\"\",BABA,",
        "'@SUM(A1),BABA,",
        "'+1+1,BABA,",
        "'-2+3,BABA,");
    // Universes (the event affects every listing).
    studyRows("universe.csv", "pboc-ant-fine,JD,NASDAQ,2023-07-07,OK,");
    studyRows(
        "universe_own_benchmark.csv",
        "pboc-ant-fine,SPX,NYSE,2023-07-07,"
            + "INSUFFICIENT_ESTIMATION,240,2,,,,\"residual variance is zero up to the rounding of the"
            + " returns (s ≤ 64 ε ≈ 1.4e-14): the model fits the returns exactly, as for a price that"
            + " never moves or a listing that is its own benchmark\"");
    refusedStudy(
        "universe_missing_benchmark_file.csv",
        "Benchmark NOPE of 9988.HK",
        "has no price file",
        "NOPE.csv");
    refusedStudy(
        "universe_device_ticker.csv",
        "value \"CON\" is not a ticker that can name a" + " price file",
        "it is a device name reserved by Windows");
    // Factors: the gap file has four July 2023 dates, so no estimation day has factors, and a
    // plain factor file serves only the US exchanges, so 9988.HK (HKEX) has none at all.
    // Both firm-events are left out: the run still succeeds, and says so on standard error.
    READABLE.put(
        "factors_gaps.csv",
        r -> {
          assertThat(r.code()).as(r.err()).isZero();
          assertThat(r.err())
              .isEqualTo(
                  "eventide: every one of the 2 firm-events was left out (1 NO_FACTORS, 1"
                      + " INSUFFICIENT_ESTIMATION), so there is no CAAR, no test and no chart"
                      + " point; left_out.csv says why for each"
                      + System.lineSeparator());
          try {
            assertThat(firmEvents(outOf("factors_gaps.csv")))
                .anySatisfy(
                    l ->
                        assertThat(l)
                            .startsWith(
                                "pboc-ant-fine,BABA,NYSE,2023-07-07,INSUFFICIENT_ESTIMATION,0,4,"));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    refusedStudy(
        "factors_missing_markers.csv",
        "Model ff3 needs factors [Mkt-RF, SMB, HML] but"
            + " [HML] are not in the factor files (they hold [Mkt-RF, SMB])");
  }

  @Test
  void everyReadableFileHasAStatedOutcomeAndNoOther() throws IOException {
    Set<String> readable = new TreeSet<>();
    for (String name : corpusFiles()) {
      if (readerVerdict(slotOf(name), corpus().resolve(name)) == null) {
        readable.add(name);
      }
    }
    assertThat(new TreeSet<>(READABLE.keySet())).isEqualTo(readable);
    assertThat(corpusFiles()).hasSizeGreaterThanOrEqualTo(40);
  }

  /**
   * The hostile ids write only the files of the contract into --out: nothing named after an id
   * (../x, /etc/passwd, CON) appears anywhere.
   */
  @Test
  void hostileIdsWriteOnlyTheContractFilesInsideOut() throws IOException {
    String name = "events_hostile_ids.csv";
    Setup s = setUp(name + ".again");
    List<String> args = new ArrayList<>(s.args());
    args.set(args.indexOf("--events") + 1, corpus().resolve(name).toString());
    Set<String> before = listing(tmp);
    CommandLineRun r = CommandLineRun.of(args);
    assertThat(r.code()).as(r.err()).isZero();
    Set<String> after = listing(tmp);
    after.removeAll(before);
    assertThat(after).containsExactly("runs/" + name + ".again/out");
    try (Stream<Path> files = Files.list(s.out())) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
          .isEqualTo(Set.copyOf(StudyFiles.FILE_NAMES));
    }
  }

  private static Set<String> listing(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> !p.startsWith(root.resolve("sample")))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.isEmpty() && !p.contains("/out/"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Bad option values end as one message and exit 2, as bad files do. */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "--windows=1:x          | Window '1:x' is not of the form A:B with whole numbers (e.g. -1:1)",
        "--windows=,,           | A study needs at least one event window (e.g. 0:0)",
        "--estimation=-5:-10    | Window -5:-10 ends before it starts; write A:B with A <= B",
        "--estimation=-100:-1   | Estimation window -100:-1 must end before the earliest event window"
            + " starts (day -5); end it at -6 or earlier, or move the event windows",
        "--windows=2147483647:2147483647 | Event window 2147483647:2147483647 reaches relative day"
            + " 2147483647; windows must lie within 100000 sessions of day 0 either side (about 400"
            + " years of trading)",
        "--threads=0            | Parallelism must be at least 1, got 0",
        "--clean=-1             | Cleaning radius is -1; use 0 or more sessions",
        "--tests=nope           | Unknown --tests id 'nope'; known ids: cs-t, cda-t, patell-z,"
            + " adj-patell-z, bmp-t, kp-bmp-t, skew-t, rank-z, sign-z, gsign-z, wilcoxon, grank-t,"
            + " grank-z",
        "--returns=weird        | Unknown --returns 'weird'; expected simple or log",
        "--min-estimation=0     | Minimum estimation observations is 0 but model market has k = 2"
            + " parameters; use at least 3",
        "--model=capm           | Unknown --model 'capm'; expected market, constant-mean,"
            + " market-adjusted, ff3, carhart4, ff5, scholes-williams, dimson or garch",
        "--dimson-lags=11       | --dimson-lags 11 is outside 0..10 (leads and lags of the market"
            + " return)",
        "--dimson-lags=-1       | --dimson-lags -1 is outside 0..10 (leads and lags of the market"
            + " return)",
        "--dimson-lags=2        | --dimson-lags 2 applies to --model dimson only, not --model market",
      })
  void badOptionValuesExitTwoWithOneMessage(String option, String message) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                universe.toString(),
                "--events",
                events.toString(),
                "--out",
                tmp.resolve("options").toString()));
    args.add(option);
    CommandLineRun r = CommandLineRun.of(args);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("eventide: " + message + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(tmp.resolve("options")).doesNotExist();
  }
}
