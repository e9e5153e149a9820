package io.eventide.backtest;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventFits;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.PriceBars;
import io.eventide.timeseries.ReturnType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The part of a backtest that does not depend on the holding period: the listings' prices on their
 * calendars, and every candidate with its side, decision instant and entry, or the outcome that
 * keeps it from trading before any portfolio decision ({@code UNKNOWN_TICKER} to {@code
 * NO_EXIT_PRICE}).
 */
final class Preparation {

  /** A candidate as resolved; {@code outcome == null} means it reaches the portfolio. */
  static final class Cand {
    String eventId;
    String ticker;
    int side;
    TradeOutcome outcome;
    String reason = "";
    Instant decision;
    Optional<OffsetDateTime> decisionShown = Optional.empty();
    ListingPrices lp;
    int entrySession = -1;
    PriceKind entryKind;
    long entrySec;
    double entryPrice;
    double beta = Double.NaN;
    long hedgeSec;
    Instant hedgeInstant;
    double hedgeEntryPrice = Double.NaN;
  }

  /**
   * The last decision instant computed from an announcement, with the exchange it was computed for:
   * the candidates of one event on one exchange share it (and its {@code Optional}) instead of each
   * computing its own.
   */
  private Event lastEvent;

  private Exchange lastExchange;
  private Instant lastDecision;
  private Optional<OffsetDateTime> lastShown;

  final Strategy strategy;
  final BacktestData data;
  final Map<String, ListingPrices> listings;
  final List<Cand> candidates;

  private Preparation(
      Strategy strategy,
      BacktestData data,
      Map<String, ListingPrices> listings,
      List<Cand> candidates) {
    this.strategy = strategy;
    this.data = data;
    this.listings = listings;
    this.candidates = candidates;
  }

  static Preparation of(Strategy strategy, BacktestData data, int parallelism) {
    Map<String, DatedSeries> closes = new LinkedHashMap<>();
    for (Map.Entry<String, PriceBars> e : data.bars().entrySet()) {
      closes.put(e.getKey(), e.getValue().closeSeries());
    }
    for (Listing l : data.universe()) {
      if (!data.bars().containsKey(l.benchmark())) {
        throw new IllegalArgumentException(
            "Benchmark " + l.benchmark() + " of " + l.ticker() + " has no prices");
      }
    }
    ReturnPanel panel = ReturnPanel.of(data.universe(), closes, ReturnType.SIMPLE);
    // Shared, not copied per listing: the sessions of each calendar, and each benchmark's prices
    // on each calendar.
    Map<TradingCalendar, ListingPrices.Sessions> calendars = new IdentityHashMap<>();
    Map<TradingCalendar, Map<String, double[][]>> benchmarks = new IdentityHashMap<>();
    Map<String, ListingPrices> listings = new HashMap<>();
    for (Listing l : data.universe()) {
      ListingReturns lr = panel.returnsOf(l.ticker()).orElseThrow();
      TradingCalendar cal = lr.calendar();
      ListingPrices.Sessions sessions =
          calendars.computeIfAbsent(cal, c -> new ListingPrices.Sessions(c, calendars.size()));
      long[] days = sessions.days;
      PriceBars own = data.bars().get(l.ticker());
      PriceBars bench = data.bars().get(l.benchmark());
      double[] open;
      double[] close;
      if (own == null) {
        open = new double[days.length];
        Arrays.fill(open, Double.NaN);
        close = open;
      } else {
        open = own.alignTo(days, 1);
        close = own.alignTo(days, 0);
      }
      double[][] b =
          benchmarks
              .computeIfAbsent(cal, c -> new HashMap<>())
              .computeIfAbsent(
                  l.benchmark(),
                  t -> new double[][] {bench.alignTo(days, 1), bench.alignTo(days, 0)});
      listings.put(l.ticker(), new ListingPrices(l, sessions, open, close, b[0], b[1]));
    }
    // Only each firm-event's own results are read (day 0, outcome, β̂, day-0 AR): the fit-only
    // path, without the study's reductions.
    FirmEventFits study =
        strategy.needsStudy()
            ? EventStudy.of(strategy.studySpecification())
                .withParallelism(parallelism)
                .fit(panel, data.events())
            : null;
    List<Event> events = new ArrayList<>(data.events());
    events.sort(Comparator.comparing(Event::id));
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).id().equals(events.get(i - 1).id())) {
        throw new IllegalArgumentException("Event id " + events.get(i).id() + " appears twice");
      }
    }
    List<String> universeTickers = data.universe().stream().map(Listing::ticker).sorted().toList();
    List<Cand> cands = new ArrayList<>();
    Preparation p = new Preparation(strategy, data, listings, cands);
    for (Event ev : events) {
      Integer fixedSide = fixedSide(strategy, ev);
      if (fixedSide != null && fixedSide == 0) {
        continue;
      }
      List<String> tickers =
          ev.affected().isEmpty() ? universeTickers : List.copyOf(new TreeSet<>(ev.affected()));
      for (String ticker : tickers) {
        Cand c = p.resolve(ev, ticker, fixedSide, study);
        if (c != null) {
          cands.add(c);
        }
      }
    }
    return p;
  }

  private static Integer fixedSide(Strategy s, Event ev) {
    if (s.signal().isPresent()) {
      return null;
    }
    return switch (s.sideRule()) {
      case DIRECTION -> ev.direction();
      case LONG -> 1;
      case SHORT -> -1;
      case REACTION, REVERSAL -> null;
    };
  }

  /** Resolves one candidate; null when it is not a candidate (a zero side). */
  private Cand resolve(Event ev, String ticker, Integer fixedSide, FirmEventFits study) {
    Cand c = new Cand();
    c.eventId = ev.id();
    c.ticker = ticker;
    c.side = fixedSide == null ? 0 : fixedSide;
    ListingPrices lp = listings.get(ticker);
    if (lp == null) {
      return fail(c, TradeOutcome.UNKNOWN_TICKER, "the universe does not list " + ticker);
    }
    c.lp = lp;
    if (!lp.hasPrices) {
      return fail(c, TradeOutcome.NO_PRICES, "no price on any session of its calendar");
    }
    FirmEventResult fr = null;
    if (strategy.needsStudy()) {
      fr = study.find(ev.id(), ticker).orElseThrow();
      Outcome o = fr.outcome();
      if (o != Outcome.OK) {
        TradeOutcome t =
            switch (o) {
              case UNKNOWN_TICKER -> TradeOutcome.UNKNOWN_TICKER;
              case NO_PRICES -> TradeOutcome.NO_PRICES;
              case OUT_OF_RANGE -> TradeOutcome.OUT_OF_RANGE;
              default -> TradeOutcome.INSUFFICIENT_ESTIMATION;
            };
        return fail(c, t, fr.reason());
      }
      if (strategy.hedge() == Hedge.MARKET) {
        c.beta = fr.parameters()[1];
      }
    }
    long decision;
    boolean reaction =
        strategy.signal().isEmpty()
            && (strategy.sideRule() == SideRule.REACTION
                || strategy.sideRule() == SideRule.REVERSAL);
    if (reaction) {
      double ar = fr.abnormalReturn(0);
      if (Double.isNaN(ar)) {
        return fail(c, TradeOutcome.NO_DAY0_RETURN, "no abnormal return on day 0");
      }
      if (ar == 0) {
        return null;
      }
      int sign = ar > 0 ? 1 : -1;
      c.side = strategy.sideRule() == SideRule.REACTION ? sign : -sign;
      LocalDate d0 = fr.dayZero().orElseThrow();
      c.decision = lp.exchange.closeOf(d0).toInstant();
      c.decisionShown = Optional.of(c.decision.atZone(lp.exchange.zone()).toOffsetDateTime());
    } else {
      if (ev != lastEvent || lp.exchange != lastExchange) {
        lastEvent = ev;
        lastExchange = lp.exchange;
        lastDecision = decisionOf(ev.announcement(), lp);
        lastShown = Optional.of(lastDecision.atZone(lp.exchange.zone()).toOffsetDateTime());
      }
      c.decision = lastDecision;
      c.decisionShown = lastShown;
    }
    decision = c.decision.getEpochSecond();
    if (strategy.signal().isPresent()) {
      int s = strategy.signal().get().side(ev, ticker, new View(decision, c.decision));
      if (s < -1 || s > 1) {
        throw new IllegalArgumentException(
            "Signal gave side " + s + " for " + ev.id() + " on " + ticker + "; return -1, 0 or 1");
      }
      if (s == 0) {
        return null;
      }
      c.side = s;
    }
    if (!entry(c, lp, decision)) {
      return fail(
          c,
          TradeOutcome.NO_ENTRY_PRICE,
          "no " + strategy.entry().id() + " price after the decision within the allowed lag");
    }
    int firstExit = c.entryKind == PriceKind.OPEN ? c.entrySession : c.entrySession + 1;
    if (firstExit >= lp.size() || lp.nextClose[firstExit] < 0) {
      return fail(c, TradeOutcome.NO_EXIT_PRICE, "no close after the entry");
    }
    if (strategy.hedge() == Hedge.MARKET) {
      int e = c.entrySession;
      if (c.entryKind == PriceKind.OPEN && !Double.isNaN(lp.benchOpen[e])) {
        c.hedgeEntryPrice = lp.benchOpen[e];
        c.hedgeSec = lp.openSec[e];
        c.hedgeInstant = lp.sessions.opens[e];
      } else {
        c.hedgeEntryPrice = lp.benchClose[e];
        c.hedgeSec = lp.closeSec[e];
        c.hedgeInstant = lp.sessions.closes[e];
      }
    } else {
      c.hedgeSec = c.entrySec;
      c.hedgeInstant = lp.sessions.instant(c.entrySession, c.entryKind);
    }
    return c;
  }

  private static Cand fail(Cand c, TradeOutcome o, String reason) {
    c.outcome = o;
    c.reason = reason;
    return c;
  }

  /** The decision instant of an announcement on a listing: its instant, or the end of its date. */
  static Instant decisionOf(Announcement a, ListingPrices lp) {
    if (a instanceof Announcement.AtInstant at) {
      return at.at().toInstant();
    }
    LocalDate d = a.localDate();
    return d.plusDays(1).atStartOfDay(lp.exchange.zone()).toInstant();
  }

  /** Finds the entry slot; false if there is none within the lag. */
  private boolean entry(Cand c, ListingPrices lp, long decision) {
    int n = lp.size();
    int m = strategy.maxEntryLag();
    int j = lp.firstCloseAfter(decision);
    if (j >= n) {
      return false;
    }
    boolean openAfter = lp.openSec[j] > decision;
    int session = -1;
    PriceKind kind = null;
    switch (strategy.entry()) {
      case FIRST -> {
        for (int s = j; s <= Math.min(n - 1, j + m) && session < 0; s++) {
          if ((s > j || openAfter) && !Double.isNaN(lp.open[s])) {
            session = s;
            kind = PriceKind.OPEN;
          } else if (!Double.isNaN(lp.close[s])) {
            session = s;
            kind = PriceKind.CLOSE;
          }
        }
      }
      case OPEN -> {
        int s0 = openAfter ? j : j + 1;
        for (int s = s0; s <= Math.min(n - 1, s0 + m) && session < 0; s++) {
          if (!Double.isNaN(lp.open[s])) {
            session = s;
            kind = PriceKind.OPEN;
          }
        }
      }
      case CLOSE -> {
        for (int s = j; s <= Math.min(n - 1, j + m) && session < 0; s++) {
          if (!Double.isNaN(lp.close[s])) {
            session = s;
            kind = PriceKind.CLOSE;
          }
        }
      }
      default -> throw new IllegalStateException();
    }
    if (session < 0) {
      return false;
    }
    int k = strategy.entryDelay();
    if (k > 0) {
      int ds = session + k;
      session = -1;
      PriceKind want = kind;
      for (int s = ds; s <= Math.min(n - 1, ds + m) && session < 0; s++) {
        boolean openAllowed = s > ds || want == PriceKind.OPEN;
        if (openAllowed && !Double.isNaN(lp.open[s])) {
          session = s;
          kind = PriceKind.OPEN;
        } else if (!Double.isNaN(lp.close[s])) {
          session = s;
          kind = PriceKind.CLOSE;
        }
      }
      if (session < 0) {
        return false;
      }
    }
    c.entrySession = session;
    c.entryKind = kind;
    c.entrySec = lp.instant(session, kind);
    c.entryPrice = lp.price(session, kind);
    return true;
  }

  /** The prices a signal may see: those at or before the decision instant. */
  private final class View implements PointInTimeView {
    private final long nowSec;
    private final Instant now;

    View(long nowSec, Instant now) {
      this.nowSec = nowSec;
      this.now = now;
    }

    @Override
    public Instant now() {
      return now;
    }

    private ListingPrices find(String ticker) {
      ListingPrices lp = listings.get(ticker);
      if (lp != null) {
        return lp;
      }
      for (ListingPrices l : listings.values()) {
        if (l.listing.benchmark().equals(ticker)) {
          return l;
        }
      }
      throw new IllegalArgumentException("No prices for " + ticker + " in this backtest");
    }

    private double read(String ticker, LocalDate date, PriceKind kind) {
      ListingPrices lp = find(ticker);
      long at =
          kind == PriceKind.OPEN
              ? lp.exchange.openOf(date).toEpochSecond()
              : lp.exchange.closeOf(date).toEpochSecond();
      if (at > nowSec) {
        throw new LookAheadException(
            "Signal read the "
                + kind.id()
                + " of "
                + ticker
                + " on "
                + date
                + ", after the decision instant "
                + now
                + "; a signal sees only prices known at its decision");
      }
      int s = lp.sessionOf(date.toEpochDay());
      if (s < 0) {
        return Double.NaN;
      }
      boolean bench = !lp.ticker().equals(ticker);
      return kind == PriceKind.OPEN
          ? (bench ? lp.benchOpen[s] : lp.open[s])
          : (bench ? lp.benchClose[s] : lp.close[s]);
    }

    @Override
    public double close(String ticker, LocalDate date) {
      return read(ticker, date, PriceKind.CLOSE);
    }

    @Override
    public double open(String ticker, LocalDate date) {
      return read(ticker, date, PriceKind.OPEN);
    }

    @Override
    public double lastClose(String ticker) {
      ListingPrices lp = find(ticker);
      boolean bench = !lp.ticker().equals(ticker);
      int s = lp.firstCloseAfter(nowSec) - 1;
      for (; s >= 0; s--) {
        double v = bench ? lp.benchClose[s] : lp.close[s];
        if (!Double.isNaN(v)) {
          return v;
        }
      }
      return Double.NaN;
    }
  }
}
