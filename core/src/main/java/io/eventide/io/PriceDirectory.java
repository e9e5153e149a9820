package io.eventide.io;

import io.eventide.io.internal.SafePaths;
import io.eventide.market.Listing;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A folder of price files, one {@code <TICKER>.csv} per ticker (the command line's {@code --prices
 * DIR}, {@code docs/cli.md}). Each file is read with {@link PriceFileReader}. {@link
 * #readUniverse(Collection)} reads a universe together with its benchmarks.
 *
 * <p>A ticker without a file is not an error here: {@link #readAll(Collection)} reports it as
 * missing, with the file it looked for, and the study turns an absent listing into the outcome
 * {@code NO_PRICES}; whether an absent benchmark is fatal is the caller's decision. The file name
 * is the ticker exactly as given plus {@code .csv} (case matters on most file systems). A ticker
 * that could not be a plain file name ({@code ../x}, {@code CON}, see {@link
 * SafePaths#resolveInside(Path, String)}) is bad input.
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
   * Reads one ticker's bars (adjusted close, adjusted open, volume) for a backtest, with {@link
   * PriceFileReader#readBars(Path)}.
   *
   * @param ticker the ticker
   * @return its bars, or empty if the folder has no {@code <ticker>.csv}
   * @throws InputException if the file exists but is malformed, or the ticker is unsafe
   */
  public Optional<PriceBars> readBars(String ticker) {
    Path file = fileOf(ticker);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(PriceFileReader.readBars(file));
  }

  /**
   * Reads one ticker's volumes for a volume study, with {@link PriceFileReader#readVolume(Path)}.
   *
   * @param ticker the ticker
   * @return its volumes, or empty if the folder has no {@code <ticker>.csv}
   * @throws InputException if the file exists but is malformed or has no Volume column, or the
   *     ticker is unsafe
   */
  public Optional<DatedSeries> readVolume(String ticker) {
    Path file = fileOf(ticker);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(PriceFileReader.readVolume(file));
  }

  /**
   * Reads the prices of several tickers, each once.
   *
   * @param tickers the tickers (repeats are read once)
   * @return the series found, by ticker in the order given, and the tickers without a file with the
   *     file looked for
   * @throws InputException at the first malformed file, or a ticker that cannot name a file
   */
  public Prices readAll(Collection<String> tickers) {
    Map<String, DatedSeries> found = new LinkedHashMap<>();
    Map<String, Path> missing = new LinkedHashMap<>();
    for (String ticker : new LinkedHashSet<>(tickers)) {
      Path file = fileOf(ticker);
      if (Files.exists(file)) {
        found.put(ticker, PriceFileReader.read(file));
      } else {
        missing.put(ticker, file);
      }
    }
    return new Prices(found, missing);
  }

  /**
   * Reads the prices a universe needs: every listing's ticker and every benchmark it names, each
   * once, in the universe's order with each listing's benchmark right after its ticker ({@code
   * BABA, SPX, JD, 9988.HK, HSI} for BABA and JD against SPX and 9988.HK against HSI). Listings
   * without a file are reported, not refused (the study gives them the outcome {@code NO_PRICES});
   * whether a missing benchmark is fatal is the caller's decision ({@link Prices#missing()} names
   * the file looked for).
   *
   * @param universe the listings
   * @return the series found and the tickers without a file, as {@link #readAll(Collection)}
   * @throws InputException at the first malformed file, or a ticker that cannot name a file
   */
  public Prices readUniverse(Collection<Listing> universe) {
    Set<String> tickers = new LinkedHashSet<>();
    for (Listing l : universe) {
      tickers.add(l.ticker());
      tickers.add(l.benchmark());
    }
    return readAll(tickers);
  }

  /**
   * The outcome of {@link #readAll(Collection)} and {@link #readUniverse(Collection)}.
   *
   * @param found the series read, by ticker, in the order asked
   * @param missing the tickers that have no file, in the order asked, each with the file looked for
   *     ({@code <folder>/<ticker>.csv})
   */
  public record Prices(Map<String, DatedSeries> found, Map<String, Path> missing) {

    /**
     * Makes unmodifiable copies.
     *
     * @param found the series read, by ticker
     * @param missing the tickers without a file, with the file looked for
     */
    public Prices {
      found = Collections.unmodifiableMap(new LinkedHashMap<>(found));
      missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    /**
     * @return the tickers that have no file, in the order asked (the keys of {@link #missing()})
     */
    public List<String> absent() {
      return List.copyOf(missing.keySet());
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
