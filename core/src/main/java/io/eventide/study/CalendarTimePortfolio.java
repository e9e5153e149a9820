package io.eventide.study;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.EventWindow;
import io.eventide.inference.NeweyWestRegression;
import io.eventide.market.CalendarTimeModel;
import io.eventide.market.CalendarTimeRegression;
import io.eventide.market.FactorSet;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The calendar-time portfolio of a study ({@code docs/statistics.md} section 3f; Jaffe, 1974,
 * Journal of Business 47(3); Mitchell and Stafford, 2000, Journal of Business 73(3); Fama, 1998,
 * JFE 49): the firm-events held as one equal-weighted daily portfolio, whose excess return is
 * regressed on a constant and the market or the factors. The intercept α is the mean daily abnormal
 * return of the strategy "hold every event"; unlike the event-time tests, its standard error
 * already reflects the cross-correlation of firm-events that overlap in calendar time.
 *
 * <ul>
 *   <li><b>Sample</b>: the {@link Outcome#OK} firm-events of the result (of its group, for a
 *       group's view). Each is held on the sessions of its listing's calendar at the relative days
 *       of the study's longest window (the first of equally long ones, in the specification's
 *       order).
 *   <li><b>Portfolio</b>: on calendar date D, {@code R_p,D = (1/N_D) Σ_i R_i,D} over the N_D
 *       firm-events held on D that have a return on D; a listing held by two firm-events counts
 *       twice. Returns are simple: on a log-return panel {@code R = exp(r) − 1}. A date with N_D =
 *       0 is not in the series. The sum runs in the study's canonical order (event id, then
 *       ticker), so the series is the same, bit for bit, whatever the threads.
 *   <li><b>Regression</b>: OLS of {@code R_p,D − rf_D} on a constant and, for {@link
 *       CalendarTimeModel#MARKET}, {@code R_m,D − rf_D}, the simple return of the benchmark that
 *       every listing of the sample shares (its return from its previous session, on its own
 *       calendar), or the factors of the given set on D; Newey-West standard errors with Bartlett
 *       weights and {@code L = floor(4 (T/100)^(2/9))} lags over the rows, no small-sample factor;
 *       t and p from Student t with T − k degrees of freedom; centred R². {@code rf_D} is the set's
 *       RF on D, 0 without a set and on a date it lacks. A date on which a regressor is missing is
 *       dropped; T is the dates left. This is the regression of the backtest's calendar-time alpha
 *       ({@link CalendarTimeRegression}).
 * </ul>
 *
 * <p>Edge cases: no OK firm-event, or fewer than k + 2 dates, or collinear regressors: no fit, and
 * every estimate is {@code NaN} ({@link #days()} and {@link #lag()} are still T and L). The sign of
 * an event's direction is not applied: the portfolio holds every firm-event long.
 */
public final class CalendarTimePortfolio {

  /**
   * One coefficient of the regression.
   *
   * @param name {@code alpha}, then {@code beta} (market model) or {@code b_<factor>}
   * @param coefficient the OLS estimate, {@code NaN} without a fit
   * @param standardError its Newey-West standard error
   * @param t {@code coefficient / standardError}
   * @param p two-sided, Student t with T − k degrees of freedom
   */
  public record Term(String name, double coefficient, double standardError, double t, double p) {

    /** Checks the name. */
    public Term {
      Objects.requireNonNull(name, "name");
    }
  }

  private final CalendarTimeModel model;
  private final EventWindow window;
  private final String benchmark;
  private final int firmEvents;
  private final long[] dates;
  private final double[] returns;
  private final int[] holdings;
  private final CalendarTimeRegression regression;
  private final List<Term> terms;

  private CalendarTimePortfolio(
      CalendarTimeModel model,
      EventWindow window,
      String benchmark,
      int firmEvents,
      long[] dates,
      double[] returns,
      int[] holdings,
      CalendarTimeRegression regression) {
    this.model = model;
    this.window = window;
    this.benchmark = benchmark;
    this.firmEvents = firmEvents;
    this.dates = dates;
    this.returns = returns;
    this.holdings = holdings;
    this.regression = regression;
    List<String> names = new ArrayList<>();
    names.add("alpha");
    if (model == CalendarTimeModel.MARKET) {
      names.add("beta");
    } else {
      for (String f : model.factors()) {
        names.add("b_" + f);
      }
    }
    Optional<NeweyWestRegression.Fit> fit = regression.fit();
    List<Term> t = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      t.add(
          fit.isPresent()
              ? new Term(
                  names.get(j),
                  fit.get().coefficients()[j],
                  fit.get().standardErrors()[j],
                  fit.get().tStatistics()[j],
                  fit.get().pValues()[j])
              : new Term(names.get(j), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    }
    this.terms = List.copyOf(t);
  }

  /**
   * The calendar-time portfolio with the market model and no risk-free rate.
   *
   * @param result a study's result (or a group's view of it)
   * @return the portfolio and its regression
   * @throws IllegalArgumentException if the listings of the sample do not share one benchmark
   */
  public static CalendarTimePortfolio run(StudyResult result) {
    return run(result, CalendarTimeModel.MARKET, null);
  }

  /**
   * Forms the portfolio and runs the regression.
   *
   * @param result a study's result (or a group's view of it)
   * @param model the regressors
   * @param factors the factor set: RF for every model, the factors for {@code ff3}, {@code
   *     carhart4} and {@code ff5}; {@code null} for none (RF = 0, market model only)
   * @return the portfolio and its regression
   * @throws IllegalArgumentException under the market model if the listings of the sample do not
   *     share one benchmark; under a factor model without a factor set or with a set that lacks one
   *     of its factors
   */
  public static CalendarTimePortfolio run(
      StudyResult result, CalendarTimeModel model, FactorSet factors) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(model, "model");
    EventWindow window = longest(result.windows());
    FirmEventColumns cols = result.columns();
    boolean log = result.returnType() == ReturnType.LOG;

    // The sample, and the calendars its listings are on.
    int n = result.size();
    int[] sample = new int[n];
    int size = 0;
    Map<TradingCalendar, ListingData> calendars = new IdentityHashMap<>();
    List<TradingCalendar> order = new ArrayList<>();
    String benchmark = null;
    String benchmarkOf = null;
    for (int i = 0; i < n; i++) {
      int fe = result.canonicalIndex(i);
      if (cols.outcome[fe] != Outcome.OK) {
        continue;
      }
      ListingData ld = result.listingOf(fe);
      sample[size++] = fe;
      if (calendars.putIfAbsent(ld.calendar, ld) == null) {
        order.add(ld.calendar);
      }
      if (benchmark == null) {
        benchmark = ld.listing.benchmark();
        benchmarkOf = ld.listing.ticker();
      } else if (model == CalendarTimeModel.MARKET && !benchmark.equals(ld.listing.benchmark())) {
        throw new IllegalArgumentException(
            "The calendar-time market model needs one benchmark shared by every listing of the"
                + " sample, but "
                + benchmarkOf
                + " has "
                + benchmark
                + " and "
                + ld.listing.ticker()
                + " has "
                + ld.listing.benchmark()
                + "; use a factor model (ff3, carhart4, ff5) or study the listings of one"
                + " benchmark");
      }
    }

    // Every session date of those calendars, and each calendar's sessions as indices into them.
    long[] all = order.stream().flatMapToLong(c -> Arrays.stream(c.sessionEpochDays())).toArray();
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    all = Arrays.copyOf(all, distinct);
    Map<TradingCalendar, int[]> toDate = new IdentityHashMap<>();
    double[] market = new double[distinct];
    Arrays.fill(market, Double.NaN);
    for (TradingCalendar c : order) {
      long[] sessions = c.sessionEpochDays();
      int[] idx = new int[sessions.length];
      double[] rm = calendars.get(c).inputs.market();
      for (int s = 0; s < sessions.length; s++) {
        idx[s] = Arrays.binarySearch(all, sessions[s]);
        if (model == CalendarTimeModel.MARKET && Double.isNaN(market[idx[s]])) {
          market[idx[s]] = simple(rm[s], log);
        }
      }
      toDate.put(c, idx);
    }

    // The equal-weighted portfolio, summed in canonical order.
    double[] sum = new double[distinct];
    int[] count = new int[distinct];
    int from = window.fromInclusive();
    int to = window.toInclusive();
    for (int q = 0; q < size; q++) {
      int fe = sample[q];
      ListingData ld = result.listingOf(fe);
      int[] idx = toDate.get(ld.calendar);
      int d0 = cols.dayZero[fe];
      for (int tau = from; tau <= to; tau++) {
        double r = simple(ld.returns[d0 + tau], log);
        if (!Double.isNaN(r)) {
          int g = idx[d0 + tau];
          sum[g] += r;
          count[g]++;
        }
      }
    }
    int held = 0;
    for (int c : count) {
      if (c > 0) {
        held++;
      }
    }
    long[] dates = new long[held];
    double[] rp = new double[held];
    double[] rm = new double[held];
    int[] holdings = new int[held];
    for (int g = 0, k = 0; g < distinct; g++) {
      if (count[g] > 0) {
        dates[k] = all[g];
        rp[k] = sum[g] / count[g];
        rm[k] = market[g];
        holdings[k] = count[g];
        k++;
      }
    }
    CalendarTimeRegression regression =
        CalendarTimeRegression.of(
            model, dates, rp, model == CalendarTimeModel.MARKET ? rm : null, factors);
    return new CalendarTimePortfolio(
        model,
        window,
        model == CalendarTimeModel.MARKET && benchmark != null ? benchmark : "",
        size,
        dates,
        rp,
        holdings,
        regression);
  }

  private static double simple(double r, boolean log) {
    return log ? Math.expm1(r) : r;
  }

  /** The first of the longest windows. */
  static EventWindow longest(List<EventWindow> windows) {
    EventWindow best = windows.get(0);
    for (EventWindow w : windows) {
      if (w.length() > best.length()) {
        best = w;
      }
    }
    return best;
  }

  /**
   * @return the regressors
   */
  public CalendarTimeModel model() {
    return model;
  }

  /**
   * @return the window of relative days each firm-event is held on: the study's longest
   */
  public EventWindow window() {
    return window;
  }

  /**
   * @return the benchmark the sample's listings share, for the market model; else empty
   */
  public String benchmark() {
    return benchmark;
  }

  /**
   * @return the OK firm-events in the portfolio
   */
  public int firmEvents() {
    return firmEvents;
  }

  /**
   * @return the portfolio's dates (those with at least one firm-event with a return), ascending
   */
  public List<LocalDate> dates() {
    List<LocalDate> out = new ArrayList<>(dates.length);
    for (long d : dates) {
      out.add(LocalDate.ofEpochDay(d));
    }
    return List.copyOf(out);
  }

  /**
   * @return {@code R_p,D} on each of {@link #dates()}
   */
  public double[] portfolioReturns() {
    return returns.clone();
  }

  /**
   * @return N_D, the firm-events averaged on each of {@link #dates()}
   */
  public int[] holdings() {
    return holdings.clone();
  }

  /**
   * @return the regression (its rows are the dates on which every regressor exists)
   */
  public CalendarTimeRegression regression() {
    return regression;
  }

  /**
   * @return {@code alpha}, then {@code beta} or {@code b_<factor>} in the model's order; {@code
   *     NaN} estimates without a fit
   */
  public List<Term> terms() {
    return terms;
  }

  /**
   * @return α, the daily intercept ({@code NaN} without a fit)
   */
  public double alpha() {
    return terms.get(0).coefficient();
  }

  /**
   * @return centred R², {@code NaN} without a fit
   */
  public double r2() {
    return regression.fit().map(NeweyWestRegression.Fit::r2).orElse(Double.NaN);
  }

  /**
   * @return T, the regression's dates
   */
  public int days() {
    return regression.days();
  }

  /**
   * @return L, the Newey-West lag for T dates
   */
  public int lag() {
    return regression.lag();
  }

  @Override
  public String toString() {
    return "CalendarTimePortfolio["
        + model.id()
        + ", window "
        + window
        + ", "
        + firmEvents
        + " firm-events, T="
        + days()
        + ", alpha="
        + alpha()
        + "]";
  }
}
