package io.eventide.study;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.PValueAdjustment;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Order: the study's measures ({@link StudyResult#measures()}: CAR before BHAR; CAVOL alone for
 * a volume study, CAVAR alone for a volatility study); within a measure, the study's test windows
 * (its event windows as given, then each one-day window of the event span); within a window, the
 * suite's order. A test that does not apply to a measure's samples (the standardized tests on BHAR)
 * has no row. Each (window, measure) is independent, so they may be computed on an executor; the
 * result is the same.
 */
public final class StudyTests {

  /**
   * One test on one window and measure of a study.
   *
   * @param window the test window
   * @param measure CAR or BHAR (CAVOL, CAVAR: {@link StudyResult#measures()})
   * @param result the test's result on that window's sample
   * @param pAdjusted the p-value adjusted across the windows of the same test and measure ({@link
   *     #withAdjustedPValues}), {@code NaN} when not adjusted or the p-value is undefined
   */
  public record Row(EventWindow window, Measure measure, TestResult result, double pAdjusted) {

    /** Checks that nothing is null. */
    public Row {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(result, "result");
    }

    /**
     * A row without an adjusted p-value.
     *
     * @param window the test window
     * @param measure CAR or BHAR (CAVOL, CAVAR: {@link StudyResult#measures()})
     * @param result the test's result on that window's sample
     */
    public Row(EventWindow window, Measure measure, TestResult result) {
      this(window, measure, result, Double.NaN);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r
          && window.equals(r.window)
          && measure == r.measure
          && result.equals(r.result)
          && Double.compare(pAdjusted, r.pAdjusted) == 0;
    }

    @Override
    public int hashCode() {
      return Objects.hash(window, measure, result, Double.hashCode(pAdjusted));
    }
  }

  private final List<Row> rows;
  private final PValueAdjustment adjustment;

  private StudyTests(List<Row> rows) {
    this(rows, null);
  }

  private StudyTests(List<Row> rows, PValueAdjustment adjustment) {
    this.rows = List.copyOf(rows);
    this.adjustment = adjustment;
  }

  /** Rows finished elsewhere (from summaries), in the documented order. */
  static StudyTests of(List<Row> rows) {
    return new StudyTests(rows);
  }

  /**
   * These rows followed by another set's (for example the bootstrapped {@code skew-t-boot} rows of
   * the BHARs after a suite's rows). Adjusted p-values are dropped: adjust the whole set after
   * joining.
   *
   * @param more rows to append
   * @return the joined rows, not adjusted
   */
  public StudyTests plus(StudyTests more) {
    Objects.requireNonNull(more, "more");
    List<Row> all = new ArrayList<>(rows.size() + more.rows.size());
    for (Row r : rows) {
      all.add(new Row(r.window(), r.measure(), r.result()));
    }
    for (Row r : more.rows) {
      all.add(new Row(r.window(), r.measure(), r.result()));
    }
    return new StudyTests(all);
  }

  /**
   * Runs a suite on one measure only, every test window ({@link #run(StudyResult, TestSuite)}'s
   * order within the measure).
   *
   * @param study the study's results
   * @param suite the tests
   * @param measure CAR or BHAR (CAVOL, CAVAR: {@link StudyResult#measures()})
   * @return the results
   */
  public static StudyTests run(StudyResult study, TestSuite suite, Measure measure) {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(measure, "measure");
    List<Row> out = new ArrayList<>();
    for (EventWindow w : study.testWindows()) {
      addRows(out, w, measure, suite.run(study.sample(w, measure)));
    }
    return new StudyTests(out);
  }

  /**
   * The same rows with adjusted p-values: a family is every row with the same test id and measure
   * and a defined p-value (all its windows, study windows and one-day windows alike), adjusted by
   * {@link PValueAdjustment#adjust} ({@code docs/statistics.md}, "Adjusted p-values").
   *
   * @param method Holm or Benjamini–Hochberg
   * @return the rows, in the same order, each with its {@link Row#pAdjusted()}
   */
  public StudyTests withAdjustedPValues(PValueAdjustment method) {
    Objects.requireNonNull(method, "method");
    Map<String, List<Integer>> families = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      families
          .computeIfAbsent(r.result().testId() + " " + r.measure(), k -> new ArrayList<>())
          .add(i);
    }
    double[] adjusted = new double[rows.size()];
    for (List<Integer> family : families.values()) {
      double[] p = new double[family.size()];
      for (int j = 0; j < p.length; j++) {
        p[j] = rows.get(family.get(j)).result().pValue();
      }
      double[] a = method.adjust(p);
      for (int j = 0; j < p.length; j++) {
        adjusted[family.get(j)] = a[j];
      }
    }
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.add(new Row(r.window(), r.measure(), r.result(), adjusted[i]));
    }
    return new StudyTests(out, method);
  }

  /**
   * @return the adjustment of {@link #withAdjustedPValues}, if any
   */
  public Optional<PValueAdjustment> adjustment() {
    return Optional.ofNullable(adjustment);
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
    for (Measure m : study.measures()) {
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
    for (Measure m : study.measures()) {
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
   * @param measure CAR or BHAR (CAVOL, CAVAR: {@link StudyResult#measures()})
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
   * @param measure CAR or BHAR (CAVOL, CAVAR: {@link StudyResult#measures()})
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
