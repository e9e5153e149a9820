package io.eventide.inference;

import io.eventide.event.EventWindow;
import io.eventide.study.Measure;
import io.eventide.study.StudyResult;
import io.eventide.study.WindowSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Every test of a {@link TestSuite} on every test window of a study, for both measures: the content
 * of {@code tests.csv} ({@code spec/CLI.md}).
 *
 * <p>Order: CAR before BHAR; within a measure, the study's test windows (its event windows as
 * given, then each one-day window of the event span); within a window, the suite's order. A test
 * that does not apply to a measure (the standardized tests on BHAR) has no row. Each (window,
 * measure) is independent, so they may be computed on an executor; the result is the same.
 */
public final class StudyTests {

  private final List<TestResult> results;

  private StudyTests(List<TestResult> results) {
    this.results = List.copyOf(results);
  }

  /**
   * Runs a suite on a study's windows, on the calling thread.
   *
   * @param study the study's results
   * @param suite the tests
   * @return the results
   */
  public static StudyTests run(StudyResult study, TestSuite suite) {
    List<TestResult> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      for (EventWindow w : study.testWindows()) {
        out.addAll(suite.run(study.sample(w, m)));
      }
    }
    return new StudyTests(out);
  }

  /**
   * Runs a suite on a study's windows, one task per window and measure.
   *
   * @param study the study's results
   * @param suite the tests
   * @param executor where the tasks run; not shut down
   * @return the results, in the same order as {@link #run(StudyResult, TestSuite)}
   */
  public static StudyTests run(StudyResult study, TestSuite suite, ExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    List<Future<List<TestResult>>> futures = new ArrayList<>();
    for (Measure m : Measure.values()) {
      for (EventWindow w : study.testWindows()) {
        futures.add(
            executor.submit(
                () -> {
                  WindowSample sample = study.sample(w, m);
                  return suite.run(sample);
                }));
      }
    }
    List<TestResult> out = new ArrayList<>();
    try {
      for (Future<List<TestResult>> f : futures) {
        out.addAll(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Tests interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("Tests failed: " + e.getCause(), e.getCause());
    }
    return new StudyTests(out);
  }

  /**
   * @return every result, in the documented order
   */
  public List<TestResult> results() {
    return results;
  }

  /**
   * @param window a test window
   * @param measure CAR or BHAR
   * @return the results of that window and measure, in suite order
   */
  public List<TestResult> forWindow(EventWindow window, Measure measure) {
    List<TestResult> out = new ArrayList<>();
    for (TestResult r : results) {
      if (r.window().equals(window) && r.measure() == measure) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /**
   * @param window a test window
   * @param measure CAR or BHAR
   * @param testId a test id such as {@code patell-z}
   * @return that result, if the test ran on that window and measure
   */
  public Optional<TestResult> result(EventWindow window, Measure measure, String testId) {
    for (TestResult r : results) {
      if (r.window().equals(window) && r.measure() == measure && r.testId().equals(testId)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "StudyTests[" + results.size() + " results]";
  }
}
