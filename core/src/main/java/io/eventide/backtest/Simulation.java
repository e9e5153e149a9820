package io.eventide.backtest;

import io.eventide.backtest.Preparation.Cand;
import io.eventide.inference.CrossSectionalTTest;
import io.eventide.inference.Sample;
import io.eventide.inference.SignTest;
import io.eventide.inference.TestResult;
import io.eventide.inference.WilcoxonSignedRankTest;
import io.eventide.market.CalendarTimeModel;
import io.eventide.market.CalendarTimeRegression;
import io.eventide.market.FactorSet;
import io.eventide.timeseries.PriceBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One holding period of a prepared backtest: exits (with stops), the portfolio simulated in the
 * order of its fills (sizing from the equity of the previous date, overlap, gross cap), the daily
 * valuation, the metrics, the trade tests and the calendar-time alpha ({@code docs/backtest.md}
 * sections 3-7).
 */
final class Simulation {

  /** A trade as the simulation keeps it. */
  private static final class Live {
    Cand c;
    int exitSession;
    ExitReason reason;
    long exitSec;
    long entryDay;
    long exitDay;
    double notional;
    double q;
    double qh;
    double exitPrice;
    double hedgeExitPrice;
    double entryCostStock;
    double entryCostHedge;
    double pnlGross;
    double cost;
    double pnl;
    boolean booked;
  }

  private final Preparation p;
  private final Strategy s;

  Simulation(Preparation p, Strategy s) {
    this.p = p;
    this.s = s;
  }

  BacktestResult run() {
    List<Cand> cands = p.candidates;
    int n = cands.size();
    Live[] path = new Live[n];
    int[] order = new int[n];
    int reaching = 0;
    for (int i = 0; i < n; i++) {
      Cand c = cands.get(i);
      if (c.outcome == null) {
        path[i] = exitOf(c);
        order[reaching++] = i;
      }
    }
    int[] byEntry = byEntry(cands, Arrays.copyOf(order, reaching));
    TradeOutcome[] skipped = new TradeOutcome[n];
    List<Live> live = new ArrayList<>();
    List<Live> accepted = new ArrayList<>();
    double realized = 0;
    double g = s.maxGross();
    long lastTime = Long.MIN_VALUE;
    long lastDay = Long.MIN_VALUE;
    double ePrev = 1.0;
    double gross = 0;
    for (int idx : byEntry) {
      Cand c = cands.get(idx);
      Live t = path[idx];
      long time = c.entrySec;
      long day = c.lp.days[c.entrySession];
      if (time != lastTime) {
        // A new instant: retire what is closed for good, then value the open legs once. Every
        // entry at this instant shares E_prev (it depends on the date only) and the gross of the
        // legs open before it; each accepted entry adds its own N (1 + |β̂|) below.
        if (day != lastDay) {
          for (int k = live.size() - 1; k >= 0; k--) {
            Live l = live.get(k);
            if (l.exitDay < day && l.exitSec <= time) {
              realized += l.pnl;
              live.remove(k);
            }
          }
          ePrev = 1.0 + realized;
          for (Live l : live) {
            ePrev += valueAtEndOf(l, day - 1);
          }
          lastDay = day;
        }
        gross = 0;
        for (Live l : live) {
          if (l.exitSec > time) {
            gross += grossBefore(l, time);
          }
        }
        lastTime = time;
      }
      if (s.overlap() == OverlapPolicy.SKIP) {
        boolean open = false;
        for (Live l : live) {
          if (l.exitSec > time && l.c.lp == c.lp) {
            open = true;
            break;
          }
        }
        if (open) {
          skipped[idx] = TradeOutcome.OVERLAP;
          continue;
        }
      }
      double beta = s.hedge() == Hedge.MARKET ? Math.abs(c.beta) : 0;
      double notional = s.size() * ePrev;
      double added = notional * (1 + beta);
      if (!(ePrev > 0) || gross + added > g * ePrev * (1 + 1e-9)) {
        skipped[idx] = TradeOutcome.GROSS_CAP;
        continue;
      }
      book(t, notional);
      t.booked = true;
      live.add(t);
      accepted.add(t);
      gross += added;
    }
    List<Candidate> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Cand c = cands.get(i);
      rows.add(row(c, path[i], skipped[i]));
    }
    // The trades in canonical order (event id, then ticker): the candidates' own order.
    List<Live> canonical = new ArrayList<>(accepted.size());
    for (Live t : path) {
      if (t != null && t.booked) {
        canonical.add(t);
      }
    }
    return measure(rows, accepted, canonical);
  }

  /**
   * The candidates that reach the portfolio ordered by entry instant, ties in candidate order (a
   * stable sort): a sort of primitive keys {@code (entry − first entry) · n + candidate}, which
   * orders exactly so; a boxed stable sort where such a key could overflow.
   */
  private static int[] byEntry(List<Cand> cands, int[] reaching) {
    int m = reaching.length;
    if (m == 0) {
      return reaching;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i : reaching) {
      long t = cands.get(i).entrySec;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    long n = cands.size();
    long span = max - min;
    if (span >= 0 && (span == 0 || span < Long.MAX_VALUE / n - 1)) {
      long[] keys = new long[m];
      for (int j = 0; j < m; j++) {
        int i = reaching[j];
        keys[j] = (cands.get(i).entrySec - min) * n + i;
      }
      Arrays.sort(keys);
      int[] out = new int[m];
      for (int j = 0; j < m; j++) {
        out[j] = (int) (keys[j] % n);
      }
      return out;
    }
    Integer[] boxed = new Integer[m];
    for (int j = 0; j < m; j++) {
      boxed[j] = reaching[j];
    }
    Arrays.sort(boxed, (a, b) -> Long.compare(cands.get(a).entrySec, cands.get(b).entrySec));
    int[] out = new int[m];
    for (int j = 0; j < m; j++) {
      out[j] = boxed[j];
    }
    return out;
  }

  private Candidate row(Cand c, Live t, TradeOutcome skip) {
    TradeOutcome o = c.outcome != null ? c.outcome : skip != null ? skip : TradeOutcome.OK;
    String reason =
        c.outcome != null
            ? c.reason
            : o == TradeOutcome.OVERLAP
                ? "the listing already had an open stock leg at the entry"
                : o == TradeOutcome.GROSS_CAP
                    ? "the trade would take gross exposure above " + s.maxGross() + " × equity"
                    : "";
    Optional<Trade> trade = Optional.empty();
    if (o == TradeOutcome.OK) {
      ListingPrices lp = c.lp;
      boolean hedged = s.hedge() == Hedge.MARKET;
      trade =
          Optional.of(
              new Trade(
                  c.entryKind,
                  lp.sessions.dates[c.entrySession],
                  lp.sessions.instant(c.entrySession, c.entryKind),
                  c.entryPrice,
                  lp.sessions.dates[t.exitSession],
                  lp.sessions.closes[t.exitSession],
                  t.exitPrice,
                  t.reason,
                  hedged ? c.beta : Double.NaN,
                  hedged ? lp.listing.benchmark() : "",
                  c.hedgeInstant,
                  hedged ? c.hedgeEntryPrice : Double.NaN,
                  hedged ? t.hedgeExitPrice : Double.NaN,
                  t.notional,
                  t.q,
                  t.qh,
                  t.pnlGross,
                  t.cost,
                  t.pnl));
    }
    return new Candidate(s.hold(), c.eventId, c.ticker, c.side, o, reason, c.decisionShown, trade);
  }

  /** The exit of a candidate that reaches the portfolio: planned, stopped or end of data. */
  private Live exitOf(Cand c) {
    ListingPrices lp = c.lp;
    int n = lp.size();
    int e = c.entrySession;
    int x = e + s.hold();
    int exit;
    ExitReason reason;
    if (x < n && lp.nextClose[x] >= 0) {
      exit = lp.nextClose[x];
      reason = ExitReason.HOLD;
    } else {
      exit = lp.lastClose[n - 1];
      reason = ExitReason.END_OF_DATA;
    }
    boolean stops = s.stopLoss().isPresent() || s.takeProfit().isPresent();
    if (stops) {
      double sl = s.stopLoss().orElse(Double.POSITIVE_INFINITY);
      double tp = s.takeProfit().orElse(Double.POSITIVE_INFINITY);
      boolean hedged = s.hedge() == Hedge.MARKET;
      int first = c.entryKind == PriceKind.OPEN ? e : e + 1;
      for (int k = first; k < exit; k++) {
        double px = lp.close[k];
        if (Double.isNaN(px)) {
          continue;
        }
        double r = c.side * (px / c.entryPrice - 1);
        if (hedged && c.hedgeSec <= lp.closeSec[k]) {
          r -= c.side * c.beta * (lp.benchClose[k] / c.hedgeEntryPrice - 1);
        }
        if (r <= -sl) {
          exit = k;
          reason = ExitReason.STOP_LOSS;
          break;
        }
        if (r >= tp) {
          exit = k;
          reason = ExitReason.TAKE_PROFIT;
          break;
        }
      }
    }
    Live t = new Live();
    t.c = c;
    t.exitSession = exit;
    t.reason = reason;
    t.exitSec = lp.closeSec[exit];
    t.entryDay = lp.days[e];
    t.exitDay = lp.days[exit];
    t.exitPrice = lp.close[exit];
    t.hedgeExitPrice = s.hedge() == Hedge.MARKET ? lp.benchClose[exit] : Double.NaN;
    return t;
  }

  /** Sizes and books a trade: quantities, costs, borrow, P&amp;L. */
  private void book(Live t, double notional) {
    Cand c = t.c;
    double bps = s.costs().bpsOf(c.lp.exchange) / 1e4;
    t.notional = notional;
    t.q = c.side * notional / c.entryPrice;
    double cost = bps * (Math.abs(t.q * c.entryPrice) + Math.abs(t.q * t.exitPrice));
    t.entryCostStock = bps * Math.abs(t.q * c.entryPrice);
    double gross = t.q * (t.exitPrice - c.entryPrice);
    if (s.hedge() == Hedge.MARKET) {
      t.qh = -c.side * c.beta * notional / c.hedgeEntryPrice;
      gross += t.qh * (t.hedgeExitPrice - c.hedgeEntryPrice);
      t.entryCostHedge = bps * Math.abs(t.qh * c.hedgeEntryPrice);
      cost += bps * (Math.abs(t.qh * c.hedgeEntryPrice) + Math.abs(t.qh * t.hedgeExitPrice));
    }
    if (c.side < 0) {
      int sessions = t.exitSession - c.entrySession;
      cost += s.borrowBps() / 1e4 * Math.abs(t.q) * c.entryPrice * sessions / 252.0;
    }
    t.pnlGross = gross;
    t.cost = cost;
    t.pnl = gross - cost;
  }

  /** The trade's contribution to equity at the end of an epoch day (cash flows plus marks). */
  private double valueAtEndOf(Live t, long day) {
    if (t.exitDay <= day) {
      return t.pnl;
    }
    if (t.entryDay > day) {
      return 0;
    }
    Cand c = t.c;
    ListingPrices lp = c.lp;
    int k = lp.lastSessionOnOrBefore(day);
    double v = t.q * (stockMark(t, k) - c.entryPrice) - t.entryCostStock;
    if (t.qh != 0) {
      v += t.qh * (lp.benchClose[k] - c.hedgeEntryPrice) - t.entryCostHedge;
    }
    return v;
  }

  /** The stock leg's mark at the end of session k: its last close since entry, else its entry. */
  private static double stockMark(Live t, int k) {
    ListingPrices lp = t.c.lp;
    int lc = k < 0 ? -1 : lp.lastClose[k];
    return lc >= 0 && lp.closeSec[lc] >= t.c.entrySec ? lp.close[lc] : t.c.entryPrice;
  }

  /** Gross exposure of an open trade before an instant (docs/backtest.md, gross cap). */
  private double grossBefore(Live t, long time) {
    Cand c = t.c;
    ListingPrices lp = c.lp;
    int k = lp.lastCloseBefore(time);
    int lc = k < 0 ? -1 : lp.lastClose[k];
    double mark = lc >= 0 && lp.closeSec[lc] > c.entrySec ? lp.close[lc] : c.entryPrice;
    double gross = Math.abs(t.q) * mark;
    if (s.hedge() == Hedge.MARKET) {
      if (c.hedgeSec > time) {
        gross += Math.abs(c.beta) * t.notional;
      } else {
        double bm = k >= 0 && lp.closeSec[k] > c.hedgeSec ? lp.benchClose[k] : c.hedgeEntryPrice;
        gross += Math.abs(t.qh) * bm;
      }
    }
    return gross;
  }

  // ---------------------------------------------------------------- valuation and metrics

  private BacktestResult measure(List<Candidate> rows, List<Live> trades, List<Live> canonical) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    int skippedCount = rows.size() - trades.size();
    if (trades.isEmpty()) {
      for (String name : METRICS) {
        metrics.put(name, Double.NaN);
      }
      metrics.put("trades", 0.0);
      metrics.put("skipped", (double) skippedCount);
      List<TestResult> tests = tests(new double[0]);
      putTests(metrics, tests);
      putAlpha(metrics, Optional.empty());
      return new BacktestResult(s, rows, List.of(), metrics, tests, Optional.empty());
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Live t : trades) {
      first = Math.min(first, t.entryDay);
      last = Math.max(last, t.exitDay);
    }
    // The valuation dates: every session of a calendar a trade is on (the listings of a calendar
    // share its sessions, so each calendar is visited once).
    BitSet dates = new BitSet();
    BitSet seen = new BitSet();
    for (Live t : trades) {
      ListingPrices lp = t.c.lp;
      if (!seen.get(lp.sessions.index)) {
        seen.set(lp.sessions.index);
        for (long d : lp.days) {
          if (d >= first && d <= last) {
            dates.set((int) (d - first));
          }
        }
      }
    }
    int tDays = dates.cardinality();
    long[] days = new long[tDays];
    for (int i = 0, b = dates.nextSetBit(0); b >= 0; b = dates.nextSetBit(b + 1)) {
      days[i++] = first + b;
    }
    double[] unrealized = new double[tDays];
    double[] realizedAt = new double[tDays];
    double[] grossExp = new double[tDays];
    double[] netExp = new double[tDays];
    int[] openCount = new int[tDays];
    int[] activeDiff = new int[tDays + 1];
    double fills = 0;
    for (Live t : trades) {
      Cand c = t.c;
      ListingPrices lp = c.lp;
      int from = Arrays.binarySearch(days, t.entryDay);
      int to = Arrays.binarySearch(days, t.exitDay);
      realizedAt[to] += t.pnl;
      activeDiff[from]++;
      activeDiff[to + 1]--;
      int k = c.entrySession;
      for (int d = from; d < to; d++) {
        while (k + 1 < lp.size() && lp.days[k + 1] <= days[d]) {
          k++;
        }
        double mark = stockMark(t, k);
        double v = t.q * (mark - c.entryPrice) - t.entryCostStock;
        double ge = Math.abs(t.q * mark);
        double ne = t.q * mark;
        if (t.qh != 0) {
          double bm = lp.benchClose[k];
          v += t.qh * (bm - c.hedgeEntryPrice) - t.entryCostHedge;
          ge += Math.abs(t.qh * bm);
          ne += t.qh * bm;
        }
        unrealized[d] += v;
        grossExp[d] += ge;
        netExp[d] += ne;
        openCount[d]++;
      }
      fills += Math.abs(t.q * c.entryPrice) + Math.abs(t.q * t.exitPrice);
      if (t.qh != 0) {
        fills += Math.abs(t.qh * c.hedgeEntryPrice) + Math.abs(t.qh * t.hedgeExitPrice);
      }
    }
    double[] equity = new double[tDays];
    double[] ret = new double[tDays];
    boolean[] active = new boolean[tDays];
    List<DailyPoint> daily = new ArrayList<>(tDays);
    double cum = 0;
    int act = 0;
    double prev = 1.0;
    int withLeg = 0;
    for (int d = 0; d < tDays; d++) {
      cum += realizedAt[d];
      act += activeDiff[d];
      active[d] = act > 0;
      equity[d] = 1.0 + cum + unrealized[d];
      ret[d] = equity[d] / prev - 1;
      prev = equity[d];
      if (openCount[d] > 0) {
        withLeg++;
      }
      daily.add(
          new DailyPoint(
              LocalDate.ofEpochDay(days[d]),
              ret[d],
              equity[d],
              grossExp[d] / equity[d],
              netExp[d] / equity[d],
              openCount[d]));
    }
    double[] rf = riskFree(days);
    double[] net = new double[trades.size()];
    double[] pnl = new double[trades.size()];
    for (int i = 0; i < net.length; i++) {
      net[i] = canonical.get(i).pnl / canonical.get(i).notional;
      pnl[i] = canonical.get(i).pnl;
    }
    double eLast = equity[tDays - 1];
    metrics.put("total_return", eLast - 1);
    long calendarDays = days[tDays - 1] - days[0];
    metrics.put(
        "cagr",
        calendarDays == 0 || !(eLast > 0)
            ? Double.NaN
            : Math.pow(eLast, 365.25 / calendarDays) - 1);
    double[] ex = new double[tDays];
    for (int d = 0; d < tDays; d++) {
      ex[d] = ret[d] - rf[d];
    }
    double sdR = sd(ret);
    double sdEx = sd(ex);
    metrics.put("volatility", tDays < 2 ? Double.NaN : Math.sqrt(252) * sdR);
    metrics.put("sharpe", tDays < 2 || !(sdEx > 0) ? Double.NaN : Math.sqrt(252) * mean(ex) / sdEx);
    double down = 0;
    for (double v : ex) {
      double m = Math.min(v, 0);
      down += m * m;
    }
    down = Math.sqrt(down / tDays);
    metrics.put(
        "sortino", tDays < 2 || !(down > 0) ? Double.NaN : Math.sqrt(252) * mean(ex) / down);
    double peak = 1.0;
    int peakIdx = -1;
    boolean under = false;
    double mdd = 0;
    int longest = 0;
    for (int d = 0; d < tDays; d++) {
      if (equity[d] >= peak) {
        if (under) {
          longest = Math.max(longest, d - peakIdx);
        }
        under = false;
        peak = equity[d];
        peakIdx = d;
      } else {
        under = true;
        mdd = Math.max(mdd, 1 - equity[d] / peak);
      }
    }
    if (under) {
      longest = Math.max(longest, tDays - 1 - peakIdx);
    }
    metrics.put("max_drawdown", mdd);
    metrics.put("max_drawdown_days", (double) longest);
    double cagr = metrics.get("cagr");
    metrics.put("calmar", mdd > 0 ? cagr / mdd : Double.NaN);
    metrics.put("trades", (double) trades.size());
    metrics.put("skipped", (double) skippedCount);
    int wins = 0;
    double plus = 0;
    double minus = 0;
    for (double v : pnl) {
      if (v > 0) {
        wins++;
        plus += v;
      } else if (v < 0) {
        minus += v;
      }
    }
    metrics.put("hit_rate", wins / (double) pnl.length);
    metrics.put("mean_trade", mean(net));
    metrics.put("median_trade", median(net));
    metrics.put("profit_factor", minus < 0 ? plus / -minus : Double.NaN);
    metrics.put("exposure", withLeg / (double) tDays);
    metrics.put("turnover", fills / (2 * mean(equity)) * 252.0 / tDays);
    List<TestResult> tests = tests(net);
    putTests(metrics, tests);
    Optional<CalendarTimeAlpha> alpha = alpha(days, ret, active, trades);
    putAlpha(metrics, alpha);
    return new BacktestResult(s, rows, daily, metrics, tests, alpha);
  }

  static final List<String> METRICS =
      List.of(
          "total_return",
          "cagr",
          "volatility",
          "sharpe",
          "sortino",
          "max_drawdown",
          "max_drawdown_days",
          "calmar",
          "trades",
          "skipped",
          "hit_rate",
          "mean_trade",
          "median_trade",
          "profit_factor",
          "exposure",
          "turnover");

  private static List<TestResult> tests(double[] net) {
    Sample sample = Sample.of(net);
    return List.of(
        CrossSectionalTTest.withDefaults().test(sample),
        SignTest.withDefaults().test(sample),
        WilcoxonSignedRankTest.withDefaults().test(sample));
  }

  private static void putTests(Map<String, Double> m, List<TestResult> tests) {
    for (TestResult t : tests) {
      m.put(t.testId(), t.statistic());
      m.put(t.testId() + "_p", t.pValue());
    }
  }

  private void putAlpha(Map<String, Double> m, Optional<CalendarTimeAlpha> alpha) {
    m.put("alpha", alpha.map(CalendarTimeAlpha::alpha).orElse(Double.NaN));
    m.put("alpha_annual", alpha.map(CalendarTimeAlpha::alphaAnnual).orElse(Double.NaN));
    m.put("alpha_t", alpha.map(CalendarTimeAlpha::alphaT).orElse(Double.NaN));
    m.put("alpha_p", alpha.map(CalendarTimeAlpha::alphaP).orElse(Double.NaN));
    if (s.alphaModel() == AlphaModel.MARKET) {
      m.put("beta", alpha.map(a -> a.slope(0)).orElse(Double.NaN));
    } else {
      List<String> f = s.alphaModel().factors();
      for (int j = 0; j < f.size(); j++) {
        int jj = j;
        m.put("b_" + f.get(j), alpha.map(a -> a.slope(jj)).orElse(Double.NaN));
      }
    }
    m.put("r2", alpha.map(CalendarTimeAlpha::r2).orElse(Double.NaN));
    m.put("alpha_days", alpha.map(a -> (double) a.days()).orElse(Double.NaN));
    m.put("nw_lag", alpha.map(a -> (double) a.lag()).orElse(Double.NaN));
  }

  private double[] riskFree(long[] days) {
    double[] rf = new double[days.length];
    Optional<FactorSet> f = p.data.factors();
    if (f.isPresent() && f.get().hasRiskFree()) {
      double[] a = f.get().riskFreeAlignedTo(days);
      for (int i = 0; i < rf.length; i++) {
        rf[i] = Double.isNaN(a[i]) ? 0 : a[i];
      }
    }
    return rf;
  }

  /**
   * The calendar-time alpha: the portfolio's daily returns on the dates with a leg open, the alpha
   * benchmark's simple returns from its previous close, through the regression the study's
   * calendar-time portfolio uses ({@link CalendarTimeRegression}).
   */
  private Optional<CalendarTimeAlpha> alpha(
      long[] days, double[] ret, boolean[] active, List<Live> trades) {
    int tDays = days.length;
    CalendarTimeModel model = s.alphaModel().calendarTimeModel();
    double[] rm = null;
    String bench = "";
    if (model == CalendarTimeModel.MARKET) {
      if (s.alphaBenchmark().isPresent()) {
        bench = s.alphaBenchmark().get();
      } else {
        String shared = trades.get(0).c.lp.listing.benchmark();
        for (Live t : trades) {
          if (!t.c.lp.listing.benchmark().equals(shared)) {
            return Optional.empty();
          }
        }
        bench = shared;
      }
      PriceBars b = p.data.bars().get(bench);
      if (b == null) {
        throw new IllegalArgumentException("Alpha benchmark " + bench + " has no prices");
      }
      rm = new double[tDays];
      long[] bd = b.epochDays();
      double prevClose = Double.NaN;
      int j = 0;
      for (int d = 0; d < tDays; d++) {
        rm[d] = Double.NaN;
        while (j < bd.length && bd[j] <= days[d]) {
          double c = b.close(j);
          if (bd[j] == days[d]) {
            rm[d] = Double.isNaN(c) || Double.isNaN(prevClose) ? Double.NaN : c / prevClose - 1;
          }
          if (!Double.isNaN(c)) {
            prevClose = c;
          }
          j++;
        }
      }
    } else {
      FactorSet f =
          p.data
              .factors()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Alpha model "
                              + s.alphaModel().id()
                              + " needs factor files with "
                              + model.factors()));
      for (String name : model.factors()) {
        if (!f.names().contains(name)) {
          throw new IllegalArgumentException(
              "Alpha model "
                  + s.alphaModel().id()
                  + " needs factor "
                  + name
                  + "; the factor files have "
                  + f.names());
        }
      }
    }
    double[] held = new double[tDays];
    for (int d = 0; d < tDays; d++) {
      held[d] = active[d] ? ret[d] : Double.NaN;
    }
    CalendarTimeRegression regression =
        CalendarTimeRegression.of(model, days, held, rm, p.data.factors().orElse(null));
    String benchName = bench;
    return regression
        .fit()
        .map(fit -> new CalendarTimeAlpha(s.alphaModel(), benchName, model.regressors(), fit));
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static double sd(double[] x) {
    if (x.length < 2) {
      return Double.NaN;
    }
    double m = mean(x);
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  private static double median(double[] x) {
    double[] c = x.clone();
    Arrays.sort(c);
    int n = c.length;
    return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
  }
}
