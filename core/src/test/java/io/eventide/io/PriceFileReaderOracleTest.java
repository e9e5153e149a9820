package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass reader ({@link PriceFileReader}, {@link PriceFileParser}) against the reader it
 * replaced ({@link LegacyPriceFileReader}: {@code CsvTable} framing, Tablesaw tokenizing, text
 * parsing), kept in the tests as the oracle. For every CSV file under the test resources, and for
 * thousands of seeded random mutations of the small ones, both readers read the file as a series
 * and as bars: either both succeed with the same dates and bit-for-bit the same values ({@link
 * Double#doubleToRawLongBits}), or both refuse it with the same message, line, column and value.
 */
class PriceFileReaderOracleTest {

  private static final Path RESOURCES = resources();

  private static Path resources() {
    try {
      return Paths.get(PriceFileReaderOracleTest.class.getResource("/bad/bom.csv").toURI())
          .getParent()
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> csvFiles() throws IOException {
    try (Stream<Path> files = Files.walk(RESOURCES)) {
      return files.filter(f -> f.toString().endsWith(".csv")).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void theResourcesHoldEveryLayout() throws IOException {
    // The comparison below is only as strong as the files it reads: the real-data prices (Yahoo
    // with and without Adj Close, yfinance dumps with time and offset, the multi-row header, the
    // Investing.com export), the Kaggle panel and the 70-file bad-input corpus.
    List<String> names =
        csvFiles().stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    assertThat(names)
        .contains("SPX.csv", "HSTECH.csv", "0700.HK.csv", "BABA.csv", "KWEB.csv", "AAPL.csv")
        .hasSizeGreaterThan(120);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("csvFiles")
  void everyResourceFileReadsTheSameBothWays(Path file) {
    assertSameOutcome(file);
  }

  @Test
  void mutatedFilesReadTheSameBothWays(@TempDir Path dir) throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (Path f : csvFiles()) {
      byte[] b = Files.readAllBytes(f);
      seeds.add(b.length <= 2000 ? b : Arrays.copyOf(b, firstLines(b, 12)));
    }
    byte[][] pieces =
        Stream.of(
                ",",
                "\"",
                "\"\"",
                "\r",
                "\n",
                "\r\n",
                " ",
                "\t",
                "-",
                ".",
                "0",
                "7",
                "e5",
                ";",
                "nan",
                "NULL",
                "1,234",
                "T",
                ":",
                "+08:00",
                "2023-02-30",
                "\u2003",
                "\u00e9",
                "Z",
                "Price",
                "Ticker",
                "Date",
                "Adj Close",
                "Close",
                "Open",
                "Volume",
                "1.5K",
                "\u0001")
            .map(s -> s.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    SplittableRandom random = new SplittableRandom(20261202L);
    int cases = 1500;
    int refusedBothWays = 0;
    for (int k = 0; k < cases; k++) {
      byte[] b = seeds.get(random.nextInt(seeds.size()));
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        b = mutate(b, random, pieces);
      }
      Path file = dir.resolve("M" + k + ".csv");
      Files.write(file, b);
      if (assertSameOutcome(file)) {
        refusedBothWays++;
      }
      Files.delete(file);
    }
    // Both kinds of outcome are exercised: a comparison that only ever saw refusals (or only
    // successes) would prove little.
    assertThat(refusedBothWays).isBetween(cases / 10, cases - cases / 10);
  }

  private static int firstLines(byte[] b, int lines) {
    int seen = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n' && ++seen == lines) {
        return i + 1;
      }
    }
    return b.length;
  }

  private static byte[] mutate(byte[] b, SplittableRandom random, byte[][] pieces) {
    int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
    int kind = random.nextInt(4);
    byte[] insert = kind == 0 ? new byte[0] : pieces[random.nextInt(pieces.length)];
    int cut = kind == 2 ? 0 : Math.min(b.length - at, 1 + random.nextInt(3));
    if (kind == 3) {
      // swap two lines' worth: move a byte run elsewhere
      insert = Arrays.copyOfRange(b, at, Math.min(b.length, at + random.nextInt(40)));
      cut = 0;
      at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
    }
    byte[] out = new byte[b.length - cut + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + cut, out, at + insert.length, b.length - at - cut);
    return out;
  }

  /**
   * @return true if both readers refused the file
   */
  private static boolean assertSameOutcome(Path file) {
    Object legacy = outcome(file, LegacyPriceFileReader::read, PriceFileReaderOracleTest::series);
    Object now = outcome(file, PriceFileReader::read, PriceFileReaderOracleTest::series);
    if (legacy instanceof Crash) {
      // The old reader let a non-InputException escape (a NUL cell made Tablesaw drop a row):
      // there is nothing to agree with; the new reader must still only refuse or read.
      assertThat(now).describedAs(file.toString()).isNotInstanceOf(Crash.class);
      return true;
    }
    assertSame(file, legacy, now);
    assertSame(
        file,
        outcome(file, LegacyPriceFileReader::readBars, PriceFileReaderOracleTest::bars),
        outcome(file, PriceFileReader::readBars, PriceFileReaderOracleTest::bars));
    return legacy instanceof Refusal;
  }

  private static void assertSame(Path file, Object legacy, Object now) {
    if (legacy instanceof Read && now instanceof Read) {
      Read a = (Read) legacy;
      Read b = (Read) now;
      assertThat(b.name).isEqualTo(a.name);
      assertThat(b.columns.length).describedAs(file.toString()).isEqualTo(a.columns.length);
      for (int c = 0; c < a.columns.length; c++) {
        // compared as arrays of raw bits: -0.0 and 0.0, and NaN payloads, count as different
        assertThat(b.columns[c]).describedAs(file + " column " + c).isEqualTo(a.columns[c]);
      }
    } else {
      assertThat(now).describedAs(describe(file)).isEqualTo(legacy);
    }
  }

  /** A refusal: the message, which holds the file, line, column and value, and each of them. */
  private record Refusal(String message, int line, String column, String value) {}

  private record Crash(String exception) {}

  /** A successful read: the name, the epoch days and the raw bits of each value column. */
  private static final class Read {
    final String name;
    final long[][] columns;

    Read(String name, long[]... columns) {
      this.name = name;
      this.columns = columns;
    }

    @Override
    public String toString() {
      return "Read " + name + " of " + columns[0].length + " rows";
    }
  }

  private static String describe(Path file) {
    try {
      return file + ":\n" + new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> Object outcome(Path file, Function<Path, T> reader, Function<T, Read> render) {
    T value;
    try {
      value = reader.apply(file);
    } catch (InputException e) {
      return new Refusal(e.getMessage(), e.line(), e.column(), e.value());
    } catch (RuntimeException e) {
      return new Crash(e.toString());
    }
    return render.apply(value);
  }

  private static Read series(DatedSeries s) {
    return new Read(s.name(), s.epochDays(), bits(s.values()));
  }

  private static Read bars(PriceBars b) {
    return new Read(b.name(), b.epochDays(), bits(b.closes()), bits(b.opens()), bits(b.volumes()));
  }

  private static long[] bits(double[] values) {
    long[] bits = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }
}
