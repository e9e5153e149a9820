package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.io.ExchangeFileReader;
import io.eventide.io.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventide study --exchanges FILE}: a universe that names an exchange of the user's, a
 * redefined built-in that moves day 0, and bad files that end as one line and exit 2.
 *
 * <p>The world: the bundled sample from June 2021 on; one event, the PBOC fine of Ant Group,
 * 2023-07-07T20:10+08:00 (12:10Z on Friday 7 July), on BABA (benchmark SPX) and 9988.HK (benchmark
 * HSI). With the built-in HKEX (close 16:00 Hong Kong time = 08:00Z) 9988.HK's day 0 is the next
 * session, Monday 10 July; BABA's is Friday 7 July (NYSE close 16:00 New York = 20:00Z).
 */
class ExchangesCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;
  static Path events;

  @BeforeAll
  static void setUp() throws IOException {
    Path full = tmp.resolve("full-sample");
    assertThat(CommandLineRun.of(List.of("sample", "--out", full.toString())).code()).isZero();
    // The sample's files from June 2021 on: header lines (not starting with a digit), and rows
    // dated 2021-06-01 or later.
    sample = Files.createDirectories(tmp.resolve("sample"));
    CommandLineRun.copyFromJune2021(full, sample, List.of("SPX", "HSI", "BABA", "9988.HK"));
    events =
        Files.writeString(
            tmp.resolve("events.csv"),
            "event_id,announced,affected\npboc-ant-fine,2023-07-07T20:10+08:00,\n");
  }

  /** A study of the event on a universe, with extra arguments; its output folder is {@code out}. */
  private static CommandLineRun study(String name, String universe, String... extra)
      throws IOException {
    Path work = Files.createDirectories(tmp.resolve("runs").resolve(name));
    Path uni = Files.writeString(work.resolve("universe.csv"), universe);
    List<String> args =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                uni.toString(),
                "--events",
                events.toString(),
                "--out",
                work.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CommandLineRun.of(args);
  }

  private static Path exchangesFile(String name, String text) throws IOException {
    return Files.writeString(
        Files.createDirectories(tmp.resolve("files")).resolve(name), text, StandardCharsets.UTF_8);
  }

  private static List<String> lines(String run, String file) throws IOException {
    return Files.readAllLines(
        tmp.resolve("runs").resolve(run).resolve("out").resolve(file), StandardCharsets.UTF_8);
  }

  /** The rows of a file for one ticker, without the exchange column's value. */
  private static List<String> rowsOf(String run, String file, String ticker) throws IOException {
    return lines(run, file).stream().filter(l -> l.contains("," + ticker + ",")).toList();
  }

  @Test
  void aUniverseNamesAnExchangeOfTheUsersOwn() throws IOException {
    // "HK Main" is Hong Kong under a code of the user's: same zone and hours as the built-in HKEX,
    // so every number of 9988.HK must be the same as with HKEX, and only the exchange column
    // differs (it shows the user's code as defined).
    Path file =
        exchangesFile("hk-main.csv", "code,zone,open,close\nHK Main,Asia/Hong_Kong,09:30,16:00\n");
    CommandLineRun builtIn =
        study("builtin", "ticker,exchange,benchmark\nBABA,NYSE,SPX\n9988.HK,HKEX,HSI\n");
    CommandLineRun own =
        study(
            "own",
            "ticker,exchange,benchmark\nBABA,xnys,SPX\n9988.HK,hk main,HSI\n",
            "--exchanges",
            file.toString());
    for (CommandLineRun r : List.of(builtIn, own)) {
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).isEmpty();
    }
    List<String> fe = rowsOf("own", "firm_events.csv", "9988.HK");
    assertThat(fe).hasSize(1);
    assertThat(fe.get(0)).startsWith("pboc-ant-fine,9988.HK,HK Main,2023-07-10,OK,240,2,");
    assertThat(fe.get(0).replace(",HK Main,", ",HKEX,"))
        .isEqualTo(rowsOf("builtin", "firm_events.csv", "9988.HK").get(0));
    assertThat(rowsOf("own", "firm_events.csv", "BABA").get(0))
        .startsWith("pboc-ant-fine,BABA,NYSE,2023-07-07,OK,");
    for (String f : List.of("abnormal_returns.csv", "car.csv", "tests.csv")) {
      assertThat(lines("own", f)).as(f).isEqualTo(lines("builtin", f));
    }
  }

  @Test
  void aRedefinedCloseMovesDayZeroAndIsNoted() throws IOException {
    // HKEX redefined with a 21:00 close: 20:10 Hong Kong time on Friday 7 July is before it, so
    // 9988.HK's day 0 becomes Friday 7 July (the built-in 16:00 close gives Monday 10 July).
    Path file =
        exchangesFile("late-hkex.csv", "code,zone,open,close\nHKEX,Asia/Hong_Kong,09:30,21:00\n");
    CommandLineRun r =
        study(
            "late",
            "ticker,exchange,benchmark\nBABA,NYSE,SPX\n9988.HK,XHKG,HSI\n",
            "--exchanges",
            file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "eventide: note: "
                + file
                + " redefines the built-in exchange HKEX (XHKG, Asia/Hong_Kong 09:30-16:00)"
                + " as HKEX (XHKG, Asia/Hong_Kong 09:30-21:00)"
                + System.lineSeparator());
    assertThat(rowsOf("late", "firm_events.csv", "9988.HK").get(0))
        .startsWith("pboc-ant-fine,9988.HK,HKEX,2023-07-07,OK,");
  }

  @Test
  void aBadExchangesFileIsOneLineAndExitTwo() throws IOException {
    Path file =
        exchangesFile(
            "bad.csv",
            "code,zone,open,close\nLondon,Europe/London,08:00,16:30\n"
                + "Tokyo,Asia/Tokyo,15:30,09:00\n");
    InputException expected =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            InputException.class, () -> ExchangeFileReader.read(file));
    assertThat(expected)
        .hasMessage(
            file
                + " line 3, column \"close\": value \"09:00\" is not after the open 15:30;"
                + " a session must open and close on the same local day");
    CommandLineRun r =
        study("bad", "ticker,exchange,benchmark\nBABA,NYSE,SPX\n", "--exchanges", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("eventide: " + expected.getMessage() + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(tmp.resolve("runs").resolve("bad").resolve("out")).doesNotExist();
    // A missing file is bad input too.
    CommandLineRun missing =
        study(
            "missing",
            "ticker,exchange,benchmark\nBABA,NYSE,SPX\n",
            "--exchanges",
            tmp.resolve("no-such.csv").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo(
            "eventide: "
                + tmp.resolve("no-such.csv")
                + ": file not found"
                + System.lineSeparator());
  }

  @Test
  void anExchangeNeitherBuiltInNorDefinedIsBadInputListingTheKnown() throws IOException {
    Path file =
        exchangesFile(
            "london.csv", "code,mic,zone,open,close\nLondon,,Europe/London,08:00,16:30\n");
    CommandLineRun r =
        study(
            "unknown",
            "ticker,exchange,benchmark\nBABA,NYSE,SPX\n9988.HK,Hong Kong,HSI\n",
            "--exchanges",
            file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("eventide: ")
        .contains("universe.csv line 3, column \"exchange\": value \"Hong Kong\"")
        .contains("is not a known exchange; expected one of NYSE (XNYS), NASDAQ (XNAS),")
        .endsWith("BSE (XBOM), London, by code or MIC in any case" + System.lineSeparator());
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void helpShowsTheOptionAndTheBuiltIns() {
    CommandLineRun r = CommandLineRun.of(List.of("study", "--help"));
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("--exchanges=FILE")
        .contains("CSV code,zone,open,close[,mic]: exchanges beyond")
        .contains("Built-in exchanges: code, MIC, zone, session (a universe names one by code or")
        .contains("  NYSE American       XASE  America/New_York  09:30-16:00")
        .contains("  LSE                 XLON  Europe/London     08:00-16:30")
        .contains("  TSE                 XTKS  Asia/Tokyo        09:00-15:30")
        .contains("  BSE                 XBOM  Asia/Kolkata      09:15-15:30");
  }
}
