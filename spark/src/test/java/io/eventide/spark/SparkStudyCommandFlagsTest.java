package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.examples.cli.EventideCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code eventide-spark study} with the flags it once refused ({@code --bhar-benchmark}, {@code
 * --conventions stata-estudy}, {@code --factors EXCH=FILE}, {@code --measure volume|volatility})
 * writes the files {@code eventide study} writes on the bundled sample: the same names, the
 * firm-event files byte for byte, every other file with the same texts and its numbers to 1e-12
 * relative (sums merged in another order, {@code docs/spark.md} section 3).
 */
class SparkStudyCommandFlagsTest {

  /** Written from each firm-event's own values: identical bits, so identical bytes. */
  private static final List<String> EXACT =
      List.of("firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv");

  @Test
  void stataConventionsAReferenceListingAndAFactorSetPerExchange(@TempDir Path dir)
      throws IOException {
    Path in = SampleInput.export(dir);
    String factors = in.resolve("F-F_Research_Data_Factors_daily.CSV").toString();
    assertSameFiles(
        dir,
        SampleInput.args(in),
        "--model",
        "ff3",
        "--factors",
        factors,
        "--factors",
        "HKEX=" + factors,
        "--bhar-benchmark",
        "SPX",
        "--conventions",
        "stata-estudy",
        "--clean",
        "3",
        "--threads",
        "3");
  }

  @Test
  void volumeAndVolatilityMeasures(@TempDir Path dir) throws IOException {
    Path in = SampleInput.export(dir);
    assertSameFiles(
        dir.resolve("volume"), SampleInput.args(in), "--measure", "volume", "--threads", "2");
    assertSameFiles(
        dir.resolve("volatility"),
        SampleInput.args(in),
        "--measure",
        "volatility",
        "--threads",
        "2");
  }

  /** Runs both commands with the same flags and compares every file they write. */
  private static void assertSameFiles(Path dir, String[] common, String... flags)
      throws IOException {
    Path a = dir.resolve("local");
    Path b = dir.resolve("spark");
    StringWriter err = new StringWriter();
    assertThat(run(EventideCommand.commandLine(), err, common, flags, "--out", a.toString()))
        .as(err.toString())
        .isZero();
    assertThat(
            run(
                SparkStudyCommand.commandLine(),
                err,
                common,
                flags,
                "--out",
                b.toString(),
                "--master",
                "local[2]"))
        .as(err.toString())
        .isZero();
    Set<String> files = names(a);
    assertThat(names(b)).isEqualTo(files);
    assertThat(files).containsAll(EXACT).contains("tests.csv");
    for (String f : files) {
      if (EXACT.contains(f)) {
        assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
      } else {
        SameAnswer.assertSameNumbers(
            f, Files.readAllLines(a.resolve(f)), Files.readAllLines(b.resolve(f)));
      }
    }
  }

  private static Set<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      Set<String> out = new TreeSet<>();
      s.forEach(p -> out.add(p.getFileName().toString()));
      return out;
    }
  }

  private static int run(
      CommandLine cl, StringWriter err, String[] common, String[] flags, String... more) {
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err, true));
    String[] args = new String[1 + common.length + flags.length + more.length];
    args[0] = "study";
    System.arraycopy(common, 0, args, 1, common.length);
    System.arraycopy(flags, 0, args, 1 + common.length, flags.length);
    System.arraycopy(more, 0, args, 1 + common.length + flags.length, more.length);
    return cl.execute(args);
  }
}
