package io.eventide.benchmarks;

import io.eventide.event.Event;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The work that {@link StudyBenchmark} and {@link LargeStudyRun} measure, in one place so that they
 * measure the same thing: run the study, then for every test window (the study windows and each
 * one-day window of the event span) and both measures, reduce the sample and run the tests on it.
 */
public final class StudyWorkload {

  private StudyWorkload() {}

  /**
   * What one run leaves behind.
   *
   * @param result the study's result
   * @param samples how many test results were computed (every test on every window and measure)
   * @param checksum Σ over the results of N, statistic and p-value, which keeps every result alive
   */
  public record Outcome(StudyResult result, int samples, double checksum) {}

  /**
   * Runs the study and the eleven tests on every window and measure (on a pool of the study's
   * parallelism when it is above 1; windows are independent, so the results are the same).
   *
   * @param study the study (specification and parallelism)
   * @param panel the panel
   * @param events the events
   * @return the outcome
   */
  public static Outcome run(EventStudy study, ReturnPanel panel, List<Event> events) {
    StudyResult result = study.run(panel, events);
    StudyTests tests;
    if (study.parallelism() > 1) {
      ForkJoinPool pool = new ForkJoinPool(study.parallelism());
      try {
        tests = StudyTests.run(result, TestSuite.standard(), pool);
      } finally {
        pool.shutdown();
      }
    } else {
      tests = StudyTests.run(result, TestSuite.standard());
    }
    double checksum = 0;
    for (StudyTests.Row row : tests.rows()) {
      TestResult r = row.result();
      checksum += r.n();
      if (r.isDefined()) {
        checksum += r.statistic() + r.pValue();
      }
    }
    return new Outcome(result, tests.rows().size(), checksum);
  }
}
