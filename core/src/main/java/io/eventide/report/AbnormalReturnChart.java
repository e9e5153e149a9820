package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * The abnormal returns of one event's listings over the event span, in percent: one bar per listing
 * and relative day, each listing a colour, a day without an abnormal return left empty (never drawn
 * as 0). Drawn with XChart; {@link Charts} writes it as PNG or SVG.
 */
public final class AbnormalReturnChart {

  private AbnormalReturnChart() {}

  /**
   * Builds the chart of one event.
   *
   * @param study the results
   * @param eventId an event of the study
   * @return the chart, 900 × 500
   * @throws IllegalArgumentException if the study has no such event, or none of its firm-events is
   *     OK
   */
  public static CategoryChart of(StudyResult study, String eventId) {
    List<FirmEventResult> ok = new ArrayList<>();
    boolean known = false;
    for (FirmEventResult r : study.firmEvents()) {
      if (r.eventId().equals(eventId)) {
        known = true;
        if (r.outcome() == Outcome.OK) {
          ok.add(r);
        }
      }
    }
    if (!known) {
      throw new IllegalArgumentException("The study has no event " + eventId);
    }
    if (ok.isEmpty()) {
      throw new IllegalArgumentException(
          "Every firm-event of event "
              + eventId
              + " was left out; there is no abnormal return to draw");
    }
    EventWindow span = study.specification().eventSpan();
    List<String> days = new ArrayList<>();
    for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
      days.add((d > 0 ? "+" : "") + d);
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(900)
            .height(500)
            .title("Daily " + Charts.quantity(study) + " around " + eventId)
            .xAxisTitle("trading day relative to day 0 (each listing's own sessions)")
            .yAxisTitle(Charts.axis(study, "AR"))
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesColor(new Color(0xe6, 0xe6, 0xe6));
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setXAxisLabelRotation(0);
    for (int i = 0; i < ok.size(); i++) {
      FirmEventResult r = ok.get(i);
      List<Double> ar = new ArrayList<>();
      for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
        double a = r.abnormalReturn(d);
        ar.add(Double.isNaN(a) ? null : 100 * a);
      }
      CategorySeries s = chart.addSeries(r.ticker(), days, ar);
      s.setFillColor(CaarChart.PALETTE[i % CaarChart.PALETTE.length]);
    }
    return chart;
  }
}
