package io.eventide.spark;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.model.DimsonModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.study.Conventions;
import io.eventide.study.GroupBy;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudySpecification;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every task needs besides its own listings' prices, in serializable primitive form (the
 * core's values are not {@code Serializable}): the specification, the return type, the universe,
 * the events (with every column: signing and grouping read them), every benchmark's prices (and
 * volumes, in a volume study), the plain factor set and each exchange's own set ({@code --factors
 * EXCH=FILE}), and the prices of a BHAR reference listing ({@code --bhar-benchmark}). Broadcast
 * once per study; {@link #specification()} equals the driver's.
 */
final class StudyPlan implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String model;
  private final int dimsonLags;
  private final String measure;
  private final String bharBenchmark;
  private final int[] estimation;
  private final int[][] windows;
  private final int minEstimation;
  private final int cleaning;
  private final boolean signed;
  private final String conventions;
  private final String groupByColumn;
  private final boolean groupByExchange;
  private final ReturnType returnType;
  private final List<ListingRow> universe;
  private final List<EventRow> events;
  private final Map<String, SeriesRow> benchmarks;
  private final Map<String, SeriesRow> benchmarkVolumes;
  private final FactorRows factors;
  private final LinkedHashMap<Exchange, FactorRows> exchangeFactors;
  private final SeriesRow reference;

  record ListingRow(String ticker, Exchange exchange, String benchmark) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  record EventRow(
      String id,
      LocalDate date,
      OffsetDateTime at,
      String title,
      String category,
      int direction,
      List<String> affected,
      LinkedHashMap<String, String> attributes)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The event as read, affecting only the given tickers (its title, category, direction and other
     * columns kept: signing and grouping read them).
     */
    Event toEvent(List<String> affectedNow) {
      Announcement a =
          date != null ? new Announcement.OnDate(date) : new Announcement.AtInstant(at);
      return new Event(id, a, title, category, direction, affectedNow, attributes);
    }
  }

  record SeriesRow(long[] epochDays, double[] values) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  record FactorRows(List<String> names, long[] epochDays, double[][] values, double[] riskFree)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * @param spec the study
   * @param inputs its inputs
   * @param driverPanel the panel the driver resolves the whole study on ({@link
   *     StudyInputs#panel}), for the prices of a BHAR reference that is a listing of the universe
   */
  StudyPlan(StudySpecification spec, StudyInputs inputs, ReturnPanel driverPanel) {
    ReturnType returnType = inputs.returnType();
    List<Listing> universe = inputs.universe();
    List<Event> events = inputs.events();
    Map<String, DatedSeries> prices = inputs.driverPrices();
    this.model = spec.model().id();
    this.dimsonLags = spec.model() instanceof DimsonModel d ? d.lags() : -1;
    this.measure = spec.measure().id();
    this.bharBenchmark = spec.bharBenchmark().orElse(null);
    this.reference = bharBenchmark == null ? null : reference(inputs, driverPanel, bharBenchmark);
    this.estimation =
        new int[] {spec.estimationWindow().fromInclusive(), spec.estimationWindow().toInclusive()};
    this.windows = new int[spec.eventWindows().size()][];
    for (int i = 0; i < windows.length; i++) {
      EventWindow w = spec.eventWindows().get(i);
      windows[i] = new int[] {w.fromInclusive(), w.toInclusive()};
    }
    this.minEstimation = spec.minEstimation();
    this.cleaning = spec.cleaningRadius().orElse(-1);
    this.signed = spec.signedByDirection();
    this.conventions = spec.conventions().id();
    GroupBy g = spec.groupBy().orElse(null);
    this.groupByExchange = g instanceof GroupBy.ByExchange;
    this.groupByColumn = g instanceof GroupBy.Column c ? c.name() : null;
    this.returnType = returnType;
    this.universe = new ArrayList<>();
    this.benchmarks = new HashMap<>();
    for (Listing l : universe) {
      this.universe.add(new ListingRow(l.ticker(), l.exchange(), l.benchmark()));
      DatedSeries b = prices.get(l.benchmark());
      if (b == null) {
        throw new IllegalArgumentException(
            "Benchmark " + l.benchmark() + " of " + l.ticker() + " has no price series");
      }
      benchmarks.computeIfAbsent(
          l.benchmark(), k -> new SeriesRow(b.epochDays(), b.values().clone()));
    }
    this.events = new ArrayList<>();
    for (Event e : events) {
      Announcement a = e.announcement();
      this.events.add(
          new EventRow(
              e.id(),
              a instanceof Announcement.OnDate d ? d.date() : null,
              a instanceof Announcement.AtInstant i ? i.at() : null,
              e.title(),
              e.category(),
              e.direction(),
              List.copyOf(e.affected()),
              new LinkedHashMap<>(e.attributes())));
    }
    this.factors = inputs.factors().map(StudyPlan::rows).orElse(null);
    this.exchangeFactors = new LinkedHashMap<>();
    inputs.exchangeFactors().forEach((e, f) -> exchangeFactors.put(e, rows(f)));
    // A volume study: the benchmarks' volumes (a listing's own come with its prices' rows).
    this.benchmarkVolumes = new HashMap<>();
    if (spec.measure() == StudyMeasure.VOLUME) {
      Map<String, DatedSeries> volumes = inputs.driverVolumes();
      for (String b : benchmarks.keySet()) {
        DatedSeries v = volumes.get(b);
        if (v != null) {
          benchmarkVolumes.put(b, new SeriesRow(v.epochDays(), v.values().clone()));
        }
      }
    }
  }

  private static FactorRows rows(FactorSet factorSet) {
    int n = factorSet.size();
    long[] days = new long[n];
    double[][] v = new double[factorSet.names().size()][n];
    double[] rf = factorSet.hasRiskFree() ? new double[n] : null;
    for (int t = 0; t < n; t++) {
      days[t] = factorSet.date(t).toEpochDay();
      for (int j = 0; j < v.length; j++) {
        v[j][t] = factorSet.value(factorSet.names().get(j), t);
      }
      if (rf != null) {
        rf[t] = factorSet.riskFree(t);
      }
    }
    return new FactorRows(List.copyOf(factorSet.names()), days, v, rf);
  }

  private static FactorSet set(FactorRows r) {
    return FactorSet.of(r.names(), r.epochDays(), r.values(), r.riskFree());
  }

  /**
   * The prices a task's panel gets for the BHAR reference ({@code ReturnPanel.withReference}): the
   * reference file's prices if the inputs have them, else those of the universe's listing of that
   * ticker on its own calendar's sessions, which is what {@code ReturnPanel.referenceReturns}
   * aligns for such a listing; so every task computes the reference's returns the driver's panel
   * would. Null when neither exists: the driver's resolution has refused the study already.
   */
  private static SeriesRow reference(StudyInputs inputs, ReturnPanel driverPanel, String ticker) {
    DatedSeries file = inputs.references().get(ticker);
    if (file != null) {
      return new SeriesRow(file.epochDays(), file.values().clone());
    }
    ListingReturns own = driverPanel.returnsOf(ticker).orElse(null);
    if (own == null) {
      return null;
    }
    return new SeriesRow(own.calendar().sessionEpochDays(), own.prices().clone());
  }

  StudySpecification specification() {
    List<EventWindow> ws = new ArrayList<>();
    for (int[] w : windows) {
      ws.add(EventWindow.of(w[0], w[1]));
    }
    StudySpecification.Builder b =
        StudySpecification.builder()
            .model(dimsonLags >= 0 ? DimsonModel.of(dimsonLags) : NormalReturnModel.of(model))
            .measure(StudyMeasure.of(measure))
            .bharBenchmark(bharBenchmark)
            .estimationWindow(EventWindow.of(estimation[0], estimation[1]))
            .eventWindows(ws)
            .minEstimation(minEstimation);
    if (cleaning >= 0) {
      b.cleanEstimation(cleaning);
    }
    b.signByDirection(signed);
    b.conventions(Conventions.of(conventions));
    if (groupByExchange) {
      b.groupBy(GroupBy.exchange());
    } else if (groupByColumn != null) {
      b.groupBy(GroupBy.column(groupByColumn));
    }
    return b.build();
  }

  Set<String> tickers() {
    Set<String> out = new HashSet<>();
    for (ListingRow l : universe) {
      out.add(l.ticker());
    }
    return out;
  }

  /**
   * The panel of some listings of the universe: their own prices (in a volume study their volumes),
   * their benchmarks', the factor sets and the BHAR reference, built by the core exactly as the
   * local study builds the whole panel.
   *
   * @param own the listings' prices by ticker
   * @param ownVolumes their volumes by ticker (a volume study), else ignored
   */
  ReturnPanel panel(Map<String, DatedSeries> own, Map<String, DatedSeries> ownVolumes) {
    List<Listing> chosen = new ArrayList<>();
    Map<String, DatedSeries> series = new HashMap<>(own);
    for (ListingRow l : universe) {
      if (own.containsKey(l.ticker())) {
        chosen.add(Listing.of(l.ticker(), l.exchange(), l.benchmark()));
        series.computeIfAbsent(l.benchmark(), this::benchmark);
      }
    }
    ReturnPanel p;
    if (StudyMeasure.of(measure) == StudyMeasure.VOLUME) {
      Map<String, DatedSeries> volumes = new HashMap<>(ownVolumes);
      for (Listing l : chosen) {
        SeriesRow v = benchmarkVolumes.get(l.benchmark());
        if (v != null) {
          volumes.computeIfAbsent(
              l.benchmark(), k -> DatedSeries.ofEpochDays(k, v.epochDays(), v.values()));
        }
      }
      p = ReturnPanel.ofLogVolume(chosen, series, volumes);
    } else {
      p = ReturnPanel.of(chosen, series, returnType);
    }
    if (factors != null) {
      p = p.withFactors(set(factors));
    }
    for (Map.Entry<Exchange, FactorRows> e : exchangeFactors.entrySet()) {
      p = p.withFactors(e.getKey(), set(e.getValue()));
    }
    if (reference != null) {
      p =
          p.withReference(
              bharBenchmark,
              DatedSeries.ofEpochDays(bharBenchmark, reference.epochDays(), reference.values()));
    }
    return p;
  }

  /** One listing per calendar (benchmark and exchange): the panel whose calendars are r̄'s. */
  ReturnPanel calendarPanel() {
    List<Listing> chosen = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, DatedSeries> series = new HashMap<>();
    for (ListingRow l : universe) {
      if (seen.add(l.benchmark() + "@" + l.exchange())) {
        chosen.add(Listing.of(l.ticker(), l.exchange(), l.benchmark()));
        series.computeIfAbsent(l.benchmark(), this::benchmark);
      }
    }
    return ReturnPanel.of(chosen, series, returnType);
  }

  private DatedSeries benchmark(String ticker) {
    SeriesRow r = benchmarks.get(ticker);
    return DatedSeries.ofEpochDays(ticker, r.epochDays(), r.values());
  }

  /**
   * The events that affect at least one of the given tickers, each restricted to them (an event
   * naming no ticker affects every listing and stays so).
   */
  List<Event> eventsFor(Set<String> tickers) {
    List<Event> out = new ArrayList<>();
    for (EventRow e : events) {
      if (e.affected().isEmpty()) {
        out.add(e.toEvent(List.of()));
        continue;
      }
      List<String> mine = new ArrayList<>();
      for (String t : e.affected()) {
        if (tickers.contains(t)) {
          mine.add(t);
        }
      }
      if (!mine.isEmpty()) {
        out.add(e.toEvent(mine));
      }
    }
    return out;
  }
}
