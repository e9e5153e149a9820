package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.simulation.Design;
import io.eventide.simulation.SimulationResult;
import io.eventide.simulation.SimulationSpecification;
import io.eventide.simulation.Variant;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Power curves of a simulation ({@code rejections.png}, {@code docs/simulation.md} section 8): one
 * panel per design and window, each test's rejection rate (%) against the shift δ (%), a dashed
 * line at α, and the event-induced variance variant's rates as unconnected markers one step to the
 * right of the largest shift, apart from the curves. Drawn with XChart; panels in a grid, designs
 * down, windows across.
 */
public final class RejectionChart {

  private static final int WIDTH = 720;
  private static final int HEIGHT = 480;

  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf),
    new Color(0x000000)
  };

  private RejectionChart() {}

  /**
   * The panels, designs first, then windows.
   *
   * @param result the result
   * @return one chart per (design, window)
   */
  public static List<XYChart> panels(SimulationResult result) {
    SimulationSpecification spec = result.specification();
    List<XYChart> out = new ArrayList<>();
    List<Double> shifts = spec.shifts();
    double lo = shifts.isEmpty() ? 0 : shifts.stream().mapToDouble(d -> d).min().orElse(0);
    double hi = shifts.isEmpty() ? 0 : shifts.stream().mapToDouble(d -> d).max().orElse(0);
    double step = shifts.size() > 1 ? (hi - lo) / (shifts.size() - 1) : 0.005;
    double varianceX = 100 * (hi + step);
    for (Design d : spec.designs()) {
      for (EventWindow w : spec.windows()) {
        XYChart chart =
            new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(d.id() + " design, window " + w + ", S = " + spec.samples())
                .xAxisTitle(
                    spec.variance()
                        ? "shift δ, % (rightmost markers: variance variant, δ = 0)"
                        : "shift δ, %")
                .yAxisTitle("rejection rate, %")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setLegendFont(chart.getStyler().getLegendFont().deriveFont(10f));
        double[] level = {100 * spec.alpha(), 100 * spec.alpha()};
        double[] span = {100 * lo, spec.variance() ? varianceX : 100 * hi};
        XYSeries alpha = chart.addSeries("α = " + Variant.plain(spec.alpha()), span, level);
        alpha.setLineColor(Color.GRAY);
        alpha.setMarker(SeriesMarkers.NONE);
        alpha.setLineStyle(new java.awt.BasicStroke(1f, 0, 0, 10f, new float[] {6f, 4f}, 0f));
        int k = 0;
        for (String test : spec.tests().ids()) {
          Color c = PALETTE[k++ % PALETTE.length];
          if (!shifts.isEmpty()) {
            double[] x = new double[shifts.size()];
            double[] y = new double[shifts.size()];
            for (int i = 0; i < x.length; i++) {
              x[i] = 100 * shifts.get(i);
              y[i] = 100 * result.rate(d, Variant.shift(shifts.get(i)), w, test);
            }
            XYSeries s = chart.addSeries(test, x, y);
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setMarker(SeriesMarkers.CIRCLE);
          }
          if (spec.variance()) {
            XYSeries v =
                chart.addSeries(
                    test + " (variance)",
                    new double[] {varianceX},
                    new double[] {100 * result.rate(d, Variant.variance(), w, test)});
            v.setMarkerColor(c);
            v.setMarker(SeriesMarkers.DIAMOND);
            v.setLineStyle(new java.awt.BasicStroke(0f));
            v.setShowInLegend(shifts.isEmpty());
          }
        }
        out.add(chart);
      }
    }
    return out;
  }

  /**
   * Writes the panels as one PNG, designs down and windows across.
   *
   * @param result the result
   * @param file the file to write
   */
  public static void writePng(SimulationResult result, Path file) {
    List<XYChart> panels = panels(result);
    int cols = result.specification().windows().size();
    int rows = result.specification().designs().size();
    BufferedImage image =
        new BufferedImage(cols * WIDTH, rows * HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int i = 0; i < panels.size(); i++) {
        BufferedImage p = BitmapEncoder.getBufferedImage(panels.get(i));
        g.drawImage(p, (i % cols) * WIDTH, (i / cols) * HEIGHT, null);
      }
    } finally {
      g.dispose();
    }
    try {
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write chart " + file + ": " + e.getMessage(), e);
    }
  }
}
