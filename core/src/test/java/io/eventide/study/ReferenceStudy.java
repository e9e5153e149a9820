package io.eventide.study;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.Listing;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.FactorModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A deliberately naive, independent reference implementation of {@code docs/statistics.md} sections
 * 1 and 2 and of the reduced inputs of section 3 (AAR_τ of cda-t, r̄, Ū_τ of rank-z, the
 * per-firm-event share behind p̂ of gsign-z).
 *
 * <p>It shares no logic with the engine: it works on {@link LocalDate}s and {@link TreeMap}s,
 * re-derives every calendar from the benchmark's prices, finds day 0 by scanning sessions, fits
 * with Commons Math ({@link SimpleRegression}, {@link OLSMultipleLinearRegression}, plain means),
 * forms {@code (X'X)⁻¹} explicitly with {@link LUDecomposition} and evaluates every variance in the
 * matrix form {@code s² (1 + x'(X'X)⁻¹x)} and {@code s² (L + g'(X'X)⁻¹g)}, computes r̄ by brute
 * force over clustered pairs with {@link PearsonsCorrelation} on common calendar dates, and ranks
 * with {@link NaturalRanking} ({@link TiesStrategy#AVERAGE}). Speed is not a goal.
 *
 * <p>Only the engine's public value types are used as inputs (listings, price series, events, the
 * specification); the model is recognised by its class and re-implemented here.
 */
final class ReferenceStudy {

  /** Factor data as a factor file would give it: dates, factor columns, RF (decimals). */
  record FactorData(List<String> names, LocalDate[] dates, double[][] values, double[] rf) {}

  private enum Kind {
    MARKET_ADJUSTED,
    CONSTANT_MEAN,
    MARKET,
    FACTOR
  }

  /** One firm-event as the reference computes it. */
  static final class Ref {
    String eventId;
    String ticker;
    Outcome outcome;
    LocalDate dayZero;
    int m;
    int k;
    double[] parameters;
    double s2 = Double.NaN;
    double positiveShare = Double.NaN;

    /** By relative day − spanFrom. */
    double[] ar;

    double[] ret;
    double[] sar;

    /** The model's E[R_t] by relative day − spanFrom, defined wherever the regressors are. */
    double[] expected;

    final Map<EventWindow, Double> car = new HashMap<>();
    final Map<EventWindow, Double> carVariance = new HashMap<>();
    final Map<EventWindow, Double> scar = new HashMap<>();
    final Map<EventWindow, Double> pValue = new HashMap<>();
    final Map<EventWindow, Double> bhar = new HashMap<>();

    /** Estimation residuals by τ − estFrom, NaN where the day is not a valid estimation day. */
    double[] residuals;

    /** Calendar date of each estimation day, by τ − estFrom. */
    LocalDate[] estimationDates;

    /** U over the combined window (estimation days, then span days), NaN where no valid AR. */
    double[] rankScores;

    double value(Map<EventWindow, Double> m, EventWindow w) {
      Double v = m.get(w);
      return v == null ? Double.NaN : v;
    }
  }

  /** A window's sample as the reference computes it. */
  static final class RefSample {
    final List<Ref> members = new ArrayList<>();
    double[] car;
    double[] scar;
    double[] dof;
    double[] positiveShare;
    double[] bhar;
    double rbar;
    double[] aar;
    double[] ubar;
    int rankFrom;
    int rankTo;
  }

  /** What the reference needs to know about a listing on its own calendar. */
  private static final class Series {
    Listing listing;

    /** Sessions: the dates on which the benchmark has a price. */
    List<LocalDate> sessions = new ArrayList<>();

    double[] price;
    double[] ret;
    double[] market;
    double[][] factors;
    double[] rf;
    boolean anyPrice;
  }

  final List<Ref> firmEvents = new ArrayList<>();
  final Map<EventWindow, RefSample> samples = new LinkedHashMap<>();
  final List<EventWindow> testWindows = new ArrayList<>();

  private final StudySpecification spec;
  private final ReturnType returnType;
  private final Kind kind;
  private final int k;
  private final int estFrom;
  private final int estTo;
  private final int spanFrom;
  private final int spanTo;

  private ReferenceStudy(StudySpecification spec, ReturnType returnType) {
    this.spec = spec;
    this.returnType = returnType;
    NormalReturnModel model = spec.model();
    if (model instanceof MarketModel) {
      kind = Kind.MARKET;
      k = 2;
    } else if (model instanceof ConstantMeanModel) {
      kind = Kind.CONSTANT_MEAN;
      k = 1;
    } else if (model instanceof MarketAdjustedModel) {
      kind = Kind.MARKET_ADJUSTED;
      k = 0;
    } else if (model instanceof FactorModel) {
      kind = Kind.FACTOR;
      k = model.factorNames().size() + 1;
    } else {
      throw new IllegalArgumentException("unknown model " + model);
    }
    estFrom = spec.estimationWindow().fromInclusive();
    estTo = spec.estimationWindow().toInclusive();
    int from = Integer.MAX_VALUE;
    int to = Integer.MIN_VALUE;
    for (EventWindow w : spec.eventWindows()) {
      from = Math.min(from, w.fromInclusive());
      to = Math.max(to, w.toInclusive());
    }
    spanFrom = from;
    spanTo = to;
    testWindows.addAll(spec.eventWindows());
    for (int t = spanFrom; t <= spanTo; t++) {
      EventWindow d = EventWindow.of(t, t);
      if (!testWindows.contains(d)) {
        testWindows.add(d);
      }
    }
  }

  /**
   * Runs the reference study.
   *
   * @param spec what to compute (model, windows, minimum, cleaning)
   * @param returnType simple or log returns (the engine takes it from the panel)
   * @param universe the listings
   * @param prices price series by ticker (benchmarks included)
   * @param factors factor data for factor models, else {@code null}
   * @param events the events
   * @return the reference results
   */
  static ReferenceStudy run(
      StudySpecification spec,
      ReturnType returnType,
      List<Listing> universe,
      Map<String, DatedSeries> prices,
      FactorData factors,
      List<Event> events) {
    ReferenceStudy r = new ReferenceStudy(spec, returnType);
    r.compute(universe, prices, factors, events);
    return r;
  }

  /** The reference study on simple returns. */
  static ReferenceStudy run(
      StudySpecification spec,
      List<Listing> universe,
      Map<String, DatedSeries> prices,
      FactorData factors,
      List<Event> events) {
    return run(spec, ReturnType.SIMPLE, universe, prices, factors, events);
  }

  Ref find(String eventId, String ticker) {
    for (Ref f : firmEvents) {
      if (f.eventId.equals(eventId) && f.ticker.equals(ticker)) {
        return f;
      }
    }
    throw new IllegalArgumentException(eventId + "/" + ticker);
  }

  int spanFrom() {
    return spanFrom;
  }

  int spanTo() {
    return spanTo;
  }

  // ---------------------------------------------------------------- section 1: time

  private static ZoneId zoneOf(Exchange e) {
    switch (e.code()) {
      case "NYSE":
      case "NASDAQ":
        return ZoneId.of("America/New_York");
      case "HKEX":
        return ZoneId.of("Asia/Hong_Kong");
      default:
        return ZoneId.of("Asia/Shanghai");
    }
  }

  private static LocalTime closeOf(Exchange e) {
    return e == Exchange.SSE || e == Exchange.SZSE ? LocalTime.of(15, 0) : LocalTime.of(16, 0);
  }

  private static TreeMap<LocalDate, Double> asMap(DatedSeries s) {
    TreeMap<LocalDate, Double> m = new TreeMap<>();
    for (int i = 0; i < s.size(); i++) {
      m.put(s.date(i), s.value(i));
    }
    return m;
  }

  private double ret(double previous, double current) {
    if (Double.isNaN(previous) || Double.isNaN(current)) {
      return Double.NaN;
    }
    return returnType == ReturnType.LOG ? Math.log(current / previous) : current / previous - 1;
  }

  private Series series(Listing l, Map<String, DatedSeries> prices, FactorData factors) {
    Series s = new Series();
    s.listing = l;
    TreeMap<LocalDate, Double> bench = asMap(prices.get(l.benchmark()));
    for (Map.Entry<LocalDate, Double> e : bench.entrySet()) {
      if (!Double.isNaN(e.getValue())) {
        s.sessions.add(e.getKey());
      }
    }
    int n = s.sessions.size();
    DatedSeries own = prices.get(l.ticker());
    TreeMap<LocalDate, Double> p = own == null ? new TreeMap<>() : asMap(own);
    s.price = new double[n];
    double[] benchPrice = new double[n];
    for (int t = 0; t < n; t++) {
      LocalDate d = s.sessions.get(t);
      s.price[t] = p.getOrDefault(d, Double.NaN);
      benchPrice[t] = bench.get(d);
      if (!Double.isNaN(s.price[t])) {
        s.anyPrice = true;
      }
    }
    s.ret = new double[n];
    s.market = new double[n];
    for (int t = 0; t < n; t++) {
      s.ret[t] = t == 0 ? Double.NaN : ret(s.price[t - 1], s.price[t]);
      s.market[t] = t == 0 ? Double.NaN : ret(benchPrice[t - 1], benchPrice[t]);
    }
    if (kind == Kind.FACTOR) {
      List<String> wanted = spec.model().factorNames();
      s.factors = new double[wanted.size()][n];
      s.rf = new double[n];
      Map<LocalDate, Integer> row = new HashMap<>();
      for (int i = 0; i < factors.dates().length; i++) {
        row.put(factors.dates()[i], i);
      }
      for (int t = 0; t < n; t++) {
        Integer i = row.get(s.sessions.get(t));
        for (int j = 0; j < wanted.size(); j++) {
          int col = factors.names().indexOf(wanted.get(j));
          s.factors[j][t] = i == null ? Double.NaN : factors.values()[col][i];
        }
        s.rf[t] = i == null ? Double.NaN : factors.rf()[i];
      }
    }
    return s;
  }

  /** Day 0 by scanning the sessions; -1 if none qualifies. */
  private static int dayZero(Announcement a, Series s) {
    List<LocalDate> cal = s.sessions;
    if (a instanceof Announcement.OnDate od) {
      for (int t = 0; t < cal.size(); t++) {
        if (!cal.get(t).isBefore(od.date())) {
          return t;
        }
      }
      return -1;
    }
    Instant at = ((Announcement.AtInstant) a).at().toInstant();
    Exchange x = s.listing.exchange();
    for (int t = 0; t < cal.size(); t++) {
      Instant close = ZonedDateTime.of(cal.get(t), closeOf(x), zoneOf(x)).toInstant();
      if (close.compareTo(at) >= 0) {
        return t;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- section 2: models

  /** The regressor row x_t including the intercept; null if a regressor is missing. */
  private double[] row(Series s, int t) {
    switch (kind) {
      case MARKET_ADJUSTED:
        return Double.isNaN(s.market[t]) ? null : new double[0];
      case CONSTANT_MEAN:
        return new double[] {1.0};
      case MARKET:
        return Double.isNaN(s.market[t]) ? null : new double[] {1.0, s.market[t]};
      default:
        double[] x = new double[k];
        x[0] = 1.0;
        if (Double.isNaN(s.rf[t])) {
          return null;
        }
        for (int j = 0; j < k - 1; j++) {
          x[j + 1] = s.factors[j][t];
          if (Double.isNaN(x[j + 1])) {
            return null;
          }
        }
        return x;
    }
  }

  private double expected(Series s, int t, double[] params) {
    double[] x = row(s, t);
    if (x == null) {
      return Double.NaN;
    }
    switch (kind) {
      case MARKET_ADJUSTED:
        return s.market[t];
      case FACTOR:
        double e = s.rf[t];
        for (int j = 0; j < k; j++) {
          e += params[j] * x[j];
        }
        return e;
      default:
        double v = 0;
        for (int j = 0; j < k; j++) {
          v += params[j] * x[j];
        }
        return v;
    }
  }

  private double quadratic(double[] g, double[][] inverse) {
    double q = 0;
    for (int a = 0; a < g.length; a++) {
      for (int b = 0; b < g.length; b++) {
        q += g[a] * inverse[a][b] * g[b];
      }
    }
    return q;
  }

  // ---------------------------------------------------------------- the study

  private void compute(
      List<Listing> universe,
      Map<String, DatedSeries> prices,
      FactorData factors,
      List<Event> events) {
    Map<String, Series> byTicker = new HashMap<>();
    for (Listing l : universe) {
      byTicker.put(l.ticker(), series(l, prices, factors));
    }
    List<Event> sorted = new ArrayList<>(events);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    for (Event ev : sorted) {
      TreeSet<String> tickers = new TreeSet<>();
      if (ev.affected().isEmpty()) {
        for (Listing l : universe) {
          tickers.add(l.ticker());
        }
      } else {
        tickers.addAll(ev.affected());
      }
      for (String ticker : tickers) {
        firmEvents.add(firmEvent(ev, ticker, byTicker.get(ticker), sorted));
      }
    }
    for (EventWindow w : testWindows) {
      samples.put(w, sample(w));
    }
  }

  private Ref firmEvent(Event ev, String ticker, Series s, List<Event> events) {
    Ref r = new Ref();
    r.eventId = ev.id();
    r.ticker = ticker;
    r.k = k;
    r.parameters = new double[k];
    Arrays.fill(r.parameters, Double.NaN);
    if (s == null) {
      r.outcome = Outcome.UNKNOWN_TICKER;
      return r;
    }
    if (!s.anyPrice) {
      r.outcome = Outcome.NO_PRICES;
      return r;
    }
    int d0 = dayZero(ev.announcement(), s);
    if (d0 < 0) {
      r.outcome = Outcome.OUT_OF_RANGE;
      return r;
    }
    r.dayZero = s.sessions.get(d0);
    if (d0 + estFrom < 0 || d0 + spanTo > s.sessions.size() - 1) {
      r.outcome = Outcome.OUT_OF_RANGE;
      return r;
    }

    // Other events' day 0 on this listing, for cleaning.
    List<Integer> others = new ArrayList<>();
    if (spec.cleaningRadius().isPresent()) {
      for (Event o : events) {
        if (!o.id().equals(ev.id()) && o.affects(ticker)) {
          int od = dayZero(o.announcement(), s);
          if (od >= 0) {
            others.add(od);
          }
        }
      }
    }

    // Valid estimation days.
    int estLen = estTo - estFrom + 1;
    boolean[] valid = new boolean[estLen];
    r.estimationDates = new LocalDate[estLen];
    int m = 0;
    for (int tau = estFrom; tau <= estTo; tau++) {
      int t = d0 + tau;
      r.estimationDates[tau - estFrom] = s.sessions.get(t);
      boolean ok = !Double.isNaN(s.ret[t]) && row(s, t) != null;
      for (int od : others) {
        if (Math.abs(t - od) <= spec.cleaningRadius().getAsInt()) {
          ok = false;
        }
      }
      valid[tau - estFrom] = ok;
      if (ok) {
        m++;
      }
    }
    r.m = m;
    if (m < spec.minEstimation() || m <= k) {
      r.outcome = Outcome.INSUFFICIENT_ESTIMATION;
      return r;
    }

    // Fit.
    double[] params = new double[k];
    switch (kind) {
      case MARKET:
        {
          SimpleRegression reg = new SimpleRegression(true);
          for (int tau = estFrom; tau <= estTo; tau++) {
            if (valid[tau - estFrom]) {
              reg.addData(s.market[d0 + tau], s.ret[d0 + tau]);
            }
          }
          params[0] = reg.getIntercept();
          params[1] = reg.getSlope();
          break;
        }
      case CONSTANT_MEAN:
        {
          double sum = 0;
          for (int tau = estFrom; tau <= estTo; tau++) {
            if (valid[tau - estFrom]) {
              sum += s.ret[d0 + tau];
            }
          }
          params[0] = sum / m;
          break;
        }
      case FACTOR:
        {
          double[] y = new double[m];
          double[][] x = new double[m][k - 1];
          int i = 0;
          for (int tau = estFrom; tau <= estTo; tau++) {
            if (valid[tau - estFrom]) {
              int t = d0 + tau;
              y[i] = s.ret[t] - s.rf[t];
              for (int j = 0; j < k - 1; j++) {
                x[i][j] = s.factors[j][t];
              }
              i++;
            }
          }
          OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
          ols.newSampleData(y, x);
          params = ols.estimateRegressionParameters();
          break;
        }
      default:
        break;
    }

    // Residuals, s², positive share, (X'X)⁻¹.
    r.residuals = new double[estLen];
    double ss = 0;
    int positive = 0;
    double[][] xtx = new double[k][k];
    for (int tau = estFrom; tau <= estTo; tau++) {
      if (!valid[tau - estFrom]) {
        r.residuals[tau - estFrom] = Double.NaN;
        continue;
      }
      int t = d0 + tau;
      double e = s.ret[t] - expected(s, t, params);
      r.residuals[tau - estFrom] = e;
      ss += e * e;
      if (e > 0) {
        positive++;
      }
      double[] x = row(s, t);
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          xtx[a][b] += x[a] * x[b];
        }
      }
    }
    double s2 = ss / (kind == Kind.MARKET_ADJUSTED ? m : m - k);
    // An exact fit up to the rounding of returns (s at most 64 ε = 2^-46) leaves nothing to
    // standardize by: a listing that is its own benchmark, a price that never moves.
    double floor = Math.scalb(1.0, -46);
    if (!(s2 > floor * floor)) {
      r.outcome = Outcome.INSUFFICIENT_ESTIMATION;
      return r;
    }
    double[][] inverse = new double[0][0];
    if (k > 0) {
      RealMatrix inv =
          new LUDecomposition(MatrixUtils.createRealMatrix(xtx)).getSolver().getInverse();
      inverse = inv.getData();
    }
    r.outcome = Outcome.OK;
    r.parameters = params;
    r.s2 = s2;
    r.positiveShare = (double) positive / m;

    // Event span: AR and SAR.
    int spanLen = spanTo - spanFrom + 1;
    r.ar = new double[spanLen];
    r.sar = new double[spanLen];
    r.ret = new double[spanLen];
    double[] expectedOnDay = new double[spanLen];
    r.expected = expectedOnDay;
    for (int tau = spanFrom; tau <= spanTo; tau++) {
      int t = d0 + tau;
      double e = expected(s, t, params);
      expectedOnDay[tau - spanFrom] = e;
      double ar = s.ret[t] - e;
      r.ar[tau - spanFrom] = ar;
      r.ret[tau - spanFrom] = s.ret[t];
      double[] x = row(s, t);
      if (Double.isNaN(ar) || x == null) {
        r.sar[tau - spanFrom] = Double.NaN;
      } else {
        double v = s2 * (1 + quadratic(x, inverse));
        r.sar[tau - spanFrom] = ar / Math.sqrt(v);
      }
    }

    // Windows.
    TDistribution student = new TDistribution(m - k);
    for (EventWindow w : testWindows) {
      boolean complete = true;
      double car = 0;
      double[] g = new double[k];
      double grossReturn = 1;
      double grossExpected = 1;
      double sumReturn = 0;
      double sumExpected = 0;
      for (int tau = w.fromInclusive(); tau <= w.toInclusive(); tau++) {
        double ar = r.ar[tau - spanFrom];
        if (Double.isNaN(ar)) {
          complete = false;
          break;
        }
        car += ar;
        double[] x = row(s, d0 + tau);
        for (int j = 0; j < k; j++) {
          g[j] += x[j];
        }
        double rt = s.ret[d0 + tau];
        double et = expectedOnDay[tau - spanFrom];
        grossReturn *= 1 + rt;
        grossExpected *= 1 + et;
        sumReturn += rt;
        sumExpected += et;
      }
      if (!complete) {
        continue;
      }
      int len = w.length();
      double var = s2 * (len + quadratic(g, inverse));
      double scar = car / Math.sqrt(var);
      r.car.put(w, car);
      r.carVariance.put(w, var);
      r.scar.put(w, scar);
      r.pValue.put(w, 2 * student.cumulativeProbability(-Math.abs(scar)));
      r.bhar.put(
          w,
          returnType == ReturnType.LOG
              ? Math.exp(sumReturn) - Math.exp(sumExpected)
              : grossReturn - grossExpected);
    }

    // Rank scores over the combined window: valid estimation residuals, then valid span ARs.
    double[] combined = new double[estLen + spanLen];
    System.arraycopy(r.residuals, 0, combined, 0, estLen);
    System.arraycopy(r.ar, 0, combined, estLen, spanLen);
    List<Double> present = new ArrayList<>();
    for (double v : combined) {
      if (!Double.isNaN(v)) {
        present.add(v);
      }
    }
    double[] values = new double[present.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = present.get(i);
    }
    double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(values);
    r.rankScores = new double[combined.length];
    int next = 0;
    for (int c = 0; c < combined.length; c++) {
      if (Double.isNaN(combined[c])) {
        r.rankScores[c] = Double.NaN;
      } else {
        r.rankScores[c] = ranks[next++] / (values.length + 1.0) - 0.5;
      }
    }
    return r;
  }

  // ---------------------------------------------------------------- section 3: reduced inputs

  private RefSample sample(EventWindow w) {
    RefSample out = new RefSample();
    for (Ref r : firmEvents) {
      if (r.outcome == Outcome.OK && r.car.containsKey(w)) {
        out.members.add(r);
      }
    }
    int n = out.members.size();
    out.car = new double[n];
    out.scar = new double[n];
    out.dof = new double[n];
    out.positiveShare = new double[n];
    out.bhar = new double[n];
    for (int i = 0; i < n; i++) {
      Ref r = out.members.get(i);
      out.car[i] = r.car.get(w);
      out.scar[i] = r.scar.get(w);
      out.dof[i] = r.m - r.k;
      out.positiveShare[i] = r.positiveShare;
      out.bhar[i] = r.bhar.get(w);
    }

    // r̄: brute force over every pair; only clustered pairs (same event id) count.
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Ref a = out.members.get(i);
        Ref b = out.members.get(j);
        if (a.eventId.equals(b.eventId)) {
          sum += pairCorrelation(a, b);
        }
      }
    }
    out.rbar = n >= 2 ? sum / (n * (n - 1) / 2.0) : 0.0;

    // AAR_τ per estimation day.
    int estLen = estTo - estFrom + 1;
    out.aar = new double[estLen];
    for (int tau = 0; tau < estLen; tau++) {
      double s = 0;
      int c = 0;
      for (Ref r : out.members) {
        if (!Double.isNaN(r.residuals[tau])) {
          s += r.residuals[tau];
          c++;
        }
      }
      out.aar[tau] = c == 0 ? Double.NaN : s / c;
    }

    // Ū_τ over the combined window.
    int combinedLen = estLen + spanTo - spanFrom + 1;
    out.ubar = new double[combinedLen];
    for (int c = 0; c < combinedLen; c++) {
      double s = 0;
      int cnt = 0;
      for (Ref r : out.members) {
        if (!Double.isNaN(r.rankScores[c])) {
          s += r.rankScores[c];
          cnt++;
        }
      }
      out.ubar[c] = cnt == 0 ? Double.NaN : s / cnt;
    }
    out.rankFrom = estLen + w.fromInclusive() - spanFrom;
    out.rankTo = estLen + w.toInclusive() - spanFrom;
    return out;
  }

  /** Pearson correlation of two residual series on their common dates; 0 below 30 dates. */
  static double pairCorrelation(Ref a, Ref b) {
    Map<LocalDate, Double> byDate = new HashMap<>();
    for (int i = 0; i < b.residuals.length; i++) {
      if (!Double.isNaN(b.residuals[i])) {
        byDate.put(b.estimationDates[i], b.residuals[i]);
      }
    }
    List<double[]> common = new ArrayList<>();
    for (int i = 0; i < a.residuals.length; i++) {
      Double other = byDate.get(a.estimationDates[i]);
      if (!Double.isNaN(a.residuals[i]) && other != null) {
        common.add(new double[] {a.residuals[i], other});
      }
    }
    if (common.size() < 30) {
      return 0.0;
    }
    double[] x = new double[common.size()];
    double[] y = new double[common.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = common.get(i)[0];
      y[i] = common.get(i)[1];
    }
    return new PearsonsCorrelation().correlation(x, y);
  }
}
