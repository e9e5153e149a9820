package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestResult;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw views of a study. The views of the output files ({@link #firmEvents}, {@link
 * #abnormalReturns}, {@link #cars}, {@link #tests}, {@link #leftOut}, {@link #overlaps}) are made
 * from the same column definitions as {@link StudyFiles}' CSV files: same name (without {@code
 * .csv}), same columns in the same order, same rows. Two summaries have no file: {@link #days} (per
 * relative day) and {@link #windows} (per window and measure). Missing values are Tablesaw's
 * missing markers ({@code NaN} for doubles, an empty string for text). The tables are new each
 * call; changing them changes nothing in the study.
 */
public final class StudyTables {

  private StudyTables() {}

  /**
   * One row per firm-event, left-out ones included, in canonical order, with the columns of {@code
   * firm_events.csv}: {@code event_id, ticker, exchange, day0, outcome, m, k, sigma}, the model's
   * parameters by name, then {@code reason}. Per-window values are in {@link #cars(StudyResult)}.
   *
   * @param study the results
   * @return the table {@code firm_events}
   */
  public static Table firmEvents(StudyResult study) {
    return OutputTables.firmEvents(study).toTable();
  }

  /**
   * One row per OK firm-event and relative day of the event span, with the columns of {@code
   * abnormal_returns.csv}: {@code event_id, ticker, rel_day, date, ret, expected, ar, sar}.
   *
   * @param study the results
   * @return the table {@code abnormal_returns}
   */
  public static Table abnormalReturns(StudyResult study) {
    return OutputTables.abnormalReturns(study).toTable();
  }

  /**
   * One row per OK firm-event and study window it is not absent from, with the columns of {@code
   * car.csv}: {@code event_id, ticker, window, car, var_car, scar, p_value, bhar}.
   *
   * @param study the results
   * @return the table {@code car}
   */
  public static Table cars(StudyResult study) {
    return OutputTables.cars(study).toTable();
  }

  /**
   * The columns and rows of {@code caar.csv}: {@code group, window, measure, n, caar, se, t,
   * ci_low, ci_high}, all firm-events (group empty) then each group.
   *
   * @param study the results
   * @return the table {@code caar}
   */
  public static Table caar(StudyResult study) {
    return OutputTables.caar(study).toTable();
  }

  /**
   * The columns and rows of {@code aar.csv}: {@code group, rel_day, n, aar, caar, se, ci_low,
   * ci_high}, all firm-events (group empty) then each group.
   *
   * @param study the results
   * @return the table {@code aar}
   */
  public static Table aar(StudyResult study) {
    return OutputTables.aar(study).toTable();
  }

  /**
   * One row per relative day of the event span: N, AAR (and the mean one-day BHAR), and every day
   * test's statistic and p-value on AR.
   *
   * @param study the results
   * @param tests the tests run on the study
   * @return the table {@code days}
   */
  public static Table days(StudyResult study, StudyTests tests) {
    EventWindow span = study.specification().eventSpan();
    IntColumn day = IntColumn.create("rel_day");
    IntColumn n = IntColumn.create("n");
    DoubleColumn aar = DoubleColumn.create("aar");
    Table t = Table.create("days", day, n, aar);
    Measure primary = study.specification().measure().cumulated();
    List<TestResult> first = tests.forWindow(EventWindow.day(span.fromInclusive()), primary);
    for (TestResult r : first) {
      t.addColumns(DoubleColumn.create(r.testId()), DoubleColumn.create(r.testId() + "_p"));
    }
    for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
      Sample s = study.sample(EventWindow.day(d), primary);
      day.append(d);
      n.append(s.size());
      aar.append(StudySummary.mean(s));
      for (TestResult r : tests.forWindow(EventWindow.day(d), primary)) {
        t.doubleColumn(r.testId()).append(r.statistic());
        t.doubleColumn(r.testId() + "_p").append(r.pValue());
      }
    }
    return t;
  }

  /**
   * One row per test result, with the columns of {@code tests.csv}: {@code window, measure, test,
   * statistic, p_value, n, reason}.
   *
   * @param tests the tests run on a study
   * @return the table {@code tests}
   */
  public static Table tests(StudyTests tests) {
    return OutputTables.tests(tests).toTable();
  }

  /**
   * One row per study window and measure: N and the mean (CAAR or ABHAR).
   *
   * @param study the results
   * @return the table {@code windows}
   */
  public static Table windows(StudyResult study) {
    StringColumn window = StringColumn.create("window");
    StringColumn measure = StringColumn.create("measure");
    IntColumn n = IntColumn.create("n");
    DoubleColumn mean = DoubleColumn.create("mean");
    for (EventWindow w : study.windows()) {
      for (Measure m : study.measures()) {
        Sample s = study.sample(w, m);
        window.append(w.toString());
        measure.append(m.name());
        n.append(s.size());
        mean.append(StudySummary.mean(s));
      }
    }
    return Table.create("windows", window, measure, n, mean);
  }

  /**
   * Every firm-event left out of the study, and every OK firm-event absent from a study window,
   * with the reason: nothing disappears silently. The columns of {@code left_out.csv}: {@code
   * event_id, ticker, outcome, window, reason}.
   *
   * @param study the results
   * @return the table {@code left_out} ({@code window} empty for a firm-event left out entirely)
   */
  public static Table leftOut(StudyResult study) {
    return OutputTables.leftOut(study).toTable();
  }

  /**
   * Every other event whose day 0 falls in a firm-event's estimation or event windows, with the
   * columns of {@code overlaps.csv}: {@code event_id, ticker, other_event_id, other_day0, rel_day,
   * region}.
   *
   * @param study the results
   * @return the table {@code overlaps}
   */
  public static Table overlaps(StudyResult study) {
    return OutputTables.overlaps(study).toTable();
  }

  /**
   * The calendar-time portfolio's regression with the columns of {@code calendar_time.csv}: {@code
   * model, term, coef, se, t, p, days, nw_lag, r2}, one row per term.
   *
   * @param portfolio the portfolio and its regression
   * @return the table {@code calendar_time}
   */
  public static Table calendarTime(io.eventide.study.CalendarTimePortfolio portfolio) {
    return OutputTables.calendarTime(portfolio).toTable();
  }
}
