package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.examples.SampleData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line of docs/cli.md, run in-process with captured output. */
class EventideCommandTest {

  @TempDir static Path tmp;
  static Path sample;

  @BeforeAll
  static void exportSample() {
    sample = tmp.resolve("sample");
    CommandLineRun r = CommandLineRun.of("sample", "--out", sample.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Wrote " + SampleData.FILES.size() + " files");
  }

  private static String[] study(Path out, String... extra) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                sample.resolve("universe.csv").toString(),
                "--events",
                sample.resolve("events.csv").toString(),
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void mainJobPrintsTheJulyStudy() {
    CommandLineRun r = CommandLineRun.of();
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("4 events, 8 listings, 21 firm-events: 21 OK, 0 left out")
        .contains("pboc-ant-fine                        9988.HK   HKEX   2023-07-10")
        .contains("Window -1:1   N = 21")
        .contains("wilcoxon");
  }

  @Test
  void studyWritesTheContractFiles() throws IOException {
    Path out = tmp.resolve("out");
    CommandLineRun r = CommandLineRun.of(study(out, "--plot"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(lines(out.resolve("firm_events.csv")).get(0))
        .isEqualTo("event_id,ticker,exchange,day0,outcome,m,k,sigma,alpha,beta,reason");
    assertThat(lines(out.resolve("abnormal_returns.csv")).get(0))
        .isEqualTo("event_id,ticker,rel_day,date,ret,expected,ar,sar");
    assertThat(lines(out.resolve("car.csv")).get(0))
        .isEqualTo("event_id,ticker,window,car,var_car,scar,p_value,bhar");
    assertThat(lines(out.resolve("tests.csv")).get(0))
        .isEqualTo("window,measure,test,statistic,p_value,n,reason,p_adjusted");
    assertThat(Files.size(out.resolve("caar.png"))).isPositive();
    // 22 events on 8 listings; every (window, measure) has its rows: the event span -5:5 gives
    // 4 study windows + 10 more one-day windows = 14; CAR has 11 tests, BHAR 4: 14 × 15 = 210.
    assertThat(lines(out.resolve("tests.csv"))).hasSize(1 + 210);
    // without --adjust the p_adjusted column is empty
    assertThat(lines(out.resolve("tests.csv")).subList(1, 211)).allMatch(l -> l.endsWith(","));
    List<String> fe = lines(out.resolve("firm_events.csv"));
    assertThat(fe.stream().filter(l -> l.contains(",UNKNOWN_TICKER,"))).isNotEmpty();
    assertThat(fe.stream().filter(l -> l.startsWith("pboc-ant-fine,9988.HK,HKEX,2023-07-10,OK,")))
        .hasSize(1);
    // abnormal_returns.csv: 11 rows (days -5..5) per OK firm-event.
    long ok = fe.stream().filter(l -> l.contains(",OK,")).count();
    assertThat(lines(out.resolve("abnormal_returns.csv"))).hasSize(1 + (int) (11 * ok));
  }

  /**
   * docs/cli.md section 9: with -Deventide.timings=true one line of phase timings goes to standard
   * error, after the output files are written (its start time lies between this test's clock
   * readings), and standard output is unchanged.
   */
  @Test
  void timingsPropertyPrintsOnePhaseLine() {
    Path plain = tmp.resolve("untimed");
    Path timed = tmp.resolve("timed");
    CommandLineRun without = CommandLineRun.of(study(plain));
    long before = System.currentTimeMillis();
    System.setProperty("eventide.timings", "true");
    CommandLineRun with;
    try {
      with = CommandLineRun.of(study(timed));
    } finally {
      System.clearProperty("eventide.timings");
    }
    long after = System.currentTimeMillis();
    assertThat(without.err()).isEmpty();
    assertThat(with.code()).isZero();
    assertThat(with.out()).isEqualTo(without.out().replace(plain.toString(), timed.toString()));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "^eventide-timings read_start_epoch_ms=(\\d+) read_ms=(\\d+\\.\\d{3})"
                    + " study_ms=(\\d+\\.\\d{3}) tests_ms=(\\d+\\.\\d{3})"
                    + " write_ms=(\\d+\\.\\d{3})\\R$")
            .matcher(with.err());
    assertThat(m.matches()).as(with.err()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isBetween(before, after);
    double sum = 0;
    for (int g = 2; g <= 5; g++) {
      sum += Double.parseDouble(m.group(g));
    }
    assertThat(sum).isPositive().isLessThanOrEqualTo(after - before + 1.0);
  }

  @Test
  void factorModelNeedsFactorFiles() {
    CommandLineRun r = CommandLineRun.of(study(tmp.resolve("ff3"), "--model", "ff3"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("Model ff3 needs factors [Mkt-RF, SMB, HML]")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void carhartOnTheSampleRuns() throws IOException {
    Path out = tmp.resolve("carhart");
    CommandLineRun r =
        CommandLineRun.of(
            study(
                out,
                "--model",
                "carhart4",
                "--factors",
                sample.resolve("F-F_Research_Data_Factors_daily.CSV").toString(),
                "--factors",
                sample.resolve("F-F_Momentum_Factor_daily.csv").toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(lines(out.resolve("firm_events.csv")).get(0))
        .isEqualTo(
            "event_id,ticker,exchange,day0,outcome,m,k,sigma,alpha,b_Mkt-RF,b_SMB,b_HML,b_Mom,reason");
  }

  @Test
  void badUsageExitsTwoWithoutStackTrace() {
    CommandLineRun missing = CommandLineRun.of("study", "--prices", sample.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required options");
    CommandLineRun model = CommandLineRun.of(study(tmp.resolve("x"), "--model", "capm"));
    assertThat(model.code()).isEqualTo(2);
    assertThat(model.err()).contains("Unknown --model 'capm'");
    CommandLineRun window = CommandLineRun.of(study(tmp.resolve("y"), "--estimation", "-250:0"));
    assertThat(window.code()).isEqualTo(2);
    assertThat(window.err()).contains("must end before the earliest event window starts");
    for (CommandLineRun r : List.of(missing, model, window)) {
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }

  @Test
  void badPriceFileNamesFileLineColumnAndValue() throws IOException {
    Path prices = tmp.resolve("badprices");
    SampleData.export(prices);
    List<String> baba = lines(prices.resolve("BABA.csv"));
    String row = baba.get(17);
    String[] cells = row.split(",");
    cells[5] = "abc";
    baba.set(17, String.join(",", cells));
    Files.write(prices.resolve("BABA.csv"), baba, StandardCharsets.UTF_8);
    CommandLineRun r =
        CommandLineRun.of(
            "study",
            "--prices",
            prices.toString(),
            "--universe",
            prices.resolve("universe.csv").toString(),
            "--events",
            prices.resolve("events.csv").toString(),
            "--out",
            tmp.resolve("z").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("BABA.csv")
        .contains("line 18")
        .contains("Adj Close")
        .contains("\"abc\"")
        .doesNotContain("\tat ");
  }

  @Test
  void missingBenchmarkFileIsBadInput() throws IOException {
    Path prices = tmp.resolve("nobench");
    SampleData.export(prices);
    Files.delete(prices.resolve("HSI.csv"));
    CommandLineRun r =
        CommandLineRun.of(
            "study",
            "--prices",
            prices.toString(),
            "--universe",
            prices.resolve("universe.csv").toString(),
            "--events",
            prices.resolve("events.csv").toString(),
            "--out",
            tmp.resolve("w").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Benchmark HSI of 9988.HK").contains("HSI.csv");
  }

  @Test
  void anOutputFolderThatIsAFileIsBadUsage() throws IOException {
    // Before: Files.createDirectories failed, and the command exited 1 with
    // "Cannot create output folder ...: java.nio.file.FileAlreadyExistsException: ...".
    Path file = Files.writeString(tmp.resolve("not-a-folder.csv"), "x\n");
    CommandLineRun r = CommandLineRun.of(study(file));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "eventide: --out "
                + file
                + " is a file; give a folder (created if missing) for the output files"
                + System.lineSeparator());
    assertThat(Files.readString(file)).isEqualTo("x\n");
  }

  @Test
  void aWindowFarBeyondAnyCalendarIsBadUsageNotAnOutOfMemoryError() {
    // Before: --estimation -2000000000:-11 allocated per estimation day and died with
    // java.lang.OutOfMemoryError and a stack trace.
    CommandLineRun r =
        CommandLineRun.of(study(tmp.resolve("huge"), "--estimation=-2000000000:-11"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "Estimation window -2000000000:-11 reaches relative day"
                + " -2000000000; windows must lie within 100000 sessions of day 0")
        .doesNotContain("\tat ")
        .doesNotContain("Error");
  }

  /** A subcommand that runs out of memory, standing in for a study too large for the heap. */
  @CommandLine.Command(name = "exhaust")
  static final class Exhaust implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void runningOutOfMemoryIsOneMessageAndExitOne() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = EventideCommand.commandLine();
    cl.addSubcommand(new Exhaust());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("exhaust")).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo(
            "eventide: out of memory (Java heap space): the study needs"
                + " more memory than this Java process may use; use shorter windows or fewer events, or"
                + " give Java more memory (java -Xmx8g -jar eventide.jar ...)"
                + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  /** Runs a command line built by {@code build} with these arguments: code, output, error. */
  private static List<String> runWith(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return List.of(Integer.toString(code), out.toString(), err.toString());
  }

  @Test
  void theCommandLineBuiltForOneSubcommandAnswersAsTheFullOne() {
    // main builds only the invoked subcommand; the full command line (every subcommand) is the
    // oracle for help, usage errors and unknown subcommands.
    List<List<String>> argLists =
        List.of(
            List.of("study", "--help"),
            List.of("sample", "--help"),
            List.of("simulate", "--help"),
            List.of("backtest", "--help"),
            List.of("study", "--prices"),
            List.of("study", "--no-such-option"),
            List.of("simulate", "--prices", "x"),
            List.of("--help"),
            List.of("--version"),
            List.of("no-such-command"));
    for (List<String> a : argLists) {
      String[] args = a.toArray(new String[0]);
      List<String> lazy = runWith(EventideCommand.commandLine(args), args);
      assertThat(lazy)
          .describedAs(a.toString())
          .isEqualTo(runWith(EventideCommand.commandLine(), args));
      assertThat(lazy.get(1) + lazy.get(2)).describedAs(a.toString()).isNotEmpty();
    }
    assertThat(EventideCommand.commandLine("study", "--help").getSubcommands().keySet())
        .containsExactly("study");
    assertThat(EventideCommand.commandLine("--help").getSubcommands().keySet())
        .containsExactly("study", "sample", "simulate", "backtest");
  }
}
