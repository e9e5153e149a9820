package io.eventide.benchmarks;

import io.eventide.io.PriceDirectory;
import io.eventide.io.PriceFileReader;
import io.eventide.io.internal.CsvScanner;
import io.eventide.io.internal.FileBytes;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a folder of price files, as {@code eventide study} does before anything else: {@code
 * listings} files of {@code sessions} rows each plus the market {@code MKT}, written once per trial
 * into a temporary folder (seed 42, {@link SyntheticData#market}, so the files of the {@code close}
 * layout are exactly those of {@link EndToEndRun}); the operating system's page cache holds them
 * after the first read, so every method reads from memory, not from the disk.
 *
 * <p>{@code layout}: {@code close} is {@code Date,Close} with six decimals ({@code
 * 2010-01-04,100.213456}), as {@link EndToEndRun} writes; {@code yahoo} is the seven columns of a
 * Yahoo Finance download ({@code Date,Open,High,Low,Close,Adj Close,Volume}), prices with six
 * decimals and an integer volume, of which the series reader reads the date and Adj Close and steps
 * over the rest; {@code yahoo17} is the same with each price's shortest round-trip digits ({@code
 * Double.toString}: 15 to 17 significant digits, {@code 84.50000000000001}), as yfinance writes
 * them, which the reader's Eisel–Lemire step parses.
 *
 * <table>
 *   <caption>Methods</caption>
 *   <tr><td>{@code readFloor}</td><td>the least work that touches every byte: {@code
 *       Files.readAllBytes} of each file and a sum of its bytes, parsing nothing</td></tr>
 *   <tr><td>{@code bufferFloor}</td><td>the same sum of bytes, each file read into one reused
 *       buffer ({@link FileBytes}) as the reader reads them: how much of {@code readFloor} is
 *       {@code readAllBytes}' fresh arrays</td></tr>
 *   <tr><td>{@code digitFloor}</td><td>the least work that reads every number: {@code
 *       Files.readAllBytes} of each file and one loop that turns every run of digits into an
 *       integer ({@code n = 10·n + d}) and sums them: no fields, no dates, no decimals</td></tr>
 *   <tr><td>{@code frameFloor}</td><td>{@code Files.readAllBytes} of each file and the one-pass
 *       reader's framing alone ({@link CsvScanner#next}: the records and fields found by the
 *       commas, line ends and quotes, eight bytes at a time), parsing no cell: what the reader
 *       costs before it reads a date or a price</td></tr>
 *   <tr><td>{@code onePassReader}</td><td>{@link PriceDirectory#readAll}: the one-pass reader,
 *       bytes to {@code long[]} dates and {@code double[]} prices</td></tr>
 *   <tr><td>{@code onePassBars}</td><td>{@link PriceFileReader#readBars} of each file: adjusted
 *       close, adjusted open and volume in the same pass</td></tr>
 *   <tr><td>{@code tablesawReader}</td><td>the reader before issue 12 ({@link
 *       TablesawPriceReader}: framing, Tablesaw tokenizing, text parsing)</td></tr>
 * </table>
 *
 * <p>Scores are ms per folder; the target of issue 12 is {@code onePassReader ≤ 2 × readFloor}
 * ({@code digitFloor} shows what merely reading the digits costs on top of touching the bytes).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar PriceReadBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PriceReadBenchmark {

  /** Listings, each one price file (the market's file comes on top). */
  @Param({"100"})
  public int listings;

  /** Rows per file. */
  @Param({"2600"})
  public int sessions;

  /** The file layout: {@code close} or {@code yahoo}. */
  @Param({"close", "yahoo", "yahoo17"})
  public String layout;

  Path dir;
  PriceDirectory prices;
  List<String> tickers;
  List<Path> files;

  /**
   * Writes the files.
   *
   * @throws IOException if they cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("eventide-read");
    Path folder;
    if (layout.equals("close")) {
      EndToEndRun.write(dir, listings, sessions, 1);
      folder = dir.resolve("prices");
    } else if (layout.equals("yahoo") || layout.equals("yahoo17")) {
      folder = Files.createDirectories(dir.resolve("prices"));
      writeYahoo(folder, listings, sessions, layout.equals("yahoo17"));
    } else {
      throw new IllegalArgumentException("layout " + layout);
    }
    prices = PriceDirectory.of(folder);
    tickers = new ArrayList<>();
    files = new ArrayList<>();
    tickers.add(SyntheticData.MARKET);
    for (int i = 0; i < listings; i++) {
      tickers.add(SyntheticData.ticker(i));
    }
    for (String t : tickers) {
      files.add(prices.fileOf(t));
    }
  }

  /**
   * Deletes the files.
   *
   * @throws IOException if they cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /**
   * @return the sum of every byte of every file
   * @throws IOException if a file cannot be read
   */
  @Benchmark
  public long readFloor() throws IOException {
    long sum = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      for (byte b : bytes) {
        sum += b;
      }
    }
    return sum;
  }

  /**
   * @return the sum of every byte of every file, read into one reused buffer
   */
  @Benchmark
  public long bufferFloor() {
    long sum = 0;
    FileBytes buffer = new FileBytes();
    for (Path f : files) {
      byte[] bytes = buffer.read(f).bytes();
      for (int i = 0, n = buffer.length(); i < n; i++) {
        sum += bytes[i];
      }
    }
    return sum;
  }

  /**
   * @return the sum of every number of every file, each run of digits read as one integer
   * @throws IOException if a file cannot be read
   */
  @Benchmark
  public long digitFloor() throws IOException {
    long sum = 0;
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      long number = 0;
      for (byte b : bytes) {
        int d = b - '0';
        if (d >= 0 && d <= 9) {
          number = number * 10 + d;
        } else {
          sum += number;
          number = 0;
        }
      }
      sum += number;
    }
    return sum;
  }

  /**
   * @return the number of fields of every record of every file, framed by the reader's scanner
   * @throws IOException if a file cannot be read
   */
  @Benchmark
  public long frameFloor() throws IOException {
    long fields = 0;
    for (Path f : files) {
      CsvScanner scan = new CsvScanner(f.toString(), Files.readAllBytes(f));
      while (scan.next()) {
        fields += scan.fields();
      }
    }
    return fields;
  }

  /**
   * @return the series read
   */
  @Benchmark
  public PriceDirectory.Prices onePassReader() {
    return prices.readAll(tickers);
  }

  /**
   * @return a checksum of the bars read
   */
  @Benchmark
  public long onePassBars() {
    long n = 0;
    for (Path f : files) {
      PriceBars b = PriceFileReader.readBars(f);
      n += b.size();
    }
    return n;
  }

  /**
   * @return a checksum of the series read
   */
  @Benchmark
  public long tablesawReader() {
    long n = 0;
    for (Path f : files) {
      DatedSeries s = TablesawPriceReader.read(f);
      n += s.size();
    }
    return n;
  }

  /**
   * Yahoo-layout files of the same listings and market: Close compounds the returns of {@link
   * SyntheticData#market} from 100, Adj Close is 0.98 × Close, Open, High and Low are within 1% of
   * Close, the volume an integer.
   */
  static void writeYahoo(Path folder, int listings, int sessions, boolean fullDigits) {
    SyntheticData.Market market = SyntheticData.market(listings, sessions, 42);
    writeYahoo(
        folder.resolve(SyntheticData.MARKET + ".csv"),
        market,
        SyntheticData.prices(market.marketReturns()),
        fullDigits);
    double[][] returns = market.listingReturns();
    for (int i = 0; i < listings; i++) {
      writeYahoo(
          folder.resolve(SyntheticData.ticker(i) + ".csv"),
          market,
          SyntheticData.prices(returns[i]),
          fullDigits);
    }
  }

  private static void writeYahoo(
      Path file, SyntheticData.Market market, double[] close, boolean fullDigits) {
    if (fullDigits) {
      writeYahooFullDigits(file, market, close);
      return;
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Date,Open,High,Low,Close,Adj Close,Volume\n");
      for (int t = 0; t < close.length; t++) {
        double c = close[t];
        w.write(
            String.format(
                Locale.ROOT,
                "%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d\n",
                market.session(t),
                c * 0.998,
                c * 1.01,
                c * 0.99,
                c,
                c * 0.98,
                1_000_000L + 7919L * t % 500_000L));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Yahoo layout with each price's shortest round-trip digits, up to 17, as yfinance writes.
   */
  private static void writeYahooFullDigits(Path file, SyntheticData.Market market, double[] close) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Date,Open,High,Low,Close,Adj Close,Volume\n");
      for (int t = 0; t < close.length; t++) {
        double c = close[t];
        w.write(
            market.session(t)
                + ","
                + (c * 0.998)
                + ","
                + (c * 1.01)
                + ","
                + (c * 0.99)
                + ","
                + c
                + ","
                + (c * 0.98)
                + ","
                + (1_000_000L + 7919L * t % 500_000L)
                + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
