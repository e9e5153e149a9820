package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.examples.SampleData;
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
  void takesEveryFlagOfTheStudyCommandAndOnlyAddsMaster() {
    Set<String> local = names(EventideCommand.commandLine().getSubcommands().get("study"));
    Set<String> spark = names(SparkStudyCommand.commandLine().getSubcommands().get("study"));
    assertThat(local).contains("--prices", "--events", "--universe", "--out", "--threads");
    assertThat(spark).containsAll(local);
    spark.removeAll(local);
    assertThat(spark).containsExactly("--master");
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
    Path in = dir.resolve("in");
    SampleData.export(in);
    String[] common = {
      "--prices", in.toString(),
      "--universe", in.resolve("universe.csv").toString(),
      "--events", in.resolve("events.csv").toString(),
      "--model", "ff3",
      "--factors", in.resolve("F-F_Research_Data_Factors_daily.CSV").toString(),
      "--clean", "3",
      "--threads", "3"
    };
    Path a = dir.resolve("local");
    Path b = dir.resolve("spark");
    assertThat(run(EventideCommand.commandLine(), "study", common, "--out", a.toString())).isZero();
    assertThat(
            run(
                SparkStudyCommand.commandLine(),
                "study",
                common,
                "--out",
                b.toString(),
                "--master",
                "local[2]"))
        .isZero();
    for (String f :
        List.of(
            "firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv", "overlaps.csv")) {
      assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
    List<String> ta = Files.readAllLines(a.resolve("tests.csv"));
    List<String> tb = Files.readAllLines(b.resolve("tests.csv"));
    assertThat(tb).hasSameSizeAs(ta);
    assertThat(tb.get(0)).isEqualTo(ta.get(0));
  }

  @Test
  void groupsSigningEstudy2AndGrankWriteTheSameFilesAsTheLocalCommandLine(@TempDir Path dir)
      throws Exception {
    Path in = dir.resolve("in");
    SampleData.export(in);
    String[] common = {
      "--prices", in.toString(),
      "--universe", in.resolve("universe.csv").toString(),
      "--events", in.resolve("events.csv").toString(),
      "--group-by", "category",
      "--sign-by", "direction",
      "--conventions", "estudy2",
      "--tests", "cs-t,bmp-t,kp-bmp-t,rank-z,grank-t,grank-z",
      "--threads", "2"
    };
    Path a = dir.resolve("local");
    Path b = dir.resolve("spark");
    assertThat(run(EventideCommand.commandLine(), "study", common, "--out", a.toString())).isZero();
    assertThat(
            run(
                SparkStudyCommand.commandLine(),
                "study",
                common,
                "--out",
                b.toString(),
                "--master",
                "local[2]"))
        .isZero();
    for (String f : List.of("firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv")) {
      assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
    for (String f : List.of("tests.csv", "group_tests.csv")) {
      List<String> ta = Files.readAllLines(a.resolve(f));
      List<String> tb = Files.readAllLines(b.resolve(f));
      assertThat(ta).as(f).hasSizeGreaterThan(10);
      assertThat(tb).as(f).hasSameSizeAs(ta);
      for (int i = 0; i < ta.size(); i++) {
        // The same group, window, measure, test, n and reason; the numbers to 1e-12 relative.
        String[] x = ta.get(i).split(",", -1);
        String[] y = tb.get(i).split(",", -1);
        assertThat(y).as(f + " line " + (i + 1)).hasSameSizeAs(x);
        for (int c = 0; c < x.length; c++) {
          if (i > 0 && x[c].matches("-?[0-9.]+(E-?[0-9]+)?") && x[c].contains(".")) {
            SameAnswer.close(
                f + " line " + (i + 1) + " column " + c,
                Double.parseDouble(x[c]),
                Double.parseDouble(y[c]));
          } else {
            assertThat(y[c]).as(f + " line " + (i + 1) + " column " + c).isEqualTo(x[c]);
          }
        }
      }
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
    cl.setOut(new PrintWriter(new StringWriter()));
    String[] args = new String[1 + common.length + more.length];
    args[0] = sub;
    System.arraycopy(common, 0, args, 1, common.length);
    System.arraycopy(more, 0, args, 1 + common.length, more.length);
    return cl.execute(args);
  }
}
