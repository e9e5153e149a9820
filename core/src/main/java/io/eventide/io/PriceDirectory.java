package io.eventide.io;

import io.eventide.io.internal.SafePaths;
import io.eventide.market.Listing;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

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
    return readAll(tickers, 1);
  }

  /**
   * Reads the prices of several tickers as {@link #readAll(Collection)} does, the files shared out
   * among {@code threads} threads (the calling thread one of them). The result is the same,
   * whatever the number of threads: each file is read whole by one thread, and the series are put
   * in the order given. So is the error: if several files are malformed, the one thrown is that of
   * the first of them in the order given.
   *
   * @param tickers the tickers (repeats are read once)
   * @param threads how many threads read files (1: the calling thread alone)
   * @return as {@link #readAll(Collection)}
   * @throws InputException as {@link #readAll(Collection)}
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public Prices readAll(Collection<String> tickers, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    List<String> present = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Map<String, Path> missing = new LinkedHashMap<>();
    for (String ticker : new LinkedHashSet<>(tickers)) {
      Path file = fileOf(ticker);
      if (Files.exists(file)) {
        present.add(ticker);
        files.add(file);
      } else {
        missing.put(ticker, file);
      }
    }
    DatedSeries[] series = new DatedSeries[files.size()];
    RuntimeException[] errors = new RuntimeException[files.size()];
    Error[] fatal = new Error[1];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          PriceFileParser.Scratch scratch = new PriceFileParser.Scratch();
          for (int i = next.getAndIncrement(); i < series.length; i = next.getAndIncrement()) {
            try {
              series[i] = PriceFileReader.read(files.get(i), scratch);
            } catch (RuntimeException e) {
              errors[i] = e;
            } catch (Error e) {
              synchronized (fatal) {
                fatal[0] = fatal[0] == null ? e : fatal[0];
              }
              return;
            }
          }
        };
    int helpers = Math.min(threads, series.length) - 1;
    Thread[] started = new Thread[Math.max(0, helpers)];
    for (int t = 0; t < started.length; t++) {
      started[t] = new Thread(worker, "eventide-prices-" + (t + 1));
      started[t].setDaemon(true);
      started[t].start();
    }
    worker.run();
    for (Thread t : started) {
      joinUninterruptibly(t);
    }
    synchronized (fatal) {
      if (fatal[0] != null) {
        throw fatal[0];
      }
    }
    Map<String, DatedSeries> found = new LinkedHashMap<>();
    for (int i = 0; i < series.length; i++) {
      if (errors[i] != null) {
        throw errors[i];
      }
      found.put(present.get(i), series[i]);
    }
    return new Prices(found, missing);
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
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
    return readUniverse(universe, 1);
  }

  /**
   * Reads the prices a universe needs as {@link #readUniverse(Collection)} does, on {@code threads}
   * threads ({@link #readAll(Collection, int)}): the same result whatever their number.
   *
   * @param universe the listings
   * @param threads how many threads read files
   * @return as {@link #readUniverse(Collection)}
   * @throws InputException at the first malformed file (in the universe's order), or a ticker that
   *     cannot name a file
   */
  public Prices readUniverse(Collection<Listing> universe, int threads) {
    Set<String> tickers = new LinkedHashSet<>();
    for (Listing l : universe) {
      tickers.add(l.ticker());
      tickers.add(l.benchmark());
    }
    return readAll(tickers, threads);
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
