package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.study.StudyResult;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The cumulative average abnormal return over the event span, in percent: {@code CAAR(τ) = Σ_{t ≤
 * τ} AAR_t} from the span's first day, with each day's AAR on the firm-events that have it. Drawn
 * with XChart.
 */
public final class CaarChart {

  private CaarChart() {}

  /**
   * Builds the chart.
   *
   * @param study the results
   * @return the chart, 800 × 500
   */
  public static XYChart of(StudyResult study) {
    EventWindow span = study.specification().eventSpan();
    int n = span.length();
    double[] x = new double[n];
    double[] y = new double[n];
    double cum = 0;
    for (int i = 0; i < n; i++) {
      int d = span.fromInclusive() + i;
      Sample s = study.sample(EventWindow.day(d), Measure.CAR);
      double aar = StudySummary.mean(s);
      cum += Double.isNaN(aar) ? 0 : aar;
      x[i] = d;
      y[i] = 100 * cum;
    }
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(
                "Cumulative average abnormal return ("
                    + study.specification().model().id()
                    + " model)")
            .xAxisTitle("trading day relative to day 0")
            .yAxisTitle("CAAR, %")
            .build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    XYSeries series = chart.addSeries("CAAR", x, y);
    Color blue = new Color(0x1f, 0x77, 0xb4);
    series.setLineColor(blue);
    series.setMarkerColor(blue);
    return chart;
  }

  /**
   * Writes the chart as a PNG.
   *
   * @param study the results
   * @param file the file to write
   */
  public static void writePng(StudyResult study, Path file) {
    try {
      BitmapEncoder.saveBitmap(of(study), file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write chart " + file + ": " + e.getMessage(), e);
    }
  }
}
