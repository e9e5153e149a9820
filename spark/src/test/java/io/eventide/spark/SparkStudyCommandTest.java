package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.examples.cli.EventideCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code eventide-spark study} takes the flags of {@code eventide study} and writes its files. */
class SparkStudyCommandTest {

  @Test
  void takesEveryFlagOfTheStudyCommandAndOnlyAddsMasterAndDistributed() {
    Set<String> local = names(EventideCommand.commandLine().getSubcommands().get("study"));
    Set<String> spark = names(SparkStudyCommand.commandLine().getSubcommands().get("study"));
    assertThat(local).contains("--prices", "--events", "--universe", "--out", "--threads");
    assertThat(spark).containsAll(local);
    spark.removeAll(local);
    assertThat(spark).containsExactly("--distributed", "--master");
  }

  private static Set<String> names(CommandLine cl) {
    Set<String> out = new TreeSet<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      out.addAll(List.of(o.names()));
    }
    return out;
  }

  @Test
  void writesTheSameFilesAsTheLocalCommandLine(@TempDir Path dir) throws Exception {
    Path in = SampleInput.export(dir);
    String[] common =
        SampleInput.args(
            in,
            "--model",
            "ff3",
            "--factors",
            in.resolve("F-F_Research_Data_Factors_daily.CSV").toString(),
            "--clean",
            "3",
            "--threads",
            "3");
    runBoth(dir, common, new StringWriter(), new StringWriter());
    assertSameFiles(
        dir,
        List.of(
            "firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv", "overlaps.csv"),
        List.of("tests.csv", "caar.csv", "aar.csv"));
  }

  @Test
  void groupsSigningEstudy2AndGrankWriteTheSameFilesAsTheLocalCommandLine(@TempDir Path dir)
      throws Exception {
    String[] common =
        SampleInput.args(
            SampleInput.export(dir),
            "--group-by",
            "category",
            "--sign-by",
            "direction",
            "--conventions",
            "estudy2",
            "--tests",
            "cs-t,bmp-t,kp-bmp-t,rank-z,grank-t,grank-z",
            "--threads",
            "2");
    runBoth(dir, common, new StringWriter(), new StringWriter());
    assertSameFiles(
        dir,
        List.of("firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv"),
        List.of("tests.csv", "group_tests.csv"));
  }

  /**
   * {@code --distributed}: the tests, group tests and means finished from merged sums on the
   * executors. The per-firm-event files and overlaps.csv are the local command's bytes; tests.csv
   * (with --adjust holm), group_tests.csv, caar.csv and aar.csv its rows, the numbers to 1e-12
   * relative; the printed summary has the local header and the same window sections (N, CAAR, ABHAR
   * and every test as printed). With a flag that reads the columns it is refused (exit 2).
   */
  @Test
  void distributedWritesTheSameFilesAndWindowsAsTheLocalCommandLine(@TempDir Path dir)
      throws Exception {
    String[] common =
        SampleInput.args(
            SampleInput.export(dir),
            "--group-by",
            "category",
            "--clean",
            "3",
            "--adjust",
            "holm",
            "--threads",
            "3");
    Path b = dir.resolve("spark");
    StringWriter localOut = new StringWriter();
    StringWriter sparkOut = new StringWriter();
    runBoth(dir, common, localOut, sparkOut, "--distributed");
    assertSameFiles(
        dir,
        List.of(
            "firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv", "overlaps.csv"),
        List.of("tests.csv", "group_tests.csv", "caar.csv", "aar.csv"));
    try (var files = Files.list(b)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "firm_events.csv",
              "abnormal_returns.csv",
              "car.csv",
              "tests.csv",
              "left_out.csv",
              "overlaps.csv",
              "caar.csv",
              "aar.csv",
              "group_tests.csv");
    }
    String local = localOut.toString();
    String spark = sparkOut.toString();
    // The header: model, windows and counts of OK and left out.
    assertThat(spark.lines().limit(4).toList()).isEqualTo(local.lines().limit(4).toList());
    assertThat(local).contains("left out\n");
    // The windows, from the first to the last test row, as printed.
    String windows = local.substring(local.indexOf("Window "), local.indexOf("Wrote "));
    assertThat(windows).contains("CAAR = ", "cs-t", "wilcoxon");
    assertThat(spark.substring(spark.indexOf("Window "), spark.indexOf("Wrote ")))
        .isEqualTo(windows);
    assertThat(spark).contains("Wrote 9 files to " + b);

    StringWriter err = new StringWriter();
    CommandLine cl = SparkStudyCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    assertThat(
            run(
                cl,
                "study",
                common,
                "--out",
                dir.resolve("no").toString(),
                "--distributed",
                "--plot",
                "--report"))
        .isEqualTo(EventideCommand.BAD_INPUT);
    assertThat(err.toString())
        .contains("--distributed", "--report, --plot")
        .doesNotContain("Exception\n\tat ");
    assertThat(dir.resolve("no")).doesNotExist();
  }

  /**
   * Runs {@code eventide study} into {@code dir/local} and {@code eventide-spark study --master
   * local[2]} (with {@code sparkExtra}) into {@code dir/spark} on the same flags; both exit 0.
   */
  private static void runBoth(
      Path dir,
      String[] common,
      StringWriter localOut,
      StringWriter sparkOut,
      String... sparkExtra) {
    assertThat(
            run(
                EventideCommand.commandLine(),
                localOut,
                "study",
                common,
                "--out",
                dir.resolve("local").toString()))
        .isZero();
    String[] more = new String[4 + sparkExtra.length];
    more[0] = "--out";
    more[1] = dir.resolve("spark").toString();
    more[2] = "--master";
    more[3] = "local[2]";
    System.arraycopy(sparkExtra, 0, more, 4, sparkExtra.length);
    assertThat(run(SparkStudyCommand.commandLine(), sparkOut, "study", common, more)).isZero();
  }

  /**
   * The files {@link #runBoth} wrote: {@code sameBytes} byte for byte; {@code sameNumbers} with
   * rows below the header, and the same rows as {@link SameAnswer#assertSameNumbers} reads them.
   */
  private static void assertSameFiles(Path dir, List<String> sameBytes, List<String> sameNumbers)
      throws Exception {
    Path a = dir.resolve("local");
    Path b = dir.resolve("spark");
    for (String f : sameBytes) {
      assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
    for (String f : sameNumbers) {
      List<String> ta = Files.readAllLines(a.resolve(f));
      assertThat(ta).as(f).hasSizeGreaterThan(2);
      SameAnswer.assertSameNumbers(f, ta, Files.readAllLines(b.resolve(f)));
    }
  }

  @Test
  void badInputExitsTwoWithTheFileNamed(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    CommandLine cl = SparkStudyCommand.commandLine();
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "study",
            "--prices",
            dir.toString(),
            "--universe",
            dir.resolve("nope.csv").toString(),
            "--events",
            dir.resolve("events.csv").toString(),
            "--out",
            dir.resolve("out").toString());
    assertThat(code).isEqualTo(EventideCommand.BAD_INPUT);
    assertThat(err.toString()).contains("nope.csv").doesNotContain("Exception\n\tat ");
  }

  private static int run(CommandLine cl, String sub, String[] common, String... more) {
    return run(cl, new StringWriter(), sub, common, more);
  }

  private static int run(
      CommandLine cl, StringWriter out, String sub, String[] common, String... more) {
    cl.setOut(new PrintWriter(out));
    String[] args = new String[1 + common.length + more.length];
    args[0] = sub;
    System.arraycopy(common, 0, args, 1, common.length);
    System.arraycopy(more, 0, args, 1 + common.length, more.length);
    return cl.execute(args);
  }
}
