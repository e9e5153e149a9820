package io.eventide.report;

import io.eventide.io.internal.SafePaths;
import io.eventide.report.internal.CsvWriter;
import io.eventide.simulation.SimulationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code rejections.csv} of {@code eventide simulate} ({@code docs/cli.md}, {@code
 * docs/simulation.md} section 8): columns {@code design,variant,shift,window,test,rejections,
 * samples,rate,se}, one row per cell of {@link SimulationResult#cells()} in its order; {@code
 * shift} a plain decimal in its shortest form, {@code rate} and {@code se} with six digits after
 * the decimal point. The same result always gives the same bytes.
 */
public final class SimulationFiles {

  /** The file's name. */
  public static final String REJECTIONS = "rejections.csv";

  /** The file's header. */
  public static final List<String> HEADER =
      List.of(
          "design", "variant", "shift", "window", "test", "rejections", "samples", "rate", "se");

  private SimulationFiles() {}

  /**
   * Writes {@code rejections.csv} into a folder, overwriting it.
   *
   * @param result the result
   * @param folder an existing folder
   * @return the file written
   * @throws java.io.UncheckedIOException if writing fails
   */
  public static Path writeRejections(SimulationResult result, Path folder) {
    Path file = SafePaths.resolveInside(folder, REJECTIONS);
    try (CsvWriter w = CsvWriter.create(file, HEADER)) {
      for (SimulationResult.Cell c : result.cells()) {
        w.text(c.design().id())
            .text(c.variant().id())
            .text(c.variant().shiftText())
            .text(c.window().toString())
            .text(c.test())
            .integer(c.rejections())
            .integer(c.samples())
            .text(sixDecimals(c.rate()))
            .text(sixDecimals(c.standardError()))
            .endRow();
      }
    }
    return file;
  }

  /**
   * @param x a number
   * @return it with six digits after the decimal point ({@code 0.052000}), locale-independent
   */
  static String sixDecimals(double x) {
    return String.format(Locale.ROOT, "%.6f", x);
  }
}
