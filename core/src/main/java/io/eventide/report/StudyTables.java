package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestResult;
import io.eventide.study.FirmEventResult;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import io.eventide.study.WindowExclusion;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Tablesaw views of a study: one row per firm-event, per relative day, per window and measure, per
 * test, and per firm-event left out. Missing values are Tablesaw's missing markers ({@code NaN} for
 * doubles). The tables are new each call; changing them changes nothing in the study.
 */
public final class StudyTables {

  private StudyTables() {}

  /**
   * One row per firm-event: identity, outcome, M, k, s, parameters, and per study window CAR,
   * Var(CAR), SCAR, its p-value and BHAR.
   *
   * @param study the results
   * @return the table {@code firm_events}
   */
  public static Table firmEvents(StudyResult study) {
    List<String> params = study.specification().model().parameterNames();
    StringColumn event = StringColumn.create("event_id");
    StringColumn ticker = StringColumn.create("ticker");
    StringColumn exchange = StringColumn.create("exchange");
    DateColumn day0 = DateColumn.create("day0");
    StringColumn outcome = StringColumn.create("outcome");
    StringColumn reason = StringColumn.create("reason");
    IntColumn m = IntColumn.create("m");
    IntColumn k = IntColumn.create("k");
    DoubleColumn sigma = DoubleColumn.create("sigma");
    DoubleColumn[] p = new DoubleColumn[params.size()];
    for (int j = 0; j < p.length; j++) {
      p[j] = DoubleColumn.create(params.get(j));
    }
    List<EventWindow> windows = study.windows();
    DoubleColumn[][] w = new DoubleColumn[windows.size()][5];
    String[] names = {"car", "var_car", "scar", "p_value", "bhar"};
    for (int i = 0; i < windows.size(); i++) {
      for (int c = 0; c < 5; c++) {
        w[i][c] = DoubleColumn.create(names[c] + "_" + windows.get(i));
      }
    }
    for (FirmEventResult r : study.firmEvents()) {
      event.append(r.eventId());
      ticker.append(r.ticker());
      exchange.append(r.exchange().map(Enum::name).orElse(""));
      day0.append(r.dayZero().orElse(null));
      outcome.append(r.outcome().name());
      reason.append(r.reason());
      m.append(r.observations());
      k.append(r.parameterCount());
      sigma.append(r.sigma());
      double[] values = r.parameters();
      for (int j = 0; j < p.length; j++) {
        p[j].append(values[j]);
      }
      for (int i = 0; i < windows.size(); i++) {
        EventWindow win = windows.get(i);
        w[i][0].append(r.car(win));
        w[i][1].append(r.carVariance(win));
        w[i][2].append(r.scar(win));
        w[i][3].append(r.pValue(win));
        w[i][4].append(r.bhar(win));
      }
    }
    Table t =
        Table.create("firm_events", event, ticker, exchange, day0, outcome, reason, m, k, sigma);
    t.addColumns(p);
    for (DoubleColumn[] cols : w) {
      t.addColumns(cols);
    }
    return t;
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
    List<TestResult> first = tests.forWindow(EventWindow.day(span.fromInclusive()), Measure.CAR);
    for (TestResult r : first) {
      t.addColumns(DoubleColumn.create(r.testId()), DoubleColumn.create(r.testId() + "_p"));
    }
    for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
      Sample s = study.sample(EventWindow.day(d), Measure.CAR);
      day.append(d);
      n.append(s.size());
      aar.append(StudySummary.mean(s));
      for (TestResult r : tests.forWindow(EventWindow.day(d), Measure.CAR)) {
        t.doubleColumn(r.testId()).append(r.statistic());
        t.doubleColumn(r.testId() + "_p").append(r.pValue());
      }
    }
    return t;
  }

  /**
   * One row per test result: {@code window, measure, test, statistic, p_value, n, reason}.
   *
   * @param tests the tests run on a study
   * @return the table {@code tests}
   */
  public static Table tests(StudyTests tests) {
    StringColumn window = StringColumn.create("window");
    StringColumn measure = StringColumn.create("measure");
    StringColumn test = StringColumn.create("test");
    DoubleColumn statistic = DoubleColumn.create("statistic");
    DoubleColumn p = DoubleColumn.create("p_value");
    IntColumn n = IntColumn.create("n");
    StringColumn reason = StringColumn.create("reason");
    for (StudyTests.Row row : tests.rows()) {
      TestResult r = row.result();
      window.append(row.window().toString());
      measure.append(row.measure().name());
      test.append(r.testId());
      statistic.append(r.statistic());
      p.append(r.pValue());
      n.append(r.n());
      reason.append(r.undefinedReason());
    }
    return Table.create("tests", window, measure, test, statistic, p, n, reason);
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
      for (Measure m : Measure.values()) {
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
   * with the reason: nothing disappears silently.
   *
   * @param study the results
   * @return the table {@code left_out} ({@code window} empty for a firm-event left out entirely)
   */
  public static Table leftOut(StudyResult study) {
    StringColumn event = StringColumn.create("event_id");
    StringColumn ticker = StringColumn.create("ticker");
    StringColumn outcome = StringColumn.create("outcome");
    StringColumn window = StringColumn.create("window");
    StringColumn reason = StringColumn.create("reason");
    for (FirmEventResult r : study.leftOut()) {
      event.append(r.eventId());
      ticker.append(r.ticker());
      outcome.append(r.outcome().name());
      window.append("");
      reason.append(r.reason());
    }
    for (WindowExclusion e : study.windowExclusions()) {
      event.append(e.eventId());
      ticker.append(e.ticker());
      outcome.append("OK");
      window.append(e.window().toString());
      reason.append(e.reason());
    }
    return Table.create("left_out", event, ticker, outcome, window, reason);
  }
}
