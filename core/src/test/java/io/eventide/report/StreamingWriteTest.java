package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.report.OutputTables.FirmEventRow;
import io.eventide.report.internal.CsvWriter;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files are streamed: while {@code abnormal_returns.csv} is written, the text of every row but the
 * last {@link CsvWriter#BUFFER_CHARS} characters has already been handed to the output, so the
 * writer never holds more than that buffer, however many firm-events the study has.
 *
 * <p>The study: 150 listings against a market on 320 seeded random weekday prices, 20 events each
 * hitting every listing (3,000 firm-events, 33,000 abnormal-return rows, about 2.5 MB of text: over
 * a hundred times the buffer).
 */
class StreamingWriteTest {

  static StudyResult study;
  static StudyTests tests;

  @BeforeAll
  static void run() {
    LocalDate[] dates = new LocalDate[320];
    LocalDate d = LocalDate.of(2021, 1, 4);
    for (int i = 0; i < dates.length; i++) {
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
      dates[i] = d;
      d = d.plusDays(1);
    }
    SplittableRandom rnd = new SplittableRandom(12);
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    List<Listing> listings = new ArrayList<>();
    List<String> tickers = new ArrayList<>();
    prices.put("M", series("M", dates, rnd));
    for (int j = 0; j < 150; j++) {
      String t = "L" + j;
      tickers.add(t);
      listings.add(Listing.of(t, Exchange.NYSE, "M"));
      prices.put(t, series(t, dates, rnd));
    }
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 20; e++) {
      events.add(Event.of("e" + e, Announcement.on(dates[280 + e]), tickers));
    }
    study =
        EventStudy.of(
                StudySpecification.builder().estimationWindow(EventWindow.of(-250, -11)).build())
            .run(ReturnPanel.of(listings, prices, ReturnType.SIMPLE), events);
    tests = StudyTests.run(study, TestSuite.standard());
  }

  private static DatedSeries series(String ticker, LocalDate[] dates, SplittableRandom rnd) {
    double[] p = new double[dates.length];
    double v = 30;
    for (int i = 0; i < p.length; i++) {
      v *= 1 + 0.03 * (rnd.nextDouble() - 0.5);
      p[i] = v;
    }
    return DatedSeries.of(ticker, dates, p);
  }

  @Test
  void abnormalReturnsAreHandedOnAsTheyAreWritten() {
    TableDefinition<FirmEventRow> table = OutputTables.abnormalReturns(study);
    // Pass 1: the whole text, and where each line ends.
    StringWriter whole = new StringWriter();
    table.writeCsv(whole);
    String text = whole.toString();
    List<Integer> lineEnds = new ArrayList<>();
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lineEnds.add(i + 1);
    }
    assertThat(lineEnds).hasSize(1 + 3_000 * 11);
    assertThat(text.length()).isGreaterThan(100 * CsvWriter.BUFFER_CHARS);

    // Pass 2: through a counting sink, checked after every row the source hands over.
    CountingWriter sink = new CountingWriter();
    int[] rows = {0};
    long[] maxHeld = {0};
    TableDefinition<FirmEventRow> watched =
        new TableDefinition<>(
            table.name(),
            table.columns(),
            action ->
                table
                    .rows()
                    .forEach(
                        row -> {
                          action.accept(row); // the row's cells and its line end
                          rows[0]++;
                          long written = lineEnds.get(rows[0]); // header is line 0
                          long held = written - sink.text.length();
                          assertThat(held).isBetween(0L, (long) CsvWriter.BUFFER_CHARS);
                          maxHeld[0] = Math.max(maxHeld[0], held);
                        }));
    watched.writeCsv(sink);
    assertThat(rows[0]).isEqualTo(33_000);
    assertThat(sink.closed).isTrue();
    assertThat(sink.text.toString()).isEqualTo(text);
    assertThat(sink.largestBlock).isLessThanOrEqualTo(CsvWriter.BUFFER_CHARS);
    // the buffer was really used: filled (short of room for one more number) and handed on
    assertThat(maxHeld[0]).isGreaterThan(CsvWriter.BUFFER_CHARS / 2);
    assertThat(sink.blocks).isGreaterThan(100);
  }

  @Test
  void eachFileCanBeWrittenToAWriterAsInTheFolder(@TempDir Path dir) throws IOException {
    StudyFiles.write(dir, study, tests);
    for (String name : StudyFiles.FILE_NAMES) {
      StringWriter w = new StringWriter();
      StudyFiles.write(name, study, tests, w);
      assertThat(w.toString())
          .as(name)
          .isEqualTo(Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudyFiles.write("../car.csv", study, tests, new StringWriter()))
        .withMessageStartingWith("No study file ../car.csv; the files are [firm_events.csv");
  }

  /** Keeps what it is given, and counts the blocks and their largest size. */
  static final class CountingWriter extends Writer {
    final StringBuilder text = new StringBuilder();
    int blocks;
    int largestBlock;
    boolean closed;

    @Override
    public void write(char[] cbuf, int off, int len) {
      text.append(cbuf, off, len);
      blocks++;
      largestBlock = Math.max(largestBlock, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      closed = true;
    }
  }
}
