package io.eventide.spark;

import io.eventide.market.ReturnPanel;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
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

  DistributedStudyResult(
      ResolvedStudy resolved,
      ReturnPanel panel,
      StudyTests tests,
      Map<String, StudyTests> groupTests,
      StudyMeans means,
      JavaRDD<MappedFirmEvent> firmEvents,
      int partitions,
      String driverFallback) {
    this.resolved = Objects.requireNonNull(resolved, "resolved");
    this.panel = Objects.requireNonNull(panel, "panel");
    this.tests = Objects.requireNonNull(tests, "tests");
    this.groupTests =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groupTests));
    this.means = Objects.requireNonNull(means, "means");
    this.firmEvents = Objects.requireNonNull(firmEvents, "firmEvents");
    this.partitions = partitions;
    this.driverFallback = driverFallback;
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
}
