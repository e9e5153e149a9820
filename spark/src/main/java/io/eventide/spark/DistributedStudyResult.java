package io.eventide.spark;

import io.eventide.market.ReturnPanel;
import io.eventide.report.StudyFiles;
import io.eventide.study.Outcome;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;

/**
 * The result of {@link SparkStudy#runDistributed}: the tests finished on the driver from merged
 * sums ({@code tests.csv}, {@code group_tests.csv}), the whole study's resolution, and the mapped
 * firm-events left on the executors, from which the per-firm-event files are written there.
 * Immutable (the RDD is recomputed from the study's plan on each use; persist it to use it twice).
 */
public final class DistributedStudyResult {

  private final ResolvedStudy resolved;
  private final ReturnPanel panel;
  private final StudyTests tests;
  private final Map<String, StudyTests> groupTests;
  private final StudyMeans means;
  private final JavaRDD<MappedFirmEvent> firmEvents;
  private final int partitions;
  private final String driverFallback;
  private final SparkStudyFiles files;
  private final long[] outcomes;

  DistributedStudyResult(
      ResolvedStudy resolved,
      ReturnPanel panel,
      long[] outcomes,
      StudyTests tests,
      Map<String, StudyTests> groupTests,
      StudyMeans means,
      JavaRDD<MappedFirmEvent> firmEvents,
      int partitions,
      String driverFallback,
      SparkStudyFiles files) {
    this.resolved = Objects.requireNonNull(resolved, "resolved");
    this.panel = Objects.requireNonNull(panel, "panel");
    this.outcomes = outcomes.clone();
    this.tests = Objects.requireNonNull(tests, "tests");
    this.groupTests =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupTests));
    this.means = Objects.requireNonNull(means, "means");
    this.firmEvents = Objects.requireNonNull(firmEvents, "firmEvents");
    this.partitions = partitions;
    this.driverFallback = driverFallback;
    this.files = Objects.requireNonNull(files, "files");
  }

  /**
   * @return the writer of the per-firm-event files
   */
  SparkStudyFiles files() {
    return files;
  }

  /**
   * @return the whole study resolved on the driver: every firm-event's day 0 and windows, and those
   *     left out before the fit (their rows of {@code firm_events.csv} and {@code left_out.csv})
   */
  public ResolvedStudy resolved() {
    return resolved;
  }

  /**
   * @return the return panel the driver resolved the study on (its calendars and dates, for the
   *     per-firm-event files)
   */
  public ReturnPanel panel() {
    return panel;
  }

  /**
   * @return every test of the suite on every test window and measure, in {@code tests.csv}'s order
   *     (adjust them with {@link StudyTests#withAdjustedPValues})
   */
  public StudyTests tests() {
    return tests;
  }

  /**
   * @return each group's tests in label order ({@code StudyTests.runGroups}); empty when the study
   *     is not grouped
   */
  public Map<String, StudyTests> groupTests() {
    return groupTests;
  }

  /**
   * @return the CAAR of each study window and the AAR of each day with their standard errors and
   *     intervals, for all firm-events and each group ({@code caar.csv}, {@code aar.csv}: {@code
   *     StudyFiles.writeMeans}), from merged moments
   */
  public StudyMeans means() {
    return means;
  }

  /**
   * @return the fitted firm-events (outcome {@code OK} or {@code INSUFFICIENT_ESTIMATION}), without
   *     their estimation residuals, computed on the executors, in no particular order
   */
  public JavaRDD<MappedFirmEvent> firmEvents() {
    return firmEvents;
  }

  /**
   * @param outcome an outcome
   * @return how many of the study's firm-events have it (those left out at resolution and those the
   *     fit decided), as {@code StudyResult.count} of the local study
   */
  public long count(Outcome outcome) {
    return outcomes[outcome.ordinal()];
  }

  /**
   * @return the number of listing partitions the map ran on
   */
  public int partitions() {
    return partitions;
  }

  /**
   * @return why the tests were run on a study assembled on the driver instead of from merged sums,
   *     if they were
   */
  public Optional<String> driverFallback() {
    return Optional.ofNullable(driverFallback);
  }

  /**
   * Writes the command line's files ({@code docs/cli.md} section 4) without the study's columns on
   * the driver: {@code firm_events.csv}, {@code abnormal_returns.csv}, {@code car.csv} and {@code
   * left_out.csv} from the executors ({@link SparkStudyFiles}: the map runs once more, the rows
   * sorted into canonical order there), {@code overlaps.csv} from the resolution, {@code
   * tests.csv}, {@code caar.csv} and {@code aar.csv} from the merged sums, and in a grouped study
   * {@code group_tests.csv}. The per-firm-event files and {@code overlaps.csv} are the bytes the
   * local command writes; the tests and means equal its to 1e-12 relative (sums merged in another
   * order can differ in the last digit).
   *
   * @param folder the output folder, created if missing
   * @return the files written: those of {@link StudyFiles#FILE_NAMES} in that order, then {@code
   *     group_tests.csv} if the study is grouped
   */
  public List<Path> write(Path folder) {
    return write(folder, tests);
  }

  /**
   * Writes the files of {@link #write(Path)} with other rows in {@code tests.csv}: this result's
   * tests with adjusted p-values, for example ({@code --adjust}).
   *
   * @param folder the output folder, created if missing
   * @param tests the rows of {@code tests.csv}
   * @return the files written, as {@link #write(Path)}
   */
  public List<Path> write(Path folder, StudyTests tests) {
    // caar.csv and aar.csv are written together, when caar.csv's turn comes (after the
    // per-firm-event files, which create the folder).
    List<Path> means = new ArrayList<>(2);
    List<Path> out =
        new ArrayList<>(
            files.writeAll(
                folder,
                firmEvents,
                name ->
                    switch (name) {
                      case "tests.csv" -> StudyFiles.writeTests(folder, tests);
                      case "overlaps.csv" -> StudyFiles.writeOverlaps(folder, resolved);
                      case "caar.csv" -> {
                        means.addAll(StudyFiles.writeMeans(folder, this.means));
                        yield means.get(0);
                      }
                      case "aar.csv" -> means.get(1);
                      default -> throw new IllegalStateException("No writer for " + name);
                    }));
    if (!groupTests.isEmpty()) {
      out.add(StudyFiles.writeGroupTests(folder, groupTests));
    }
    return List.copyOf(out);
  }
}
