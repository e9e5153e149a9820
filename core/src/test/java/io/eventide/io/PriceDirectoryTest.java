package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.calendar.Exchange;
import io.eventide.market.Listing;
import io.eventide.timeseries.DatedSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PriceDirectory} on the {@code data/prices} folder of the test resources. */
class PriceDirectoryTest {

  private final PriceDirectory prices = PriceDirectory.of(TestFiles.path("data/prices"));

  @Test
  void readsPresentTickersAndReportsAbsentOnes() {
    PriceDirectory.Prices read = prices.readAll(List.of("BABA", "9988.HK", "TCEHY", "SPX", "BABA"));
    assertThat(read.found().keySet()).containsExactly("BABA", "9988.HK", "SPX");
    assertThat(read.absent()).containsExactly("TCEHY");
    // BABA.csv line 2215: 2023-07-07,86.760002,91.570000,86.629997,90.550003,89.348915,46815900
    assertThat(read.series("BABA").map(s -> s.valueOn(LocalDate.of(2023, 7, 7))))
        .contains(89.348915);
    assertThat(read.series("TCEHY")).isEmpty();
  }

  @Test
  void readsOneTicker() {
    assertThat(prices.read("KWEB").map(DatedSeries::size)).contains(3270);
    assertThat(prices.read("baba")).as("file names are case-sensitive here").isEmpty();
    assertThat(prices.fileOf("HSI")).isEqualTo(TestFiles.path("data/prices/HSI.csv"));
  }

  @Test
  void aTickerThatCouldEscapeTheFolderIsBadInput() {
    InputException e = catchThrowableOfType(InputException.class, () -> prices.read("../events/x"));
    assertThat(e.source()).isEqualTo(prices.folder().toString());
    assertThat(e.value()).isEqualTo("../events/x");
    assertThat(e.problem()).startsWith("is not a ticker that can name a price file");
  }

  @Test
  void aMalformedFileNamesItself(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("BAD.csv");
    Files.writeString(file, "Date,Close\n2023-07-05,abc\n");
    InputException e =
        catchThrowableOfType(
            InputException.class, () -> PriceDirectory.of(dir).readAll(List.of("BAD")));
    assertThat(e.source()).isEqualTo(file.toString());
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void aMissingFolderIsBadInput(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    InputException e = catchThrowableOfType(InputException.class, () -> PriceDirectory.of(missing));
    assertThat(e).hasMessage(missing + ": folder not found");
  }

  /**
   * A universe of three listings on two benchmarks, in a folder holding A, B, MKT and C but not HK:
   * each ticker and benchmark is read once, in the universe's order with each benchmark after its
   * listing's ticker; the missing benchmark names the file looked for.
   */
  @Test
  void readsAUniverseWithItsBenchmarksEachOnce(@TempDir Path dir) throws Exception {
    for (String t : List.of("A", "B", "MKT", "C")) {
      Files.writeString(dir.resolve(t + ".csv"), "Date,Close\n2023-07-05,10\n2023-07-06,11\n");
    }
    List<Listing> universe =
        List.of(
            Listing.of("B", Exchange.NYSE, "MKT"),
            Listing.of("C", Exchange.HKEX, "HK"),
            Listing.of("A", Exchange.NYSE, "MKT"),
            Listing.of("MKT", Exchange.NYSE, "MKT"));
    PriceDirectory.Prices read = PriceDirectory.of(dir).readUniverse(universe);
    assertThat(read.found().keySet()).containsExactly("B", "MKT", "C", "A");
    assertThat(read.missing()).isEqualTo(Map.of("HK", dir.resolve("HK.csv")));
    assertThat(read.absent()).containsExactly("HK");
    assertThat(read.series("A").map(s -> s.valueOn(LocalDate.of(2023, 7, 6)))).contains(11.0);
  }

  @Test
  void aMissingTickerNamesTheFileLookedFor() {
    PriceDirectory.Prices read = prices.readAll(List.of("TCEHY"));
    assertThat(read.missing())
        .containsExactly(Map.entry("TCEHY", TestFiles.path("data/prices").resolve("TCEHY.csv")));
  }

  @Test
  void readingOnSeveralThreadsGivesTheSameSeriesInTheSameOrder() throws Exception {
    List<String> tickers;
    try (var files = Files.list(prices.folder())) {
      tickers =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".csv"))
              .map(n -> n.substring(0, n.length() - 4))
              .sorted()
              .toList();
    }
    List<String> asked = new java.util.ArrayList<>(tickers);
    asked.add(1, "TCEHY"); // absent
    PriceDirectory.Prices one = prices.readAll(asked, 1);
    assertThat(one.found()).hasSize(tickers.size());
    for (int threads : new int[] {2, 3, 8}) {
      PriceDirectory.Prices many = prices.readAll(asked, threads);
      // DatedSeries.equals compares the dates and the values (Arrays.equals: bit for bit)
      assertThat(many.found()).containsExactlyEntriesOf(one.found());
      assertThat(many.missing()).containsExactlyEntriesOf(one.missing());
    }
  }

  @Test
  void onSeveralThreadsTheErrorIsThatOfTheFirstMalformedFileInOrder(@TempDir Path dir)
      throws Exception {
    for (int i = 0; i < 40; i++) {
      Files.writeString(
          dir.resolve("T" + i + ".csv"),
          i == 17 || i == 31
              ? "Date,Close\n2023-07-05,bad" + i + "\n"
              : "Date,Close\n2023-07-05,1\n");
    }
    List<String> tickers = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tickers.add("T" + i);
    }
    for (int threads : new int[] {1, 2, 4}) {
      InputException e =
          catchThrowableOfType(
              InputException.class, () -> PriceDirectory.of(dir).readAll(tickers, threads));
      assertThat(e.source()).isEqualTo(dir.resolve("T17.csv").toString());
      assertThat(e.value()).isEqualTo("bad17");
    }
  }
}
