package io.eventide.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole command line, from files to files: writes a seeded synthetic panel as CSV files (one
 * {@code Date,Close} price file per listing and one for the market {@code MKT}, {@code
 * universe.csv}, {@code events.csv} with events that hit every listing), then runs {@code eventide
 * study} on them in a fresh JVM several times and prints, per run and as the median, the wall time
 * from launching the process to its exit, split into start-up (launch to the first line read),
 * read, study, tests and write (from the {@code eventide.timings} line the command prints, see
 * {@code docs/cli.md} section 9) and the rest (JVM exit). The command is {@code java
 * -Deventide.timings=true [--jvm-args] -jar FILE study ...}: without {@code --jvm-args} that is a
 * bare {@code java -jar}, which runs the study in a second JVM with the quick compiler ({@code
 * docs/cli.md} section 10), and the times include both JVMs; with JVM flags in {@code --jvm-args}
 * the study runs in the one JVM so set up (for example {@code --jvm-args "-XX:+UseG1GC"} for the
 * JVM's defaults).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.eventide.benchmarks.EndToEndRun \
 *     --jar examples/target/eventide.jar --listings 100 --sessions 2600 --events 100 --runs 5
 * </pre>
 *
 * Arguments: {@code --jar FILE} (the {@code eventide} jar, default {@code
 * examples/target/eventide.jar}), {@code --listings N} (100), {@code --sessions N} (2,600), {@code
 * --events N} (100), {@code --runs N} (5), {@code --dir DIR} (where the files go; default a new
 * temporary folder), {@code --threads N} (passed as {@code --threads}; default the command's own),
 * {@code --jvm-args "..."} (extra JVM flags, space-separated). The data is the same every time
 * (seed 42): the numbers of {@link SyntheticData#market}.
 */
public final class EndToEndRun {

  private static final Pattern TIMINGS =
      Pattern.compile(
          "eventide-timings read_start_epoch_ms=(\\d+) read_ms=([0-9.]+) study_ms=([0-9.]+)"
              + " tests_ms=([0-9.]+) write_ms=([0-9.]+)");

  private static final String[] CONTRACT_FILES = {
    "firm_events.csv",
    "abnormal_returns.csv",
    "car.csv",
    "tests.csv",
    "left_out.csv",
    "overlaps.csv"
  };

  private EndToEndRun() {}

  /**
   * Runs the benchmark.
   *
   * @param args see the class documentation
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    Path jar = Paths.get("examples/target/eventide.jar");
    int listings = 100;
    int sessions = 2600;
    int events = 100;
    int runs = 5;
    Path dir = null;
    String threads = null;
    List<String> jvmArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--jar":
          jar = Paths.get(v);
          i++;
          break;
        case "--listings":
          listings = Integer.parseInt(v);
          i++;
          break;
        case "--sessions":
          sessions = Integer.parseInt(v);
          i++;
          break;
        case "--events":
          events = Integer.parseInt(v);
          i++;
          break;
        case "--runs":
          runs = Integer.parseInt(v);
          i++;
          break;
        case "--dir":
          dir = Paths.get(v);
          i++;
          break;
        case "--threads":
          threads = v;
          i++;
          break;
        case "--jvm-args":
          jvmArgs.addAll(Arrays.asList(v.trim().split("\\s+")));
          i++;
          break;
        default:
          throw new IllegalArgumentException("Unknown argument " + args[i]);
      }
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("No eventide jar at " + jar + "; build it or give --jar");
    }
    if (dir == null) {
      dir = Files.createTempDirectory("eventide-e2e");
    }
    long g0 = System.nanoTime();
    write(dir, listings, sessions, events);
    System.out.printf(
        Locale.ROOT,
        "panel: %d listings x %d sessions, %d events hitting every listing = %d firm-events;"
            + " files in %s (written in %.1f s)%n",
        listings,
        sessions,
        events,
        listings * events,
        dir,
        (System.nanoTime() - g0) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "%4s %9s %10s %8s %8s %8s %8s %8s%n",
        "run",
        "wall ms",
        "startup ms",
        "read ms",
        "study ms",
        "tests ms",
        "write ms",
        "exit ms");
    double[][] rows = new double[runs][];
    for (int r = 0; r < runs; r++) {
      rows[r] = runOnce(jar, dir, threads, jvmArgs);
      print(Integer.toString(r + 1), rows[r]);
    }
    double[] median = new double[rows[0].length];
    for (int c = 0; c < median.length; c++) {
      double[] col = new double[runs];
      for (int r = 0; r < runs; r++) {
        col[r] = rows[r][c];
      }
      Arrays.sort(col);
      median[c] = runs % 2 == 1 ? col[runs / 2] : 0.5 * (col[runs / 2 - 1] + col[runs / 2]);
    }
    print("med", median);
  }

  private static void print(String label, double[] row) {
    System.out.printf(
        Locale.ROOT,
        "%4s %9.0f %10.0f %8.0f %8.0f %8.0f %8.0f %8.0f%n",
        label,
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6]);
  }

  /** One fresh JVM: wall, start-up, read, study, tests, write, exit (ms). */
  private static double[] runOnce(Path jar, Path dir, String threads, List<String> jvmArgs)
      throws IOException, InterruptedException {
    Path out = dir.resolve("out");
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-Deventide.timings=true");
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("study");
    cmd.add("--prices");
    cmd.add(dir.resolve("prices").toString());
    cmd.add("--universe");
    cmd.add(dir.resolve("universe.csv").toString());
    cmd.add("--events");
    cmd.add(dir.resolve("events.csv").toString());
    cmd.add("--out");
    cmd.add(out.toString());
    if (threads != null) {
      cmd.add("--threads");
      cmd.add(threads);
    }
    Path log = dir.resolve("run.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    long launchMillis = System.currentTimeMillis();
    long n0 = System.nanoTime();
    Process p = pb.start();
    int code = p.waitFor();
    double wall = (System.nanoTime() - n0) / 1e6;
    String text = Files.readString(log, StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException("eventide study exited with " + code + ":\n" + text);
    }
    for (String f : CONTRACT_FILES) {
      if (!Files.isRegularFile(out.resolve(f))) {
        throw new IllegalStateException("eventide study wrote no " + f + ":\n" + text);
      }
    }
    Matcher m = TIMINGS.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("No eventide-timings line in the output:\n" + text);
    }
    double startup = Long.parseLong(m.group(1)) - launchMillis;
    double read = Double.parseDouble(m.group(2));
    double study = Double.parseDouble(m.group(3));
    double tests = Double.parseDouble(m.group(4));
    double write = Double.parseDouble(m.group(5));
    double exit = wall - startup - read - study - tests - write;
    return new double[] {wall, startup, read, study, tests, write, exit};
  }

  /** Writes the price files, the universe and the events (seed 42). */
  static void write(Path dir, int listings, int sessions, int events) throws IOException {
    SyntheticData.Market market = SyntheticData.market(listings, sessions, 42);
    Path prices = Files.createDirectories(dir.resolve("prices"));
    String[] dates = new String[sessions];
    for (int t = 0; t < sessions; t++) {
      dates[t] = market.session(t).toString();
    }
    writePrices(
        prices.resolve(SyntheticData.MARKET + ".csv"),
        dates,
        SyntheticData.prices(market.marketReturns()));
    double[][] returns = market.listingReturns();
    StringBuilder universe = new StringBuilder("ticker,exchange,benchmark\n");
    for (int i = 0; i < listings; i++) {
      String ticker = SyntheticData.ticker(i);
      writePrices(prices.resolve(ticker + ".csv"), dates, SyntheticData.prices(returns[i]));
      universe.append(ticker).append(",NYSE,").append(SyntheticData.MARKET).append('\n');
    }
    Files.writeString(dir.resolve("universe.csv"), universe, StandardCharsets.UTF_8);
    StringBuilder ev = new StringBuilder("event_id,announced\n");
    market
        .eventsOnEverySession(events)
        .forEach(
            e -> ev.append(e.id()).append(',').append(e.announcement().localDate()).append('\n'));
    Files.writeString(dir.resolve("events.csv"), ev, StandardCharsets.UTF_8);
  }

  private static void writePrices(Path file, String[] dates, double[] prices) {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Date,Close\n");
      for (int t = 0; t < dates.length; t++) {
        w.write(dates[t]);
        w.write(',');
        w.write(String.format(Locale.ROOT, "%.6f", prices[t]));
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
