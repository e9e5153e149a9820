package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.event.Overlap;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestResult;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.study.WindowExclusion;
import io.eventide.timeseries.ReturnType;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A plain-text summary of a study for a terminal: what was computed, each firm-event's day 0 and
 * returns around it, the confounding overlaps, what was left out and why, and per window the CAAR,
 * ABHAR and every test with its p-value and N.
 *
 * <p>Each list shows at most {@value #MAX_ROWS} rows and says how many more the output files hold.
 * Numbers are formatted with {@link Locale#ROOT}; returns in percent with two decimals, statistics
 * with three, p-values with four.
 */
public final class StudySummary {

  /** Rows shown per list (day 0 table, overlaps, left out); the CSV files hold them all. */
  static final int MAX_ROWS = 100;

  private StudySummary() {}

  /**
   * The full summary.
   *
   * @param study the study's results
   * @param tests the tests run on it
   * @return the text, lines separated by {@code \n}
   */
  public static String of(StudyResult study, StudyTests tests) {
    StringBuilder sb = new StringBuilder();
    header(sb, study);
    dayZeroTable(sb, study);
    overlaps(sb, study);
    leftOut(sb, study);
    windows(sb, study, tests);
    return sb.toString();
  }

  /**
   * The header: model, windows and counts.
   *
   * @param sb where to append
   * @param study the results
   */
  static void header(StringBuilder sb, StudyResult study) {
    header(
        sb,
        study.specification(),
        study.returnType(),
        study.events().size(),
        study.universe().size(),
        study.size(),
        study.count(Outcome.OK));
  }

  private static void header(
      StringBuilder sb,
      StudySpecification spec,
      ReturnType returnType,
      int events,
      int listings,
      long size,
      long ok) {
    sb.append("Eventide event study\n");
    sb.append(
        f(
            "  model %s, estimation window %s, at least %d estimation days, %s%n",
            spec.model().id(),
            spec.estimationWindow(),
            spec.minEstimation(),
            switch (spec.measure()) {
              case RETURNS -> returnType.name().toLowerCase(Locale.ROOT) + " returns";
              case VOLUME -> "abnormal log volume ln(1 + V) (measure volume)";
              case VOLATILITY ->
                  returnType.name().toLowerCase(Locale.ROOT)
                      + " returns, abnormal variance Σ(U − 1) (measure volatility)";
            }));
    if (spec.cleaningRadius().isPresent()) {
      sb.append(
          f(
              "  estimation windows cleaned of sessions within ±%d of other events' day 0%n",
              spec.cleaningRadius().getAsInt()));
    }
    sb.append(
        f(
            "  %d events, %d listings, %d firm-events: %d OK, %d left out%n%n",
            events, listings, size, ok, size - ok));
  }

  /**
   * Each firm-event's day 0 and its returns from day −2 to +2 (where the event span holds them).
   *
   * @param sb where to append
   * @param study the results
   */
  static void dayZeroTable(StringBuilder sb, StudyResult study) {
    EventWindow span = study.specification().eventSpan();
    int from = Math.max(-2, span.fromInclusive());
    int to = Math.min(2, span.toInclusive());
    boolean volume = study.specification().measure() == StudyMeasure.VOLUME;
    sb.append(
        volume
            ? "Day 0 and log volumes ln(1 + V) around it (the listing's own sessions)\n"
            : "Day 0 and returns around it (%, the listing's own sessions)\n");
    sb.append(f("  %-36s %-9s %-6s %-10s", "event", "ticker", "exch", "day 0"));
    for (int d = from; d <= to; d++) {
      sb.append(f(" %7s", (volume ? "v(" : "R(") + signed(d) + ")"));
    }
    sb.append(f("  %s%n", "outcome"));
    int shown = 0;
    for (FirmEventResult r : study.firmEvents()) {
      if (++shown > MAX_ROWS) {
        sb.append(
            f(
                "  ... and %d more firm-events (firm_events.csv, abnormal_returns.csv)%n",
                study.size() - MAX_ROWS));
        break;
      }
      sb.append(
          f(
              "  %-36s %-9s %-6s %-10s",
              clip(r.eventId(), 36),
              r.ticker(),
              r.exchange().map(x -> x.code()).orElse("-"),
              r.dayZero().map(Object::toString).orElse("-")));
      for (int d = from; d <= to; d++) {
        double v = r.returnOn(d);
        sb.append(f(" %7s", volume ? (Double.isNaN(v) ? "." : f("%.2f", v)) : percent(v)));
      }
      sb.append(f("  %s%n", r.outcome()));
    }
    sb.append('\n');
  }

  private static void overlaps(StringBuilder sb, StudyResult study) {
    StringBuilder rows = new StringBuilder();
    long[] count = {study.overlapCount()};
    for (Overlap o : study.firstOverlaps(MAX_ROWS)) {
      rows.append(
          f(
              "  %-36s %-9s %-36s day %4s (%s) in the %s window%n",
              clip(o.eventId(), 36),
              o.ticker(),
              clip(o.otherEventId(), 36),
              signed(o.relativeDay()),
              o.otherDayZero(),
              o.region() == Overlap.Region.EVENT ? "event" : "estimation"));
    }
    sb.append(
        f(
            "Confounding events (another event's day 0 inside a firm-event's windows): %d%n",
            count[0]));
    sb.append(rows);
    if (count[0] > MAX_ROWS) {
      sb.append(f("  ... and %d more (overlaps.csv)%n", count[0] - MAX_ROWS));
    }
    sb.append('\n');
  }

  private static void leftOut(StringBuilder sb, StudyResult study) {
    List<FirmEventResult> out = study.leftOut();
    List<WindowExclusion> ex = study.windowExclusions();
    if (out.isEmpty() && ex.isEmpty()) {
      return;
    }
    sb.append("Left out\n");
    int shown = 0;
    for (FirmEventResult r : out) {
      if (++shown > MAX_ROWS) {
        break;
      }
      sb.append(f("  %s %s: %s, %s%n", r.eventId(), r.ticker(), r.outcome(), r.reason()));
    }
    for (WindowExclusion e : ex) {
      if (++shown > MAX_ROWS) {
        break;
      }
      sb.append(
          f(
              "  %s %s: absent from window %s, %s%n",
              e.eventId(), e.ticker(), e.window(), e.reason()));
    }
    if (shown > MAX_ROWS) {
      sb.append(f("  ... %d in all (left_out.csv)%n", out.size() + ex.size()));
    }
    sb.append('\n');
  }

  private static void windows(StringBuilder sb, StudyResult study, StudyTests tests) {
    windows(
        sb,
        study.specification(),
        study.windows(),
        (w, m) -> study.sample(w, m).size(),
        (w, m) -> mean(study.sample(w, m)),
        tests);
  }

  /** A window's sample size or mean, by measure. */
  private interface ByWindow<T> {
    T of(EventWindow window, Measure measure);
  }

  private static void windows(
      StringBuilder sb,
      StudySpecification spec,
      List<EventWindow> windows,
      ByWindow<Integer> size,
      ByWindow<Double> mean,
      StudyTests tests) {
    Measure primary = spec.measure().cumulated();
    if (primary != Measure.CAR) {
      // A volume or volatility study: one measure, in its own units.
      for (EventWindow w : windows) {
        sb.append(
            f(
                "Window %s   N = %d   mean %s = %s%n",
                w, size.of(w, primary), primary, stat(mean.of(w, primary))));
        sb.append(f("  %-13s %10s %10s %5s%n", "test", primary + " stat", "p-value", "N"));
        for (TestResult r : tests.forWindow(w, primary)) {
          sb.append(
              f(
                  "  %-13s %10s %10s %5d%n",
                  r.testId(), stat(r.statistic()), pValue(r.pValue()), r.n()));
        }
        sb.append('\n');
      }
      return;
    }
    for (EventWindow w : windows) {
      sb.append(
          f(
              "Window %s   N = %d   CAAR = %s%%   ABHAR = %s%%%n",
              w,
              size.of(w, Measure.CAR),
              percent(mean.of(w, Measure.CAR)),
              percent(mean.of(w, Measure.BHAR))));
      sb.append(
          f(
              "  %-13s %10s %10s %10s %10s %5s%n",
              "test", "CAR stat", "p-value", "BHAR stat", "p-value", "N"));
      for (TestResult r : tests.forWindow(w, Measure.CAR)) {
        TestResult b = tests.result(w, Measure.BHAR, r.testId()).orElse(null);
        sb.append(
            f(
                "  %-13s %10s %10s %10s %10s %5d%n",
                r.testId(),
                stat(r.statistic()),
                pValue(r.pValue()),
                b == null ? "" : stat(b.statistic()),
                b == null ? "" : pValue(b.pValue()),
                r.n()));
      }
      sb.append('\n');
    }
  }

  /**
   * The summary of a study whose tests and means were finished from merged sums, without its
   * firm-events' columns (the Spark study's {@code runDistributed}): the header and the windows as
   * {@link #of(StudyResult, StudyTests)} prints them, each window's N and mean from {@code means}
   * (the same numbers, each mean merged from partial moments), the number of overlaps and of
   * firm-events left out by outcome; instead of the day 0 table and the left-out list, the files
   * that hold them.
   *
   * @param resolved the resolved study (specification, events, universe, overlaps)
   * @param count the number of the study's firm-events with each outcome
   * @param tests the tests
   * @param means the CAARs, with each window's N
   * @return the text, lines separated by {@code \n}
   */
  public static String ofMerged(
      ResolvedStudy resolved, ToLongFunction<Outcome> count, StudyTests tests, StudyMeans means) {
    StringBuilder sb = new StringBuilder();
    header(
        sb,
        resolved.specification(),
        resolved.returnType(),
        resolved.events().size(),
        resolved.universe().size(),
        resolved.size(),
        count.applyAsLong(Outcome.OK));
    sb.append(
        (resolved.specification().measure() == StudyMeasure.VOLUME
                ? "Day 0 and log volumes around it"
                : "Day 0 and returns around it")
            + ": firm_events.csv and abnormal_returns.csv (the firm-events stayed on the"
            + " executors)\n\n");
    sb.append(
        f(
            "Confounding events (another event's day 0 inside a firm-event's windows): %d"
                + " (overlaps.csv)%n%n",
            resolved.overlapCount()));
    List<String> out = new java.util.ArrayList<>();
    for (Outcome o : Outcome.values()) {
      long n = o == Outcome.OK ? 0 : count.applyAsLong(o);
      if (n > 0) {
        out.add(n + " " + o.name());
      }
    }
    if (!out.isEmpty()) {
      sb.append(
          f(
              "Left out: %s (left_out.csv says why for each, and which firm-events miss a"
                  + " window)%n%n",
              String.join(", ", out)));
    }
    windows(
        sb,
        resolved.specification(),
        means.windows(),
        (w, m) -> means.caar("", w, m).n(),
        (w, m) -> means.caar("", w, m).estimate(),
        tests);
    return sb.toString();
  }

  static double mean(Sample s) {
    if (s.size() == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < s.size(); i++) {
      sum += s.value(i);
    }
    return sum / s.size();
  }

  static String percent(double v) {
    return Double.isNaN(v) ? "." : f("%+.2f", 100 * v);
  }

  private static String stat(double v) {
    return Double.isNaN(v) ? "undef" : f("%.3f", v);
  }

  private static String pValue(double v) {
    return Double.isNaN(v) ? "" : f("%.4f", v);
  }

  private static String signed(int d) {
    return d > 0 ? "+" + d : Integer.toString(d);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
