package io.eventide.realdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.report.CaarChart;
import io.eventide.report.StudyFiles;
import io.eventide.report.StudySummary;
import io.eventide.report.StudyTables;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
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
import tech.tablesaw.api.Table;

/**
 * The outputs of a study on the real files, including left-out firm-events: the CSV files of
 * docs/cli.md, the Tablesaw views, the text summary and the chart agree with the result objects.
 */
class StudyOutputsTest {

  private static StudyResult study;
  private static StudyTests tests;

  @BeforeAll
  static void run() {
    // The whole catalog on the eight listings plus DIDI's NYSE file (listed 2021-06-30, so its
    // estimation windows start before its first trade) and an HKEX listing with no file at all.
    List<Listing> universe = new ArrayList<>(RealData.UNIVERSE);
    universe.add(Listing.of("DIDI", Exchange.NYSE, "SPX"));
    List<Event> events = RealData.events();
    var prices = new java.util.LinkedHashMap<String, io.eventide.timeseries.DatedSeries>();
    for (Listing l : universe) {
      prices.put(l.ticker(), RealData.prices(l.ticker()));
      prices.computeIfAbsent(l.benchmark(), RealData::prices);
    }
    universe.add(Listing.of("9999.HK", Exchange.HKEX, "HSI"));
    var panel = io.eventide.market.ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    study = EventStudy.of(StudySpecification.defaults()).run(panel, events);
    tests = StudyTests.run(study, TestSuite.standard());
  }

  @Test
  void leftOutFirmEventsCarTheirReasons() {
    // DIDI has 100 sessions of prices: every DIDI firm-event has M < 100 valid estimation days.
    List<FirmEventResult> didi =
        study.firmEvents().stream().filter(r -> r.ticker().equals("DIDI")).toList();
    assertThat(didi)
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
              assertThat(r.reason())
                  .contains("valid estimation days")
                  .contains("at least 100 required");
            });
    // 9999.HK is in the universe without a file: NO_PRICES wherever an event names it.
    assertThat(study.firmEvents().stream().filter(r -> r.ticker().equals("9999.HK")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.NO_PRICES));
    // 9901.HK (tutoring) is named by events but not in this universe.
    assertThat(study.firmEvents().stream().filter(r -> r.ticker().equals("9901.HK")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN_TICKER));
    Table left = StudyTables.leftOut(study);
    assertThat(left.rowCount()).isEqualTo(study.leftOut().size() + study.windowExclusions().size());
  }

  @Test
  void csvFilesMatchTheResults(@TempDir Path out) throws IOException {
    List<Path> files = StudyFiles.write(out, study, tests);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(StudyFiles.FILE_NAMES);
    List<String> fe = Files.readAllLines(out.resolve("firm_events.csv"), StandardCharsets.UTF_8);
    assertThat(fe).hasSize(1 + study.size());
    List<String> car = Files.readAllLines(out.resolve("car.csv"), StandardCharsets.UTF_8);
    long rows = 0;
    for (FirmEventResult r : study.firmEvents()) {
      for (EventWindow w : study.windows()) {
        if (!Double.isNaN(r.car(w))) {
          rows++;
        }
      }
    }
    assertThat(car).hasSize(1 + (int) rows);
    // A row read back equals the result to the last bit (shortest round-trip formatting).
    FirmEventResult baba =
        study.firmEvents().stream()
            .filter(r -> r.eventId().equals("pboc-ant-fine") && r.ticker().equals("BABA"))
            .findFirst()
            .orElseThrow();
    String line =
        car.stream().filter(l -> l.startsWith("pboc-ant-fine,BABA,0:0,")).findFirst().orElseThrow();
    String[] cells = line.split(",");
    assertThat(Double.parseDouble(cells[3])).isEqualTo(baba.car(EventWindow.of(0, 0)));
    assertThat(Double.parseDouble(cells[6])).isEqualTo(baba.pValue(EventWindow.of(0, 0)));
    List<String> t = Files.readAllLines(out.resolve("tests.csv"), StandardCharsets.UTF_8);
    assertThat(t).hasSize(1 + tests.rows().size());
  }

  @Test
  void tablesSummaryAndChart(@TempDir Path out) {
    Table fe = StudyTables.firmEvents(study);
    assertThat(fe.rowCount()).isEqualTo(study.size());
    assertThat(fe.columnNames()).contains("alpha", "beta").last().isEqualTo("reason");
    Table cars = StudyTables.cars(study);
    assertThat(cars.where(cars.stringColumn("window").isEqualTo("-1:1")).rowCount())
        .isEqualTo(study.sample(EventWindow.of(-1, 1), Measure.CAR).size());
    Table days = StudyTables.days(study, tests);
    assertThat(days.rowCount()).isEqualTo(11);
    assertThat(days.intColumn("n").get(5))
        .isEqualTo(study.sample(EventWindow.day(0), Measure.CAR).size());
    assertThat(StudyTables.windows(study).rowCount()).isEqualTo(8);
    assertThat(StudyTables.tests(tests).rowCount()).isEqualTo(tests.rows().size());
    String summary = StudySummary.of(study, tests);
    assertThat(summary)
        .contains("Left out")
        .contains("INSUFFICIENT_ESTIMATION")
        .contains("Window -5:5");
    Path png = out.resolve("caar.png");
    CaarChart.writePng(study, png);
    assertThat(png).isNotEmptyFile();
  }
}
