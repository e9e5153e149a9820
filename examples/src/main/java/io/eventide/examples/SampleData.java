package io.eventide.examples;

import io.eventide.event.Event;
import io.eventide.io.EventFileReader;
import io.eventide.io.FactorFileReader;
import io.eventide.io.PriceFileReader;
import io.eventide.io.UniverseFileReader;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The sample bundled in the jar ({@code io/eventide/examples/sample/}): eight listings of Chinese
 * platform companies (BABA, JD, BIDU, PDD in New York with the S&amp;P 500; 9988.HK, 0700.HK,
 * 3690.HK, 9618.HK in Hong Kong with the Hang Seng Index), the catalog of Chinese tech-policy
 * announcements 2020-2023, and the Ken French daily factor files. Provenance: {@code SOURCES.md}
 * beside the files.
 */
public final class SampleData {

  /** The folder of the sample inside the jar. */
  public static final String FOLDER = "/io/eventide/examples/sample/";

  /** The Ken French files of the sample. */
  public static final List<String> FACTOR_FILES =
      List.of(
          "F-F_Research_Data_Factors_daily.CSV",
          "F-F_Momentum_Factor_daily.csv",
          "F-F_Research_Data_5_Factors_2x3_daily.csv");

  /** Every file of the sample. */
  public static final List<String> FILES =
      List.of(
          "universe.csv",
          "events.csv",
          "BABA.csv",
          "JD.csv",
          "BIDU.csv",
          "PDD.csv",
          "SPX.csv",
          "9988.HK.csv",
          "0700.HK.csv",
          "3690.HK.csv",
          "9618.HK.csv",
          "HSI.csv",
          "F-F_Research_Data_Factors_daily.CSV",
          "F-F_Momentum_Factor_daily.csv",
          "F-F_Research_Data_5_Factors_2x3_daily.csv",
          "SOURCES.md");

  private SampleData() {}

  /**
   * @return the universe: ticker, exchange, benchmark
   */
  public static List<Listing> universe() {
    return read("universe.csv", UniverseFileReader::read);
  }

  /**
   * @return every event of the catalog
   */
  public static List<Event> events() {
    return read("events.csv", EventFileReader::read);
  }

  /**
   * @return adjusted closes of the listings and their benchmarks, by ticker
   */
  public static Map<String, DatedSeries> prices() {
    Set<String> tickers = new LinkedHashSet<>();
    for (Listing l : universe()) {
      tickers.add(l.ticker());
      tickers.add(l.benchmark());
    }
    Map<String, DatedSeries> out = new LinkedHashMap<>();
    for (String t : tickers) {
      out.put(t, read(t + ".csv", (r, s) -> PriceFileReader.read(r, s, t)));
    }
    return out;
  }

  /**
   * The bundled prices as bars (adjusted close, adjusted open, volume) for a backtest, for every
   * listing and benchmark of the universe.
   *
   * @return bars by ticker
   */
  public static Map<String, PriceBars> bars() {
    Set<String> tickers = new LinkedHashSet<>();
    for (Listing l : universe()) {
      tickers.add(l.ticker());
      tickers.add(l.benchmark());
    }
    Map<String, PriceBars> out = new LinkedHashMap<>();
    for (String t : tickers) {
      out.put(t, read(t + ".csv", (r, s) -> PriceFileReader.readBars(r, s, t)));
    }
    return out;
  }

  /**
   * @return the three Ken French files combined (FF5, Carhart momentum, FF3; RF from FF3)
   */
  public static FactorSet factors() {
    return FactorSet.merge(
        FACTOR_FILES.stream().map(f -> read(f, FactorFileReader::read)).toList());
  }

  /**
   * Copies the sample's files into a folder, for {@code eventide study} or a look by hand.
   *
   * @param folder the target, created if missing
   * @return the files written
   */
  public static List<Path> export(Path folder) {
    try {
      Files.createDirectories(folder);
      for (String f : FILES) {
        try (InputStream in = open(f)) {
          Files.copy(in, folder.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return FILES.stream().map(folder::resolve).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot export the sample to " + folder + ": " + e, e);
    }
  }

  private static <T> T read(String file, BiFunction<Reader, String, T> reader) {
    try (Reader r = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
      return reader.apply(r, "sample/" + file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bundled sample/" + file + ": " + e, e);
    }
  }

  private static InputStream open(String file) {
    InputStream in = SampleData.class.getResourceAsStream(FOLDER + file);
    if (in == null) {
      throw new IllegalStateException("The jar has no bundled sample/" + file);
    }
    return in;
  }
}
