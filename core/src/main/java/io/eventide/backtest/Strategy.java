package io.eventide.backtest;

import io.eventide.event.EventWindow;
import io.eventide.study.StudySpecification;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An event-driven trading strategy as data ({@code docs/backtest.md}): how each candidate's side is
 * chosen, when it enters and exits, how large it is, how it is hedged, what it costs. Immutable;
 * made with {@link #builder()}, whose defaults are the command line's ({@code docs/cli.md}, {@code
 * eventide backtest}): side from the event's direction, entry at the first price after the
 * decision, no delay, no lag, hold 5 sessions, 10% of equity per trade, gross cap 1, overlaps
 * allowed, no hedge, 10 bps per side, 50 bps a year of borrow, no stops, market-model alpha, and
 * the study behind the backtest with estimation window {@code [-250, -11]} and at least 100 days.
 */
public final class Strategy {

  private final SideRule sideRule;
  private final Signal signal;
  private final EntryRule entry;
  private final int entryDelay;
  private final int maxEntryLag;
  private final int hold;
  private final double size;
  private final double maxGross;
  private final OverlapPolicy overlap;
  private final Hedge hedge;
  private final CostModel costs;
  private final double borrowBps;
  private final double stopLoss;
  private final double takeProfit;
  private final AlphaModel alphaModel;
  private final String alphaBenchmark;
  private final EventWindow estimation;
  private final int minEstimation;

  private Strategy(Builder b) {
    this.sideRule = b.sideRule;
    this.signal = b.signal;
    this.entry = b.entry;
    this.entryDelay = b.entryDelay;
    this.maxEntryLag = b.maxEntryLag;
    this.hold = b.hold;
    this.size = b.size;
    this.maxGross = b.maxGross;
    this.overlap = b.overlap;
    this.hedge = b.hedge;
    this.costs = b.costs;
    this.borrowBps = b.borrowBps;
    this.stopLoss = b.stopLoss;
    this.takeProfit = b.takeProfit;
    this.alphaModel = b.alphaModel;
    this.alphaBenchmark = b.alphaBenchmark;
    this.estimation = b.estimation;
    this.minEstimation = b.minEstimation;
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder starting from this strategy
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.sideRule = sideRule;
    b.signal = signal;
    b.entry = entry;
    b.entryDelay = entryDelay;
    b.maxEntryLag = maxEntryLag;
    b.hold = hold;
    b.size = size;
    b.maxGross = maxGross;
    b.overlap = overlap;
    b.hedge = hedge;
    b.costs = costs;
    b.borrowBps = borrowBps;
    b.stopLoss = stopLoss;
    b.takeProfit = takeProfit;
    b.alphaModel = alphaModel;
    b.alphaBenchmark = alphaBenchmark;
    b.estimation = estimation;
    b.minEstimation = minEstimation;
    return b;
  }

  /**
   * @param h a holding period
   * @return this strategy with that holding period
   */
  public Strategy withHold(int h) {
    return toBuilder().hold(h).build();
  }

  /**
   * @return the side rule (ignored when a {@link #signal()} is set)
   */
  public SideRule sideRule() {
    return sideRule;
  }

  /**
   * @return the user's signal, if it replaces the side rule
   */
  public Optional<Signal> signal() {
    return Optional.ofNullable(signal);
  }

  /**
   * @return the entry rule
   */
  public EntryRule entry() {
    return entry;
  }

  /**
   * @return k, sessions the entry is delayed by
   */
  public int entryDelay() {
    return entryDelay;
  }

  /**
   * @return m, sessions after the intended one within which an entry may still be taken
   */
  public int maxEntryLag() {
    return maxEntryLag;
  }

  /**
   * @return H, sessions from the entry session to the exit close
   */
  public int hold() {
    return hold;
  }

  /**
   * @return f, the notional as a fraction of equity
   */
  public double size() {
    return size;
  }

  /**
   * @return G, the cap on gross exposure as a multiple of equity
   */
  public double maxGross() {
    return maxGross;
  }

  /**
   * @return the overlap policy
   */
  public OverlapPolicy overlap() {
    return overlap;
  }

  /**
   * @return the hedge
   */
  public Hedge hedge() {
    return hedge;
  }

  /**
   * @return the cost model
   */
  public CostModel costs() {
    return costs;
  }

  /**
   * @return borrow on short stock legs, basis points a year
   */
  public double borrowBps() {
    return borrowBps;
  }

  /**
   * @return X, exit when the gross return reaches {@code −X}; empty when off
   */
  public OptionalDouble stopLoss() {
    return Double.isNaN(stopLoss) ? OptionalDouble.empty() : OptionalDouble.of(stopLoss);
  }

  /**
   * @return Y, exit when the gross return reaches {@code +Y}; empty when off
   */
  public OptionalDouble takeProfit() {
    return Double.isNaN(takeProfit) ? OptionalDouble.empty() : OptionalDouble.of(takeProfit);
  }

  /**
   * @return the calendar-time alpha's model
   */
  public AlphaModel alphaModel() {
    return alphaModel;
  }

  /**
   * @return the alpha benchmark's ticker; empty for the benchmark shared by every traded listing
   */
  public Optional<String> alphaBenchmark() {
    return Optional.ofNullable(alphaBenchmark);
  }

  /**
   * @return the estimation window of the study behind the backtest (β̂ and day-0 abnormal returns)
   */
  public EventWindow estimation() {
    return estimation;
  }

  /**
   * @return the minimum number of estimation days of that study
   */
  public int minEstimation() {
    return minEstimation;
  }

  /**
   * @return whether the backtest needs the study behind it: a market hedge, or a reaction or
   *     reversal side rule
   */
  public boolean needsStudy() {
    return hedge == Hedge.MARKET
        || (signal == null && (sideRule == SideRule.REACTION || sideRule == SideRule.REVERSAL));
  }

  /**
   * @return the specification of the study behind the backtest: market model, this estimation
   *     window and minimum, the single event window 0:0
   */
  public StudySpecification studySpecification() {
    return StudySpecification.builder()
        .estimationWindow(estimation)
        .eventWindows(EventWindow.of(0, 0))
        .minEstimation(minEstimation)
        .build();
  }

  @Override
  public String toString() {
    return "Strategy[side="
        + (signal != null ? "signal" : sideRule.id())
        + ", entry="
        + entry.id()
        + ", delay="
        + entryDelay
        + ", lag="
        + maxEntryLag
        + ", hold="
        + hold
        + ", size="
        + size
        + ", maxGross="
        + maxGross
        + ", overlap="
        + overlap.id()
        + ", hedge="
        + hedge.id()
        + ", costs="
        + costs
        + ", borrowBps="
        + borrowBps
        + (Double.isNaN(stopLoss) ? "" : ", stopLoss=" + stopLoss)
        + (Double.isNaN(takeProfit) ? "" : ", takeProfit=" + takeProfit)
        + "]";
  }

  /** Builds a {@link Strategy}; starts from the defaults. Every setter validates on build. */
  public static final class Builder {
    private SideRule sideRule = SideRule.DIRECTION;
    private Signal signal;
    private EntryRule entry = EntryRule.FIRST;
    private int entryDelay;
    private int maxEntryLag;
    private int hold = 5;
    private double size = 0.10;
    private double maxGross = 1.0;
    private OverlapPolicy overlap = OverlapPolicy.ALLOW;
    private Hedge hedge = Hedge.NONE;
    private CostModel costs = CostModel.flat(10);
    private double borrowBps = 50;
    private double stopLoss = Double.NaN;
    private double takeProfit = Double.NaN;
    private AlphaModel alphaModel = AlphaModel.MARKET;
    private String alphaBenchmark;
    private EventWindow estimation = StudySpecification.DEFAULT_ESTIMATION;
    private int minEstimation = StudySpecification.DEFAULT_MIN_ESTIMATION;

    private Builder() {}

    /**
     * @param rule the side rule (clears a signal)
     * @return this
     */
    public Builder side(SideRule rule) {
      this.sideRule = Objects.requireNonNull(rule, "side");
      this.signal = null;
      return this;
    }

    /**
     * @param s a user signal that replaces the side rule
     * @return this
     */
    public Builder signal(Signal s) {
      this.signal = Objects.requireNonNull(s, "signal");
      return this;
    }

    /**
     * @param rule the entry rule
     * @return this
     */
    public Builder entry(EntryRule rule) {
      this.entry = Objects.requireNonNull(rule, "entry");
      return this;
    }

    /**
     * @param k sessions, 0 or more
     * @return this
     */
    public Builder entryDelay(int k) {
      this.entryDelay = k;
      return this;
    }

    /**
     * @param m sessions, 0 or more
     * @return this
     */
    public Builder maxEntryLag(int m) {
      this.maxEntryLag = m;
      return this;
    }

    /**
     * @param h sessions, 1 or more
     * @return this
     */
    public Builder hold(int h) {
      this.hold = h;
      return this;
    }

    /**
     * @param f fraction of equity, in (0, 1]
     * @return this
     */
    public Builder size(double f) {
      this.size = f;
      return this;
    }

    /**
     * @param g multiple of equity, positive
     * @return this
     */
    public Builder maxGross(double g) {
      this.maxGross = g;
      return this;
    }

    /**
     * @param p the overlap policy
     * @return this
     */
    public Builder overlap(OverlapPolicy p) {
      this.overlap = Objects.requireNonNull(p, "overlap");
      return this;
    }

    /**
     * @param h the hedge
     * @return this
     */
    public Builder hedge(Hedge h) {
      this.hedge = Objects.requireNonNull(h, "hedge");
      return this;
    }

    /**
     * @param c the cost model
     * @return this
     */
    public Builder costs(CostModel c) {
      this.costs = Objects.requireNonNull(c, "costs");
      return this;
    }

    /**
     * @param bps basis points a year, 0 or more
     * @return this
     */
    public Builder borrowBps(double bps) {
      this.borrowBps = bps;
      return this;
    }

    /**
     * @param x a fraction, positive
     * @return this
     */
    public Builder stopLoss(double x) {
      this.stopLoss = x;
      return this;
    }

    /**
     * @param y a fraction, positive
     * @return this
     */
    public Builder takeProfit(double y) {
      this.takeProfit = y;
      return this;
    }

    /**
     * @param m the alpha model
     * @return this
     */
    public Builder alphaModel(AlphaModel m) {
      this.alphaModel = Objects.requireNonNull(m, "alphaModel");
      return this;
    }

    /**
     * @param ticker the alpha benchmark's ticker
     * @return this
     */
    public Builder alphaBenchmark(String ticker) {
      this.alphaBenchmark = Objects.requireNonNull(ticker, "alphaBenchmark");
      return this;
    }

    /**
     * @param w the estimation window of the study behind the backtest; must end before day 0
     * @return this
     */
    public Builder estimation(EventWindow w) {
      this.estimation = Objects.requireNonNull(w, "estimation");
      return this;
    }

    /**
     * @param n the minimum number of estimation days
     * @return this
     */
    public Builder minEstimation(int n) {
      this.minEstimation = n;
      return this;
    }

    /**
     * @return the strategy
     * @throws IllegalArgumentException saying what to change
     */
    public Strategy build() {
      if (hold < 1) {
        throw new IllegalArgumentException(
            "Holding period is " + hold + " sessions; use 1 or more");
      }
      if (!(size > 0 && size <= 1)) {
        throw new IllegalArgumentException(
            "Size is " + size + " of equity; use a fraction in (0, 1], e.g. 0.10");
      }
      if (!(maxGross > 0) || Double.isInfinite(maxGross)) {
        throw new IllegalArgumentException(
            "Gross cap is " + maxGross + " times equity; use a positive number, e.g. 1.0");
      }
      if (entryDelay < 0) {
        throw new IllegalArgumentException(
            "Entry delay is " + entryDelay + " sessions; use 0 or more");
      }
      if (maxEntryLag < 0) {
        throw new IllegalArgumentException(
            "Maximum entry lag is " + maxEntryLag + " sessions; use 0 or more");
      }
      if (!(borrowBps >= 0) || Double.isInfinite(borrowBps)) {
        throw new IllegalArgumentException(
            "Borrow is " + borrowBps + " bps a year; use a finite rate of 0 or more");
      }
      if (!Double.isNaN(stopLoss) && !(stopLoss > 0 && stopLoss < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "Stop loss is " + stopLoss + "; use a positive fraction, e.g. 0.05 for 5%");
      }
      if (!Double.isNaN(takeProfit) && !(takeProfit > 0 && takeProfit < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(
            "Take profit is " + takeProfit + "; use a positive fraction, e.g. 0.05 for 5%");
      }
      if (estimation.toInclusive() >= 0) {
        throw new IllegalArgumentException(
            "Estimation window "
                + estimation
                + " must end before day 0 (the study behind a backtest has the single window"
                + " 0:0); end it at -1 or earlier");
      }
      Strategy s = new Strategy(this);
      s.studySpecification(); // validates the minimum against the window
      return s;
    }
  }
}
