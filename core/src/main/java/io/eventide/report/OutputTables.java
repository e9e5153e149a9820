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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The study's output tables, each defined once ({@link TableDefinition}): {@code firm_events},
 * {@code abnormal_returns}, {@code car}, {@code tests}, {@code left_out} and {@code overlaps}, the
 * files of the command line (docs/cli.md section 4). {@link StudyFiles} writes them and {@link
 * StudyTables} views them.
 *
 * <p>Contract columns come first; extensions are appended at the end of a row, never inserted
 * ({@code reason} in {@code firm_events} and {@code tests}). Rows of a firm-event are read through
 * a cursor ({@link FirmEventRow}) that the source moves, so streaming abnormal returns or CARs of a
 * large study allocates nothing per row beyond what the result's accessors do; the same columns and
 * the same row rules ({@link #abnormalReturnRows}, {@link #carRows}) write the rows of firm-events
 * mapped elsewhere ({@link io.eventide.report.internal.FirmEventFiles}).
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
    return new TableDefinition<>(
        "firm_events",
        firmEventColumns(study.specification().model().parameterNames()),
        action -> {
          ResultRow row = new ResultRow(study.windows());
          for (FirmEventResult r : study.firmEvents()) {
            row.set(r);
            action.accept(row);
          }
        });
  }

  /**
   * @param parameters the model's parameter names
   * @return the columns of {@code firm_events}
   */
  static List<Column<FirmEventRow>> firmEventColumns(List<String> parameters) {
    List<Column<FirmEventRow>> columns = new ArrayList<>();
    columns.add(new Column.Text<>("event_id", FirmEventRow::eventId));
    columns.add(new Column.Text<>("ticker", FirmEventRow::ticker));
    columns.add(new Column.Text<>("exchange", FirmEventRow::exchange));
    columns.add(new Column.Date<>("day0", FirmEventRow::dayZero));
    columns.add(new Column.Text<>("outcome", r -> r.outcome().name()));
    columns.add(new Column.Int<>("m", FirmEventRow::observations));
    columns.add(new Column.Int<>("k", FirmEventRow::parameterCount));
    columns.add(new Column.Decimal<>("sigma", FirmEventRow::sigma));
    for (int j = 0; j < parameters.size(); j++) {
      int p = j;
      columns.add(new Column.Decimal<>(parameters.get(j), r -> r.parameter(p)));
    }
    columns.add(new Column.Text<>("reason", FirmEventRow::reason));
    return columns;
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
        ABNORMAL_RETURN_COLUMNS,
        action -> {
          ResultRow row = new ResultRow(study.windows());
          for (FirmEventResult r : study.firmEvents()) {
            row.set(r);
            abnormalReturnRows(row, span.fromInclusive(), span.toInclusive(), action);
          }
        });
  }

  /** The columns of {@code abnormal_returns}. */
  static final List<Column<FirmEventRow>> ABNORMAL_RETURN_COLUMNS =
      List.of(
          new Column.Text<>("event_id", FirmEventRow::eventId),
          new Column.Text<>("ticker", FirmEventRow::ticker),
          new Column.Int<>("rel_day", r -> r.day),
          new Column.Date<>("date", r -> r.date(r.day)),
          new Column.Decimal<>("ret", r -> r.returnOn(r.day)),
          new Column.Decimal<>("expected", r -> r.expectedReturn(r.day)),
          new Column.Decimal<>("ar", r -> r.abnormalReturn(r.day)),
          new Column.Decimal<>("sar", r -> r.standardizedAbnormalReturn(r.day)));

  /**
   * A firm-event's rows of {@code abnormal_returns}: one per day of the span if it is OK, none
   * otherwise.
   *
   * @param row the firm-event, its day moved for each row
   * @param spanFrom the event span's first relative day
   * @param spanTo its last
   * @param action receives the rows
   */
  static void abnormalReturnRows(
      FirmEventRow row, int spanFrom, int spanTo, Consumer<? super FirmEventRow> action) {
    if (row.outcome() != Outcome.OK) {
      return;
    }
    for (int d = spanFrom; d <= spanTo; d++) {
      row.day = d;
      action.accept(row);
    }
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
        carColumns(labels),
        action -> {
          ResultRow row = new ResultRow(windows);
          for (FirmEventResult r : study.firmEvents()) {
            row.set(r);
            carRows(row, labels.length, action);
          }
        });
  }

  /**
   * @param labels the study windows' labels
   * @return the columns of {@code car}
   */
  static List<Column<FirmEventRow>> carColumns(String[] labels) {
    return List.of(
        new Column.Text<>("event_id", FirmEventRow::eventId),
        new Column.Text<>("ticker", FirmEventRow::ticker),
        new Column.Text<>("window", r -> labels[r.window]),
        new Column.Decimal<>("car", r -> r.car),
        new Column.Decimal<>("var_car", r -> r.carVariance(r.window)),
        new Column.Decimal<>("scar", r -> r.scar(r.window)),
        new Column.Decimal<>("p_value", r -> r.pValue(r.window)),
        new Column.Decimal<>("bhar", r -> r.bhar(r.window)));
  }

  /**
   * A firm-event's rows of {@code car}: one per study window with a CAR if it is OK, none
   * otherwise.
   *
   * @param row the firm-event, its window and CAR moved for each row
   * @param windows the number of study windows
   * @param action receives the rows
   */
  static void carRows(FirmEventRow row, int windows, Consumer<? super FirmEventRow> action) {
    if (row.outcome() != Outcome.OK) {
      return;
    }
    for (int w = 0; w < windows; w++) {
      double car = row.carOf(w);
      if (Double.isNaN(car)) {
        continue;
      }
      row.window = w;
      row.car = car;
      action.accept(row);
    }
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
        LEFT_OUT_COLUMNS,
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

  /** The columns of {@code left_out}. */
  static final List<Column<LeftOut>> LEFT_OUT_COLUMNS =
      List.of(
          new Column.Text<>("event_id", LeftOut::eventId),
          new Column.Text<>("ticker", LeftOut::ticker),
          new Column.Text<>("outcome", LeftOut::outcome),
          new Column.Text<>("window", LeftOut::window),
          new Column.Text<>("reason", LeftOut::reason));

  /**
   * One row per other event whose day 0 falls in a firm-event's estimation or event windows: {@code
   * event_id,ticker,other_event_id,other_day0,rel_day,region}, streamed a listing at a time (a
   * large study has tens of millions).
   *
   * @param study the results
   * @return the table {@code overlaps}
   */
  static TableDefinition<Overlap> overlaps(StudyResult study) {
    return overlaps(study::forEachOverlap);
  }

  /**
   * The table {@code overlaps} of a resolved study: the same rows as {@link #overlaps(StudyResult)}
   * of the study computed from it (overlaps follow from the resolution).
   *
   * @param resolved the resolved study
   * @return the table {@code overlaps}
   */
  static TableDefinition<Overlap> overlaps(io.eventide.study.ResolvedStudy resolved) {
    return overlaps(resolved::forEachOverlap);
  }

  private static TableDefinition<Overlap> overlaps(Consumer<Consumer<Overlap>> source) {
    return new TableDefinition<>(
        "overlaps",
        List.of(
            new Column.Text<>("event_id", Overlap::eventId),
            new Column.Text<>("ticker", Overlap::ticker),
            new Column.Text<>("other_event_id", Overlap::otherEventId),
            new Column.Date<>("other_day0", Overlap::otherDayZero),
            new Column.Int<>("rel_day", Overlap::relativeDay),
            new Column.Text<>("region", o -> o.region().name())),
        action -> source.accept(action::accept));
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
   * A cursor over the rows of one firm-event: what the columns of {@code firm_events}, {@code
   * abnormal_returns} and {@code car} read, and the relative day or the study window (with its CAR)
   * of the current row. Two sources move it: a study's {@link FirmEventResult}s ({@link ResultRow})
   * and the firm-events mapped elsewhere ({@code FirmEventFilesKernel}), so both are written by the
   * same columns.
   */
  abstract static class FirmEventRow {
    int day;
    int window;
    double car;

    abstract String eventId();

    abstract String ticker();

    /** The listing's exchange code, empty if the universe does not list the ticker. */
    abstract String exchange();

    /** Day 0, null if none qualifies. */
    abstract LocalDate dayZero();

    abstract Outcome outcome();

    abstract String reason();

    abstract int observations();

    abstract int parameterCount();

    abstract double sigma();

    abstract double parameter(int j);

    /** The date of a relative day of the span of an OK firm-event. */
    abstract LocalDate date(int day);

    abstract double returnOn(int day);

    abstract double expectedReturn(int day);

    abstract double abnormalReturn(int day);

    abstract double standardizedAbnormalReturn(int day);

    /** The CAR of study window {@code w}, NaN if absent. */
    abstract double carOf(int w);

    abstract double carVariance(int w);

    abstract double scar(int w);

    abstract double pValue(int w);

    abstract double bhar(int w);
  }

  /** The cursor over a study's firm-events. */
  static final class ResultRow extends FirmEventRow {
    private final List<EventWindow> windows;
    private FirmEventResult result;
    private double[] parameters;

    ResultRow(List<EventWindow> windows) {
      this.windows = windows;
    }

    void set(FirmEventResult r) {
      result = r;
      parameters = null;
    }

    @Override
    String eventId() {
      return result.eventId();
    }

    @Override
    String ticker() {
      return result.ticker();
    }

    @Override
    String exchange() {
      return result.exchange().map(Exchange::code).orElse("");
    }

    @Override
    LocalDate dayZero() {
      return result.dayZero().orElse(null);
    }

    @Override
    Outcome outcome() {
      return result.outcome();
    }

    @Override
    String reason() {
      return result.reason();
    }

    @Override
    int observations() {
      return result.observations();
    }

    @Override
    int parameterCount() {
      return result.parameterCount();
    }

    @Override
    double sigma() {
      return result.sigma();
    }

    @Override
    double parameter(int j) {
      if (parameters == null) {
        parameters = result.parameters(); // read once per firm-event
      }
      return parameters[j];
    }

    @Override
    LocalDate date(int day) {
      return result.date(day).orElseThrow();
    }

    @Override
    double returnOn(int day) {
      return result.returnOn(day);
    }

    @Override
    double expectedReturn(int day) {
      return result.expectedReturn(day);
    }

    @Override
    double abnormalReturn(int day) {
      return result.abnormalReturn(day);
    }

    @Override
    double standardizedAbnormalReturn(int day) {
      return result.standardizedAbnormalReturn(day);
    }

    @Override
    double carOf(int w) {
      return result.car(windows.get(w));
    }

    @Override
    double carVariance(int w) {
      return result.carVariance(windows.get(w));
    }

    @Override
    double scar(int w) {
      return result.scar(windows.get(w));
    }

    @Override
    double pValue(int w) {
      return result.pValue(windows.get(w));
    }

    @Override
    double bhar(int w) {
      return result.bhar(windows.get(w));
    }
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
