package io.eventide.io;

import io.eventide.io.internal.SafePaths;
import io.eventide.timeseries.DatedSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder of price files, one {@code <TICKER>.csv} per ticker (the command line's {@code --prices
 * DIR}, {@code spec/CLI.md}). Each file is read with {@link PriceFileReader}.
 *
 * <p>A ticker without a file is not an error here: {@link #readAll(Collection)} reports it as
 * absent, and the study turns an absent listing into the outcome {@code NO_PRICES}; whether an
 * absent benchmark is fatal is the caller's decision. The file name is the ticker exactly as given
 * plus {@code .csv} (case matters on most file systems). A ticker that could not be a plain file
 * name ({@code ../x}, {@code CON}, see {@link SafePaths#resolveInside(Path, String)}) is bad input.
 */
public final class PriceDirectory {

  private final Path folder;

  private PriceDirectory(Path folder) {
    this.folder = folder;
  }

  /**
   * @param folder an existing folder
   * @return the price directory
   * @throws InputException if the folder does not exist or is not a folder
   */
  public static PriceDirectory of(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new InputException(
          folder.toString(),
          0,
          "",
          "",
          Files.exists(folder) ? "is not a folder of price files" : "folder not found");
    }
    return new PriceDirectory(folder);
  }

  /**
   * @return the folder
   */
  public Path folder() {
    return folder;
  }

  /**
   * @param ticker a ticker
   * @return the file that holds (or would hold) its prices, {@code <folder>/<ticker>.csv}
   * @throws InputException if the ticker cannot be a plain file name
   */
  public Path fileOf(String ticker) {
    Objects.requireNonNull(ticker, "ticker");
    try {
      return SafePaths.resolveInside(folder, ticker + ".csv");
    } catch (IllegalArgumentException e) {
      throw new InputException(
          folder.toString(),
          0,
          "",
          Objects.toString(ticker, ""),
          "is not a ticker that can name a price file: " + e.getMessage(),
          e);
    }
  }

  /**
   * Reads one ticker's prices.
   *
   * @param ticker the ticker
   * @return its adjusted closes, or empty if the folder has no {@code <ticker>.csv}
   * @throws InputException if the file exists but is malformed, or the ticker is unsafe
   */
  public Optional<DatedSeries> read(String ticker) {
    Path file = fileOf(ticker);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(PriceFileReader.read(file));
  }

  /**
   * Reads the prices of several tickers, each once.
   *
   * @param tickers the tickers (repeats are read once)
   * @return the series found, by ticker in the order given, and the tickers without a file
   * @throws InputException at the first malformed file
   */
  public Prices readAll(Collection<String> tickers) {
    Map<String, DatedSeries> found = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    for (String ticker : new LinkedHashSet<>(tickers)) {
      Optional<DatedSeries> series = read(ticker);
      if (series.isPresent()) {
        found.put(ticker, series.get());
      } else {
        absent.add(ticker);
      }
    }
    return new Prices(found, absent);
  }

  /**
   * The outcome of {@link #readAll(Collection)}.
   *
   * @param found the series read, by ticker, in the order asked
   * @param absent the tickers that have no file, in the order asked
   */
  public record Prices(Map<String, DatedSeries> found, List<String> absent) {

    /**
     * Makes unmodifiable copies.
     *
     * @param found the series read, by ticker
     * @param absent the tickers without a file
     */
    public Prices {
      found = Collections.unmodifiableMap(new LinkedHashMap<>(found));
      absent = List.copyOf(absent);
    }

    /**
     * @param ticker a ticker
     * @return its series, or empty if it was absent or not asked for
     */
    public Optional<DatedSeries> series(String ticker) {
      return Optional.ofNullable(found.get(ticker));
    }
  }

  @Override
  public String toString() {
    return "PriceDirectory[" + folder + "]";
  }
}
