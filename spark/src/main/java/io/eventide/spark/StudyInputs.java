package io.eventide.spark;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.StudyMeasure;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A study's inputs on Spark: the prices as a {@code Dataset} of {@link #PRICES_SCHEMA} rows (with
 * an optional {@link #VOLUME} column for a volume study), the universe, the events, the factors
 * (plain, and per exchange: {@link #withFactors(Exchange, FactorSet)}) and the prices of a BHAR
 * reference listing ({@link #withReference}); {@code docs/spark.md} section 2 documents the Parquet
 * schemas.
 *
 * <p>Either from the command line's CSV files, read by eventide's own readers (so a bad file gets
 * the same error naming file, line, column and value) and turned into a {@code Dataset} ({@link
 * #of}), or from Parquet tables ({@link #fromParquet}).
 */
public final class StudyInputs {

  /** The prices table: one row per listing and date, the adjusted close ({@code NaN} missing). */
  public static final StructType PRICES_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("ticker", DataTypes.StringType, false),
            DataTypes.createStructField("date", DataTypes.DateType, false),
            DataTypes.createStructField("close", DataTypes.DoubleType, true)
          });

  /**
   * The optional column of the prices table for a volume study ({@code --measure volume}): the
   * day's trading volume, a double, null or {@code NaN} where missing. Inputs without it serve
   * every other study.
   */
  public static final String VOLUME = "volume";

  /**
   * {@link #PRICES_SCHEMA} with the {@link #VOLUME} column: what {@link #of} makes with volumes.
   */
  public static final StructType PRICES_WITH_VOLUME_SCHEMA =
      PRICES_SCHEMA.add(DataTypes.createStructField(VOLUME, DataTypes.DoubleType, true));

  /**
   * The events table: id, announcement as the events file writes it ({@code 2023-07-26} or {@code
   * 2023-07-26T14:00-04:00}), affected tickers (empty or null: every listing).
   */
  public static final StructType EVENTS_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("event_id", DataTypes.StringType, false),
            DataTypes.createStructField("announced", DataTypes.StringType, false),
            DataTypes.createStructField(
                "affected", DataTypes.createArrayType(DataTypes.StringType), true)
          });

  private final Dataset<Row> prices;
  private final Map<String, DatedSeries> driverPrices;
  private final Map<String, DatedSeries> driverVolumes;
  private final List<Listing> universe;
  private final List<Event> events;
  private final ReturnType returnType;
  private final FactorSet factors;
  private final Map<Exchange, FactorSet> exchangeFactors;
  private final Map<String, DatedSeries> references;

  private StudyInputs(
      Dataset<Row> prices,
      Map<String, DatedSeries> driverPrices,
      Map<String, DatedSeries> driverVolumes,
      List<Listing> universe,
      List<Event> events,
      ReturnType returnType,
      FactorSet factors,
      Map<Exchange, FactorSet> exchangeFactors,
      Map<String, DatedSeries> references) {
    this.prices = prices;
    this.driverPrices = driverPrices;
    this.driverVolumes = driverVolumes;
    this.universe = List.copyOf(universe);
    this.events = List.copyOf(events);
    this.returnType = Objects.requireNonNull(returnType, "returnType");
    this.factors = factors;
    this.exchangeFactors = exchangeFactors;
    this.references = references;
  }

  /**
   * Inputs already read on the driver (for instance by {@code PriceDirectory}, {@code
   * UniverseFileReader} and {@code EventFileReader}); the prices become a {@code Dataset}.
   *
   * @param spark the session
   * @param universe the listings
   * @param events the events
   * @param prices adjusted closes by ticker, benchmarks included
   * @param returnType simple or log returns
   * @param factors the factors, or {@code null} for models without
   * @return the inputs
   */
  public static StudyInputs of(
      SparkSession spark,
      List<Listing> universe,
      List<Event> events,
      Map<String, DatedSeries> prices,
      ReturnType returnType,
      FactorSet factors) {
    return of(spark, universe, events, prices, null, returnType, factors);
  }

  /**
   * Inputs already read on the driver, with trading volumes for a volume study ({@code --measure
   * volume}, as {@code ReturnPanel.ofLogVolume}): the prices become a {@code Dataset} of {@link
   * #PRICES_WITH_VOLUME_SCHEMA}, one row per ticker and date of either series (a close or volume
   * the other series lacks is null).
   *
   * @param spark the session
   * @param universe the listings
   * @param events the events
   * @param prices adjusted closes by ticker, benchmarks included
   * @param volumes volumes by ticker (benchmarks included), or {@code null} for none
   * @param returnType simple or log returns (unused by a volume study)
   * @param factors the factors, or {@code null} for models without
   * @return the inputs
   */
  public static StudyInputs of(
      SparkSession spark,
      List<Listing> universe,
      List<Event> events,
      Map<String, DatedSeries> prices,
      Map<String, DatedSeries> volumes,
      ReturnType returnType,
      FactorSet factors) {
    boolean java8 = java8Dates(spark);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, DatedSeries> e : prices.entrySet()) {
      DatedSeries s = e.getValue();
      long[] days = s.epochDays();
      DatedSeries v = volumes == null ? null : volumes.get(e.getKey());
      if (volumes == null) {
        for (int i = 0; i < days.length; i++) {
          rows.add(RowFactory.create(e.getKey(), date(days[i], java8), s.value(i)));
        }
        continue;
      }
      // Closes and volumes on the union of their dates, in date order.
      long[] vdays = v == null ? new long[0] : v.epochDays();
      int i = 0;
      int j = 0;
      while (i < days.length || j < vdays.length) {
        long d =
            Math.min(
                i < days.length ? days[i] : Long.MAX_VALUE,
                j < vdays.length ? vdays[j] : Long.MAX_VALUE);
        Double close = i < days.length && days[i] == d ? s.value(i++) : null;
        Double volume = j < vdays.length && vdays[j] == d ? v.value(j++) : null;
        rows.add(RowFactory.create(e.getKey(), date(d, java8), close, volume));
      }
    }
    if (volumes != null) {
      // A ticker with volumes and no prices (not in the universe's price files): its rows too.
      for (Map.Entry<String, DatedSeries> e : volumes.entrySet()) {
        if (!prices.containsKey(e.getKey())) {
          long[] vdays = e.getValue().epochDays();
          for (int j = 0; j < vdays.length; j++) {
            rows.add(
                RowFactory.create(e.getKey(), date(vdays[j], java8), null, e.getValue().value(j)));
          }
        }
      }
    }
    Dataset<Row> ds =
        spark.createDataFrame(rows, volumes == null ? PRICES_SCHEMA : PRICES_WITH_VOLUME_SCHEMA);
    return new StudyInputs(
        ds,
        new LinkedHashMap<>(prices),
        volumes == null ? null : new LinkedHashMap<>(volumes),
        universe,
        events,
        returnType,
        factors,
        Map.of(),
        Map.of());
  }

  private static Object date(long epochDay, boolean java8) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return java8 ? d : java.sql.Date.valueOf(d);
  }

  /**
   * Inputs from Parquet tables of {@link #PRICES_SCHEMA} and {@link #EVENTS_SCHEMA}. A prices table
   * with a {@link #VOLUME} column (any numeric type, read as a double) serves a volume study too; a
   * ticker whose every volume is null has none.
   *
   * @param spark the session
   * @param pricesPath the prices table
   * @param eventsPath the events table
   * @param universe the listings
   * @param returnType simple or log returns
   * @param factors the factors, or {@code null}
   * @return the inputs
   * @throws IllegalArgumentException if a table lacks a column, a ticker has two closes on one
   *     date, or an announcement cannot be read
   */
  public static StudyInputs fromParquet(
      SparkSession spark,
      String pricesPath,
      String eventsPath,
      List<Listing> universe,
      ReturnType returnType,
      FactorSet factors) {
    Dataset<Row> prices = spark.read().parquet(pricesPath);
    requireColumns(pricesPath, prices, PRICES_SCHEMA);
    boolean withVolume = Arrays.asList(prices.columns()).contains(VOLUME);
    prices =
        withVolume
            // A volume is often stored as an integer: read as a double.
            ? prices.select(
                functions.col("ticker"),
                functions.col("date"),
                functions.col("close"),
                functions.col(VOLUME).cast(DataTypes.DoubleType).as(VOLUME))
            : prices.select("ticker", "date", "close");
    Map<String, List<Row>> byTicker = new HashMap<>();
    for (Row r : prices.collectAsList()) {
      byTicker.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    Map<String, DatedSeries> series = new LinkedHashMap<>();
    Map<String, DatedSeries> volumes = withVolume ? new LinkedHashMap<>() : null;
    for (String t : byTicker.keySet().stream().sorted().toList()) {
      series.put(t, series(t, byTicker.get(t)));
      if (withVolume) {
        // A ticker whose every volume is null has none, as a price file without a Volume column.
        DatedSeries v = volumes(t, byTicker.get(t));
        if (v.countPresent() > 0) {
          volumes.put(t, v);
        }
      }
    }
    Dataset<Row> ev = spark.read().parquet(eventsPath);
    requireColumns(eventsPath, ev, EVENTS_SCHEMA);
    List<Event> events = new ArrayList<>();
    for (Row r : ev.select("event_id", "announced", "affected").collectAsList()) {
      events.add(event(eventsPath, r));
    }
    return new StudyInputs(
        prices, series, volumes, universe, events, returnType, factors, Map.of(), Map.of());
  }

  private static Event event(String source, Row r) {
    String id = r.getString(0);
    String text = r.isNullAt(1) ? "" : r.getString(1).strip();
    Announcement a;
    try {
      a =
          text.length() <= 10
              ? new Announcement.OnDate(LocalDate.parse(text))
              : new Announcement.AtInstant(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          source
              + ": event "
              + id
              + ", column announced: '"
              + text
              + "' is neither a date (2023-07-26) nor a date-time with offset"
              + " (2023-07-26T14:00-04:00)",
          e);
    }
    List<String> affected = r.isNullAt(2) ? List.of() : r.getList(2);
    return Event.of(id, a, affected);
  }

  private static void requireColumns(String source, Dataset<Row> ds, StructType schema) {
    List<String> have = Arrays.asList(ds.columns());
    for (String c : schema.fieldNames()) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException(
            source + " has no column '" + c + "'; expected " + schema.simpleString());
      }
    }
  }

  /**
   * One ticker's rows ({@code ticker, date, close[, volume]}) as a series of closes, sorted by
   * date; two rows on one date is an error.
   */
  static DatedSeries series(String ticker, Iterable<Row> rows) {
    return column(ticker, rows, 2);
  }

  /**
   * One ticker's rows ({@code ticker, date, close, volume}) as a series of volumes, sorted by date
   * ({@code NaN} where null).
   */
  static DatedSeries volumes(String ticker, Iterable<Row> rows) {
    return column(ticker, rows, 3);
  }

  private static DatedSeries column(String ticker, Iterable<Row> rows, int column) {
    List<long[]> order = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Row r : rows) {
      order.add(new long[] {epochDay(r.get(1)), values.size()});
      values.add(r.isNullAt(column) ? Double.NaN : r.getDouble(column));
    }
    order.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] days = new long[order.size()];
    double[] v = new double[order.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = order.get(i)[0];
      v[i] = values.get((int) order.get(i)[1]);
      if (i > 0 && days[i] == days[i - 1]) {
        throw new IllegalArgumentException(
            "Prices of "
                + ticker
                + (column == 2 ? " have two closes on " : " have two volumes on ")
                + LocalDate.ofEpochDay(days[i]));
      }
    }
    return DatedSeries.ofEpochDays(ticker, days, v);
  }

  private static long epochDay(Object date) {
    if (date instanceof LocalDate d) {
      return d.toEpochDay();
    }
    return ((java.sql.Date) date).toLocalDate().toEpochDay();
  }

  private static boolean java8Dates(SparkSession spark) {
    return Boolean.parseBoolean(spark.conf().get("spark.sql.datetime.java8API.enabled", "false"));
  }

  /**
   * @return the prices as a {@code Dataset} of {@link #PRICES_SCHEMA}
   */
  public Dataset<Row> prices() {
    return prices;
  }

  /**
   * @return the prices by ticker, as the driver holds them to resolve the study
   */
  Map<String, DatedSeries> driverPrices() {
    return driverPrices;
  }

  /**
   * @return the listings
   */
  public List<Listing> universe() {
    return universe;
  }

  /**
   * @return the events
   */
  public List<Event> events() {
    return events;
  }

  /**
   * @return simple or log returns
   */
  public ReturnType returnType() {
    return returnType;
  }

  /**
   * @return the factors, if any
   */
  public Optional<FactorSet> factors() {
    return Optional.ofNullable(factors);
  }

  /**
   * The same inputs with a factor set for the listings of one exchange ({@code --factors
   * EXCH=FILE}), as {@code ReturnPanel.withFactors(Exchange, FactorSet)}: a US exchange's replaces
   * the plain set there, a later set of the same exchange replaces an earlier one.
   *
   * @param exchange the exchange
   * @param factorSet its factors (with RF)
   * @return new inputs
   */
  public StudyInputs withFactors(Exchange exchange, FactorSet factorSet) {
    Objects.requireNonNull(exchange, "exchange");
    Objects.requireNonNull(factorSet, "factorSet");
    Map<Exchange, FactorSet> next = new LinkedHashMap<>(exchangeFactors);
    next.put(exchange, factorSet);
    return new StudyInputs(
        prices,
        driverPrices,
        driverVolumes,
        universe,
        events,
        returnType,
        factors,
        Collections.unmodifiableMap(next),
        references);
  }

  /**
   * The same inputs with the prices of a reference listing outside the universe, the BHAR benchmark
   * of {@code StudySpecification.bharBenchmark} ({@code --bhar-benchmark}), as {@code
   * ReturnPanel.withReference}. Every task gets them (a few thousand doubles); a reference that is
   * a listing of the universe needs none.
   *
   * @param ticker the reference's ticker
   * @param referencePrices its adjusted closes
   * @return new inputs
   */
  public StudyInputs withReference(String ticker, DatedSeries referencePrices) {
    Objects.requireNonNull(ticker, "ticker");
    Objects.requireNonNull(referencePrices, "referencePrices");
    Map<String, DatedSeries> next = new LinkedHashMap<>(references);
    next.put(ticker, referencePrices);
    return new StudyInputs(
        prices,
        driverPrices,
        driverVolumes,
        universe,
        events,
        returnType,
        factors,
        exchangeFactors,
        Collections.unmodifiableMap(next));
  }

  /**
   * @return each exchange's own factor set, in the order given
   */
  public Map<Exchange, FactorSet> exchangeFactors() {
    return exchangeFactors;
  }

  /**
   * @return the reference listings' prices, by ticker
   */
  public Map<String, DatedSeries> references() {
    return references;
  }

  /**
   * @return whether the prices carry a {@link #VOLUME} column
   */
  public boolean hasVolumes() {
    return driverVolumes != null;
  }

  /**
   * @return the volumes by ticker as the driver holds them, or {@code null} without a volume column
   */
  Map<String, DatedSeries> driverVolumes() {
    return driverVolumes;
  }

  /**
   * The panel the local study would run on: returns ({@code ReturnPanel.of}), or log volumes
   * ({@code ReturnPanel.ofLogVolume}) for a volume study, with the plain factor set, each
   * exchange's own set and the reference listings.
   *
   * @param measure what the study measures
   * @return the panel
   * @throws IllegalArgumentException for a volume study without a volume column
   */
  ReturnPanel panel(StudyMeasure measure) {
    ReturnPanel panel;
    if (measure == StudyMeasure.VOLUME) {
      if (driverVolumes == null) {
        throw new IllegalArgumentException(
            "A volume study (--measure volume) needs the trading volumes: a prices table with a"
                + " '"
                + VOLUME
                + "' column (StudyInputs.PRICES_WITH_VOLUME_SCHEMA), or StudyInputs.of with"
                + " volumes");
      }
      panel = ReturnPanel.ofLogVolume(universe, driverPrices, driverVolumes);
    } else {
      panel = ReturnPanel.of(universe, driverPrices, returnType);
    }
    if (factors != null) {
      panel = panel.withFactors(factors);
    }
    for (Map.Entry<Exchange, FactorSet> e : exchangeFactors.entrySet()) {
      panel = panel.withFactors(e.getKey(), e.getValue());
    }
    for (Map.Entry<String, DatedSeries> e : references.entrySet()) {
      panel = panel.withReference(e.getKey(), e.getValue());
    }
    return panel;
  }
}
