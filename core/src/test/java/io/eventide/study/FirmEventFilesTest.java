package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.inference.TestSuite;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudyFiles;
import io.eventide.report.internal.CsvWriter;
import io.eventide.report.internal.FirmEventFiles;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.timeseries.ReturnType;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-firm-event files written a firm-event at a time ({@link FirmEventFiles}, as an engine
 * that maps elsewhere writes them) equal {@link StudyFiles}' on the local study, byte for byte. The
 * rows come from {@link StudyPartitions#map} on the reference scenario of {@link
 * EventStudyReferenceTest} (every outcome of the resolution, an insufficient estimation, holes in
 * event windows, two calendars) with the rows of the firm-events the resolution left out ({@link
 * MappedFirmEvent#leftOutAtResolution}), sorted into canonical order and cut into three
 * "partitions" whose sections are joined in order, header once.
 */
class FirmEventFilesTest {

  @Test
  void rowsWrittenOneFirmEventAtATimeJoinIntoTheLocalFiles() {
    assertSameFiles(StudySpecification.builder().cleanEstimation(3).build());
  }

  @Test
  void theConstantMeanModelWithOtherWindowsToo() {
    assertSameFiles(
        StudySpecification.builder()
            .model(io.eventide.model.NormalReturnModel.of("constant-mean"))
            .eventWindows(
                io.eventide.event.EventWindow.of(0, 3), io.eventide.event.EventWindow.of(-2, 0))
            .build());
  }

  @Test
  void aSectionBelongsToItsFileAndAnUnknownFileIsRefused() {
    StudySpecification spec = StudySpecification.defaults();
    ReturnPanel panel = new EventStudyReferenceTest.Scenario().panel(ReturnType.SIMPLE);
    FirmEventFiles.Layout layout =
        FirmEventFiles.Layout.of(spec, panel.listings(), panel.calendars());
    // Four windows: sections 0-3, then 4-7 for the OK firm-events absent from each.
    assertThat(FirmEventFiles.sections(layout)).isEqualTo(8);
    assertThat(FirmEventFiles.fileOf(2)).isEqualTo("car.csv");
    assertThat(FirmEventFiles.fileOf(7)).isEqualTo("left_out.csv");
    assertThatThrownBy(() -> FirmEventFiles.header("tests.csv", layout))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tests.csv");
    assertThatThrownBy(
            () ->
                MappedFirmEvent.leftOutAtResolution(
                    "e", "T", Outcome.OK, "", null, 0, -250, 2, 4, 11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e/T");
  }

  private static void assertSameFiles(StudySpecification spec) {
    EventStudyReferenceTest.Scenario scenario = new EventStudyReferenceTest.Scenario();
    ReturnPanel panel = scenario.panel(ReturnType.SIMPLE);
    StudyResult local = EventStudy.of(spec).withParallelism(1).run(panel, scenario.events);
    StudyTests tests = StudyTests.run(local, TestSuite.standard());

    ResolvedStudy resolved = spec.resolve(panel, scenario.events);
    List<MappedFirmEvent> rows = new ArrayList<>();
    StudyPartitions.map(resolved, rows::add);
    for (ResolvedStudy.FirmEvent fe : resolved.firmEvents()) {
      if (!fe.isResolved()) {
        String calendar =
            fe.dayZeroIndex().isPresent()
                ? panel.returnsOf(fe.ticker()).map(ListingReturns::calendar).orElseThrow().name()
                : null;
        rows.add(
            MappedFirmEvent.leftOutAtResolution(
                fe.eventId(),
                fe.ticker(),
                fe.outcome().orElseThrow(),
                fe.reason(),
                calendar,
                fe.dayZeroIndex().orElse(0),
                spec.estimationWindow().fromInclusive(),
                spec.model().parameterNames().size(),
                spec.testWindows().size(),
                spec.eventSpan().length()));
      }
    }
    rows.sort(
        Comparator.comparing(MappedFirmEvent::eventId).thenComparing(MappedFirmEvent::ticker));
    // The scenario has what the files must handle: firm-events left out at resolution and by the
    // fit, and OK firm-events absent from a window.
    assertThat(local.leftOut()).hasSizeGreaterThan(4);
    assertThat(local.windowExclusions()).isNotEmpty();
    assertThat(rows).hasSize(local.size());

    FirmEventFiles.Layout layout =
        FirmEventFiles.Layout.of(spec, panel.listings(), panel.calendars());
    FirmEventFiles.RowWriter writer = FirmEventFiles.writer(layout);
    int sections = FirmEventFiles.sections(layout);
    int partitions = 3;
    // parts[p][s]: partition p's text of section s, as a task would write it.
    StringWriter[][] parts = new StringWriter[partitions][sections];
    for (int p = 0; p < partitions; p++) {
      CsvWriter[] writers = new CsvWriter[sections];
      StringWriter[] texts = parts[p];
      for (int i = p * rows.size() / partitions; i < (p + 1) * rows.size() / partitions; i++) {
        writer.write(
            rows.get(i),
            s -> {
              if (writers[s] == null) {
                texts[s] = new StringWriter();
                writers[s] =
                    CsvWriter.continuing(
                        texts[s], FirmEventFiles.header(FirmEventFiles.fileOf(s), layout));
              }
              return writers[s];
            });
      }
      for (CsvWriter w : writers) {
        if (w != null) {
          w.close();
        }
      }
    }
    for (String name : FirmEventFiles.FILE_NAMES) {
      StringWriter joined = new StringWriter();
      CsvWriter.to(joined, FirmEventFiles.header(name, layout)).close();
      for (int s = 0; s < sections; s++) {
        for (int p = 0; p < partitions; p++) {
          if (FirmEventFiles.fileOf(s).equals(name) && parts[p][s] != null) {
            joined.append(parts[p][s].toString());
          }
        }
      }
      StringWriter expected = new StringWriter();
      StudyFiles.write(name, local, tests, expected);
      assertThat(joined.toString()).as(name).isEqualTo(expected.toString());
      assertThat(expected.toString().lines().count()).as(name).isGreaterThan(1);
    }
  }
}
