package io.eventide.study;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Every test of a {@link TestSuite} on every test window of a study, for both measures: the content
 * of {@code tests.csv} ({@code docs/cli.md}). Each row is a {@link TestResult} with the window and
 * measure of the sample it was computed on ({@link StudyResult#sample(EventWindow, Measure)}).
 *
 * <p>Order: CAR before BHAR; within a measure, the study's test windows (its event windows as
 * given, then each one-day window of the event span); within a window, the suite's order. A test
 * that does not apply to a measure's samples (the standardized tests on BHAR) has no row. Each
 * (window, measure) is independent, so they may be computed on an executor; the result is the same.
 */
public final class StudyTests {

  /**
   * One test on one window and measure of a study.
   *
   * @param window the test window
   * @param measure CAR or BHAR
   * @param result the test's result on that window's sample
   */
  public record Row(EventWindow window, Measure measure, TestResult result) {

    /** Checks that nothing is null. */
    public Row {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(result, "result");
    }
  }

  private final List<Row> rows;

  private StudyTests(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Runs a suite on a study's windows, on the calling thread. {@link StudyResult#test(TestSuite)}
   * does the same.
   *
   * @param study the study's results
   * @param suite the tests
   * @return the results
   */
  public static StudyTests run(StudyResult study, TestSuite suite) {
    Objects.requireNonNull(suite, "suite");
    List<Row> out = new ArrayList<>();
    for (Measure m : Measure.values()) {
      for (EventWindow w : study.testWindows()) {
        addRows(out, w, m, suite.run(study.sample(w, m)));
      }
    }
    return new StudyTests(out);
  }

  /**
   * Runs a suite on every group of a grouped study ({@link StudyResult#groups()}), each on its own
   * firm-events with r̄ formed inside the group.
   *
   * @param study a study, grouped or not
   * @param suite the tests
   * @return each group's label and results, in label order; empty when the study is not grouped
   */
  public static java.util.Map<String, StudyTests> runGroups(StudyResult study, TestSuite suite) {
    java.util.Map<String, StudyTests> out = new java.util.LinkedHashMap<>();
    for (String g : study.groups()) {
      out.put(g, run(study.group(g), suite));
    }
    return java.util.Collections.unmodifiableMap(out);
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
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(executor, "executor");
    List<EventWindow> windows = new ArrayList<>();
    List<Measure> measures = new ArrayList<>();
    List<Future<List<TestResult>>> futures = new ArrayList<>();
    for (Measure m : Measure.values()) {
      for (EventWindow w : study.testWindows()) {
        windows.add(w);
        measures.add(m);
        futures.add(executor.submit(() -> suite.run(study.sample(w, m))));
      }
    }
    List<Row> out = new ArrayList<>();
    try {
      for (int i = 0; i < futures.size(); i++) {
        addRows(out, windows.get(i), measures.get(i), futures.get(i).get());
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

  private static void addRows(List<Row> out, EventWindow w, Measure m, List<TestResult> results) {
    for (TestResult r : results) {
      out.add(new Row(w, m, r));
    }
  }

  /**
   * @return every row, in the documented order
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * @param window a test window
   * @param measure CAR or BHAR
   * @return the results of that window and measure, in suite order
   */
  public List<TestResult> forWindow(EventWindow window, Measure measure) {
    List<TestResult> out = new ArrayList<>();
    for (Row r : rows) {
      if (r.window().equals(window) && r.measure() == measure) {
        out.add(r.result());
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
    for (Row r : rows) {
      if (r.window().equals(window)
          && r.measure() == measure
          && r.result().testId().equals(testId)) {
        return Optional.of(r.result());
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "StudyTests[" + rows.size() + " results]";
  }
}
