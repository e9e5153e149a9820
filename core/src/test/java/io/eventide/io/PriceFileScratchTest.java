package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.timeseries.DatedSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@link PriceFileParser.Scratch} reused over many files, as each thread of {@link
 * PriceDirectory#readAll} reuses it, reads every file as a fresh read does: the same dates and
 * prices bit for bit, the same error, whatever files came before (longer, shorter, newest first,
 * malformed).
 */
class PriceFileScratchTest {

  @TempDir Path dir;

  @Test
  void aReusedScratchReadsEachFileAsAFreshRead() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestFiles.path("data/prices"))) {
      s.sorted().forEach(files::add);
    }
    // longer than any of them (the working arrays grow), then short, newest first, a blank line
    files.add(write("long.csv", ascending(LocalDate.of(1990, 1, 1), 12_000)));
    files.add(write("short.csv", "Date,Close\n2020-01-02,1.5\n2020-01-03,1.25\n"));
    files.add(write("newest.csv", "Date,Close\n2020-01-06,3\n2020-01-03,2\n\n2020-01-02,1\n"));
    files.add(files.get(0));
    PriceFileParser.Scratch scratch = new PriceFileParser.Scratch();
    List<DatedSeries> reused = new ArrayList<>();
    for (Path f : files) {
      reused.add(PriceFileReader.read(f, scratch));
    }
    // compared once all are read: no series shares an array with the scratch or another series
    for (int i = 0; i < files.size(); i++) {
      DatedSeries fresh = PriceFileReader.read(files.get(i));
      assertThat(reused.get(i).name()).isEqualTo(fresh.name());
      assertThat(reused.get(i).epochDays())
          .as(files.get(i).toString())
          .isEqualTo(fresh.epochDays());
      assertThat(reused.get(i).values()).as(files.get(i).toString()).isEqualTo(fresh.values());
    }
    assertThat(PriceFileReader.read(files.get(files.size() - 4), scratch).size()).isEqualTo(12_000);
  }

  @Test
  void aFileThatFailsLeavesTheScratchFitForTheNext() throws IOException {
    PriceFileParser.Scratch scratch = new PriceFileParser.Scratch();
    Path before = write("before.csv", ascending(LocalDate.of(2000, 1, 3), 400));
    Path repeat =
        write(
            "repeat.csv",
            "Date,Close\n2020-01-02,1\n2020-01-03,2\n2020-01-06,3\n2020-01-03,4\n2020-01-07,5\n");
    Path after = write("after.csv", "Date,Close\n2021-03-01,7\n2021-03-02,8\n");
    assertThat(PriceFileReader.read(before, scratch).size()).isEqualTo(400);
    InputException fresh =
        catchThrowableOfType(InputException.class, () -> PriceFileReader.read(repeat));
    InputException reused =
        catchThrowableOfType(InputException.class, () -> PriceFileReader.read(repeat, scratch));
    assertThat(reused).hasMessage(fresh.getMessage());
    // line 5 repeats the date of line 3 (the rows before it are read in one loop)
    assertThat(reused.line()).isEqualTo(5);
    assertThat(reused.problem()).contains("repeats the date 2020-01-03 of line 3");
    DatedSeries next = PriceFileReader.read(after, scratch);
    assertThat(next.values()).containsExactly(7.0, 8.0);
    assertThat(next.epochDays())
        .containsExactly(
            LocalDate.of(2021, 3, 1).toEpochDay(), LocalDate.of(2021, 3, 2).toEpochDay());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  /** A Date,Close file of {@code rows} days from {@code first}, prices 100.25, 100.5, ... */
  private static String ascending(LocalDate first, int rows) {
    StringBuilder sb = new StringBuilder("Date,Close\n");
    for (int i = 0; i < rows; i++) {
      sb.append(first.plusDays(i)).append(',').append(100 + 0.25 * (i + 1)).append('\n');
    }
    return sb.toString();
  }
}
