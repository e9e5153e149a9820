package io.eventide.simulation;

import io.eventide.io.InputException;
import io.eventide.io.PriceDirectory;
import io.eventide.io.PriceFileReader;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.RegressorMoments;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import io.eventide.timeseries.Returns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The real panel a simulation draws from ({@code docs/simulation.md} section 1): a market whose
 * price dates are the calendar, and candidate listings in ticker order, each with its simple
 * returns on that calendar.
 *
 * <ul>
 *   <li>Sessions: the dates on which the market has a price, ascending. A candidate's price on a
 *       session is its price on that date; no row or a missing cell is a missing price; rows on
 *       other dates are ignored.
 *   <li>Returns: simple returns on consecutive sessions; a missing price makes the return of its
 *       session and of the next one missing; the first session has none.
 *   <li>Panel period: from the earliest to the latest date of any row of any candidate.
 *   <li>Candidates are ordered by ticker ({@link String#compareTo}), never by the order in which a
 *       file system lists files; every index of the simulation is into this order.
 * </ul>
 *
 * <p>Immutable once built; the arrays inside are never handed out.
 */
public final class SimulationPanel {

  private final String marketTicker;
  private final long[] sessions;
  private final double[] marketReturns;
  private final String[] tickers;
  private final double[][] returns;
  private final ModelInputs[] inputs;
  private final long panelFrom;
  private final long panelTo;

  private SimulationPanel(
      String marketTicker, DatedSeries market, Map<String, DatedSeries> sorted) {
    this.marketTicker = marketTicker;
    long[] days = market.epochDays();
    double[] prices = market.values();
    int n = 0;
    for (double p : prices) {
      if (!Double.isNaN(p)) {
        n++;
      }
    }
    sessions = new long[n];
    double[] marketPrices = new double[n];
    int j = 0;
    for (int i = 0; i < days.length; i++) {
      if (!Double.isNaN(prices[i])) {
        sessions[j] = days[i];
        marketPrices[j++] = prices[i];
      }
    }
    marketReturns = Returns.of(marketPrices, ReturnType.SIMPLE);
    RegressorMoments moments = RegressorMoments.of(marketReturns);
    tickers = sorted.keySet().toArray(new String[0]);
    returns = new double[tickers.length][];
    inputs = new ModelInputs[tickers.length];
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (int i = 0; i < tickers.length; i++) {
      DatedSeries s = sorted.get(tickers[i]);
      returns[i] = Returns.of(s.alignTo(sessions), ReturnType.SIMPLE);
      inputs[i] = ModelInputs.of(returns[i], marketReturns).withMoments(moments, null);
      if (!s.isEmpty()) {
        long[] e = s.epochDays();
        from = Math.min(from, e[0]);
        to = Math.max(to, e[e.length - 1]);
      }
    }
    panelFrom = from;
    panelTo = to;
  }

  /**
   * A panel of series already read.
   *
   * @param market the market's prices: the calendar and the benchmark
   * @param candidates the candidate listings' prices by ticker (any order; the market must not be
   *     among them)
   * @return the panel
   * @throws SimulationException if there is no candidate, or the market has fewer than two prices
   */
  public static SimulationPanel of(DatedSeries market, Map<String, DatedSeries> candidates) {
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(candidates, "candidates");
    if (market.countPresent() < 2) {
      throw new SimulationException(
          "market", market.name(), "has " + market.countPresent() + " prices; at least 2 needed");
    }
    if (candidates.isEmpty()) {
      throw new SimulationException(
          "prices", "(" + market.name() + " only)", "no candidate listing besides the market");
    }
    Map<String, DatedSeries> sorted = new TreeMap<>(candidates);
    if (sorted.containsKey(market.name())) {
      sorted.remove(market.name());
    }
    return new SimulationPanel(market.name(), market, sorted);
  }

  /**
   * Reads a folder of price files: {@code <market>.csv} is the market, every other {@code .csv}
   * file a candidate named by its file name.
   *
   * @param folder the folder ({@code --prices})
   * @param market the market's ticker ({@code --market})
   * @return the panel
   * @throws InputException if the folder is missing or a price file is malformed (naming file,
   *     line, column and value)
   * @throws SimulationException if the market file is not in the folder or there is no candidate
   */
  public static SimulationPanel read(Path folder, String market) {
    PriceDirectory dir = PriceDirectory.of(folder);
    Path marketFile = dir.fileOf(market);
    if (!Files.isRegularFile(marketFile)) {
      throw new SimulationException(
          "market", market, "no file " + marketFile + " in the folder of price files");
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
    }
    Map<String, DatedSeries> candidates = new TreeMap<>();
    for (Path f : files) {
      String ticker = PriceFileReader.tickerOf(f.getFileName().toString());
      if (!ticker.equals(market)) {
        candidates.put(ticker, PriceFileReader.read(f));
      }
    }
    if (candidates.isEmpty()) {
      throw new SimulationException(
          "prices", folder.toString(), "holds no candidate listing besides the market " + market);
    }
    DatedSeries m = PriceFileReader.read(marketFile);
    return of(DatedSeries.ofEpochDays(market, m.epochDays(), m.values()), candidates);
  }

  /**
   * @return the market's ticker
   */
  public String marketTicker() {
    return marketTicker;
  }

  /**
   * @return the number of candidate listings
   */
  public int candidateCount() {
    return tickers.length;
  }

  /**
   * @param i a candidate's index in ticker order
   * @return its ticker
   */
  public String ticker(int i) {
    return tickers[i];
  }

  /**
   * @return the candidates' tickers, in ticker order
   */
  public List<String> tickers() {
    return List.of(tickers);
  }

  /**
   * @return the number of sessions
   */
  public int sessionCount() {
    return sessions.length;
  }

  /**
   * @param t a session index
   * @return its date
   */
  public LocalDate session(int t) {
    return LocalDate.ofEpochDay(sessions[t]);
  }

  /**
   * @return the first date of any candidate row, or empty if every candidate file is empty
   */
  public java.util.Optional<LocalDate> panelStart() {
    return panelFrom == Long.MAX_VALUE
        ? java.util.Optional.empty()
        : java.util.Optional.of(LocalDate.ofEpochDay(panelFrom));
  }

  /**
   * @return the last date of any candidate row, or empty if every candidate file is empty
   */
  public java.util.Optional<LocalDate> panelEnd() {
    return panelTo == Long.MIN_VALUE
        ? java.util.Optional.empty()
        : java.util.Optional.of(LocalDate.ofEpochDay(panelTo));
  }

  long sessionEpochDay(int t) {
    return sessions[t];
  }

  long panelFromEpochDay() {
    return panelFrom;
  }

  long panelToEpochDay() {
    return panelTo;
  }

  double[] marketReturnsInternal() {
    return marketReturns;
  }

  double[] returnsInternal(int i) {
    return returns[i];
  }

  ModelInputs inputs(int i) {
    return inputs[i];
  }

  @Override
  public String toString() {
    return "SimulationPanel[market "
        + marketTicker
        + ", "
        + tickers.length
        + " candidates, "
        + sessions.length
        + " sessions]";
  }
}
