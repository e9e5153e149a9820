package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.io.internal.CsvTable;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's output files are safe whatever the tickers and event ids hold: formulas, paths,
 * device names, commas, quotes, line breaks. The files are written only inside the output folder
 * under their fixed names; every field holding a comma, quote or line break is quoted, so each
 * record reads back with the header's width and its cells as written; and no cell starts with
 * {@code =}, {@code +}, {@code -} or {@code @} unless it is a number or an {@code A:B} window label
 * (a text that would be such a formula is written with a leading {@code '}).
 *
 * <p>The API accepts any non-blank ticker (the universe reader is stricter), so the listings here
 * are made directly: 300 seeded random weekday prices each, benchmark MKT.
 */
class StudyFilesSafetyTest {

  static final List<String> HOSTILE =
      List.of(
          "=cmd|' /C calc'!A0",
          "@SUM(A1)",
          "+1+1",
          "-X",
          "a,b",
          "say \"hi\"",
          "two\nlines",
          "../x",
          "/etc/passwd",
          "CON",
          "\tTAB",
          "-1:1");

  @TempDir static Path root;
  static Path out;
  static StudyResult study;

  @BeforeAll
  static void writeTheFiles() throws IOException {
    SplittableRandom rnd = new SplittableRandom(5);
    LocalDate[] dates = new LocalDate[300];
    LocalDate d = LocalDate.of(2021, 1, 4);
    for (int i = 0; i < dates.length; i++) {
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
      dates[i] = d;
      d = d.plusDays(1);
    }
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    List<Listing> universe = new ArrayList<>();
    prices.put("MKT", series("MKT", dates, rnd));
    for (String t : HOSTILE) {
      universe.add(Listing.of(t, Exchange.NYSE, "MKT"));
      prices.put(t, series(t, dates, rnd));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      // Event i, named like ticker i, on session 200 + 5i, for every listing; plus one unknown
      // ticker that looks like a formula, so a left-out row carries it too.
      events.add(
          Event.of(
              HOSTILE.get(i),
              Announcement.on(dates[200 + 5 * i]),
              i == 0 ? List.of("=2+5", HOSTILE.get(0)) : List.of()));
    }
    ReturnPanel panel = ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    study =
        EventStudy.of(
                StudySpecification.builder().estimationWindow(EventWindow.of(-150, -11)).build())
            .run(panel, events);
    out = root.resolve("out");
    StudyFiles.write(out, study, StudyTests.run(study, TestSuite.standard()));
  }

  private static DatedSeries series(String name, LocalDate[] dates, SplittableRandom rnd) {
    double[] p = new double[dates.length];
    double v = 50;
    for (int i = 0; i < p.length; i++) {
      v *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
      p[i] = v;
    }
    return DatedSeries.of(name, dates, p);
  }

  private static CsvTable read(String file) throws IOException {
    return CsvTable.parse(file, Files.readString(out.resolve(file), StandardCharsets.UTF_8));
  }

  @Test
  void onlyTheContractFilesAreWrittenAndOnlyInsideTheOutputFolder() throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      Set<String> written =
          all.filter(p -> !p.equals(root))
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> expected = new TreeSet<>();
      expected.add("out");
      StudyFiles.FILE_NAMES.forEach(f -> expected.add("out/" + f));
      assertThat(written).isEqualTo(expected);
    }
    assertThat(study.count(Outcome.OK)).isGreaterThan(100);
  }

  @Test
  void everyRecordReadsBackWithTheHeadersWidthAndItsCellsAsWritten() throws IOException {
    // CsvTable refuses a record whose field count differs from the header's; parse succeeds.
    CsvTable fe = read("firm_events.csv");
    assertThat(fe.rows()).isEqualTo(1 + study.size());
    Set<String> ids = new TreeSet<>();
    Set<String> tickers = new TreeSet<>();
    for (int row = 1; row < fe.rows(); row++) {
      ids.add(fe.cell(row, 0));
      tickers.add(fe.cell(row, 1));
    }
    // Read back: a formula start gains a leading ', everything else is exactly as given (the
    // reader trims cells, so the tab-led name loses its tab after the ').
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "'=cmd|' /C calc'!A0",
                "'@SUM(A1)",
                "'+1+1",
                "'-X",
                "a,b",
                "say \"hi\"",
                "two\nlines",
                "../x",
                "/etc/passwd",
                "CON",
                "'\tTAB",
                "-1:1"));
    assertThat(ids).isEqualTo(expected);
    Set<String> expectedTickers = new TreeSet<>(expected);
    expectedTickers.add("'=2+5");
    assertThat(tickers).isEqualTo(expectedTickers);
    // The unknown ticker's row: neutralised id and ticker, the reason quoted (it holds a comma);
    // a formula inside a text (not at its start) is inert.
    String raw = Files.readString(out.resolve("firm_events.csv"), StandardCharsets.UTF_8);
    assertThat(raw)
        .contains(
            "'=cmd|' /C calc'!A0,'=2+5,,,UNKNOWN_TICKER,0,2,,,,\"event"
                + " =cmd|' /C calc'!A0 names =2+5, which the universe does not list\"\n");
    assertThat(raw).contains("\"two\nlines\",");
    assertThat(raw).contains("\"say \"\"hi\"\"\",");
    for (String file : StudyFiles.FILE_NAMES) {
      assertThat(read(file).rows()).as(file).isGreaterThanOrEqualTo(1);
    }
  }

  /** A number, or an A:B window label of whole numbers. */
  private static final Pattern NUMBER_OR_WINDOW =
      Pattern.compile("[+-]?\\d+(\\.\\d+)?(:[+-]?\\d+(\\.\\d+)?)?");

  @Test
  void noCellStartsAFormula() throws IOException {
    int negativeNumbers = 0;
    for (String file : StudyFiles.FILE_NAMES) {
      String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
      // Cells as written (before any trimming): split records with the package's own framing.
      CsvTable t = CsvTable.parse(file, text);
      for (int row = 0; row < t.rows(); row++) {
        for (int c = 0; c < t.width(); c++) {
          String cell = t.cell(row, c);
          if (cell.isEmpty()) {
            continue;
          }
          char first = cell.charAt(0);
          if (first == '=' || first == '@') {
            fail("%s line %d: cell <%s> starts a formula", file, t.line(row), cell);
          }
          if (first == '+' || first == '-') {
            assertThat(cell).as("%s line %d", file, t.line(row)).matches(NUMBER_OR_WINDOW);
            if (first == '-' && !cell.contains(":")) {
              negativeNumbers++;
            }
          }
        }
      }
      // No raw line of the file starts with a tab or a formula character either.
      for (String line : text.split("\n", -1)) {
        assertThat(line).doesNotStartWith("\t").doesNotStartWith("=").doesNotStartWith("@");
      }
    }
    // Negative numbers (ARs, CARs, statistics) are written as numbers, not neutralised text.
    assertThat(negativeNumbers).isGreaterThan(100);
  }

  @Test
  void writingOnAPoolWhileTheTestsRunGivesTheSameBytes() throws Exception {
    // the sequential write of @BeforeAll is the oracle
    StudyTests tests = StudyTests.run(study, TestSuite.standard());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    try {
      Path parallel = root.resolve("parallel");
      java.util.concurrent.CompletableFuture<StudyTests> known =
          new java.util.concurrent.CompletableFuture<>();
      java.util.concurrent.CompletableFuture<List<Path>> files =
          StudyFiles.writeAsync(parallel, study, known, pool);
      known.complete(tests); // the tests become known after the other files started
      List<Path> written = StudyFiles.join(files);
      assertThat(written)
          .containsExactlyElementsOf(
              StudyFiles.FILE_NAMES.stream().map(parallel::resolve).toList());
      for (String name : StudyFiles.FILE_NAMES) {
        assertThat(Files.readAllBytes(parallel.resolve(name)))
            .describedAs(name)
            .isEqualTo(Files.readAllBytes(out.resolve(name)));
      }
      Path two = root.resolve("two");
      StudyFiles.write(two, study, tests, pool);
      for (String name : StudyFiles.FILE_NAMES) {
        assertThat(Files.readAllBytes(two.resolve(name)))
            .describedAs(name)
            .isEqualTo(Files.readAllBytes(out.resolve(name)));
      }
      // tests that fail: no tests.csv, the failure itself is what join throws, and every other
      // file is still written whole
      Path failed = root.resolve("failed");
      java.util.concurrent.CompletableFuture<StudyTests> broken =
          new java.util.concurrent.CompletableFuture<>();
      java.util.concurrent.CompletableFuture<List<Path>> partial =
          StudyFiles.writeAsync(failed, study, broken, pool);
      IllegalStateException boom = new IllegalStateException("tests failed");
      broken.completeExceptionally(boom);
      try {
        StudyFiles.join(partial);
        fail("expected the tests' failure");
      } catch (IllegalStateException e) {
        assertThat(e).isSameAs(boom);
      }
      assertThat(failed.resolve("tests.csv")).doesNotExist();
      assertThat(Files.readAllBytes(failed.resolve("abnormal_returns.csv")))
          .isEqualTo(Files.readAllBytes(out.resolve("abnormal_returns.csv")));
    } finally {
      pool.shutdown();
    }
  }
}
