package io.eventide.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CrossSectionalTTest;
import io.eventide.inference.Measure;
import io.eventide.inference.PatellTest;
import io.eventide.inference.Sample;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.io.EventFileReader;
import io.eventide.io.PriceDirectory;
import io.eventide.io.UniverseFileReader;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.report.CaarChart;
import io.eventide.report.StudyFiles;
import io.eventide.report.StudySummary;
import io.eventide.report.StudyTables;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventFits;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.ReturnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The README's five-minute tour, statement for statement, on the bundled sample exported to a
 * folder (as {@code eventide sample --out sample} does): if the README's API drifts, this stops
 * compiling or fails.
 */
class ReadmeTourTest {

  @TempDir Path dir;

  @Test
  void theTourRunsAsWritten() throws Exception {
    SampleData.export(dir);
    Path sample = dir;

    // 1. Read the data.
    List<Listing> universe = UniverseFileReader.read(sample.resolve("universe.csv"));
    List<Event> events = EventFileReader.read(sample.resolve("events.csv"));
    PriceDirectory.Prices prices = PriceDirectory.of(sample).readUniverse(universe);
    assertThat(prices.missing()).isEmpty();

    // 2. A panel.
    ReturnPanel panel = ReturnPanel.of(universe, prices.found(), ReturnType.SIMPLE);

    // 3. The study, resolved first.
    StudySpecification spec =
        StudySpecification.builder()
            .model(NormalReturnModel.of("market"))
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 0))
            .minEstimation(100)
            .build();
    ResolvedStudy resolved = spec.resolve(panel, events);
    StudyResult result = EventStudy.of(spec).withParallelism(4).run(resolved);

    // The Ant Group fine (20:10 Beijing time on Friday 7 July 2023) came after Hong Kong's close
    // and before New York's open: day 0 is Monday 10 July for 9988.HK and Friday 7 July for BABA
    // (the day-0 rule of docs/statistics.md section 1).
    assertThat(dayZero(resolved, "pboc-ant-fine", "9988.HK")).isEqualTo(LocalDate.of(2023, 7, 10));
    assertThat(dayZero(resolved, "pboc-ant-fine", "BABA")).isEqualTo(LocalDate.of(2023, 7, 7));

    // 4. Per firm-event results.
    for (FirmEventResult fe : result.firmEvents()) {
      assertThat(fe.outcome() == Outcome.OK || !fe.reason().isBlank()).isTrue();
    }
    assertThat(result.leftOut()).hasSize(result.size() - result.count(Outcome.OK));
    assertThat(result.count(Outcome.OK)).isPositive();
    // The fit-only path: each firm-event's own values, the same bits as the full study's.
    FirmEventFits fits = EventStudy.of(spec).fit(resolved);
    FirmEventResult fine = fits.find("samr-alibaba-fine", "BABA").orElseThrow();
    FirmEventResult same =
        result.firmEvents().stream()
            .filter(f -> f.eventId().equals("samr-alibaba-fine") && f.ticker().equals("BABA"))
            .findFirst()
            .orElseThrow();
    assertThat(fine.outcome()).isEqualTo(Outcome.OK);
    assertThat(fine.parameters()).isEqualTo(same.parameters());
    assertThat(fine.abnormalReturn(0)).isEqualTo(same.abnormalReturn(0));

    // 5. Tests on the study's samples and on a user's own sample.
    StudyTests tests = result.test(TestSuite.standard());
    TestResult patell = tests.result(EventWindow.of(0, 0), Measure.CAR, "patell-z").orElseThrow();
    Sample cars = result.sample(EventWindow.of(0, 0), Measure.CAR);
    double z = PatellTest.withDefaults().statistic(cars);
    assertThat(z).isEqualTo(patell.statistic());
    TestResult mine = CrossSectionalTTest.withDefaults().test(Sample.of(0.012, -0.004, 0.031));
    // mean 0.013, sample sd sqrt(((-0.001)^2 + (-0.017)^2 + 0.018^2) / 2) = sqrt(0.000307),
    // t = 0.013 / (sqrt(0.000307) / sqrt(3)) = 1.28508...
    assertThat(mine.statistic()).isCloseTo(0.013 / Math.sqrt(0.000307 / 3), within(1e-12));

    // 6. Report.
    assertThat(StudySummary.of(result, tests)).contains("patell-z");
    Table firmEvents = StudyTables.firmEvents(result);
    assertThat(firmEvents.rowCount()).isEqualTo(result.size());
    StudyFiles.write(dir.resolve("results"), result, tests);
    CaarChart.writePng(result, dir.resolve("caar.png"));
    assertThat(Files.size(dir.resolve("caar.png"))).isPositive();
    assertThat(dir.resolve("results").resolve("tests.csv")).exists();
  }

  private static LocalDate dayZero(ResolvedStudy resolved, String eventId, String ticker) {
    return resolved.firmEvents().stream()
        .filter(f -> f.eventId().equals(eventId) && f.ticker().equals(ticker))
        .findFirst()
        .orElseThrow()
        .dayZero()
        .orElseThrow();
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
