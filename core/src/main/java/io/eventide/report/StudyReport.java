package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.event.Overlap;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.io.internal.SafePaths;
import io.eventide.study.FirmEventResult;
import io.eventide.study.MeanEstimate;
import io.eventide.study.Outcome;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.study.WindowExclusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A study as one self-contained HTML page, {@code report.html}: the settings, the CAAR of every
 * window (and group) with its interval and tests, the charts, the day-0 table, the confounding
 * events and the left-out firm-events ({@code docs/cli.md}, "report.html"). The page needs no
 * network: its style is inline CSS, its charts PNG data URIs, and it has no script.
 */
public final class StudyReport {

  /** The file name the command line writes. */
  public static final String FILE_NAME = "report.html";

  /** At most this many confounding overlaps are listed (the page says how many there are). */
  static final int MAX_OVERLAPS = 500;

  private static final String CSS =
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
          + "color:#222;max-width:1100px;margin:24px auto;padding:0 20px}"
          + "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;"
          + "border-bottom:1px solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}"
          + "p.lead{color:#555;margin:0 0 12px}"
          + "table{border-collapse:collapse;margin:6px 0 14px;font-size:13px}"
          + "th,td{padding:3px 9px;border-bottom:1px solid #eee;text-align:left}"
          + "th{background:#f5f5f5;font-weight:600}td.n{text-align:right;"
          + "font-variant-numeric:tabular-nums;white-space:nowrap}tr.left td{color:#999}"
          + "dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}"
          + "dt{color:#666}dd{margin:0}img{max-width:100%;border:1px solid #eee}"
          + "figure{margin:8px 0 18px}table.day0,table.left-out,table.overlaps{width:100%}"
          + ".warn{background:#fff4e5;border:1px solid #f0c080;padding:8px 12px}"
          + ".note{color:#666;font-size:12px}";

  private StudyReport() {}

  /**
   * Writes {@code report.html} into a folder.
   *
   * @param folder an existing folder
   * @param study the results
   * @param tests the tests of all firm-events
   * @param groupTests each group's tests ({@link StudyTests#runGroups}); empty when ungrouped
   * @return the file written
   */
  public static Path write(
      Path folder, StudyResult study, StudyTests tests, Map<String, StudyTests> groupTests) {
    Path file = SafePaths.resolveInside(folder, FILE_NAME);
    try {
      Files.writeString(file, html(study, tests, groupTests), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /**
   * The page.
   *
   * @param study the results
   * @param tests the tests of all firm-events
   * @param groupTests each group's tests; empty when ungrouped
   * @return the HTML document
   */
  public static String html(
      StudyResult study, StudyTests tests, Map<String, StudyTests> groupTests) {
    StringBuilder h = new StringBuilder(64 * 1024);
    StudySpecification spec = study.specification();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Eventide event study</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    int ok = study.count(Outcome.OK);
    h.append("<h1>Event study</h1><p class=\"lead\">")
        .append(study.events().size())
        .append(" events, ")
        .append(study.universe().size())
        .append(" listings, ")
        .append(study.size())
        .append(" firm-events: ")
        .append(ok)
        .append(" OK, ")
        .append(study.size() - ok)
        .append(" left out</p>\n");
    if (ok == 0) {
      h.append("<p class=\"warn\" id=\"no-results\">Every firm-event was left out, so there is no")
          .append(" CAAR, test or chart; the reasons are listed below.</p>\n");
    }
    settings(h, study, spec);
    Map<String, StudyTests> all = new LinkedHashMap<>();
    all.put("", tests);
    all.putAll(groupTests);
    windows(h, study, all);
    charts(h, study);
    dayZero(h, study);
    overlaps(h, study);
    leftOut(h, study);
    h.append("<p class=\"note\">Written by Eventide. Formulas: docs/statistics.md; files:")
        .append(" docs/cli.md.</p>\n</body></html>\n");
    return h.toString();
  }

  private static void settings(StringBuilder h, StudyResult study, StudySpecification spec) {
    h.append("<h2 id=\"settings\">Settings</h2><dl>");
    dl(h, "model", spec.model().id());
    dl(h, "estimation window", spec.estimationWindow().toString());
    dl(h, "minimum estimation days", Integer.toString(spec.minEstimation()));
    List<String> ws = new ArrayList<>();
    spec.eventWindows().forEach(w -> ws.add(w.toString()));
    dl(h, "event windows", String.join(", ", ws));
    dl(h, "event span", spec.eventSpan().toString());
    dl(h, "returns", study.returnType().name().toLowerCase(Locale.ROOT));
    dl(
        h,
        "cleaning",
        spec.cleaningRadius().isPresent()
            ? "±" + spec.cleaningRadius().getAsInt() + " sessions around other events"
            : "off");
    dl(h, "measure", spec.measure().id());
    dl(h, "signed by direction", spec.signedByDirection() ? "yes" : "no");
    dl(h, "grouped by", spec.groupBy().map(Object::toString).orElse("none"));
    h.append("</dl>\n");
  }

  private static void dl(StringBuilder h, String k, String v) {
    h.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>");
  }

  private static void windows(StringBuilder h, StudyResult study, Map<String, StudyTests> all) {
    Measure primary = study.specification().measure().cumulated();
    h.append("<h2 id=\"caar\">CAAR and tests by window</h2>")
        .append("<p class=\"note\">CAAR with its standard error s/√N and 95% interval from")
        .append(" Student t with N − 1 degrees of freedom")
        .append(primary == Measure.CAR ? "; ABHAR the mean buy-and-hold abnormal return." : ".")
        .append(" Tests on ")
        .append(primary)
        .append(": statistic, then p-value.")
        .append(
            primary == Measure.CAR
                ? ""
                : " (A "
                    + study.specification().measure().id()
                    + " study: CAAR is the mean "
                    + primary
                    + ", in its own units, and there is no BHAR.)")
        .append("</p>\n");
    for (Map.Entry<String, StudyTests> g : all.entrySet()) {
      StudyResult r = g.getKey().isEmpty() ? study : study.group(g.getKey());
      String title = g.getKey().isEmpty() ? "All firm-events" : "Group " + g.getKey();
      h.append("<h3>").append(esc(title)).append("</h3>");
      // Returns are shown in percent; log volume and U − 1 in their own units, without a BHAR.
      boolean returns = primary == Measure.CAR;
      DoubleFunction<String> value = returns ? StudyReport::pct : v -> fmt("%+.4f", v);
      String unit = returns ? " %" : "";
      h.append("<table class=\"caar\"><thead><tr><th>window</th><th>N</th><th>")
          .append(returns ? "CAAR" : "mean " + primary)
          .append(unit)
          .append("</th><th>se")
          .append(unit)
          .append("</th><th>t</th><th>95% interval")
          .append(unit)
          .append("</th>")
          .append(returns ? "<th>ABHAR %</th>" : "")
          .append("</tr></thead><tbody>");
      for (EventWindow w : r.windows()) {
        MeanEstimate c = r.caar(w);
        MeanEstimate b = r.measures().contains(Measure.BHAR) ? r.caar(w, Measure.BHAR) : null;
        h.append("<tr><td>").append(w).append("</td>");
        num(h, Integer.toString(c.n()));
        num(h, value.apply(c.estimate()));
        num(h, value.apply(c.standardError()));
        num(h, fmt("%.2f", c.t()));
        num(
            h,
            Double.isNaN(c.lower())
                ? ""
                : value.apply(c.lower()) + " to " + value.apply(c.upper()));
        if (returns) {
          num(h, b == null ? "" : pct(b.estimate()));
        }
        h.append("</tr>");
      }
      h.append("</tbody></table>\n");
      List<String> ids = new ArrayList<>();
      for (StudyTests.Row row : g.getValue().rows()) {
        if (row.measure() == primary && !ids.contains(row.result().testId())) {
          ids.add(row.result().testId());
        }
      }
      h.append("<table class=\"tests\"><thead><tr><th>test</th>");
      for (EventWindow w : r.windows()) {
        h.append("<th colspan=\"2\">").append(w).append("</th>");
      }
      h.append("</tr></thead><tbody>");
      for (String id : ids) {
        h.append("<tr><td>").append(esc(id)).append("</td>");
        for (EventWindow w : r.windows()) {
          TestResult t = g.getValue().result(w, primary, id).orElse(null);
          boolean undefined = t == null || Double.isNaN(t.statistic());
          num(h, undefined ? "undef" : fmt("%.2f", t.statistic()));
          num(h, undefined ? "" : fmt("%.4f", t.pValue()));
        }
        h.append("</tr>");
      }
      h.append("</tbody></table>\n");
    }
  }

  private static void charts(StringBuilder h, StudyResult study) {
    h.append("<h2 id=\"charts\">Charts</h2>");
    if (study.count(Outcome.OK) == 0) {
      h.append("<p>No chart: every firm-event was left out.</p>\n");
      return;
    }
    img(
        h,
        Charts.png(CaarChart.of(study)),
        "Cumulative average " + Charts.quantity(study) + " with 95% band");
    // The abnormal returns of the event with the most OK listings (the first by id on a tie).
    Map<String, Integer> okByEvent = new LinkedHashMap<>();
    for (FirmEventResult r : study.firmEvents()) {
      if (r.outcome() == Outcome.OK) {
        okByEvent.merge(r.eventId(), 1, Integer::sum);
      }
    }
    String best = null;
    for (Map.Entry<String, Integer> e : okByEvent.entrySet()) {
      if (best == null || e.getValue() > okByEvent.get(best)) {
        best = e.getKey();
      }
    }
    img(
        h,
        Charts.png(AbnormalReturnChart.of(study, best)),
        "Abnormal returns of the listings of " + best);
  }

  private static void img(StringBuilder h, byte[] png, String alt) {
    h.append("<figure><img alt=\"")
        .append(esc(alt))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\"><figcaption class=\"note\">")
        .append(esc(alt))
        .append("</figcaption></figure>\n");
  }

  private static void dayZero(StringBuilder h, StudyResult study) {
    // Days −2..+2, as far as the event span reaches (a study of window 0:1 has no day −1).
    EventWindow span = study.specification().eventSpan();
    int from = Math.max(-2, span.fromInclusive());
    int to = Math.min(2, span.toInclusive());
    boolean volume = study.specification().measure() == StudyMeasure.VOLUME;
    DoubleFunction<String> value = volume ? v -> fmt("%.3f", v) : StudyReport::pct;
    h.append("<h2 id=\"day0\">Day 0 and ")
        .append(volume ? "log volumes" : "returns")
        .append(" around it</h2><p class=\"note\">")
        .append(volume ? "Log volumes ln(1 + V)" : "Returns in %")
        .append(", on each listing's own sessions.</p>")
        .append("<table class=\"day0\"><thead><tr><th>event</th><th>ticker</th>")
        .append("<th>exchange</th><th>day 0</th>");
    for (int d = from; d <= to; d++) {
      h.append("<th>")
          .append(volume ? "v(" : "R(")
          .append(d > 0 ? "+" : "")
          .append(d)
          .append(")</th>");
    }
    h.append("<th>outcome</th></tr></thead><tbody>");
    for (FirmEventResult r : study.firmEvents()) {
      boolean okRow = r.outcome() == Outcome.OK;
      h.append(okRow ? "<tr>" : "<tr class=\"left\">");
      td(h, r.eventId());
      td(h, r.ticker());
      td(h, r.exchange().map(e -> e.code()).orElse(""));
      td(h, r.dayZero().map(Object::toString).orElse(""));
      for (int d = from; d <= to; d++) {
        num(h, r.dayZero().isPresent() ? value.apply(r.returnOn(d)) : "");
      }
      td(h, r.outcome().name());
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void overlaps(StringBuilder h, StudyResult study) {
    List<Overlap> all = study.overlaps();
    h.append("<h2 id=\"confounding\">Confounding events</h2><p class=\"note\">")
        .append(all.size())
        .append(" times another event's day 0 falls inside a firm-event's estimation or event")
        .append(" windows")
        .append(all.size() > MAX_OVERLAPS ? "; the first " + MAX_OVERLAPS + " are listed" : "")
        .append(" (overlaps.csv has them all).</p>");
    if (all.isEmpty()) {
      return;
    }
    h.append("<table class=\"overlaps\"><thead><tr><th>event</th><th>ticker</th>")
        .append("<th>other event</th><th>its day 0</th><th>relative day</th><th>region</th>")
        .append("</tr></thead><tbody>");
    for (Overlap o : all.subList(0, Math.min(all.size(), MAX_OVERLAPS))) {
      h.append("<tr>");
      td(h, o.eventId());
      td(h, o.ticker());
      td(h, o.otherEventId());
      td(h, o.otherDayZero().toString());
      num(h, Integer.toString(o.relativeDay()));
      td(h, o.region().name());
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void leftOut(StringBuilder h, StudyResult study) {
    List<FirmEventResult> out = study.leftOut();
    List<WindowExclusion> absent = study.windowExclusions();
    h.append("<h2 id=\"left-out\">Left-out firm-events</h2><p class=\"note\">")
        .append(out.size())
        .append(" firm-events left out, ")
        .append(absent.size())
        .append(" absences of an OK firm-event from a window.</p>");
    if (out.isEmpty() && absent.isEmpty()) {
      return;
    }
    h.append("<table class=\"left-out\"><thead><tr><th>event</th><th>ticker</th>")
        .append("<th>outcome</th><th>window</th><th>reason</th></tr></thead><tbody>");
    for (FirmEventResult r : out) {
      h.append("<tr>");
      td(h, r.eventId());
      td(h, r.ticker());
      td(h, r.outcome().name());
      td(h, "");
      td(h, r.reason());
      h.append("</tr>");
    }
    for (WindowExclusion e : absent) {
      h.append("<tr>");
      td(h, e.eventId());
      td(h, e.ticker());
      td(h, Outcome.OK.name());
      td(h, e.window().toString());
      td(h, e.reason());
      h.append("</tr>");
    }
    h.append("</tbody></table>\n");
  }

  private static void td(StringBuilder h, String v) {
    h.append("<td>").append(esc(v)).append("</td>");
  }

  private static void num(StringBuilder h, String v) {
    h.append("<td class=\"n\">").append(esc(v)).append("</td>");
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%+.2f", 100 * v);
  }

  private static String fmt(String f, double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, f, v);
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
