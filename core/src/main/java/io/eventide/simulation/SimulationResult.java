package io.eventide.simulation;

import io.eventide.event.EventWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rejections of a simulation: one {@link Cell} per (design, variant, window, test), in the
 * order of {@code rejections.csv} ({@code docs/simulation.md} section 8): designs in the
 * specification's order; within a design the shift variants in order, then the variance variant;
 * within a variant the windows in order; within a window the tests in order. Immutable.
 */
public final class SimulationResult {

  /**
   * What the panel offered and what the clustered samples looked like.
   *
   * @param candidates candidate listings (every price file but the market's)
   * @param eligibleListings candidates with at least one eligible session
   * @param eligiblePairs eligible (listing, session) pairs
   * @param clusterDays sessions with at least N eligible listings
   * @param firstClusterDay the first of them, if any
   * @param lastClusterDay the last of them, if any
   * @param meanClusteredCorrelation the mean over the clustered samples of their r̄; {@code NaN}
   *     without the clustered design
   * @param unusableFits drawn firm-events whose market-model fit is unusable (a flat price or
   *     market over the estimation window): their statistics are undefined and count as not
   *     rejecting; 0 on real panels
   */
  public record Summary(
      int candidates,
      int eligibleListings,
      long eligiblePairs,
      int clusterDays,
      Optional<LocalDate> firstClusterDay,
      Optional<LocalDate> lastClusterDay,
      double meanClusteredCorrelation,
      long unusableFits) {

    /** Checks that nothing is null. */
    public Summary {
      Objects.requireNonNull(firstClusterDay, "firstClusterDay");
      Objects.requireNonNull(lastClusterDay, "lastClusterDay");
    }
  }

  /**
   * One test's rejections in one design, variant and window.
   *
   * @param design the design
   * @param variant the variant
   * @param window the reported window
   * @param test the test id ({@code docs/statistics.md} section 3)
   * @param rejections R, samples in which the two-sided p-value was strictly below α
   * @param samples S
   */
  public record Cell(
      Design design,
      Variant variant,
      EventWindow window,
      String test,
      int rejections,
      int samples) {

    /** Checks the counts. */
    public Cell {
      Objects.requireNonNull(design, "design");
      Objects.requireNonNull(variant, "variant");
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(test, "test");
      if (samples < 1 || rejections < 0 || rejections > samples) {
        throw new IllegalArgumentException(
            "Cell " + test + ": " + rejections + " rejections in " + samples + " samples");
      }
    }

    /**
     * @return p̂ = R / S, a fraction
     */
    public double rate() {
      return (double) rejections / samples;
    }

    /**
     * @return the binomial Monte-Carlo standard error √(p̂ (1 − p̂) / S); 0 when p̂ is 0 or 1
     */
    public double standardError() {
      double p = rate();
      return Math.sqrt(p * (1 - p) / samples);
    }
  }

  private final SimulationSpecification spec;
  private final Summary summary;
  private final List<Cell> cells;

  SimulationResult(SimulationSpecification spec, Summary summary, int[][] counts) {
    this.spec = spec;
    this.summary = summary;
    List<Cell> out = new ArrayList<>();
    List<Variant> variants = spec.variants();
    List<String> tests = spec.tests().ids();
    for (int g = 0; g < spec.designs().size(); g++) {
      int i = 0;
      for (Variant v : variants) {
        for (EventWindow w : spec.windows()) {
          for (String t : tests) {
            out.add(new Cell(spec.designs().get(g), v, w, t, counts[g][i++], spec.samples()));
          }
        }
      }
    }
    this.cells = List.copyOf(out);
  }

  /**
   * @return the specification that was run
   */
  public SimulationSpecification specification() {
    return spec;
  }

  /**
   * @return the panel's eligibility and the clustered samples' mean r̄
   */
  public Summary summary() {
    return summary;
  }

  /**
   * @return every cell, in the documented order (unmodifiable)
   */
  public List<Cell> cells() {
    return cells;
  }

  /**
   * @param design a design of the run
   * @param variant a variant of the run ({@link Variant#shift(double)} or {@link
   *     Variant#variance()})
   * @param window a reported window
   * @param test a test id
   * @return that cell
   * @throws IllegalArgumentException if the run has no such cell
   */
  public Cell cell(Design design, Variant variant, EventWindow window, String test) {
    for (Cell c : cells) {
      if (c.design() == design
          && c.variant().equals(variant)
          && c.window().equals(window)
          && c.test().equals(test)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "No cell " + design.id() + ", " + variant + ", " + window + ", " + test + " in this run");
  }

  /**
   * @param design a design of the run
   * @param variant a variant of the run
   * @param window a reported window
   * @param test a test id
   * @return that cell's rejection rate
   */
  public double rate(Design design, Variant variant, EventWindow window, String test) {
    return cell(design, variant, window, test).rate();
  }

  @Override
  public String toString() {
    return "SimulationResult[" + cells.size() + " cells, S = " + spec.samples() + "]";
  }
}
