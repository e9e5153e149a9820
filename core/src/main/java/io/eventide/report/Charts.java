package io.eventide.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes XChart charts as PNG or SVG, headless (no display is needed: the charts are drawn into an
 * image or a vector stream, never shown).
 */
public final class Charts {

  private Charts() {}

  /**
   * Writes a chart in the format its file name ends with: {@code .png} or {@code .svg}.
   *
   * @param chart the chart
   * @param file the file to write, overwritten
   * @throws IllegalArgumentException if the name ends with neither
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Chart<?, ?> chart, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".png")) {
        java.nio.file.Files.write(file, png(chart));
      } else if (name.endsWith(".svg")) {
        java.nio.file.Files.writeString(file, svg(chart), StandardCharsets.UTF_8);
      } else {
        throw new IllegalArgumentException(
            "Chart file " + file + " must end with .png or .svg (the format is chosen by name)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write chart " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param chart a chart
   * @return its PNG bytes
   */
  public static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not draw chart: " + e.getMessage(), e);
    }
  }

  /**
   * @param chart a chart
   * @return its SVG document
   */
  public static String svg(Chart<?, ?> chart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not draw chart: " + e.getMessage(), e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * @param study a study
   * @return what its charts plot: {@code abnormal return}, {@code abnormal log volume} or {@code
   *     abnormal variance U − 1} ({@code docs/statistics.md} section 3g)
   */
  static String quantity(io.eventide.study.StudyResult study) {
    return switch (study.specification().measure()) {
      case RETURNS -> "abnormal return";
      case VOLUME -> "abnormal log volume";
      case VOLATILITY -> "abnormal variance U − 1";
    };
  }

  /**
   * @param study a study
   * @param what {@code CAAR} or {@code AR}
   * @return the y-axis title of a chart of values × 100: percent for returns, log points for log
   *     volume, hundredths for {@code U − 1}
   */
  static String axis(io.eventide.study.StudyResult study, String what) {
    return switch (study.specification().measure()) {
      case RETURNS -> what + ", %";
      case VOLUME -> what + " of ln(1 + V), log points (× 100)";
      case VOLATILITY -> what + " of U − 1, × 100";
    };
  }
}
