package io.eventide.study;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.ReturnPanel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an event study computes, in trading-day offsets: the normal-return model, the estimation
 * window, the event windows, the minimum number of estimation observations, and whether to clean
 * estimation windows of other events.
 *
 * <p>Defaults ({@code docs/cli.md}): market model, estimation {@code [-250, -11]}, windows {@code
 * -1:1, 0:0, 0:1, -5:5}, at least 100 estimation observations, no cleaning. The test statistics to
 * run are chosen separately, with an {@code io.eventide.inference.TestSuite}.
 *
 * <p>The return type (simple or log) is not part of the specification: the {@link ReturnPanel} that
 * computed the returns owns it ({@code ReturnPanel.of(listings, prices, ReturnType.LOG)}), and the
 * study reads it from there, so the two can never disagree. {@link #resolve} turns a specification,
 * a panel and events into the inspectable {@link ResolvedStudy}.
 *
 * <p>Rules, each enforced with a message that says what to change: at least one event window; no
 * window listed twice; every window within {@code ±}{@value #MAX_RELATIVE_DAY} sessions of day 0;
 * the estimation window ends before the earliest event window starts; the minimum estimation count
 * is at least {@code k + 1} and at most the estimation window's length.
 */
public final class StudySpecification {

  /** Default estimation window {@code [-250, -11]}. */
  public static final EventWindow DEFAULT_ESTIMATION = EventWindow.of(-250, -11);

  /** Default event windows {@code -1:1, 0:0, 0:1, -5:5}. */
  public static final List<EventWindow> DEFAULT_WINDOWS =
      List.of(
          EventWindow.of(-1, 1), EventWindow.of(0, 0), EventWindow.of(0, 1), EventWindow.of(-5, 5));

  /** Default minimum number of valid estimation days. */
  public static final int DEFAULT_MIN_ESTIMATION = 100;

  /**
   * The farthest relative day a window may reach, either side of day 0: 100,000 sessions, about 400
   * years of trading, four times the longest daily calendar there is (the S&amp;P 500 since 1927
   * has about 25,000 sessions). The bound keeps every length and index of the resolved study exact
   * in {@code int} arithmetic: a window such as {@code -2147483648:-11} would otherwise overflow
   * them.
   */
  public static final int MAX_RELATIVE_DAY = 100_000;

  private final NormalReturnModel model;
  private final EventWindow estimationWindow;
  private final List<EventWindow> eventWindows;
  private final int minEstimation;
  private final OptionalInt cleaningRadius;
  private final Optional<String> bharBenchmark;
  private final boolean signedByDirection;
  private final Optional<GroupBy> groupBy;
  private final Conventions conventions;
  private final StudyMeasure measure;

  private StudySpecification(Builder b) {
    this.bharBenchmark = b.bharBenchmark;
    this.model = Objects.requireNonNull(b.model, "model");
    this.estimationWindow = Objects.requireNonNull(b.estimationWindow, "estimationWindow");
    this.eventWindows = List.copyOf(b.eventWindows);
    this.minEstimation = b.minEstimation;
    this.cleaningRadius = b.cleaningRadius;
    this.signedByDirection = b.signedByDirection;
    this.groupBy = b.groupBy;
    this.conventions = b.conventions;
    this.measure = b.measure;
    validate();
  }

  private void validate() {
    if (eventWindows.isEmpty()) {
      throw new IllegalArgumentException("A study needs at least one event window (e.g. 0:0)");
    }
    if (eventWindows.stream().distinct().count() != eventWindows.size()) {
      throw new IllegalArgumentException("Event windows " + eventWindows + " list a window twice");
    }
    checkReach("Estimation window", estimationWindow);
    for (EventWindow w : eventWindows) {
      checkReach("Event window", w);
    }
    int earliest = eventSpan().fromInclusive();
    if (estimationWindow.toInclusive() >= earliest) {
      throw new IllegalArgumentException(
          "Estimation window "
              + estimationWindow
              + " must end before the earliest event window"
              + " starts (day "
              + earliest
              + "); end it at "
              + (earliest - 1)
              + " or earlier, or move the event windows");
    }
    int k = model.parameterCount();
    if (minEstimation < k + 1) {
      throw new IllegalArgumentException(
          "Minimum estimation observations is "
              + minEstimation
              + " but model "
              + model.id()
              + " has k = "
              + k
              + " parameters; use at least "
              + (k + 1));
    }
    if (minEstimation > estimationWindow.length()) {
      throw new IllegalArgumentException(
          "Minimum estimation observations "
              + minEstimation
              + " exceeds the estimation window "
              + estimationWindow
              + " of "
              + estimationWindow.length()
              + " days; lower the minimum or widen the window");
    }
    validateMeasure(k);
    if (cleaningRadius.isPresent() && cleaningRadius.getAsInt() < 0) {
      throw new IllegalArgumentException(
          "Cleaning radius is " + cleaningRadius.getAsInt() + "; use 0 or more sessions");
    }
  }

  private void validateMeasure(int k) {
    if (measure == StudyMeasure.RETURNS) {
      return;
    }
    if (measure == StudyMeasure.VOLUME && !model.factorNames().isEmpty()) {
      throw new IllegalArgumentException(
          "Model "
              + model.id()
              + " is a factor model of returns; a volume study needs a model of log volume:"
              + " market, constant-mean, market-adjusted (or scholes-williams, dimson, garch)");
    }
    if (bharBenchmark.isPresent()) {
      throw new IllegalArgumentException(
          "BHAR benchmark "
              + bharBenchmark.get()
              + " is set, but a "
              + measure.id()
              + " study has no BHAR; drop the BHAR benchmark or measure returns");
    }
    if (measure == StudyMeasure.VOLATILITY && minEstimation < k + 3) {
      throw new IllegalArgumentException(
          "Minimum estimation observations is "
              + minEstimation
              + " but a volatility study scales AR² by (M − k − 2)/(M − k), which needs M ≥ k + 3"
              + " = "
              + (k + 3)
              + " for model "
              + model.id()
              + "; use at least "
              + (k + 3));
    }
  }

  private static void checkReach(String what, EventWindow w) {
    int far =
        Math.abs((long) w.fromInclusive()) >= Math.abs((long) w.toInclusive())
            ? w.fromInclusive()
            : w.toInclusive();
    if (Math.abs((long) far) > MAX_RELATIVE_DAY) {
      throw new IllegalArgumentException(
          what
              + " "
              + w
              + " reaches relative day "
              + far
              + "; windows must lie within "
              + MAX_RELATIVE_DAY
              + " sessions of day 0 either side (about 400 years of trading)");
    }
  }

  /**
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return the default specification
   */
  public static StudySpecification defaults() {
    return builder().build();
  }

  /**
   * @return a builder starting from this specification
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.estimationWindow = estimationWindow;
    b.eventWindows = new ArrayList<>(eventWindows);
    b.minEstimation = minEstimation;
    b.cleaningRadius = cleaningRadius;
    b.bharBenchmark = bharBenchmark;
    b.signedByDirection = signedByDirection;
    b.groupBy = groupBy;
    b.conventions = conventions;
    b.measure = measure;
    return b;
  }

  /**
   * @return the normal-return model
   */
  public NormalReturnModel model() {
    return model;
  }

  /**
   * @return the estimation window, in relative days
   */
  public EventWindow estimationWindow() {
    return estimationWindow;
  }

  /**
   * @return the event windows, in the order given
   */
  public List<EventWindow> eventWindows() {
    return eventWindows;
  }

  /**
   * @return the event span: from the earliest event-window start to the latest end
   */
  public EventWindow eventSpan() {
    int from = Integer.MAX_VALUE;
    int to = Integer.MIN_VALUE;
    for (EventWindow w : eventWindows) {
      from = Math.min(from, w.fromInclusive());
      to = Math.max(to, w.toInclusive());
    }
    return EventWindow.of(from, to);
  }

  /**
   * The windows the tests run on: the event windows in the order given, then every one-day window
   * {@code t:t} of the event span not already among them, by day ({@code docs/cli.md}, {@code
   * tests.csv}).
   *
   * @return the test windows
   */
  public List<EventWindow> testWindows() {
    List<EventWindow> out = new ArrayList<>(eventWindows);
    EventWindow span = eventSpan();
    for (int t = span.fromInclusive(); t <= span.toInclusive(); t++) {
      EventWindow d = EventWindow.day(t);
      if (!out.contains(d)) {
        out.add(d);
      }
    }
    return List.copyOf(out);
  }

  /**
   * @return the minimum number of valid estimation days
   */
  public int minEstimation() {
    return minEstimation;
  }

  /**
   * Resolves this specification against a panel and events: sorts the events by id, expands each
   * into its firm-events (its affected tickers, sorted, or the whole universe), and finds each
   * firm-event's day 0 and session ranges on its listing's calendar, or why it cannot be computed.
   *
   * @param panel listings, their returns on their calendars (and their return type), and factors if
   *     the model needs them
   * @param events the events (any order; ids must be unique)
   * @return the resolved study, ready for {@link EventStudy#run(ResolvedStudy)}
   * @throws IllegalArgumentException if event ids repeat, or a factor model's factors are not in
   *     the panel
   */
  public ResolvedStudy resolve(ReturnPanel panel, List<Event> events) {
    return StudyResolver.resolve(this, panel, events);
  }

  /**
   * @return k when estimation windows are cleaned of the sessions within ±k of other events' day 0
   *     on the same listing; empty when they are not (the default)
   */
  public OptionalInt cleaningRadius() {
    return cleaningRadius;
  }

  /**
   * @return the reference listing whose buy-and-hold return replaces the model's in BHAR, or empty
   *     for the model's expected returns (the default); see {@link Builder#bharBenchmark(String)}
   */
  public Optional<String> bharBenchmark() {
    return bharBenchmark;
  }

  /**
   * Whether each firm-event's abnormal quantities are multiplied by its event's direction ({@code
   * docs/statistics.md}, "Groups and signed abnormal returns"): the estimation residuals (so r̄,
   * the crude dependence adjustment's AAR_τ, the rank scores and the sign share see signed values),
   * AR, SAR, CAR, SCAR and BHAR; expected returns are not. Events expected to move prices down then
   * pool with those expected to move them up. A firm-event whose event has direction 0 is left out
   * with {@link Outcome#NO_DIRECTION}.
   *
   * @return whether abnormal quantities are signed by direction (default false)
   */
  public boolean signedByDirection() {
    return signedByDirection;
  }

  /**
   * @return how firm-events are grouped, each group tested on its own; empty when they are not (the
   *     default)
   */
  public Optional<GroupBy> groupBy() {
    return groupBy;
  }

  /**
   * What the study measures: abnormal returns (the default), abnormal log volume or abnormal return
   * variance ({@link StudyMeasure}; {@code docs/statistics.md}, "Abnormal volume" and "Abnormal
   * volatility"). A volume study resolves against a panel of log volumes ({@code
   * ReturnPanel.ofLogVolume}), the others against a panel of returns.
   *
   * @return the measure ({@link StudyMeasure#RETURNS} by default)
   */
  public StudyMeasure measure() {
    return measure;
  }

  /**
   * @return the peers' conventions in force ({@link Conventions#SPEC} by default)
   */
  public Conventions conventions() {
    return conventions;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StudySpecification s
        && bharBenchmark.equals(s.bharBenchmark)
        && conventions == s.conventions
        && measure == s.measure
        && model.equals(s.model)
        && estimationWindow.equals(s.estimationWindow)
        && eventWindows.equals(s.eventWindows)
        && minEstimation == s.minEstimation
        && cleaningRadius.equals(s.cleaningRadius)
        && signedByDirection == s.signedByDirection
        && groupBy.equals(s.groupBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        model,
        estimationWindow,
        eventWindows,
        minEstimation,
        cleaningRadius,
        bharBenchmark,
        signedByDirection,
        groupBy,
        conventions,
        measure);
  }

  @Override
  public String toString() {
    return "StudySpecification[model="
        + model.id()
        + ", estimation="
        + estimationWindow
        + ", windows="
        + eventWindows
        + ", minEstimation="
        + minEstimation
        + (cleaningRadius.isPresent() ? ", clean ±" + cleaningRadius.getAsInt() : "")
        + bharBenchmark.map(t -> ", bharBenchmark=" + t).orElse("")
        + (signedByDirection ? ", signed by direction" : "")
        + groupBy.map(g -> ", grouped by " + g).orElse("")
        + (conventions == Conventions.SPEC ? "" : ", conventions=" + conventions.id())
        + (measure == StudyMeasure.RETURNS ? "" : ", measure=" + measure.id())
        + "]";
  }

  /** Builds a {@link StudySpecification}; starts from the defaults. */
  public static final class Builder {
    private NormalReturnModel model = MarketModel.of();
    private EventWindow estimationWindow = DEFAULT_ESTIMATION;
    private List<EventWindow> eventWindows = new ArrayList<>(DEFAULT_WINDOWS);
    private int minEstimation = DEFAULT_MIN_ESTIMATION;
    private OptionalInt cleaningRadius = OptionalInt.empty();
    private Optional<String> bharBenchmark = Optional.empty();
    private boolean signedByDirection;
    private Optional<GroupBy> groupBy = Optional.empty();
    private Conventions conventions = Conventions.SPEC;
    private StudyMeasure measure = StudyMeasure.RETURNS;

    private Builder() {}

    /**
     * What the study measures ({@link StudySpecification#measure()}). A volume study takes no
     * factor model and no BHAR benchmark; a volatility study needs a minimum estimation count of at
     * least {@code k + 3}.
     *
     * @param m returns (the default), volume or volatility
     * @return this
     */
    public Builder measure(StudyMeasure m) {
      this.measure = Objects.requireNonNull(m, "measure");
      return this;
    }

    /**
     * BHAR against a reference listing: {@code BHAR = Π(1 + R_t) − Π(1 + R_ref,t)} over the window
     * (log returns: {@code exp(Σ R_t) − exp(Σ R_ref,t)}), {@code R_ref,t} the reference's return on
     * the listing's session t (Lyon, Barber and Tsai 1999). The panel must hold its prices ({@code
     * ReturnPanel.withReference}, or a listing of the universe). A firm-event whose reference lacks
     * a return in a window has no BHAR there and is not in that window's BHAR sample. CAR and the
     * model are unchanged.
     *
     * @param ticker the reference's ticker, or null for the model's expected returns (the default)
     * @return this
     */
    public Builder bharBenchmark(String ticker) {
      this.bharBenchmark = Optional.ofNullable(ticker);
      return this;
    }

    /**
     * Multiplies each firm-event's abnormal quantities by its event's direction; see {@link
     * StudySpecification#signedByDirection()}.
     *
     * @param signed whether to sign (default false)
     * @return this
     */
    public Builder signByDirection(boolean signed) {
      this.signedByDirection = signed;
      return this;
    }

    /**
     * Tests every group of firm-events on its own, besides all of them together; see {@link
     * GroupBy} and {@link StudyResult#groups()}.
     *
     * @param grouping the grouping, or null for none (the default)
     * @return this
     */
    public Builder groupBy(GroupBy grouping) {
      this.groupBy = Optional.ofNullable(grouping);
      return this;
    }

    /**
     * Peers' conventions ({@code docs/statistics.md} section 3b).
     *
     * @param c {@link Conventions#SPEC} (the default), {@link Conventions#ESTUDY2} or {@link
     *     Conventions#STATA_ESTUDY}
     * @return this
     */
    public Builder conventions(Conventions c) {
      this.conventions = java.util.Objects.requireNonNull(c, "conventions");
      return this;
    }

    /**
     * @param m the normal-return model
     * @return this
     */
    public Builder model(NormalReturnModel m) {
      this.model = Objects.requireNonNull(m, "model");
      return this;
    }

    /**
     * @param w the estimation window
     * @return this
     */
    public Builder estimationWindow(EventWindow w) {
      this.estimationWindow = Objects.requireNonNull(w, "estimationWindow");
      return this;
    }

    /**
     * @param windows the event windows, replacing any set before
     * @return this
     */
    public Builder eventWindows(List<EventWindow> windows) {
      this.eventWindows = new ArrayList<>(windows);
      return this;
    }

    /**
     * @param windows the event windows, replacing any set before
     * @return this
     */
    public Builder eventWindows(EventWindow... windows) {
      return eventWindows(List.of(windows));
    }

    /**
     * @param n the minimum number of valid estimation days
     * @return this
     */
    public Builder minEstimation(int n) {
      this.minEstimation = n;
      return this;
    }

    /**
     * Leaves out of each firm-event's estimation window the sessions within {@code ±radius} of
     * other events' day 0 on the same listing.
     *
     * @param radius sessions on each side, 0 or more
     * @return this
     */
    public Builder cleanEstimation(int radius) {
      this.cleaningRadius = OptionalInt.of(radius);
      return this;
    }

    /**
     * Keeps estimation windows as they are (the default).
     *
     * @return this
     */
    public Builder noCleaning() {
      this.cleaningRadius = OptionalInt.empty();
      return this;
    }

    /**
     * @return the specification
     * @throws IllegalArgumentException saying what to change
     */
    public StudySpecification build() {
      return new StudySpecification(this);
    }
  }
}
