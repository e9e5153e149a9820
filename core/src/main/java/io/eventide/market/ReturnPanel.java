package io.eventide.market;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import io.eventide.timeseries.Returns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The returns of a universe of listings, each on its own calendar, with optional factors.
 *
 * <p>A listing's calendar is the set of dates on which its benchmark has a price ({@code
 * docs/statistics.md} section 1); listings sharing a benchmark and exchange share one calendar
 * object. A listing with no price series at all is kept, with every price missing, so that the
 * study can report it as {@code NO_PRICES} rather than drop it.
 */
public final class ReturnPanel {

  private final List<Listing> listings;
  private final Map<String, ListingReturns> byTicker;
  private final ReturnType returnType;
  private final FactorSet factors;
  private final Map<Exchange, FactorSet> factorsByExchange;

  /**
   * The codes of the exchanges a plain factor set ({@link #withFactors(FactorSet)}) serves: the US
   * exchanges, whose sessions the Ken French US factors are computed on ({@code docs/cli.md}).
   */
  public static final List<String> US_EXCHANGES =
      List.of(
          Exchange.NYSE.code(),
          Exchange.NASDAQ.code(),
          Exchange.NYSE_AMERICAN.code(),
          Exchange.NYSE_ARCA.code());

  /** Prices of reference listings (not in the universe), by ticker: BHAR benchmarks. */
  private final Map<String, DatedSeries> references;

  /** Whether the series are log volumes {@code ln(1 + V)} rather than returns. */
  private final boolean logVolume;

  private ReturnPanel(
      List<Listing> listings,
      Map<String, ListingReturns> byTicker,
      ReturnType returnType,
      FactorSet factors,
      Map<Exchange, FactorSet> factorsByExchange,
      Map<String, DatedSeries> references,
      boolean logVolume) {
    this.logVolume = logVolume;
    this.listings = listings;
    this.byTicker = byTicker;
    this.returnType = returnType;
    this.factors = factors;
    this.references = references;
    this.factorsByExchange = factorsByExchange;
  }

  /**
   * Builds the panel.
   *
   * @param listings the universe
   * @param prices adjusted closes by ticker; benchmarks must be present, listings may be absent
   * @param returnType simple or log returns
   * @return the panel, without factors
   * @throws IllegalArgumentException if a ticker repeats or a benchmark has no prices
   */
  public static ReturnPanel of(
      List<Listing> listings, Map<String, DatedSeries> prices, ReturnType returnType) {
    return build(listings, prices, returnType, null);
  }

  /**
   * Builds a panel of log trading volumes for a volume study ({@code docs/statistics.md}, "Abnormal
   * volume"; Campbell and Wasley 1996, RQFA 6: 309–326): in place of a listing's returns it holds
   * {@code v_t = ln(1 + V_t)} on each session of its calendar, and in place of its benchmark's
   * returns the benchmark's {@code v_mt = ln(1 + V_mt)}. The calendars are those of {@link #of}:
   * the dates on which the benchmark has a price. A volume is a level, so {@code v_t} needs no
   * previous session; it is missing ({@code NaN}) where the volume is missing or the session has no
   * row, and a zero volume is a value ({@code v = 0}). A study reads the series as it reads
   * returns, so every model and test runs unchanged; {@link #holdsLogVolume()} tells the two kinds
   * apart and {@link #returnType()} is {@link ReturnType#SIMPLE}, unused.
   *
   * @param listings the universe
   * @param prices adjusted closes by ticker (the calendars, and whether a listing has prices);
   *     benchmarks must be present, listings may be absent
   * @param volumes volumes by ticker ({@code NaN} where missing, 0 or more otherwise); benchmarks
   *     must be present, a listing without one has every volume missing
   * @return the panel, without factors
   * @throws IllegalArgumentException if a ticker repeats, a benchmark has no prices or no volumes,
   *     or a volume is negative
   */
  public static ReturnPanel ofLogVolume(
      List<Listing> listings, Map<String, DatedSeries> prices, Map<String, DatedSeries> volumes) {
    return build(listings, prices, ReturnType.SIMPLE, Objects.requireNonNull(volumes, "volumes"));
  }

  private static ReturnPanel build(
      List<Listing> listings,
      Map<String, DatedSeries> prices,
      ReturnType returnType,
      Map<String, DatedSeries> volumes) {
    Objects.requireNonNull(returnType, "returnType");
    Map<String, TradingCalendar> calendars = new HashMap<>();
    Map<String, double[]> benchmarkReturns = new HashMap<>();
    Map<String, ListingReturns> byTicker = new LinkedHashMap<>();
    Map<Exchange, Listing> firstOnExchange = new HashMap<>();
    for (Listing l : listings) {
      if (byTicker.containsKey(l.ticker())) {
        throw new IllegalArgumentException("Universe lists ticker " + l.ticker() + " twice");
      }
      Listing first = firstOnExchange.putIfAbsent(l.exchange(), l);
      if (first != null && !first.exchange().sameDefinition(l.exchange())) {
        throw new IllegalArgumentException(
            "Listings "
                + first.ticker()
                + " and "
                + l.ticker()
                + " name exchange "
                + l.exchange()
                + " with two definitions, "
                + first.exchange().describe()
                + " and "
                + l.exchange().describe()
                + "; take both from one ExchangeRegistry");
      }
      String key = l.benchmark() + "@" + l.exchange();
      TradingCalendar cal = calendars.get(key);
      if (cal == null) {
        DatedSeries bench = prices.get(l.benchmark());
        if (bench == null) {
          throw new IllegalArgumentException(
              "Benchmark " + l.benchmark() + " of " + l.ticker() + " has no price series");
        }
        cal = calendarOf(bench, l);
        calendars.put(key, cal);
        if (volumes == null) {
          benchmarkReturns.put(key, Returns.of(bench.alignTo(sessions(cal)), returnType));
        } else {
          DatedSeries v = volumes.get(l.benchmark());
          if (v == null) {
            throw new IllegalArgumentException(
                "Benchmark " + l.benchmark() + " of " + l.ticker() + " has no volume series");
          }
          benchmarkReturns.put(key, logVolume(v, sessions(cal)));
        }
      }
      long[] sessions = sessions(cal);
      DatedSeries own = prices.get(l.ticker());
      double[] p;
      if (own == null) {
        p = new double[sessions.length];
        java.util.Arrays.fill(p, Double.NaN);
      } else {
        p = own.alignTo(sessions);
      }
      double[] series;
      if (volumes == null) {
        series = Returns.of(p, returnType);
      } else {
        DatedSeries v = volumes.get(l.ticker());
        if (v == null) {
          series = new double[sessions.length];
          java.util.Arrays.fill(series, Double.NaN);
        } else {
          series = logVolume(v, sessions);
        }
      }
      byTicker.put(
          l.ticker(), new ListingReturns(l, cal, returnType, p, series, benchmarkReturns.get(key)));
    }
    return new ReturnPanel(
        List.copyOf(listings),
        Collections.unmodifiableMap(byTicker),
        returnType,
        null,
        Map.of(),
        Map.of(),
        volumes != null);
  }

  /** {@code ln(1 + V)} on each session; {@code NaN} where the volume is missing. */
  private static double[] logVolume(DatedSeries volume, long[] sessions) {
    double[] v = volume.alignTo(sessions);
    for (int t = 0; t < v.length; t++) {
      if (v[t] < 0 || Double.isInfinite(v[t])) {
        throw new IllegalArgumentException(
            "Volume of "
                + volume.name()
                + " on "
                + java.time.LocalDate.ofEpochDay(sessions[t])
                + " is "
                + v[t]
                + "; a volume is 0 or more");
      }
      v[t] = Math.log1p(v[t]);
    }
    return v;
  }

  /**
   * @return whether this panel holds log volumes {@code ln(1 + V)} ({@link #ofLogVolume}) rather
   *     than returns
   */
  public boolean holdsLogVolume() {
    return logVolume;
  }

  private static TradingCalendar calendarOf(DatedSeries bench, Listing l) {
    long[] days = bench.epochDays();
    int n = 0;
    for (int i = 0; i < days.length; i++) {
      if (!Double.isNaN(bench.value(i))) {
        days[n++] = days[i];
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "Benchmark " + l.benchmark() + " of " + l.ticker() + " has no prices");
    }
    return TradingCalendar.of(
        l.exchange() + " per " + l.benchmark(), l.exchange(), java.util.Arrays.copyOf(days, n));
  }

  private static long[] sessions(TradingCalendar cal) {
    return cal.sessionEpochDays();
  }

  /**
   * The same panel with a factor set for the listings of the US exchanges ({@link #US_EXCHANGES}:
   * NYSE, NASDAQ, NYSE American, NYSE Arca), as the Ken French US factors are. A listing on another
   * exchange gets no factors from it: give its exchange a set with {@link #withFactors(Exchange,
   * FactorSet)}, or a factor-model study leaves its firm-events out ({@code NO_FACTORS}, {@code
   * docs/statistics.md} section 2). Replaces an earlier plain set.
   *
   * @param factorSet the factors (with RF)
   * @return a new panel
   */
  public ReturnPanel withFactors(FactorSet factorSet) {
    return new ReturnPanel(
        listings,
        byTicker,
        returnType,
        Objects.requireNonNull(factorSet),
        factorsByExchange,
        references,
        logVolume);
  }

  /**
   * The same panel with the prices of a reference listing that is not part of the universe (no
   * event affects it): a BHAR benchmark ({@code docs/statistics.md}, "Long horizons"), whose
   * buy-and-hold return replaces the model's in a study's BHAR.
   *
   * @param ticker the reference's ticker
   * @param prices its adjusted closes
   * @return a new panel
   */
  public ReturnPanel withReference(String ticker, DatedSeries prices) {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(prices, "prices");
    Map<String, DatedSeries> refs = new LinkedHashMap<>(references);
    refs.put(ticker, prices);
    return new ReturnPanel(
        listings,
        byTicker,
        returnType,
        factors,
        factorsByExchange,
        Collections.unmodifiableMap(refs),
        logVolume);
  }

  /**
   * @return the prices of the reference listings given with {@link #withReference}, by ticker, in
   *     the order given (a listing of the universe used as a reference is not among them)
   */
  public Map<String, DatedSeries> references() {
    return references;
  }

  /**
   * A reference listing's returns on the sessions of a calendar: its prices aligned to the sessions
   * (a session without a price is missing), then returns of this panel's type, so the return on a
   * session is from the previous session of that calendar.
   *
   * @param ticker a reference given with {@link #withReference}, or a listing of the universe
   * @param calendar the calendar
   * @return the returns, one per session ({@code NaN} where missing), or empty if the panel has no
   *     prices for that ticker
   */
  public Optional<double[]> referenceReturns(String ticker, TradingCalendar calendar) {
    Objects.requireNonNull(calendar, "calendar");
    DatedSeries prices = references.get(ticker);
    long[] sessions = sessions(calendar);
    if (prices != null) {
      return Optional.of(Returns.of(prices.alignTo(sessions), returnType));
    }
    ListingReturns own = byTicker.get(ticker);
    if (own == null) {
      return Optional.empty();
    }
    long[] ownSessions = sessions(own.calendar());
    double[] ownPrices = own.prices();
    DatedSeries series = DatedSeries.ofEpochDays(ticker, ownSessions, ownPrices);
    return Optional.of(Returns.of(series.alignTo(sessions), returnType));
  }

  /**
   * The same panel with a factor set for the listings of one exchange (for example Ken French's
   * Asia Pacific ex Japan factors for HKEX). For a US exchange it replaces the plain set of {@link
   * #withFactors(FactorSet)} there; it replaces an earlier set of the same exchange.
   *
   * @param exchange the exchange (matched by code, ignoring case)
   * @param factorSet the factors (with RF)
   * @return a new panel
   */
  public ReturnPanel withFactors(Exchange exchange, FactorSet factorSet) {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(factorSet, "factorSet");
    Map<Exchange, FactorSet> next = new LinkedHashMap<>(factorsByExchange);
    next.put(exchange, factorSet);
    return new ReturnPanel(
        listings,
        byTicker,
        returnType,
        factors,
        Collections.unmodifiableMap(next),
        references,
        logVolume);
  }

  /**
   * The factor set that serves an exchange's listings: its own set if it has one, else the plain
   * set if the exchange is a US exchange, else none.
   *
   * @param exchange an exchange
   * @return its factors, or empty if a factor model cannot be fitted on its listings
   */
  public Optional<FactorSet> factorsFor(Exchange exchange) {
    FactorSet own = factorsByExchange.get(exchange);
    if (own != null) {
      return Optional.of(own);
    }
    return isUnitedStates(exchange) ? Optional.ofNullable(factors) : Optional.empty();
  }

  /**
   * @return the exchanges given their own factor set, in the order given
   */
  public List<Exchange> exchangesWithOwnFactors() {
    return List.copyOf(factorsByExchange.keySet());
  }

  /**
   * @return whether any factor set, plain or per exchange, is present
   */
  public boolean hasFactors() {
    return factors != null || !factorsByExchange.isEmpty();
  }

  /**
   * @param exchange an exchange
   * @return whether a plain factor set serves it: its code is one of {@link #US_EXCHANGES}
   */
  public static boolean isUnitedStates(Exchange exchange) {
    for (String code : US_EXCHANGES) {
      if (code.equalsIgnoreCase(exchange.code())) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the listings in the order given
   */
  public List<Listing> listings() {
    return listings;
  }

  /**
   * @return the return type
   */
  public ReturnType returnType() {
    return returnType;
  }

  /**
   * @return the plain factor set (serving the US exchanges), if any; see {@link
   *     #factorsFor(Exchange)} for the set of a given exchange
   */
  public Optional<FactorSet> factors() {
    return Optional.ofNullable(factors);
  }

  /**
   * @param ticker a ticker
   * @return its returns, or empty if the ticker is not in the universe
   */
  public Optional<ListingReturns> returnsOf(String ticker) {
    return Optional.ofNullable(byTicker.get(ticker));
  }

  /**
   * @return the distinct calendars, in the order of first use
   */
  public List<TradingCalendar> calendars() {
    List<TradingCalendar> out = new ArrayList<>();
    for (ListingReturns r : byTicker.values()) {
      if (out.stream().noneMatch(c -> c == r.calendar())) {
        out.add(r.calendar());
      }
    }
    return out;
  }
}
