package io.eventide.report;

import io.eventide.backtest.BacktestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a backtest's (or a sweep's) files into a folder as the command line's contract lays them
 * out ({@code docs/cli.md}, {@code eventide backtest}): {@code trades.csv} (one row per candidate
 * and holding period), {@code daily.csv} and {@code metrics.csv}. Undefined values are empty cells.
 * The same column definitions give the Tablesaw views of {@link BacktestTables}.
 */
public final class BacktestFiles {

  /** The files this writer produces, in the order written. */
  public static final List<String> FILE_NAMES = List.of("trades.csv", "daily.csv", "metrics.csv");

  private BacktestFiles() {}

  /**
   * Writes the three files, creating the folder if missing and overwriting existing files.
   *
   * @param folder the output folder
   * @param results one result per holding period, in the order to write
   * @return the files written
   */
  public static List<Path> write(Path folder, List<BacktestResult> results) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output folder " + folder + ": " + e, e);
    }
    return List.of(
        BacktestOutput.trades(results).writeCsv(folder),
        BacktestOutput.daily(results).writeCsv(folder),
        BacktestOutput.metrics(results).writeCsv(folder));
  }
}
