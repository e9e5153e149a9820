package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudyFiles;
import io.eventide.report.internal.CsvWriter;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures of the file system and of readers and writers: an output failure is an {@link
 * UncheckedIOException} naming the file (not bad input), an unreadable input an {@link
 * InputException} naming the source; and the {@code left_out.csv} rows of firm-events absent from a
 * window.
 */
class OutputAndReadFailuresTest {

  /** A writer whose every operation fails, as a full disk would. */
  static final class FailingWriter extends Writer {
    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      throw new IOException("No space left on device");
    }

    @Override
    public void flush() throws IOException {
      throw new IOException("flush failed");
    }

    @Override
    public void close() throws IOException {
      throw new IOException("close failed");
    }
  }

  @Test
  void csvWriterFailuresAreUncheckedIoExceptions(@TempDir Path dir) {
    assertThatThrownBy(() -> CsvWriter.to(new FailingWriter(), List.of("a")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("No space left on device");
    Path missing = dir.resolve("no-such-folder").resolve("car.csv");
    assertThatThrownBy(() -> CsvWriter.create(missing, List.of("a")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("Cannot create " + missing + ": ");
  }

  @Test
  void flushPassesThroughAndClosingMidRowIsAnError() {
    StringWriter out = new StringWriter();
    CsvWriter w = CsvWriter.to(out, List.of("a", "b"));
    w.text("x");
    w.flush();
    assertThat(out).hasToString("a,b\nx");
    assertThatIllegalStateException()
        .isThrownBy(w::close)
        .withMessage("CSV closed in the middle of row 1");
    assertThat(w.rowsWritten()).isZero();
  }

  @Test
  void anOutputFolderThatCannotBeCreatedIsAnOutputFailure(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("out"), "a file, not a folder");
    StudyResult r = study();
    assertThatThrownBy(() -> StudyFiles.write(file, r, StudyTests.run(r, TestSuite.standard())))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("Cannot create output folder " + file + ": ");
  }

  @Test
  void unreadableInputsNameTheSource(@TempDir Path dir) {
    // A folder where a file is expected: the read fails with an IOException that is neither
    // "not found" nor "not UTF-8".
    InputException folder =
        catchThrowableOfType(InputException.class, () -> PriceFileReader.read(dir));
    assertThat(folder.source()).isEqualTo(dir.toString());
    assertThat(folder.problem()).startsWith("cannot be read: ");
    Reader broken =
        new Reader() {
          @Override
          public int read(char[] buf, int off, int len) throws IOException {
            throw new IOException("connection reset");
          }

          @Override
          public void close() {}
        };
    InputException reset =
        catchThrowableOfType(
            InputException.class, () -> EventFileReader.read(broken, "remote/events.csv"));
    assertThat(reset).hasMessage("remote/events.csv: cannot be read: connection reset");
  }

  /**
   * left_out.csv lists OK firm-events absent from a window, with the window and the first missing
   * day: listing H has no price on sessions 201..202, so its returns of days +1 to +3 are missing
   * (day +3's needs day +2's price).
   */
  @Test
  void leftOutListsTheWindowsAFirmEventIsAbsentFrom(@TempDir Path dir) throws IOException {
    StudyResult r = study();
    StudyFiles.write(dir, r, StudyTests.run(r, TestSuite.standard()));
    List<String> leftOut = Files.readAllLines(dir.resolve("left_out.csv"), StandardCharsets.UTF_8);
    String day1 = "no return on day +1 (" + DATES[201] + ")";
    assertThat(leftOut)
        .containsExactly(
            "event_id,ticker,outcome,window,reason",
            "e,H,OK,-1:1," + day1,
            "e,H,OK,0:1," + day1,
            "e,H,OK,-5:5," + day1);
    // car.csv has H's 0:0 row only; abnormal_returns.csv its 11 days, day +1's values empty.
    List<String> car = Files.readAllLines(dir.resolve("car.csv"), StandardCharsets.UTF_8);
    assertThat(car.stream().filter(l -> l.startsWith("e,H,")))
        .hasSize(1)
        .allSatisfy(l -> assertThat(l).startsWith("e,H,0:0,"));
    List<String> ar =
        Files.readAllLines(dir.resolve("abnormal_returns.csv"), StandardCharsets.UTF_8);
    assertThat(ar.stream().filter(l -> l.startsWith("e,H,"))).hasSize(11);
    // Day +1: no return, so no AR or SAR; the market model's E[R] is still defined (the
    // benchmark has that day's return) and is written.
    assertThat(ar.stream().filter(l -> l.startsWith("e,H,1," + DATES[201] + ",")))
        .singleElement()
        .satisfies(l -> assertThat(l).matches("e,H,1," + DATES[201] + ",,-?[0-9.]+,,"));
  }

  private static final LocalDate[] DATES = new LocalDate[260];

  static {
    LocalDate d = LocalDate.of(2022, 1, 3);
    for (int i = 0; i < DATES.length; i++) {
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
      DATES[i] = d;
      d = d.plusDays(1);
    }
  }

  /** Two listings G and H against M on 260 weekdays; one event on session 200. */
  private static StudyResult study() {
    SplittableRandom rnd = new SplittableRandom(17);
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    for (String t : List.of("M", "G", "H")) {
      double[] p = new double[DATES.length];
      double v = 20;
      for (int i = 0; i < p.length; i++) {
        v *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
        p[i] = t.equals("H") && (i == 201 || i == 202) ? Double.NaN : v;
      }
      prices.put(t, DatedSeries.of(t, DATES, p));
    }
    ReturnPanel panel =
        ReturnPanel.of(
            List.of(Listing.of("G", Exchange.NYSE, "M"), Listing.of("H", Exchange.NYSE, "M")),
            prices,
            ReturnType.SIMPLE);
    return EventStudy.of(
            StudySpecification.builder()
                .estimationWindow(io.eventide.event.EventWindow.of(-150, -11))
                .build())
        .run(panel, List.of(Event.of("e", Announcement.on(DATES[200]), List.of())));
  }
}
