package io.eventide.simulation;

import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a specification-and-power simulation computes ({@code docs/simulation.md}): the panel, the
 * designs, the sample size N and number of samples S, the seed, the variants (shifts δ and the
 * event-induced variance device), the reported windows, the estimation window, the event span, the
 * minimum number of valid estimation returns, the tests and the level α.
 *
 * <p>Defaults (Brown and Warner 1985, Journal of Financial Economics 14; Kolari and Pynnönen 2010,
 * Review of Financial Studies 23): S = 1000, N = 50, seed 1985, δ ∈ {0, 0.005, 0.01, 0.02}, both
 * designs, the variance variant on, windows {@code 0:0} and {@code -1:1}, estimation {@code
 * -250:-11}, span {@code -5:5}, M_min = 200, the eleven tests of {@link TestSuite#standard()}, α =
 * 0.05.
 *
 * <p>Immutable; build with {@link #builder(SimulationPanel)}. {@link Builder#build()} checks every
 * rule of {@code docs/simulation.md} section 9 that does not need the panel's eligibility and
 * throws a {@link SimulationException} naming the parameter and value; the rules that do (enough
 * eligible listings, a cluster day) are checked by {@link Simulation#run}.
 *
 * @param panel the panel
 * @param samples S ≥ 1, samples per design
 * @param size N ≥ 3, firm-events per sample
 * @param seed the seed of every random stream
 * @param shifts δ of each shift variant, in order (may be empty when the variance variant is on)
 * @param variance whether the event-induced variance variant runs
 * @param designs the designs, in order, each at most once
 * @param windows the reported windows, in order, each inside the span
 * @param estimation the estimation window {@code [A, B]}, ending before the span starts
 * @param span the event span {@code [s₀, s₁]}
 * @param minValid M_min ≥ 5, the valid estimation returns an eligible firm-event needs
 * @param tests the tests (their CAR form), in order
 * @param alpha α in (0, 1); a test rejects when its two-sided p-value is strictly below it
 */
public record SimulationSpecification(
    SimulationPanel panel,
    int samples,
    int size,
    long seed,
    List<Double> shifts,
    boolean variance,
    List<Design> designs,
    List<EventWindow> windows,
    EventWindow estimation,
    EventWindow span,
    int minValid,
    TestSuite tests,
    double alpha) {

  /** The default seed. */
  public static final long DEFAULT_SEED = 1985L;

  /** Validates as {@link Builder#build()} does and copies the lists. */
  public SimulationSpecification {
    Objects.requireNonNull(panel, "panel");
    Objects.requireNonNull(estimation, "estimation");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(tests, "tests");
    shifts = List.copyOf(shifts);
    designs = List.copyOf(designs);
    windows = List.copyOf(windows);
    if (samples < 1) {
      throw new SimulationException("samples", Integer.toString(samples), "must be at least 1");
    }
    if (size < 3) {
      throw new SimulationException("size", Integer.toString(size), "must be at least 3");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new SimulationException(
          "alpha", Double.toString(alpha), "must lie strictly between 0 and 1");
    }
    if (minValid < 5) {
      throw new SimulationException(
          "minValid",
          Integer.toString(minValid),
          "must be at least 5 (Patell's M − k − 2 must be positive)");
    }
    if (minValid > estimation.length()) {
      throw new SimulationException(
          "minValid",
          Integer.toString(minValid),
          "exceeds the " + estimation.length() + " days of the estimation window " + estimation);
    }
    if (estimation.toInclusive() >= span.fromInclusive()) {
      throw new SimulationException(
          "estimation",
          estimation.toString(),
          "must end before the event span " + span + " starts");
    }
    for (double d : shifts) {
      if (!Double.isFinite(d)) {
        throw new SimulationException("shifts", Double.toString(d), "is not a finite number");
      }
    }
    if (new HashSet<>(shifts).size() != shifts.size()) {
      throw new SimulationException("shifts", shifts.toString(), "names a shift twice");
    }
    if (shifts.isEmpty() && !variance) {
      throw new SimulationException(
          "shifts", "(none)", "no variant to run: give a shift or turn the variance variant on");
    }
    if (designs.isEmpty()) {
      throw new SimulationException("designs", "(none)", "give at least one design");
    }
    if (new HashSet<>(designs).size() != designs.size()) {
      throw new SimulationException("designs", designs.toString(), "names a design twice");
    }
    if (windows.isEmpty()) {
      throw new SimulationException("windows", "(none)", "give at least one window");
    }
    Set<EventWindow> seen = new HashSet<>();
    for (EventWindow w : windows) {
      if (w.fromInclusive() < span.fromInclusive() || w.toInclusive() > span.toInclusive()) {
        throw new SimulationException(
            "windows", w.toString(), "lies outside the event span " + span);
      }
      if (!seen.add(w)) {
        throw new SimulationException("windows", w.toString(), "is given twice");
      }
    }
    if (tests.tests().isEmpty()) {
      throw new SimulationException("tests", "(none)", "give at least one test");
    }
  }

  /**
   * @param panel the panel to draw from
   * @return a builder with the defaults
   */
  public static Builder builder(SimulationPanel panel) {
    return new Builder(panel);
  }

  /**
   * @return the variants in output order: the shifts in order, then the variance variant if on
   */
  public List<Variant> variants() {
    List<Variant> out = new ArrayList<>();
    for (double d : shifts) {
      out.add(Variant.shift(d));
    }
    if (variance) {
      out.add(Variant.variance());
    }
    return List.copyOf(out);
  }

  /** Builds a {@link SimulationSpecification}; every setter has the default of the class doc. */
  public static final class Builder {
    private final SimulationPanel panel;
    private int samples = 1000;
    private int size = 50;
    private long seed = DEFAULT_SEED;
    private List<Double> shifts = List.of(0.0, 0.005, 0.01, 0.02);
    private boolean variance = true;
    private List<Design> designs = List.of(Design.NONCLUSTERED, Design.CLUSTERED);
    private List<EventWindow> windows = List.of(EventWindow.of(0, 0), EventWindow.of(-1, 1));
    private EventWindow estimation = EventWindow.of(-250, -11);
    private EventWindow span = EventWindow.of(-5, 5);
    private int minValid = 200;
    private TestSuite tests = TestSuite.standard();
    private double alpha = 0.05;

    private Builder(SimulationPanel panel) {
      this.panel = Objects.requireNonNull(panel, "panel");
    }

    /**
     * @param samples S, samples per design
     * @return this
     */
    public Builder samples(int samples) {
      this.samples = samples;
      return this;
    }

    /**
     * @param size N, firm-events per sample
     * @return this
     */
    public Builder size(int size) {
      this.size = size;
      return this;
    }

    /**
     * @param seed the seed
     * @return this
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param shifts δ of each shift variant, in order
     * @return this
     */
    public Builder shifts(List<Double> shifts) {
      this.shifts = List.copyOf(shifts);
      return this;
    }

    /**
     * @param variance whether the event-induced variance variant runs
     * @return this
     */
    public Builder variance(boolean variance) {
      this.variance = variance;
      return this;
    }

    /**
     * @param designs the designs, in order
     * @return this
     */
    public Builder designs(List<Design> designs) {
      this.designs = List.copyOf(designs);
      return this;
    }

    /**
     * @param windows the reported windows, in order
     * @return this
     */
    public Builder windows(List<EventWindow> windows) {
      this.windows = List.copyOf(windows);
      return this;
    }

    /**
     * @param estimation {@code [A, B]}
     * @return this
     */
    public Builder estimation(EventWindow estimation) {
      this.estimation = Objects.requireNonNull(estimation, "estimation");
      return this;
    }

    /**
     * @param span {@code [s₀, s₁]}
     * @return this
     */
    public Builder span(EventWindow span) {
      this.span = Objects.requireNonNull(span, "span");
      return this;
    }

    /**
     * @param minValid M_min
     * @return this
     */
    public Builder minValid(int minValid) {
      this.minValid = minValid;
      return this;
    }

    /**
     * @param tests the tests, in order
     * @return this
     */
    public Builder tests(TestSuite tests) {
      this.tests = Objects.requireNonNull(tests, "tests");
      return this;
    }

    /**
     * @param alpha α
     * @return this
     */
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /**
     * @return the specification
     * @throws SimulationException naming the parameter and value that break a rule
     */
    public SimulationSpecification build() {
      return new SimulationSpecification(
          panel,
          samples,
          size,
          seed,
          shifts,
          variance,
          designs,
          windows,
          estimation,
          span,
          minValid,
          tests,
          alpha);
    }
  }
}
