package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.study.MeanEstimate;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cumulative average abnormal return over the event span, in percent, as an event-study paper
 * draws it (MacKinlay 1997, Journal of Economic Literature 35(1), figure 2): {@code CAAR(τ) = Σ_{t
 * ≤ τ} AAR_t} from the span's first day, starting at 0 on the day before it, with its 95% band
 * (dashed), a zero line and a day-0 marker; one line per group with a legend that gives each line's
 * N. Drawn with XChart; {@link Charts} writes it as PNG or SVG, headless.
 *
 * <p>The band on day τ is {@code CAAR(τ) ∓ t_{0.975, N−1} · s/√N}, with s/√N the standard error of
 * the CARs over {@code [first day, τ]} of the firm-events that have all of them ({@link
 * StudyResult#caar(EventWindow)}; {@code docs/statistics.md}, "CAAR and AAR with intervals"). A day
 * without an AAR (no firm-event has a return) ends the line there: a gap, never a 0. A study where
 * every firm-event is left out has no line and says so in its title.
 */
public final class CaarChart {

  /** The colours of the lines, in order (the Tableau 10 palette). */
  static final Color[] PALETTE = {
    new Color(0x1f, 0x77, 0xb4),
    new Color(0xff, 0x7f, 0x0e),
    new Color(0x2c, 0xa0, 0x2c),
    new Color(0xd6, 0x27, 0x28),
    new Color(0x94, 0x67, 0xbd),
    new Color(0x8c, 0x56, 0x4b),
    new Color(0xe3, 0x77, 0xc2),
    new Color(0x7f, 0x7f, 0x7f),
    new Color(0xbc, 0xbd, 0x22),
    new Color(0x17, 0xbe, 0xcf)
  };

  private CaarChart() {}

  /**
   * One line of the chart: the CAAR path and its band, in percent; null where undefined.
   *
   * @param label the legend's text, with N
   * @param x relative days, from the day before the span to its last day
   * @param caar the CAAR, 0 on the first x
   * @param lower the band's lower edge
   * @param upper the band's upper edge
   */
  record Line(
      String label, List<Double> x, List<Double> caar, List<Double> lower, List<Double> upper) {}

  /**
   * The lines the chart draws: all firm-events, then each group.
   *
   * @param study the results
   * @return the lines; empty when no firm-event is OK
   */
  static List<Line> lines(StudyResult study) {
    List<Line> out = new ArrayList<>();
    if (study.count(Outcome.OK) == 0) {
      return out;
    }
    for (StudyResult g : OutputTables.withGroups(study)) {
      int ok = g.count(Outcome.OK);
      if (ok == 0) {
        continue;
      }
      out.add(line(g, g.groupLabel().orElse("all firm-events") + " (N = " + ok + ")"));
    }
    return out;
  }

  private static Line line(StudyResult study, String label) {
    EventWindow span = study.specification().eventSpan();
    int from = span.fromInclusive();
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> lo = new ArrayList<>();
    List<Double> hi = new ArrayList<>();
    x.add(from - 1.0);
    y.add(0.0);
    lo.add(0.0);
    hi.add(0.0);
    double cum = 0;
    for (int d = from; d <= span.toInclusive(); d++) {
      cum += study.aar(d).estimate();
      x.add((double) d);
      if (Double.isNaN(cum)) {
        y.add(null);
        lo.add(null);
        hi.add(null);
        continue;
      }
      y.add(100 * cum);
      MeanEstimate path = study.caar(EventWindow.of(from, d));
      double half = (path.upper() - path.lower()) / 2;
      lo.add(Double.isNaN(half) ? null : 100 * (cum - half));
      hi.add(Double.isNaN(half) ? null : 100 * (cum + half));
    }
    return new Line(label, x, y, lo, hi);
  }

  /**
   * Builds the chart.
   *
   * @param study the results
   * @return the chart, 900 × 540
   */
  public static XYChart of(StudyResult study) {
    List<Line> lines = lines(study);
    EventWindow span = study.specification().eventSpan();
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(540)
            .title(
                lines.isEmpty()
                    ? "No CAAR: every firm-event was left out"
                    : "Cumulative average "
                        + Charts.quantity(study)
                        + ", "
                        + study.specification().model().id()
                        + " model"
                        + (study.specification().signedByDirection() ? ", signed by direction" : "")
                        + " (dashed: 95% band)")
            .xAxisTitle("trading day relative to day 0")
            .yAxisTitle(Charts.axis(study, "CAAR"))
            .build();
    Styler.class.cast(chart.getStyler()).setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
    chart.getStyler().setXAxisDecimalPattern("0");
    double min = 0;
    double max = 0;
    for (Line l : lines) {
      for (List<Double> ys : List.of(l.caar(), l.lower(), l.upper())) {
        for (Double v : ys) {
          if (v != null) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    if (max == min) {
      max = min + 1;
    }
    Color grey = new Color(0x55, 0x55, 0x55);
    BasicStroke thin = new BasicStroke(1f);
    XYSeries zero =
        chart.addSeries(
            "zero",
            new double[] {span.fromInclusive() - 1, span.toInclusive()},
            new double[] {0, 0});
    style(zero, grey, thin, false);
    XYSeries day0 = chart.addSeries("day 0", new double[] {0, 0}, new double[] {min, max});
    style(
        day0,
        grey,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f),
        false);
    BasicStroke dashed =
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      Color c = PALETTE[i % PALETTE.length];
      XYSeries s = chart.addSeries(l.label(), l.x(), l.caar());
      style(s, c, new BasicStroke(2f), true);
      s.setMarker(SeriesMarkers.CIRCLE);
      style(chart.addSeries(l.label() + " lower", l.x(), l.lower()), c, dashed, false);
      style(chart.addSeries(l.label() + " upper", l.x(), l.upper()), c, dashed, false);
    }
    return chart;
  }

  private static void style(XYSeries s, Color c, BasicStroke stroke, boolean legend) {
    s.setLineColor(c);
    s.setMarkerColor(c);
    s.setLineStyle(stroke);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(legend);
  }

  /**
   * Writes the chart as a PNG.
   *
   * @param study the results
   * @param file the file to write
   */
  public static void writePng(StudyResult study, java.nio.file.Path file) {
    Charts.write(of(study), file);
  }
}
