package io.eventide.benchmarks;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data shared by every benchmark, so that each one races its contenders on the
 * same numbers and every run sees the same numbers.
 *
 * <p>The market model: weekday sessions from {@link #FIRST_SESSION}; a benchmark {@code MKT} with
 * daily returns {@code R_m ~ N(0.03%, 1%)}; listings {@code L0000, L0001, ...} with {@code β ~
 * U(0.5, 1.5)} and {@code R_i = 0.02% + β R_m + ε}, {@code ε ~ N(0, 2%)}, so a listing's total
 * daily σ is about 2.25% ({@code √(E[β²]·(1%)² + (2%)²)} with {@code E[β²] = 13/12}). Prices start
 * at 100 and compound the returns ({@code P_t = P_{t-1}(1 + R_t)}), so the simple returns the panel
 * recovers from them are the generated ones (element 0 of a panel's returns is {@code NaN}: the
 * first session has no previous price).
 *
 * <p>The factor model: {@code k} factors with daily σ 1%, 0.6%, 0.6%, 0.8% (market, SMB, HML, MOM,
 * then 0.6%), loadings {@code U(0.5, 1.5)} on the first and {@code U(−0.5, 0.5)} on the others,
 * idiosyncratic σ 2%.
 *
 * <p>Normal deviates come from the Box-Muller transform on {@link SplittableRandom}, which is
 * deterministic for a seed on every JVM.
 */
public final class SyntheticData {

  /** The first session, a Monday. */
  public static final LocalDate FIRST_SESSION = LocalDate.of(2010, 1, 4);

  /** Ticker of the benchmark. */
  public static final String MARKET = "MKT";

  /** Mean daily market return. */
  public static final double MARKET_MEAN = 0.0003;

  /** Daily σ of the market. */
  public static final double MARKET_SIGMA = 0.01;

  /** Daily σ of a listing's idiosyncratic return. */
  public static final double IDIOSYNCRATIC_SIGMA = 0.02;

  /** Daily α of every listing. */
  public static final double ALPHA = 0.0002;

  /**
   * The first session index on which an event can fall and still have the whole default estimation
   * window {@code [-250, -11]} on returns that exist (return 0 is {@code NaN}).
   */
  public static final int FIRST_DAY_ZERO = 251;

  /** Sessions an event needs after its day 0: the default event span ends at +5. */
  public static final int SESSIONS_AFTER = 5;

  private static final double[] FACTOR_SIGMA = {0.01, 0.006, 0.006, 0.008};

  private SyntheticData() {}

  /** One market and its listings' returns on a weekday calendar. */
  public static final class Market {
    private final long[] sessionEpochDays;
    private final double[] market;
    private final double[][] returns;
    private final double[] betas;

    private Market(long[] sessionEpochDays, double[] market, double[][] returns, double[] betas) {
      this.sessionEpochDays = sessionEpochDays;
      this.market = market;
      this.returns = returns;
      this.betas = betas;
    }

    /**
     * @return the number of listings
     */
    public int listings() {
      return returns.length;
    }

    /**
     * @return the number of sessions
     */
    public int sessions() {
      return market.length;
    }

    /**
     * @return the market's simple returns by session (shared, do not modify)
     */
    public double[] marketReturns() {
      return market;
    }

    /**
     * @return the listings' simple returns, {@code [listing][session]} (shared, do not modify)
     */
    public double[][] listingReturns() {
      return returns;
    }

    /**
     * @return the true β of each listing
     */
    public double[] betas() {
      return betas.clone();
    }

    /**
     * @return the sessions as epoch days (a copy)
     */
    public long[] sessionEpochDays() {
      return sessionEpochDays.clone();
    }

    /**
     * @param index a session index
     * @return its date
     */
    public LocalDate session(int index) {
      return LocalDate.ofEpochDay(sessionEpochDays[index]);
    }

    /**
     * @return a panel of simple returns built from prices, as a user would build it
     */
    public ReturnPanel panel() {
      return panel(0.0, 0L);
    }

    /**
     * A panel of simple returns built from prices, with a share of the listings' prices blanked
     * ({@code NaN}) at random; a blank price blanks the returns on its session and the next.
     *
     * @param missingShare probability that a listing's price on a session is missing, 0 to 1
     * @param seed seed of the blanking
     * @return the panel; listings on NYSE with benchmark {@link #MARKET}
     */
    public ReturnPanel panel(double missingShare, long seed) {
      if (!(missingShare >= 0 && missingShare <= 1)) {
        throw new IllegalArgumentException("missingShare must be in [0, 1], got " + missingShare);
      }
      SplittableRandom rnd = new SplittableRandom(seed);
      List<Listing> universe = new ArrayList<>(returns.length);
      Map<String, DatedSeries> prices = new LinkedHashMap<>();
      prices.put(MARKET, DatedSeries.ofEpochDays(MARKET, sessionEpochDays.clone(), prices(market)));
      for (int i = 0; i < returns.length; i++) {
        String ticker = ticker(i);
        universe.add(Listing.of(ticker, Exchange.NYSE, MARKET));
        double[] p = prices(returns[i]);
        if (missingShare > 0) {
          for (int t = 0; t < p.length; t++) {
            if (rnd.nextDouble() < missingShare) {
              p[t] = Double.NaN;
            }
          }
        }
        prices.put(ticker, DatedSeries.ofEpochDays(ticker, sessionEpochDays.clone(), p));
      }
      return ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    }

    /**
     * A panel of log volumes ({@code ReturnPanel.ofLogVolume}) for a volume study on the same
     * listings and calendar: each session's volume rises with the size of its return, {@code V_it =
     * round(exp(14 + 25 |R_it|))} shares for a listing (about 1.2 million on a quiet day) and
     * {@code round(exp(21 + 25 |R_mt|))} for the benchmark, so that log volume follows the market's
     * as it does in real data. No volume is missing except where the return is (session 0).
     *
     * @return the panel; listings on NYSE with benchmark {@link #MARKET}
     */
    public ReturnPanel volumePanel() {
      List<Listing> universe = new ArrayList<>(returns.length);
      Map<String, DatedSeries> prices = new LinkedHashMap<>();
      Map<String, DatedSeries> volumes = new LinkedHashMap<>();
      prices.put(MARKET, DatedSeries.ofEpochDays(MARKET, sessionEpochDays.clone(), prices(market)));
      volumes.put(
          MARKET, DatedSeries.ofEpochDays(MARKET, sessionEpochDays.clone(), volumes(market, 21)));
      for (int i = 0; i < returns.length; i++) {
        String ticker = ticker(i);
        universe.add(Listing.of(ticker, Exchange.NYSE, MARKET));
        prices.put(
            ticker, DatedSeries.ofEpochDays(ticker, sessionEpochDays.clone(), prices(returns[i])));
        volumes.put(
            ticker,
            DatedSeries.ofEpochDays(ticker, sessionEpochDays.clone(), volumes(returns[i], 14)));
      }
      return ReturnPanel.ofLogVolume(universe, prices, volumes);
    }

    private static double[] volumes(double[] r, double logBase) {
      double[] v = new double[r.length];
      for (int t = 0; t < r.length; t++) {
        v[t] = Double.isNaN(r[t]) ? Double.NaN : Math.rint(Math.exp(logBase + 25 * Math.abs(r[t])));
      }
      return v;
    }

    /**
     * Events on evenly spaced sessions, each hitting every listing (an empty affected list), with
     * ids {@code E000000, E000001, ...} so that id order is date order. Every event leaves room for
     * the default estimation window and event span.
     *
     * @param count number of events, at least 1
     * @return the events, in date order
     * @throws IllegalArgumentException if the calendar has fewer usable sessions than events
     */
    public List<Event> eventsOnEverySession(int count) {
      int first = FIRST_DAY_ZERO;
      int last = sessions() - 1 - SESSIONS_AFTER;
      int usable = last - first + 1;
      if (count < 1 || count > usable) {
        throw new IllegalArgumentException(
            "Asked for "
                + count
                + " events but "
                + sessions()
                + " sessions leave "
                + usable
                + " possible day-0 sessions ("
                + first
                + ".."
                + last
                + ")");
      }
      List<Event> out = new ArrayList<>(count);
      for (int e = 0; e < count; e++) {
        int d0 = count == 1 ? first : first + (int) ((long) e * (last - first) / (count - 1));
        out.add(
            Event.of(
                String.format(Locale.ROOT, "E%06d", e), Announcement.on(session(d0)), List.of()));
      }
      return out;
    }
  }

  /** Factor columns and the returns of listings loaded on them. */
  public static final class Factors {
    private final double[][] factors;
    private final double[][] returns;

    private Factors(double[][] factors, double[][] returns) {
      this.factors = factors;
      this.returns = returns;
    }

    /**
     * @return the factor columns, {@code [factor][session]} (shared, do not modify)
     */
    public double[][] factorColumns() {
      return factors;
    }

    /**
     * @return the listings' returns, {@code [listing][session]} (shared, do not modify)
     */
    public double[][] listingReturns() {
      return returns;
    }
  }

  /**
   * @param listings number of listings
   * @param sessions number of weekday sessions
   * @param seed the seed
   * @return the market
   */
  public static Market market(int listings, int sessions, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Normal normal = new Normal(rnd);
    long[] days = weekdays(sessions);
    double[] m = new double[sessions];
    for (int t = 0; t < sessions; t++) {
      m[t] = MARKET_MEAN + MARKET_SIGMA * normal.next();
    }
    double[][] r = new double[listings][sessions];
    double[] betas = new double[listings];
    for (int i = 0; i < listings; i++) {
      double beta = 0.5 + rnd.nextDouble();
      betas[i] = beta;
      double[] ri = r[i];
      for (int t = 0; t < sessions; t++) {
        ri[t] = ALPHA + beta * m[t] + IDIOSYNCRATIC_SIGMA * normal.next();
      }
    }
    return new Market(days, m, r, betas);
  }

  /**
   * @param listings number of listings
   * @param sessions number of sessions
   * @param k number of factors, at least 1
   * @param seed the seed
   * @return the factors and the listings' returns
   */
  public static Factors factors(int listings, int sessions, int k, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Normal normal = new Normal(rnd);
    double[][] f = new double[k][sessions];
    for (int j = 0; j < k; j++) {
      double sigma = j < FACTOR_SIGMA.length ? FACTOR_SIGMA[j] : 0.006;
      double mean = j == 0 ? MARKET_MEAN : 0.0001;
      for (int t = 0; t < sessions; t++) {
        f[j][t] = mean + sigma * normal.next();
      }
    }
    double[][] r = new double[listings][sessions];
    double[] b = new double[k];
    for (int i = 0; i < listings; i++) {
      b[0] = 0.5 + rnd.nextDouble();
      for (int j = 1; j < k; j++) {
        b[j] = rnd.nextDouble() - 0.5;
      }
      for (int t = 0; t < sessions; t++) {
        double v = ALPHA + IDIOSYNCRATIC_SIGMA * normal.next();
        for (int j = 0; j < k; j++) {
          v += b[j] * f[j][t];
        }
        r[i][t] = v;
      }
    }
    return new Factors(f, r);
  }

  /**
   * Firm-events over distinct windows: firm-event {@code i} reads listing {@code listing[i]} (a
   * permutation, so no two share a listing while there are enough listings) on its own random start
   * session.
   *
   * @param firmEvents number of firm-events
   * @param listings number of listings
   * @param sessions number of sessions
   * @param length window length L
   * @param seed the seed
   * @return {@code {listing[], start[]}}; the window of firm-event i is {@code [start[i], start[i]
   *     + L)}
   */
  public static int[][] distinctWindows(
      int firmEvents, int listings, int sessions, int length, long seed) {
    if (length > sessions) {
      throw new IllegalArgumentException(
          "Window length " + length + " exceeds the " + sessions + " sessions");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] perm = permutation(listings, rnd);
    int[] listing = new int[firmEvents];
    int[] start = new int[firmEvents];
    for (int i = 0; i < firmEvents; i++) {
      listing[i] = perm[i % listings];
      start[i] = rnd.nextInt(sessions - length + 1);
    }
    return new int[][] {listing, start};
  }

  /**
   * Firm-events in groups that share a window, as the listings hit by one announcement do: {@code
   * groups} random start sessions, each with {@code perGroup} distinct listings.
   *
   * @param groups number of shared windows
   * @param perGroup firm-events per window
   * @param listings number of listings, at least {@code perGroup}
   * @param sessions number of sessions
   * @param length window length L
   * @param seed the seed
   * @return {@code {listing[], start[]}} of {@code groups · perGroup} firm-events, grouped
   */
  public static int[][] sharedWindows(
      int groups, int perGroup, int listings, int sessions, int length, long seed) {
    if (perGroup > listings) {
      throw new IllegalArgumentException(
          perGroup + " firm-events per window need as many listings, got " + listings);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] listing = new int[groups * perGroup];
    int[] start = new int[groups * perGroup];
    for (int g = 0; g < groups; g++) {
      int s = rnd.nextInt(sessions - length + 1);
      int[] perm = permutation(listings, rnd);
      for (int q = 0; q < perGroup; q++) {
        listing[g * perGroup + q] = perm[q];
        start[g * perGroup + q] = s;
      }
    }
    return new int[][] {listing, start};
  }

  /**
   * @param i listing index
   * @return its ticker, {@code L0000} style
   */
  public static String ticker(int i) {
    return String.format(Locale.ROOT, "L%04d", i);
  }

  /**
   * Prices that compound the returns from 100: {@code P_0 = 100}, {@code P_t = P_{t-1}(1 + R_t)};
   * {@code R_0} is not used.
   *
   * @param returns simple returns
   * @return the prices
   */
  static double[] prices(double[] returns) {
    double[] p = new double[returns.length];
    double v = 100;
    for (int t = 0; t < p.length; t++) {
      if (t > 0) {
        v *= 1 + returns[t];
      }
      p[t] = v;
    }
    return p;
  }

  /**
   * @param n number of sessions
   * @return the first n weekdays from {@link #FIRST_SESSION}, as epoch days
   */
  static long[] weekdays(int n) {
    long[] out = new long[n];
    LocalDate d = FIRST_SESSION;
    for (int i = 0; i < n; i++) {
      while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        d = d.plusDays(1);
      }
      out[i] = d.toEpochDay();
      d = d.plusDays(1);
    }
    return out;
  }

  private static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  /** Standard normal deviates by Box-Muller, both halves of each pair used. */
  private static final class Normal {
    private final SplittableRandom rnd;
    private double spare;
    private boolean hasSpare;

    Normal(SplittableRandom rnd) {
      this.rnd = rnd;
    }

    double next() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      double u1 = 1.0 - rnd.nextDouble(); // (0, 1]: log is finite
      double u2 = rnd.nextDouble();
      double radius = Math.sqrt(-2.0 * Math.log(u1));
      double angle = 2.0 * Math.PI * u2;
      spare = radius * Math.sin(angle);
      hasSpare = true;
      return radius * Math.cos(angle);
    }
  }
}
