package io.eventide.report;

import io.eventide.event.EventWindow;
import io.eventide.simulation.Design;
import io.eventide.simulation.SimulationResult;
import io.eventide.simulation.SimulationSpecification;
import io.eventide.simulation.Variant;
import java.util.List;
import java.util.Locale;

/**
 * The standard output of {@code eventide simulate} ({@code docs/simulation.md} section 8): the
 * panel's eligibility (candidate and eligible listings, eligible pairs, cluster days with their
 * first and last dates, the clustered samples' mean r̄), then one table per design of the rates in
 * percent: a row per test, a column per (variant, window).
 */
public final class SimulationSummary {

  private SimulationSummary() {}

  /**
   * @param result the result
   * @return the summary, lines ending in {@code \n}
   */
  public static String text(SimulationResult result) {
    SimulationSpecification spec = result.specification();
    SimulationResult.Summary s = result.summary();
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Simulation: %d samples of %d firm-events per design, seed %d, alpha %s%n",
            spec.samples(),
            spec.size(),
            spec.seed(),
            Variant.plain(spec.alpha())));
    b.append(
        String.format(
            Locale.ROOT,
            "Panel: %d candidate listings against %s; %d eligible listings, %d eligible pairs%n",
            s.candidates(),
            spec.panel().marketTicker(),
            s.eligibleListings(),
            s.eligiblePairs()));
    b.append(
        String.format(
            Locale.ROOT,
            "Cluster days (at least %d eligible listings): %d%s%n",
            spec.size(),
            s.clusterDays(),
            s.firstClusterDay().isPresent()
                ? ", " + s.firstClusterDay().get() + " to " + s.lastClusterDay().get()
                : ""));
    if (!Double.isNaN(s.meanClusteredCorrelation())) {
      b.append(
          String.format(
              Locale.ROOT,
              "Mean cross-correlation r̄ of the clustered samples: %.4f%n",
              s.meanClusteredCorrelation()));
    }
    if (s.unusableFits() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "Firm-events with an unusable fit (their tests count as not rejecting): %d%n",
              s.unusableFits()));
    }
    List<Variant> variants = spec.variants();
    List<EventWindow> windows = spec.windows();
    for (Design d : spec.designs()) {
      b.append(String.format(Locale.ROOT, "%nRejection rates, %%, %s design%n", d.id()));
      b.append(String.format(Locale.ROOT, "%-13s", "test"));
      for (Variant v : variants) {
        for (EventWindow w : windows) {
          String head = (v instanceof Variant.Shift ? "d=" + v.shiftText() : "variance") + " " + w;
          b.append(String.format(Locale.ROOT, " %14s", head));
        }
      }
      b.append('\n');
      for (String test : spec.tests().ids()) {
        b.append(String.format(Locale.ROOT, "%-13s", test));
        for (Variant v : variants) {
          for (EventWindow w : windows) {
            b.append(String.format(Locale.ROOT, " %14.1f", 100 * result.rate(d, v, w, test)));
          }
        }
        b.append('\n');
      }
    }
    return b.toString();
  }
}
