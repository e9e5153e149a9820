package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code eventide study --factors [EXCH=]FILE --characteristics FILE} on the bundled sample (the
 * policy catalog on four US and four Hong Kong listings, the Ken French US 3-factor file): HKEX
 * firm-events of an ff3 study are left out as NO_FACTORS unless HKEX is given a set, and
 * cross_section.csv has the columns and rows of docs/cli.md. The numbers themselves are pinned in
 * core (CrossSectionalRegressionTest, CrossSectionTest).
 */
class StudyMethodsCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;
  static Path chars;

  @BeforeAll
  static void setUp() throws IOException {
    sample = tmp.resolve("sample");
    assertThat(CommandLineRun.of(List.of("sample", "--out", sample.toString())).code()).isZero();
    // Characteristics of two events' firm-events: hk (a dummy) and a made-up size; one row for a
    // firm-event not in the study, one with an empty cell.
    chars = tmp.resolve("chars.csv");
    Files.writeString(
        chars,
        "event_id,ticker,hk,size\n"
            + "sse-ant-ipo-suspended,BABA,0,5.1\n"
            + "sse-ant-ipo-suspended,9988.HK,1,4.2\n"
            + "samr-platform-antitrust-draft,BABA,0,5.0\n"
            + "samr-platform-antitrust-draft,JD,0,3.9\n"
            + "samr-platform-antitrust-draft,BIDU,0,\n"
            + "samr-platform-antitrust-draft,PDD,0,4.4\n"
            + "samr-platform-antitrust-draft,9988.HK,1,4.3\n"
            + "samr-platform-antitrust-draft,0700.HK,1,4.8\n"
            + "samr-platform-antitrust-draft,3690.HK,1,4.0\n"
            + "no-such-event,BABA,0,1\n",
        StandardCharsets.UTF_8);
  }

  private static List<String> args(String out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                sample.resolve("universe.csv").toString(),
                "--events",
                sample.resolve("events.csv").toString(),
                "--out",
                tmp.resolve(out).toString()));
    if (!List.of(extra).contains("--model")) {
      a.addAll(List.of("--model", "ff3"));
    }
    a.addAll(List.of(extra));
    return a;
  }

  @Test
  void aPlainFactorFileServesOnlyTheUsListings() throws IOException {
    String ff = sample.resolve("F-F_Research_Data_Factors_daily.CSV").toString();
    CommandLineRun r = CommandLineRun.of(args("plain", "--factors", ff));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> left = Files.readAllLines(tmp.resolve("plain/left_out.csv"));
    assertThat(left.stream().filter(l -> l.contains(",NO_FACTORS,")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(".HK,").contains("--factors HKEX=FILE"));
    assertThat(Files.readAllLines(tmp.resolve("plain/firm_events.csv")))
        .noneMatch(l -> l.contains(".HK,") && l.contains(",OK,"));

    CommandLineRun both =
        CommandLineRun.of(args("both", "--factors", ff, "--factors", "xhkg=" + ff));
    assertThat(both.code()).as(both.err()).isZero();
    assertThat(Files.readString(tmp.resolve("both/left_out.csv"))).doesNotContain("NO_FACTORS");
  }

  @Test
  void characteristicsGiveCrossSectionCsv() throws IOException {
    String ff = sample.resolve("F-F_Research_Data_Factors_daily.CSV").toString();
    CommandLineRun r =
        CommandLineRun.of(
            args(
                "cs",
                "--factors",
                ff,
                "--factors",
                "HKEX=" + ff,
                "--characteristics",
                chars.toString(),
                "--windows",
                "-1:1,0:0"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("1 row(s) for firm-events not in the study");
    assertThat(r.out()).contains("left out").contains("with an empty cell");
    List<String> cs = Files.readAllLines(tmp.resolve("cs/cross_section.csv"));
    assertThat(cs.get(0))
        .isEqualTo("window,term,coef,se_hc1,t_hc1,p_hc1,se_cluster,t_cluster,p_cluster,n,r2");
    assertThat(cs).hasSize(1 + 2 * 3);
    assertThat(cs.get(1)).startsWith("-1:1,const,");
    assertThat(cs.get(2)).startsWith("-1:1,hk,");
    assertThat(cs.get(3)).startsWith("-1:1,size,");
    assertThat(cs.get(4)).startsWith("0:0,const,");
  }

  @Test
  void conventionsSwitchTheResidualVarianceDivisor() throws IOException {
    // Market model (k = 2): sigma of stata-estudy / sigma of spec = sqrt((M - 2)/(M - 1)) for
    // every OK firm-event (docs/statistics.md section 3b; pinned in core's ConventionsTest).
    CommandLineRun spec = CommandLineRun.of(args("spec", "--model", "market"));
    CommandLineRun stata =
        CommandLineRun.of(args("stata", "--model", "market", "--conventions", "Stata-Estudy"));
    assertThat(spec.code()).as(spec.err()).isZero();
    assertThat(stata.code()).as(stata.err()).isZero();
    List<String> a = Files.readAllLines(tmp.resolve("spec/firm_events.csv"));
    List<String> b = Files.readAllLines(tmp.resolve("stata/firm_events.csv"));
    List<String> header = List.of(a.get(0).split(","));
    int outcome = header.indexOf("outcome");
    int m = header.indexOf("m");
    int sigma = header.indexOf("sigma");
    int checked = 0;
    for (int i = 1; i < a.size(); i++) {
      String[] x = a.get(i).split(",", -1);
      String[] y = b.get(i).split(",", -1);
      if (x[outcome].equals("OK")) {
        double mm = Double.parseDouble(x[m]);
        assertThat(Double.parseDouble(y[sigma]))
            .isCloseTo(
                Double.parseDouble(x[sigma]) * Math.sqrt((mm - 2) / (mm - 1)),
                org.assertj.core.api.Assertions.within(1e-15));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
    CommandLineRun bad = CommandLineRun.of(args("bad3", "--conventions", "eviews"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--conventions 'eviews'");
  }

  @Test
  void anUnknownExchangeOrABadCellIsBadInput() throws IOException {
    CommandLineRun r = CommandLineRun.of(args("bad", "--factors", "XX=/nowhere.csv"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--factors XX=/nowhere.csv").contains("not a known exchange");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "event_id,ticker,size\nsse-ant-ipo-suspended,BABA,big\n");
    String ff = sample.resolve("F-F_Research_Data_Factors_daily.CSV").toString();
    CommandLineRun r2 =
        CommandLineRun.of(args("bad2", "--factors", ff, "--characteristics", bad.toString()));
    assertThat(r2.code()).isEqualTo(2);
    assertThat(r2.err()).contains("bad.csv").contains("size").contains("big");
    assertThat(r2.err()).doesNotContain("Exception");
  }
}
