package io.eventide.spark;

import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A study's inputs on Spark: the prices as a {@code Dataset} of {@link #PRICES_SCHEMA} rows, the
 * universe, the events and the factors ({@code docs/spark.md} section 2 documents the Parquet
 * schemas).
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
  private final List<Listing> universe;
  private final List<Event> events;
  private final ReturnType returnType;
  private final FactorSet factors;

  private StudyInputs(
      Dataset<Row> prices,
      Map<String, DatedSeries> driverPrices,
      List<Listing> universe,
      List<Event> events,
      ReturnType returnType,
      FactorSet factors) {
    this.prices = prices;
    this.driverPrices = driverPrices;
    this.universe = List.copyOf(universe);
    this.events = List.copyOf(events);
    this.returnType = Objects.requireNonNull(returnType, "returnType");
    this.factors = factors;
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
    boolean java8 = java8Dates(spark);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, DatedSeries> e : prices.entrySet()) {
      DatedSeries s = e.getValue();
      long[] days = s.epochDays();
      for (int i = 0; i < days.length; i++) {
        LocalDate d = LocalDate.ofEpochDay(days[i]);
        rows.add(RowFactory.create(e.getKey(), java8 ? d : java.sql.Date.valueOf(d), s.value(i)));
      }
    }
    Dataset<Row> ds = spark.createDataFrame(rows, PRICES_SCHEMA);
    return new StudyInputs(ds, new LinkedHashMap<>(prices), universe, events, returnType, factors);
  }

  /**
   * Inputs from Parquet tables of {@link #PRICES_SCHEMA} and {@link #EVENTS_SCHEMA}.
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
    prices = prices.select("ticker", "date", "close");
    Map<String, List<Row>> byTicker = new HashMap<>();
    for (Row r : prices.collectAsList()) {
      byTicker.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    Map<String, DatedSeries> series = new LinkedHashMap<>();
    byTicker.keySet().stream().sorted().forEach(t -> series.put(t, series(t, byTicker.get(t))));
    Dataset<Row> ev = spark.read().parquet(eventsPath);
    requireColumns(eventsPath, ev, EVENTS_SCHEMA);
    List<Event> events = new ArrayList<>();
    for (Row r : ev.select("event_id", "announced", "affected").collectAsList()) {
      events.add(event(eventsPath, r));
    }
    return new StudyInputs(prices, series, universe, events, returnType, factors);
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

  /** One ticker's rows as a series, sorted by date; two closes on one date is an error. */
  static DatedSeries series(String ticker, Iterable<Row> rows) {
    List<long[]> order = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Row r : rows) {
      order.add(new long[] {epochDay(r.get(1)), values.size()});
      values.add(r.isNullAt(2) ? Double.NaN : r.getDouble(2));
    }
    order.sort((a, b) -> Long.compare(a[0], b[0]));
    long[] days = new long[order.size()];
    double[] v = new double[order.size()];
    for (int i = 0; i < days.length; i++) {
      days[i] = order.get(i)[0];
      v[i] = values.get((int) order.get(i)[1]);
      if (i > 0 && days[i] == days[i - 1]) {
        throw new IllegalArgumentException(
            "Prices of " + ticker + " have two closes on " + LocalDate.ofEpochDay(days[i]));
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
}
