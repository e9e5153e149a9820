package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code eventide simulate} as a user runs it ({@code docs/cli.md}): on a folder of 10 synthetic
 * price files and a market, the default flags but S = 8 write 220 rows, byte-identical on 1 and 2
 * threads, with the summary on standard output and nothing on standard error (not a terminal); bad
 * input is exit 2 with one line naming the flag and the value, and no output folder.
 */
class SimulateCommandLineTest {

  @TempDir static Path root;
  static Path prices;

  @BeforeAll
  static void writePanel() throws IOException {
    prices = root.resolve("prices");
    Files.createDirectories(prices);
    SplittableRandom rnd = new SplittableRandom(3);
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2020, 1, 1); days.size() < 320; d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days.add(d);
      }
    }
    double[] m = new double[days.size()];
    for (int t = 1; t < m.length; t++) {
      m[t] = 0.01 * (rnd.nextDouble() - 0.5) * 3.4;
    }
    write(prices.resolve("IDX.csv"), days, m, m, 0, rnd);
    for (int i = 0; i < 10; i++) {
      write(prices.resolve("S" + i + ".csv"), days, m, null, 0.8 + 0.05 * i, rnd);
    }
  }

  private static void write(
      Path file, List<LocalDate> days, double[] m, double[] own, double beta, SplittableRandom rnd)
      throws IOException {
    StringBuilder b = new StringBuilder("Date,Close\n");
    double p = 100;
    for (int t = 0; t < days.size(); t++) {
      if (t > 0) {
        p *= 1 + (own != null ? own[t] : beta * m[t] + 0.02 * (rnd.nextDouble() - 0.5) * 3.4);
      }
      b.append(days.get(t))
          .append(',')
          .append(String.format(java.util.Locale.ROOT, "%.6f", p))
          .append('\n');
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }

  private static CommandLineRun simulate(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "simulate",
                "--prices",
                prices.toString(),
                "--market",
                "IDX",
                "--out",
                out.toString()));
    List<String> given = List.of(more);
    // S = 8 and N = 4 unless the test gives its own.
    if (!given.contains("--samples")) {
      args.addAll(List.of("--samples", "8"));
    }
    if (!given.contains("--size")) {
      args.addAll(List.of("--size", "4"));
    }
    args.addAll(given);
    return CommandLineRun.of(args);
  }

  @Test
  void writesTheDefaultTableTheSameOnAnyThreadCount() throws IOException {
    Path a = root.resolve("out1");
    Path b = root.resolve("out2");
    CommandLineRun r1 = simulate(a, "--threads", "1");
    CommandLineRun r2 = simulate(b, "--threads", "2", "--plot");
    assertThat(r1.code()).as(r1.err()).isZero();
    assertThat(r2.code()).as(r2.err()).isZero();
    assertThat(r1.err()).isEmpty();
    assertThat(r1.out())
        .contains("10 candidate listings against IDX; 10 eligible listings")
        .contains("Rejection rates, %, clustered design")
        .contains("Wrote 1 file to " + a);
    byte[] one = Files.readAllBytes(a.resolve("rejections.csv"));
    assertThat(Files.readAllBytes(b.resolve("rejections.csv"))).isEqualTo(one);
    List<String> lines = Files.readAllLines(a.resolve("rejections.csv"));
    // 2 designs × (4 shifts + variance) × 2 windows × 11 tests = 220 rows with the defaults.
    assertThat(lines).hasSize(221);
    assertThat(lines.get(1))
        .startsWith("nonclustered,shift,0,0:0,cs-t,")
        .endsWith(",8," + lines.get(1).split(",")[7] + "," + lines.get(1).split(",")[8]);
    assertThat(lines.get(220)).startsWith("clustered,variance,0,-1:1,wilcoxon,");
    assertThat(Files.size(b.resolve("rejections.png"))).isGreaterThan(10_000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--market|NOPE|--market NOPE: no file",
        "--shifts|0,abc|--shifts abc: is not a number",
        "--samples|0|--samples 0: must be at least 1",
        "--samples|many|--samples many: is not a whole number",
        "--size|11|--size 11: exceeds the 10 eligible listings of the panel (nonclustered design)",
        "--alpha|1.5|--alpha 1.5: must lie strictly between 0 and 1",
        "--windows|-6:0|--windows -6:0: lies outside the event span -5:5",
        "--designs|random|--designs random: is not a design",
        "--min-valid|4|--min-valid 4: must be at least 5",
        "--threads|0|--threads 0: must be at least 1",
        "--variance|maybe|--variance maybe: is neither on nor off",
        "--tests|cs-t,nope|--tests cs-t,nope: Unknown test id 'nope'"
      })
  void badInputIsOneLineNamingTheFlagAndValue(String flag, String value, String message) {
    Path out = root.resolve("bad-" + flag.substring(2) + "-" + Math.abs(value.hashCode()));
    CommandLineRun r =
        flag.equals("--market")
            ? CommandLineRun.of(
                List.of(
                    "simulate",
                    "--prices",
                    prices.toString(),
                    "--market",
                    value,
                    "--out",
                    out.toString()))
            : simulate(out, flag, value);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("eventide: " + message);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void aSizeNoDayCanHoldIsBadInputForTheClusteredDesign() {
    Path out = root.resolve("bad-cluster");
    CommandLineRun r = simulate(out, "--designs", "clustered", "--size", "11");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "eventide: --size 11: no session has that many eligible listings (clustered design);"
                + " the most on one session is 10");
  }
}
