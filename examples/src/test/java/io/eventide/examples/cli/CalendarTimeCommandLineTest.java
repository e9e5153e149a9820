package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.io.EventFileReader;
import io.eventide.io.FactorFileReader;
import io.eventide.io.PriceDirectory;
import io.eventide.io.UniverseFileReader;
import io.eventide.market.CalendarTimeModel;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.timeseries.ReturnType;
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
 * {@code eventide study --calendar-time} on the bundled sample (the policy catalog on four US
 * listings against SPX and four Hong Kong listings against HSI): {@code calendar_time.csv} holds,
 * to the last bit, what {@link CalendarTimePortfolio} computes through the API on the same files
 * (whose values are pinned against a naive calculation in core); bad usage exits 2 with one line
 * naming the flag and writes nothing.
 */
class CalendarTimeCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;
  static Path usUniverse;

  @BeforeAll
  static void setUp() throws IOException {
    sample = tmp.resolve("sample");
    assertThat(CommandLineRun.of(List.of("sample", "--out", sample.toString())).code()).isZero();
    // The US listings alone share SPX, so the market model applies.
    usUniverse = tmp.resolve("us.csv");
    List<String> us = new ArrayList<>();
    for (String line : Files.readAllLines(sample.resolve("universe.csv"))) {
      if (!line.contains(".HK")) {
        us.add(line);
      }
    }
    Files.write(usUniverse, us, StandardCharsets.UTF_8);
  }

  private static List<String> args(Path universe, String out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                universe.toString(),
                "--events",
                sample.resolve("events.csv").toString(),
                "--out",
                tmp.resolve(out).toString()));
    a.addAll(List.of(extra));
    return a;
  }

  /** The same portfolio through the API: the default study on the sample's files. */
  private static CalendarTimePortfolio api(Path universe, CalendarTimeModel model, FactorSet f) {
    List<Listing> listings = UniverseFileReader.read(universe);
    ReturnPanel panel =
        ReturnPanel.of(
            listings, PriceDirectory.of(sample).readUniverse(listings).found(), ReturnType.SIMPLE);
    StudyResult result =
        EventStudy.of(StudySpecification.defaults())
            .run(panel, EventFileReader.read(sample.resolve("events.csv")));
    return CalendarTimePortfolio.run(result, model, f);
  }

  private static void assertFileIs(Path file, CalendarTimePortfolio ct) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("model,term,coef,se,t,p,days,nw_lag,r2");
    assertThat(lines).hasSize(1 + ct.terms().size());
    for (int i = 0; i < ct.terms().size(); i++) {
      String[] cells = lines.get(i + 1).split(",", -1);
      CalendarTimePortfolio.Term t = ct.terms().get(i);
      assertThat(cells[0]).isEqualTo(ct.model().id());
      assertThat(cells[1]).isEqualTo(t.name());
      assertThat(Double.parseDouble(cells[2])).isEqualTo(t.coefficient());
      assertThat(Double.parseDouble(cells[3])).isEqualTo(t.standardError());
      assertThat(Double.parseDouble(cells[4])).isEqualTo(t.t());
      assertThat(Double.parseDouble(cells[5])).isEqualTo(t.p());
      assertThat(Integer.parseInt(cells[6])).isEqualTo(ct.days());
      assertThat(Integer.parseInt(cells[7])).isEqualTo(ct.lag());
      assertThat(Double.parseDouble(cells[8])).isEqualTo(ct.r2());
    }
  }

  @Test
  void marketModelOnTheUsListingsWritesWhatTheApiComputes() throws IOException {
    CommandLineRun r = CommandLineRun.of(args(usUniverse, "market", "--calendar-time", "market"));
    assertThat(r.code()).as(r.err()).isZero();
    CalendarTimePortfolio ct = api(usUniverse, CalendarTimeModel.MARKET, null);
    assertThat(ct.benchmark()).isEqualTo("SPX");
    assertThat(ct.days()).isGreaterThan(50);
    assertFileIs(tmp.resolve("market/calendar_time.csv"), ct);
    assertThat(r.out())
        .contains("Calendar-time portfolio (market, window -5:5): " + ct.firmEvents())
        .contains("T = " + ct.days());
  }

  @Test
  void ff3OnBothExchangesUsesThePlainFactorFile() throws IOException {
    Path ff = sample.resolve("F-F_Research_Data_Factors_daily.CSV");
    CommandLineRun r =
        CommandLineRun.of(
            args(
                sample.resolve("universe.csv"),
                "ff3",
                "--calendar-time",
                "FF3",
                "--factors",
                ff.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    CalendarTimePortfolio ct =
        api(sample.resolve("universe.csv"), CalendarTimeModel.FF3, FactorFileReader.read(ff));
    assertThat(ct.terms())
        .extracting(CalendarTimePortfolio.Term::name)
        .containsExactly("alpha", "b_Mkt-RF", "b_SMB", "b_HML");
    assertFileIs(tmp.resolve("ff3/calendar_time.csv"), ct);
  }

  @Test
  void badUsageExitsTwoWithOneLineAndWritesNothing() {
    CommandLineRun shared =
        CommandLineRun.of(
            args(sample.resolve("universe.csv"), "bad1", "--calendar-time", "market"));
    assertThat(shared.code()).isEqualTo(2);
    assertThat(shared.err())
        .startsWith("eventide: --calendar-time market: The calendar-time market model needs one")
        .contains("SPX")
        .contains("HSI")
        .doesNotContain("Exception");
    assertThat(shared.err().strip().lines().findFirst().orElseThrow())
        .contains("use a factor model");
    assertThat(tmp.resolve("bad1/firm_events.csv")).doesNotExist();

    CommandLineRun unknown = CommandLineRun.of(args(usUniverse, "bad2", "--calendar-time", "ff4"));
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("Unknown --calendar-time 'ff4'; expected market, ff3, carhart4 or ff5");
    assertThat(tmp.resolve("bad2")).doesNotExist();

    CommandLineRun noFactors =
        CommandLineRun.of(args(usUniverse, "bad3", "--calendar-time", "carhart4"));
    assertThat(noFactors.code()).isEqualTo(2);
    assertThat(noFactors.err())
        .contains("--calendar-time carhart4 needs factors [Mkt-RF, SMB, HML, Mom]");

    Path ff = sample.resolve("F-F_Research_Data_Factors_daily.CSV");
    CommandLineRun noMom =
        CommandLineRun.of(
            args(usUniverse, "bad4", "--calendar-time", "carhart4", "--factors", ff.toString()));
    assertThat(noMom.code()).isEqualTo(2);
    assertThat(noMom.err()).contains("needs factor Mom");
    assertThat(tmp.resolve("bad4/firm_events.csv")).doesNotExist();
  }
}
