package io.eventide.study;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Event;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.RegressorMoments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a specification, a panel and events into a {@link ResolvedStudy}: checks the inputs, sorts
 * the events by id, expands each into its firm-events (the affected tickers sorted, or the whole
 * universe), finds each firm-event's day 0 on its listing's calendar and checks that the estimation
 * window and the event span fit that calendar, and builds each listing's model inputs with the
 * per-calendar caches (market returns, factors and their prefix moments, shared by every listing on
 * one calendar).
 */
final class StudyResolver {

  private StudyResolver() {}

  static ResolvedStudy resolve(StudySpecification spec, ReturnPanel panel, List<Event> events) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(panel, "panel");
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(Event::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("Event id " + sorted.get(i).id() + " appears twice");
      }
    }
    boolean volume = spec.measure() == StudyMeasure.VOLUME;
    if (volume != panel.holdsLogVolume()) {
      throw new IllegalArgumentException(
          volume
              ? "A volume study needs a panel of log volumes (ReturnPanel.ofLogVolume); this panel"
                  + " holds returns"
              : "A "
                  + spec.measure().id()
                  + " study needs a panel of returns (ReturnPanel.of); this panel holds log volumes");
    }
    StudyLayout layout = new StudyLayout(spec);
    List<Listing> universe = panel.listings();
    ListingData[] listings = listingData(panel, spec.model());
    if (spec.bharBenchmark().isPresent()) {
      attachBharReference(panel, spec.bharBenchmark().get(), listings);
    }
    Map<String, Integer> byTicker = new HashMap<>();
    for (int i = 0; i < universe.size(); i++) {
      byTicker.put(universe.get(i).ticker(), i);
    }

    // Firm-events in canonical order (event id, then ticker); clusters = events.
    List<String> allTickers = new ArrayList<>(byTicker.keySet());
    allTickers.sort(Comparator.naturalOrder());
    int[] clusterStarts = new int[sorted.size() + 1];
    List<String[]> tickersByEvent = new ArrayList<>();
    int total = 0;
    for (int e = 0; e < sorted.size(); e++) {
      Event ev = sorted.get(e);
      String[] tickers =
          ev.affected().isEmpty()
              ? allTickers.toArray(new String[0])
              : new TreeSet<>(ev.affected()).toArray(new String[0]);
      tickersByEvent.add(tickers);
      clusterStarts[e] = total;
      total += tickers.length;
    }
    clusterStarts[sorted.size()] = total;
    ResolvedStudy.Columns out = new ResolvedStudy.Columns(total);
    List<List<long[]>> dayZerosByListing = new ArrayList<>();
    for (int i = 0; i < listings.length; i++) {
      dayZerosByListing.add(new ArrayList<>());
    }
    int fe = 0;
    for (int e = 0; e < sorted.size(); e++) {
      Event ev = sorted.get(e);
      for (String ticker : tickersByEvent.get(e)) {
        resolve(fe, e, ev, ticker, byTicker, listings, layout, spec.signedByDirection(), out);
        if (out.listing[fe] >= 0 && out.dayZero[fe] >= 0) {
          dayZerosByListing.get(out.listing[fe]).add(new long[] {out.dayZero[fe], fe});
        }
        fe++;
      }
    }
    if (spec.groupBy().isPresent()) {
      group(spec.groupBy().get(), sorted, universe, out);
    }
    for (int i = 0; i < listings.length; i++) {
      List<long[]> pairs = dayZerosByListing.get(i);
      pairs.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
      listings[i].eventDayZeros = new int[pairs.size()];
      listings[i].eventFirmEvents = new int[pairs.size()];
      for (int q = 0; q < pairs.size(); q++) {
        listings[i].eventDayZeros[q] = (int) pairs.get(q)[0];
        listings[i].eventFirmEvents[q] = (int) pairs.get(q)[1];
      }
    }
    return new ResolvedStudy(
        spec,
        panel.returnType(),
        layout,
        List.copyOf(sorted),
        universe,
        listings,
        clusterStarts,
        out);
  }

  /** The BHAR reference's returns on each listing's calendar, one array per calendar. */
  private static void attachBharReference(
      ReturnPanel panel, String ticker, ListingData[] listings) {
    Map<TradingCalendar, double[]> byCalendar = new IdentityHashMap<>();
    for (ListingData ld : listings) {
      double[] ref = byCalendar.get(ld.calendar);
      if (ref == null) {
        ref =
            panel
                .referenceReturns(ticker, ld.calendar)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "BHAR benchmark "
                                + ticker
                                + " has no prices in the panel; add them with"
                                + " ReturnPanel.withReference (a price file "
                                + ticker
                                + ".csv for --bhar-benchmark)"));
        byCalendar.put(ld.calendar, ref);
      }
      ld.bharReference = ref;
    }
  }

  /** Labels every firm-event with its group; the labels are sorted, so indices are canonical. */
  private static void group(
      GroupBy by, List<Event> events, List<Listing> universe, ResolvedStudy.Columns out) {
    if (!events.isEmpty() && events.stream().noneMatch(by::knows)) {
      throw new IllegalArgumentException(
          "No event has a value for the group-by column '"
              + by
              + "'; group by event_id, title, category, direction, an attribute the events carry"
              + " (Event.attributes()) or GroupBy.exchange()");
    }
    String[] labels = new String[out.size];
    java.util.TreeSet<String> distinct = new java.util.TreeSet<>();
    for (int fe = 0; fe < out.size; fe++) {
      Listing listing = out.listing[fe] < 0 ? null : universe.get(out.listing[fe]);
      labels[fe] = by.label(events.get(out.event[fe]), listing);
      distinct.add(labels[fe]);
    }
    List<String> sortedLabels = List.copyOf(distinct);
    Map<String, Integer> index = new HashMap<>();
    for (int g = 0; g < sortedLabels.size(); g++) {
      index.put(sortedLabels.get(g), g);
    }
    out.group = new int[out.size];
    for (int fe = 0; fe < out.size; fe++) {
      out.group[fe] = index.get(labels[fe]);
    }
    out.groupLabels = sortedLabels;
  }

  private static ListingData[] listingData(ReturnPanel panel, NormalReturnModel model) {
    List<Listing> universe = panel.listings();
    ListingData[] out = new ListingData[universe.size()];
    List<String> factorNames = model.factorNames();
    if (!factorNames.isEmpty()) {
      if (!panel.hasFactors()) {
        throw new IllegalArgumentException(
            "Model "
                + model.id()
                + " needs factors "
                + factorNames
                + "; give the panel a factor set: ReturnPanel.withFactors(set) for the US"
                + " exchanges, withFactors(exchange, set) for another exchange");
      }
      List<FactorSet> sets = new ArrayList<>();
      List<String> whose = new ArrayList<>();
      panel.factors().ifPresent(sets::add);
      panel.factors().ifPresent(f -> whose.add(""));
      for (io.eventide.calendar.Exchange e : panel.exchangesWithOwnFactors()) {
        sets.add(panel.factorsFor(e).orElseThrow());
        whose.add(" for " + e.code());
      }
      for (int q = 0; q < sets.size(); q++) {
        FactorSet set = sets.get(q);
        Set<String> missing = new LinkedHashSet<>(factorNames);
        missing.removeAll(set.names());
        if (!missing.isEmpty()) {
          throw new IllegalArgumentException(
              "Model "
                  + model.id()
                  + " needs factors "
                  + factorNames
                  + " but "
                  + missing
                  + " are not in the factor files"
                  + whose.get(q)
                  + " (they hold "
                  + set.names()
                  + ")");
        }
        if (!set.hasRiskFree()) {
          throw new IllegalArgumentException(
              "Model "
                  + model.id()
                  + " needs the risk-free rate RF, which no factor file"
                  + whose.get(q)
                  + " holds");
        }
      }
    }
    // One market array per calendar, shared by its listings, so that a fitter can see that
    // firm-events on one calendar and estimation range share the market's moments.
    Map<TradingCalendar, double[]> marketCache = new IdentityHashMap<>();
    // Prefix sums of the regressors per calendar: each fit then reads only the listing's returns.
    Map<TradingCalendar, RegressorMoments> marketMoments = new IdentityHashMap<>();
    Map<TradingCalendar, RegressorMoments> factorMoments = new IdentityHashMap<>();
    Map<TradingCalendar, double[][]> factorCache = new IdentityHashMap<>();
    Map<TradingCalendar, double[]> rfCache = new IdentityHashMap<>();
    for (int i = 0; i < out.length; i++) {
      ListingReturns lr = panel.returnsOf(universe.get(i).ticker()).orElseThrow();
      TradingCalendar cal = lr.calendar();
      double[] returns = lr.returns();
      double[] market = marketCache.computeIfAbsent(cal, c -> lr.marketReturns());
      ModelInputs inputs;
      RegressorMoments mm = marketMoments.computeIfAbsent(cal, c -> RegressorMoments.of(market));
      FactorSet factors =
          factorNames.isEmpty() ? null : panel.factorsFor(cal.exchange()).orElse(null);
      if (factors == null) {
        inputs = ModelInputs.of(returns, market).withMoments(mm, null);
      } else {
        final FactorSet fs = factors;
        long[] sessions = cal.sessionEpochDays();
        double[][] f =
            factorCache.computeIfAbsent(
                cal,
                c -> {
                  double[][] cols = new double[factorNames.size()][];
                  for (int j = 0; j < cols.length; j++) {
                    cols[j] = fs.alignTo(factorNames.get(j), sessions);
                  }
                  return cols;
                });
        double[] rf = rfCache.computeIfAbsent(cal, c -> fs.riskFreeAlignedTo(sessions));
        RegressorMoments fm = factorMoments.computeIfAbsent(cal, c -> RegressorMoments.of(f));
        inputs = ModelInputs.of(returns, market, f, rf).withMoments(mm, fm);
      }
      out[i] = new ListingData(universe.get(i), cal, inputs, returns, lr.pricesPresent() > 0);
      if (!factorNames.isEmpty() && factors == null) {
        io.eventide.calendar.Exchange ex = cal.exchange();
        out[i].noFactors =
            "model "
                + model.id()
                + " needs factors and no factor set serves exchange "
                + ex.code()
                + (ReturnPanel.isUnitedStates(ex)
                    ? ""
                    : " (a plain set serves only the US exchanges "
                        + ReturnPanel.US_EXCHANGES
                        + ")")
                + "; supply one for "
                + ex.code()
                + " with ReturnPanel.withFactors(exchange, set) (command line: --factors "
                + ex.code()
                + "=FILE)";
      }
    }
    return out;
  }

  /** Resolves one firm-event; leaves its outcome null when it can be mapped. */
  private static void resolve(
      int fe,
      int eventIndex,
      Event ev,
      String ticker,
      Map<String, Integer> byTicker,
      ListingData[] listings,
      StudyLayout layout,
      boolean signByDirection,
      ResolvedStudy.Columns out) {
    out.event[fe] = eventIndex;
    out.ticker[fe] = ticker;
    out.dayZero[fe] = -1;
    Integer li = byTicker.get(ticker);
    if (li == null) {
      out.listing[fe] = -1;
      out.outcome[fe] = Outcome.UNKNOWN_TICKER;
      out.reason[fe] =
          "event " + ev.id() + " names " + ticker + ", which the universe does not list";
      return;
    }
    out.listing[fe] = li;
    ListingData ld = listings[li];
    TradingCalendar cal = ld.calendar;
    if (!ld.hasPrices) {
      out.outcome[fe] = Outcome.NO_PRICES;
      out.reason[fe] =
          "no price for "
              + ticker
              + " on any session of "
              + cal.name()
              + " (no price file, or none of its dates is a session)";
      return;
    }
    int d0 = ev.announcement().dayZero(cal);
    if (d0 < 0) {
      out.outcome[fe] = Outcome.OUT_OF_RANGE;
      out.reason[fe] =
          "announcement "
              + ev.announcement()
              + " is after the last session "
              + cal.session(cal.size() - 1)
              + " of "
              + cal.name();
      return;
    }
    out.dayZero[fe] = d0;
    long first = (long) d0 + layout.estFrom;
    long last = (long) d0 + layout.spanTo;
    if (first < 0) {
      out.outcome[fe] = Outcome.OUT_OF_RANGE;
      out.reason[fe] =
          "day 0 is "
              + cal.session(d0)
              + "; the estimation window needs "
              + (-layout.estFrom)
              + " sessions before it but "
              + cal.name()
              + " starts "
              + cal.session(0)
              + ", "
              + d0
              + " sessions earlier";
      return;
    }
    if (last >= cal.size()) {
      out.outcome[fe] = Outcome.OUT_OF_RANGE;
      out.reason[fe] =
          "day 0 is "
              + cal.session(d0)
              + "; the event span needs "
              + layout.spanTo
              + " sessions after it but "
              + cal.name()
              + " ends "
              + cal.session(cal.size() - 1)
              + ", "
              + (cal.size() - 1 - d0)
              + " sessions later";
      return;
    }
    if (ld.noFactors != null) {
      out.outcome[fe] = Outcome.NO_FACTORS;
      out.reason[fe] = ld.noFactors;
    } else if (signByDirection && ev.direction() == 0) {
      out.outcome[fe] = Outcome.NO_DIRECTION;
      out.reason[fe] =
          "abnormal returns are signed by direction and event "
              + ev.id()
              + " has direction 0 (none stated)";
    }
  }
}
