package io.eventide.report;

import io.eventide.calendar.Exchange;
import io.eventide.event.EventWindow;
import io.eventide.event.Overlap;
import io.eventide.inference.Measure;
import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.FirmEventResult;
import io.eventide.study.MeanEstimate;
import io.eventide.study.Outcome;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import io.eventide.study.WindowExclusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The study's output tables, each defined once ({@link TableDefinition}): {@code firm_events},
 * {@code abnormal_returns}, {@code car}, {@code tests}, {@code left_out} and {@code overlaps}, the
 * files of the command line (docs/cli.md section 4). {@link StudyFiles} writes them and {@link
 * StudyTables} views them.
 *
 * <p>Contract columns come first; extensions are appended at the end of a row, never inserted
 * ({@code reason} in {@code firm_events} and {@code tests}). Rows of a firm-event are read through
 * a cursor ({@link FirmEventRow}) that the source moves, so streaming abnormal returns or CARs of a
 * large study allocates nothing per row beyond what the result's accessors do.
 */
final class OutputTables {

  private OutputTables() {}

  /**
   * One row per firm-event, left-out ones included, in canonical order: {@code
   * event_id,ticker,exchange,day0,outcome,m,k,sigma}, the model's parameters by name, then {@code
   * reason} (why it was left out; empty for OK).
   *
   * @param study the results
   * @return the table {@code firm_events}
   */
  static TableDefinition<FirmEventRow> firmEvents(StudyResult study) {
    List<Column<FirmEventRow>> columns = new ArrayList<>();
    columns.add(new Column.Text<>("event_id", r -> r.result.eventId()));
    columns.add(new Column.Text<>("ticker", r -> r.result.ticker()));
    columns.add(
        new Column.Text<>("exchange", r -> r.result.exchange().map(Exchange::code).orElse("")));
    columns.add(new Column.Date<>("day0", r -> r.result.dayZero().orElse(null)));
    columns.add(new Column.Text<>("outcome", r -> r.result.outcome().name()));
    columns.add(new Column.Int<>("m", r -> r.result.observations()));
    columns.add(new Column.Int<>("k", r -> r.result.parameterCount()));
    columns.add(new Column.Decimal<>("sigma", r -> r.result.sigma()));
    List<String> parameters = study.specification().model().parameterNames();
    for (int j = 0; j < parameters.size(); j++) {
      int p = j;
      columns.add(new Column.Decimal<>(parameters.get(j), r -> r.parameters[p]));
    }
    columns.add(new Column.Text<>("reason", r -> r.result.reason()));
    return new TableDefinition<>(
        "firm_events",
        columns,
        action -> {
          FirmEventRow row = new FirmEventRow();
          for (FirmEventResult r : study.firmEvents()) {
            row.result = r;
            row.parameters = r.parameters();
            action.accept(row);
          }
        });
  }

  /**
   * One row per OK firm-event and relative day of the event span: {@code
   * event_id,ticker,rel_day,date,ret,expected,ar,sar}. {@code expected} is the model's {@code
   * E[R_t]}, written even on a day whose return is missing.
   *
   * @param study the results
   * @return the table {@code abnormal_returns}
   */
  static TableDefinition<FirmEventRow> abnormalReturns(StudyResult study) {
    EventWindow span = study.specification().eventSpan();
    return new TableDefinition<>(
        "abnormal_returns",
        List.of(
            new Column.Text<>("event_id", r -> r.result.eventId()),
            new Column.Text<>("ticker", r -> r.result.ticker()),
            new Column.Int<>("rel_day", r -> r.day),
            new Column.Date<>("date", r -> r.result.date(r.day).orElseThrow()),
            new Column.Decimal<>("ret", r -> r.result.returnOn(r.day)),
            new Column.Decimal<>("expected", r -> r.result.expectedReturn(r.day)),
            new Column.Decimal<>("ar", r -> r.result.abnormalReturn(r.day)),
            new Column.Decimal<>("sar", r -> r.result.standardizedAbnormalReturn(r.day))),
        action -> {
          FirmEventRow row = new FirmEventRow();
          for (FirmEventResult r : study.firmEvents()) {
            if (r.outcome() != Outcome.OK) {
              continue;
            }
            row.result = r;
            for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
              row.day = d;
              action.accept(row);
            }
          }
        });
  }

  /**
   * One row per OK firm-event and study window it is not absent from: {@code
   * event_id,ticker,window,car,var_car,scar,p_value,bhar}.
   *
   * @param study the results
   * @return the table {@code car}
   */
  static TableDefinition<FirmEventRow> cars(StudyResult study) {
    List<EventWindow> windows = study.windows();
    String[] labels = new String[windows.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = windows.get(i).toString();
    }
    return new TableDefinition<>(
        "car",
        List.of(
            new Column.Text<>("event_id", r -> r.result.eventId()),
            new Column.Text<>("ticker", r -> r.result.ticker()),
            new Column.Text<>("window", r -> labels[r.window]),
            new Column.Decimal<>("car", r -> r.car),
            new Column.Decimal<>("var_car", r -> r.result.carVariance(windows.get(r.window))),
            new Column.Decimal<>("scar", r -> r.result.scar(windows.get(r.window))),
            new Column.Decimal<>("p_value", r -> r.result.pValue(windows.get(r.window))),
            new Column.Decimal<>("bhar", r -> r.result.bhar(windows.get(r.window)))),
        action -> {
          FirmEventRow row = new FirmEventRow();
          for (FirmEventResult r : study.firmEvents()) {
            if (r.outcome() != Outcome.OK) {
              continue;
            }
            row.result = r;
            for (int w = 0; w < labels.length; w++) {
              double car = r.car(windows.get(w));
              if (Double.isNaN(car)) {
                continue;
              }
              row.window = w;
              row.car = car;
              action.accept(row);
            }
          }
        });
  }

  /**
   * One row per test result: {@code window,measure,test,statistic,p_value,n}, then {@code reason}
   * (why the statistic is undefined; empty when it is defined), then {@code p_adjusted} (the
   * p-value adjusted across the windows of its test and measure; empty without an adjustment or
   * where {@code p_value} is empty).
   *
   * @param tests the tests run on a study
   * @return the table {@code tests}
   */
  static TableDefinition<StudyTests.Row> tests(StudyTests tests) {
    return new TableDefinition<>(
        "tests",
        List.of(
            new Column.Text<>("window", r -> r.window().toString()),
            new Column.Text<>("measure", r -> r.measure().name()),
            new Column.Text<>("test", r -> r.result().testId()),
            new Column.Decimal<>("statistic", r -> r.result().statistic()),
            new Column.Decimal<>("p_value", r -> r.result().pValue()),
            new Column.Int<>("n", r -> r.result().n()),
            new Column.Text<>("reason", r -> r.result().undefinedReason()),
            new Column.Decimal<>("p_adjusted", StudyTests.Row::pAdjusted)),
        action -> tests.rows().forEach(action));
  }

  /**
   * Every firm-event left out (window empty), then every OK firm-event absent from a study window
   * (outcome {@code OK}, the window, and its first missing day): {@code
   * event_id,ticker,outcome,window,reason}.
   *
   * @param study the results
   * @return the table {@code left_out}
   */
  static TableDefinition<LeftOut> leftOut(StudyResult study) {
    return new TableDefinition<>(
        "left_out",
        List.of(
            new Column.Text<>("event_id", LeftOut::eventId),
            new Column.Text<>("ticker", LeftOut::ticker),
            new Column.Text<>("outcome", LeftOut::outcome),
            new Column.Text<>("window", LeftOut::window),
            new Column.Text<>("reason", LeftOut::reason)),
        action -> {
          for (FirmEventResult r : study.leftOut()) {
            action.accept(new LeftOut(r.eventId(), r.ticker(), r.outcome().name(), "", r.reason()));
          }
          for (WindowExclusion e : study.windowExclusions()) {
            action.accept(
                new LeftOut(
                    e.eventId(), e.ticker(), Outcome.OK.name(), e.window().toString(), e.reason()));
          }
        });
  }

  /**
   * One row per other event whose day 0 falls in a firm-event's estimation or event windows: {@code
   * event_id,ticker,other_event_id,other_day0,rel_day,region}, streamed a listing at a time (a
   * large study has tens of millions).
   *
   * @param study the results
   * @return the table {@code overlaps}
   */
  static TableDefinition<Overlap> overlaps(StudyResult study) {
    return new TableDefinition<>(
        "overlaps",
        List.of(
            new Column.Text<>("event_id", Overlap::eventId),
            new Column.Text<>("ticker", Overlap::ticker),
            new Column.Text<>("other_event_id", Overlap::otherEventId),
            new Column.Date<>("other_day0", Overlap::otherDayZero),
            new Column.Int<>("rel_day", Overlap::relativeDay),
            new Column.Text<>("region", o -> o.region().name())),
        action -> study.forEachOverlap(action::accept));
  }

  /**
   * The study and each of its groups, in output order: all firm-events first (label empty), then
   * each group by label.
   */
  static List<StudyResult> withGroups(StudyResult study) {
    List<StudyResult> out = new ArrayList<>();
    out.add(study);
    for (String g : study.groups()) {
      out.add(study.group(g));
    }
    return out;
  }

  /**
   * One row per group (empty = all firm-events), study window and measure: {@code
   * group,window,measure,n,caar,se,t,ci_low,ci_high}; se = s/√N of the window's CARs or BHARs, the
   * interval from Student t with N − 1 degrees of freedom ({@link MeanEstimate}).
   *
   * @param study the results
   * @return the table {@code caar}
   */
  static TableDefinition<CaarRow> caar(StudyResult study) {
    return caar(StudyMeans.of(study));
  }

  /**
   * {@link #caar(StudyResult)} from a study's means, however they were computed.
   *
   * @param means the means
   * @return the table {@code caar}
   */
  static TableDefinition<CaarRow> caar(StudyMeans means) {
    return new TableDefinition<>(
        "caar",
        List.of(
            new Column.Text<>("group", CaarRow::group),
            new Column.Text<>("window", r -> r.window().toString()),
            new Column.Text<>("measure", r -> r.measure().name()),
            new Column.Int<>("n", r -> r.estimate().n()),
            new Column.Decimal<>("caar", r -> r.estimate().estimate()),
            new Column.Decimal<>("se", r -> r.estimate().standardError()),
            new Column.Decimal<>("t", r -> r.estimate().t()),
            new Column.Decimal<>("ci_low", r -> r.estimate().lower()),
            new Column.Decimal<>("ci_high", r -> r.estimate().upper())),
        action -> {
          for (String label : means.groups()) {
            for (EventWindow w : means.windows()) {
              for (Measure m : means.measures()) {
                action.accept(new CaarRow(label, w, m, means.caar(label, w, m)));
              }
            }
          }
        });
  }

  /**
   * One row per group and relative day of the event span: {@code
   * group,rel_day,n,aar,caar,se,ci_low,ci_high}; {@code caar} cumulates AAR from the span's first
   * day and is empty from the first day without an AAR on (a sum with a missing term is unknown);
   * se and interval are those of the one-day CAR.
   *
   * @param study the results
   * @return the table {@code aar}
   */
  static TableDefinition<AarRow> aar(StudyResult study) {
    return aar(StudyMeans.of(study));
  }

  /**
   * {@link #aar(StudyResult)} from a study's means, however they were computed.
   *
   * @param means the means
   * @return the table {@code aar}
   */
  static TableDefinition<AarRow> aar(StudyMeans means) {
    EventWindow span = means.span();
    return new TableDefinition<>(
        "aar",
        List.of(
            new Column.Text<>("group", AarRow::group),
            new Column.Int<>("rel_day", AarRow::day),
            new Column.Int<>("n", r -> r.estimate().n()),
            new Column.Decimal<>("aar", r -> r.estimate().estimate()),
            new Column.Decimal<>("caar", AarRow::caar),
            new Column.Decimal<>("se", r -> r.estimate().standardError()),
            new Column.Decimal<>("ci_low", r -> r.estimate().lower()),
            new Column.Decimal<>("ci_high", r -> r.estimate().upper())),
        action -> {
          for (String label : means.groups()) {
            double cum = 0;
            for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
              MeanEstimate e = means.aar(label, d);
              cum += e.estimate();
              action.accept(new AarRow(label, d, e, cum));
            }
          }
        });
  }

  /**
   * The rows of {@code tests} for the firm-events of each group: {@code
   * group,window,measure,test,statistic,p_value,n}, then {@code reason}.
   *
   * @param groups each group's label and tests, in label order
   * @return the table {@code group_tests}
   */
  static TableDefinition<GroupTestRow> groupTests(List<Map.Entry<String, StudyTests>> groups) {
    return new TableDefinition<>(
        "group_tests",
        List.of(
            new Column.Text<>("group", GroupTestRow::group),
            new Column.Text<>("window", r -> r.row().window().toString()),
            new Column.Text<>("measure", r -> r.row().measure().name()),
            new Column.Text<>("test", r -> r.row().result().testId()),
            new Column.Decimal<>("statistic", r -> r.row().result().statistic()),
            new Column.Decimal<>("p_value", r -> r.row().result().pValue()),
            new Column.Int<>("n", r -> r.row().result().n()),
            new Column.Text<>("reason", r -> r.row().result().undefinedReason())),
        action -> {
          for (Map.Entry<String, StudyTests> g : groups) {
            for (StudyTests.Row row : g.getValue().rows()) {
              action.accept(new GroupTestRow(g.getKey(), row));
            }
          }
        });
  }

  /**
   * The calendar-time portfolio's regression, one row per term ({@code docs/cli.md}, "methods
   * beyond the textbook"): {@code model,term,coef,se,t,p,days,nw_lag,r2}; terms {@code alpha}, then
   * {@code beta} (market model) or {@code b_<factor>}; {@code days} (T), {@code nw_lag} (L) and
   * {@code r2} repeat on every row. Without a fit the estimates and {@code r2} are empty cells.
   *
   * @param portfolio the portfolio and its regression
   * @return the table {@code calendar_time}
   */
  static TableDefinition<CalendarTimePortfolio.Term> calendarTime(CalendarTimePortfolio portfolio) {
    return new TableDefinition<>(
        "calendar_time",
        List.of(
            new Column.Text<>("model", r -> portfolio.model().id()),
            new Column.Text<>("term", CalendarTimePortfolio.Term::name),
            new Column.Decimal<>("coef", CalendarTimePortfolio.Term::coefficient),
            new Column.Decimal<>("se", CalendarTimePortfolio.Term::standardError),
            new Column.Decimal<>("t", CalendarTimePortfolio.Term::t),
            new Column.Decimal<>("p", CalendarTimePortfolio.Term::p),
            new Column.Int<>("days", r -> portfolio.days()),
            new Column.Int<>("nw_lag", r -> portfolio.lag()),
            new Column.Decimal<>("r2", r -> portfolio.r2())),
        action -> portfolio.terms().forEach(action));
  }

  /**
   * A row of {@code caar}.
   *
   * @param group the group's label, empty for all firm-events
   * @param window the study window
   * @param measure CAR or BHAR
   * @param estimate the mean with its standard error and interval
   */
  record CaarRow(String group, EventWindow window, Measure measure, MeanEstimate estimate) {}

  /**
   * A row of {@code aar}.
   *
   * @param group the group's label, empty for all firm-events
   * @param day the relative day
   * @param estimate the day's AAR with its standard error and interval
   * @param caar AAR cumulated from the span's first day (NaN once a day has none)
   */
  record AarRow(String group, int day, MeanEstimate estimate, double caar) {}

  /**
   * A row of {@code group_tests}.
   *
   * @param group the group's label
   * @param row the test result
   */
  record GroupTestRow(String group, StudyTests.Row row) {}

  /**
   * A cursor over the rows of one firm-event: the firm-event, its parameters (read once per
   * firm-event), and the relative day or the window (with its CAR) of the current row.
   */
  static final class FirmEventRow {
    FirmEventResult result;
    double[] parameters;
    int day;
    int window;
    double car;
  }

  /**
   * A row of {@code left_out}.
   *
   * @param eventId the event
   * @param ticker the listing
   * @param outcome the outcome's name ({@code OK} for a window exclusion)
   * @param window the window label, empty for a firm-event left out entirely
   * @param reason why
   */
  record LeftOut(String eventId, String ticker, String outcome, String window, String reason) {}
}
