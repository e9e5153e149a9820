package io.eventide.report;

import io.eventide.backtest.BacktestResult;
import io.eventide.backtest.DailyPoint;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The equity curve of a backtest with its drawdown beneath ({@code --plot} writes it as {@code
 * equity.png}): above, {@code E_D} on the valuation dates (one line per holding period of a sweep);
 * below, the drawdown {@code 1 − E_D / max(E_0, max_{D'' ≤ D} E_D'')} in percent, drawn downwards.
 */
public final class EquityChart {

  private static final Color[] COLORS = {
    new Color(0x1f, 0x77, 0xb4),
    new Color(0xff, 0x7f, 0x0e),
    new Color(0x2c, 0xa0, 0x2c),
    new Color(0xd6, 0x27, 0x28),
    new Color(0x94, 0x67, 0xbd)
  };

  private EquityChart() {}

  /**
   * @param results one result per holding period
   * @return the equity chart (800 × 420) and the drawdown chart (800 × 240)
   */
  public static List<XYChart> of(List<BacktestResult> results) {
    XYChart equity =
        new XYChartBuilder()
            .width(800)
            .height(420)
            .title("Equity (E_0 = 1)")
            .yAxisTitle("equity")
            .build();
    XYChart drawdown =
        new XYChartBuilder().width(800).height(240).title("Drawdown").yAxisTitle("%").build();
    for (XYChart c : List.of(equity, drawdown)) {
      c.getStyler().setChartBackgroundColor(Color.WHITE);
      c.getStyler().setDatePattern("yyyy-MM");
      c.getStyler().setLegendVisible(results.size() > 1);
      c.getStyler().setMarkerSize(0);
    }
    int i = 0;
    for (BacktestResult r : results) {
      List<DailyPoint> d = r.daily();
      if (d.isEmpty()) {
        continue;
      }
      List<Date> x = new ArrayList<>();
      List<Double> e = new ArrayList<>();
      List<Double> dd = new ArrayList<>();
      double peak = 1.0;
      for (DailyPoint p : d) {
        x.add(Date.from(p.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
        e.add(p.equity());
        peak = Math.max(peak, p.equity());
        dd.add(-100 * (1 - p.equity() / peak));
      }
      Color color = COLORS[i++ % COLORS.length];
      String name = "hold " + r.hold();
      XYSeries se = equity.addSeries(name, x, e);
      se.setLineColor(color);
      se.setMarker(SeriesMarkers.NONE);
      XYSeries sd = drawdown.addSeries(name, x, dd);
      sd.setLineColor(color);
      sd.setMarker(SeriesMarkers.NONE);
      sd.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
      sd.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
    }
    return List.of(equity, drawdown);
  }

  /**
   * Writes both charts, equity above drawdown, as one PNG.
   *
   * @param results one result per holding period
   * @param file the file to write
   */
  public static void writePng(List<BacktestResult> results, Path file) {
    List<XYChart> charts = of(results);
    BufferedImage top = BitmapEncoder.getBufferedImage(charts.get(0));
    BufferedImage bottom = BitmapEncoder.getBufferedImage(charts.get(1));
    BufferedImage img =
        new BufferedImage(
            Math.max(top.getWidth(), bottom.getWidth()),
            top.getHeight() + bottom.getHeight(),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.drawImage(top, 0, 0, null);
    g.drawImage(bottom, 0, top.getHeight(), null);
    g.dispose();
    try {
      ImageIO.write(img, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write chart " + file + ": " + e.getMessage(), e);
    }
  }
}
