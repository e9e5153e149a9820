package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.EventWindow;
import io.eventide.examples.SampleData;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudyFiles;
import io.eventide.report.internal.FirmEventFiles;
import io.eventide.study.EventStudy;
import io.eventide.study.GroupBy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.timeseries.ReturnType;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-firm-event files written from the executors ({@link SparkStudyFiles}) are byte for byte
 * those {@link StudyFiles} writes from the local study ({@link EventStudy}, the oracle), whatever
 * the number of sorted partitions (1, 2, 3), on the bundled sample and on a generated panel with
 * every outcome, holes in event windows (OK firm-events absent from a window) and groups; the
 * temporary parts are deleted; a file or a parts folder that cannot be written is named. One
 * local[2] session.
 */
class SparkStudyFilesTest extends LocalSparkTest {

  @Test
  void sampleFilesEqualTheLocalFilesOnOneTwoAndThreePartitions(@TempDir Path dir) throws Exception {
    StudySpecification spec = StudySpecification.builder().cleanEstimation(2).build();
    StudyResult local =
        EventStudy.of(spec)
            .run(
                ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.SIMPLE),
                SampleData.events());
    // The sample's events name tickers the universe does not list: rows from the driver's side.
    assertThat(local.count(Outcome.UNKNOWN_TICKER)).isPositive();
    StudyInputs inputs =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            SampleData.prices(),
            ReturnType.SIMPLE,
            null);
    SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(3).run(inputs);
    assertSameFilesOnPartitions(local, onSpark, dir);
  }

  @Test
  void generatedPanelWithHolesAndGroupsOnOneTwoAndThreePartitions(@TempDir Path dir)
      throws Exception {
    SparkStudyTest.Generated g = SparkStudyTest.Generated.of(24, 30, 5);
    StudySpecification spec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-120, -11))
            .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 0), EventWindow.of(-3, 3))
            .minEstimation(50)
            .cleanEstimation(3)
            .groupBy(GroupBy.exchange())
            .build();
    StudyResult local =
        EventStudy.of(spec).run(ReturnPanel.of(g.universe, g.prices, ReturnType.SIMPLE), g.events);
    for (Outcome o :
        List.of(
            Outcome.OK,
            Outcome.UNKNOWN_TICKER,
            Outcome.NO_PRICES,
            Outcome.OUT_OF_RANGE,
            Outcome.INSUFFICIENT_ESTIMATION)) {
      assertThat(local.count(o)).as(o.name()).isPositive();
    }
    assertThat(local.windowExclusions()).isNotEmpty();
    StudyInputs inputs =
        StudyInputs.of(spark, g.universe, g.events, g.prices, ReturnType.SIMPLE, null);
    SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(2).run(inputs);
    assertSameFilesOnPartitions(local, onSpark, dir);

    // The command's path: every file but tests.csv (whose r̄ sums may differ in the last digit)
    // byte for byte, the per-firm-event ones from the executors, the others from the driver.
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    Path a = dir.resolve("local-all");
    // A space in the name: the parts folder inside it is reached through its URI.
    Path b = dir.resolve("spark all");
    StudyFiles.write(a, local, lt);
    List<Path> written = onSpark.write(b, onSpark.test(TestSuite.standard()));
    assertThat(written.stream().map(p -> p.getFileName().toString()))
        .containsExactlyElementsOf(StudyFiles.FILE_NAMES);
    for (String f : StudyFiles.FILE_NAMES) {
      if (!f.equals("tests.csv")) {
        assertThat(Files.readAllBytes(b.resolve(f)))
            .as(f)
            .isEqualTo(Files.readAllBytes(a.resolve(f)));
      }
    }
    try (Stream<Path> left = Files.list(b)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(StudyFiles.FILE_NAMES);
    }
  }

  @Test
  void aFileThatCannotBeWrittenIsNamedAndThePartsAreDeleted(@TempDir Path dir) throws Exception {
    StudySpecification spec = StudySpecification.defaults();
    StudyInputs inputs =
        StudyInputs.of(
            spark,
            SampleData.universe(),
            SampleData.events(),
            SampleData.prices(),
            ReturnType.SIMPLE,
            null);
    SparkStudyResult onSpark = SparkStudy.of(spark, spec).withPartitions(2).run(inputs);
    Path out = dir.resolve("out");
    // A folder where car.csv should go: the file cannot be opened for writing.
    Files.createDirectories(out.resolve("car.csv"));
    Path parts = dir.resolve("parts");
    Files.createDirectories(parts);
    SparkStudyFiles files = onSpark.files().withPartsFolder(parts.toUri().toString());
    assertThatThrownBy(() -> files.write(out, onSpark.rows()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("car.csv");
    try (Stream<Path> left = Files.list(parts)) {
      assertThat(left).isEmpty();
    }
    // The files before it were written completely.
    assertThat(Files.readString(out.resolve("abnormal_returns.csv")))
        .startsWith("event_id,ticker,rel_day,date,ret,expected,ar,sar\n");
    // A parts folder the executors cannot write (a file where its parent should be): the failed
    // job is one error naming the files and the folder, not a stack trace.
    Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "x");
    SparkStudyFiles blocked = onSpark.files().withPartsFolder(notAFolder.toUri().toString());
    assertThatThrownBy(() -> blocked.write(dir.resolve("out2"), onSpark.rows()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("firm_events.csv")
        .hasMessageContaining("not-a-folder")
        .hasMessageNotContaining("\n");
  }

  /**
   * Writes the four files from the executors on 1, 2 and 3 sorted partitions, parts in a folder of
   * their own, and compares each with {@link StudyFiles}' on the local study, byte for byte.
   */
  private static void assertSameFilesOnPartitions(
      StudyResult local, SparkStudyResult onSpark, Path dir) throws Exception {
    StudyTests lt = StudyTests.run(local, TestSuite.standard());
    Path expected = dir.resolve("local");
    StudyFiles.write(expected, local, lt);
    JavaRDD<MappedFirmEvent> rows = onSpark.rows().cache(); // one map for the three writes
    try {
      for (int partitions : new int[] {1, 2, 3}) {
        Path out = dir.resolve("spark-" + partitions);
        Path parts = dir.resolve("parts-" + partitions);
        Files.createDirectories(parts);
        List<Path> written =
            onSpark
                .files()
                .withPartitions(partitions)
                .withPartsFolder(parts.toUri().toString())
                .write(out, rows);
        assertThat(written).hasSize(FirmEventFiles.FILE_NAMES.size());
        for (String f : FirmEventFiles.FILE_NAMES) {
          assertThat(Files.readAllBytes(out.resolve(f)))
              .as(f + " on " + partitions + " partitions")
              .isEqualTo(Files.readAllBytes(expected.resolve(f)));
        }
        try (Stream<Path> left = Files.list(parts)) {
          assertThat(left).as("parts left").isEmpty();
        }
      }
    } finally {
      rows.unpersist(false);
    }
  }
}
