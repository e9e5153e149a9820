package io.eventide.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.EventWindow;
import io.eventide.study.SyntheticPanels;
import io.eventide.timeseries.DatedSeries;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The design rules of {@code docs/simulation.md} sections 2, 3 and 7 on a tiny hand-built panel: a
 * market on 40 weekday sessions and four candidates, estimation {@code -12:-4} (9 days), span
 * {@code -2:2}, M_min = 8. Every expected set below is worked out by hand from the rules:
 *
 * <ul>
 *   <li>sessions d + A ≥ 0 and d + s₁ ≤ 39 give d in 12..37; the return of session 0 is missing (no
 *       previous price), so d = 12 has M = 8, which is enough;
 *   <li>A has every price: eligible on 12..37 (26 sessions);
 *   <li>B misses the price of session 20, so the returns of 20 and 21 are missing: the span must
 *       avoid them (d not in 18..23), and d in 25..32 has both in its estimation window (M = 7):
 *       eligible on 12..17, 24 and 33..37 (12 sessions);
 *   <li>C has rows from session 10 on (returns from 11): d ≥ 22 (d = 22 has M = 8): 22..37 (16);
 *   <li>D has rows up to session 29 (returns to 29): d + 2 ≤ 29: 12..27 (16);
 *   <li>70 pairs; per day: 12..17 → A,B,D; 18..21 → A,D; 22,23 → A,C,D; 24 → A,B,C,D; 25..27 →
 *       A,C,D; 28..32 → A,C; 33..37 → A,B,C. With N = 3 the cluster days are 12..17, 22..27 and
 *       33..37 (17 days); with N = 4 only 24.
 * </ul>
 */
class EligibilityAndDrawsTest {

  static final int T = 40;
  static final LocalDate[] DAYS = SyntheticPanels.sessions(T);

  static SimulationPanel tinyPanel() {
    double[] walk = new double[T];
    double p = 100;
    for (int t = 0; t < T; t++) {
      p *= 1 + 0.01 * Math.sin(1.3 * t) + 0.002;
      walk[t] = p;
    }
    double[] mkt = new double[T];
    for (int t = 0; t < T; t++) {
      mkt[t] = 50 * (1 + 0.01 * Math.cos(0.7 * t) + 0.0001 * t);
    }
    Map<String, DatedSeries> c = new TreeMap<>();
    // Written out of ticker order on purpose: the panel orders them.
    c.put("D", DatedSeries.of("D", Arrays.copyOfRange(DAYS, 0, 30), scaled(walk, 0, 30, 1.1)));
    c.put("A", DatedSeries.of("A", DAYS, scaled(walk, 0, T, 1.0)));
    double[] b = scaled(walk, 0, T, 0.9);
    b[20] = Double.NaN;
    c.put("B", DatedSeries.of("B", DAYS, b));
    c.put("C", DatedSeries.of("C", Arrays.copyOfRange(DAYS, 10, T), scaled(walk, 10, T, 1.2)));
    return SimulationPanel.of(DatedSeries.of("MKT", DAYS, mkt), c);
  }

  private static double[] scaled(double[] walk, int from, int to, double f) {
    double[] out = new double[to - from];
    for (int t = from; t < to; t++) {
      // A second, listing-specific wiggle so that no listing is a multiple of another.
      out[t - from] = f * walk[t] * (1 + 0.003 * Math.sin(f * 10 * t));
    }
    return out;
  }

  static SimulationSpecification.Builder tinySpec(SimulationPanel panel, int size) {
    return SimulationSpecification.builder(panel)
        .size(size)
        .samples(200)
        .estimation(EventWindow.of(-12, -4))
        .span(EventWindow.of(-2, 2))
        .minValid(8)
        .windows(List.of(EventWindow.of(0, 0)));
  }

  private static int[] range(int from, int toInclusive) {
    return IntStream.rangeClosed(from, toInclusive).toArray();
  }

  private static int[] concat(int[]... parts) {
    return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
  }

  @Test
  void eligibleSessionsFollowTheFourRules() {
    SimulationPanel panel = tinyPanel();
    assertThat(panel.tickers()).containsExactly("A", "B", "C", "D");
    Eligibility el = new Eligibility(panel, tinySpec(panel, 3).build());
    assertThat(el.sessionsOf[0]).containsExactly(range(12, 37));
    assertThat(el.sessionsOf[1])
        .containsExactly(concat(range(12, 17), new int[] {24}, range(33, 37)));
    assertThat(el.sessionsOf[2]).containsExactly(range(22, 37));
    assertThat(el.sessionsOf[3]).containsExactly(range(12, 27));
    assertThat(el.pairs).isEqualTo(70);
    assertThat(el.listings).containsExactly(0, 1, 2, 3);
    assertThat(el.clusterDays).containsExactly(concat(range(12, 17), range(22, 27), range(33, 37)));
    assertThat(el.listingsOn[24]).containsExactly(0, 1, 2, 3);
    assertThat(el.listingsOn[20]).containsExactly(0, 3);
    assertThat(el.largestDay).isEqualTo(4);
    assertThat(new Eligibility(panel, tinySpec(panel, 4).build()).clusterDays).containsExactly(24);
  }

  @Test
  void clusteredSamplesShareOneEligibleDayAndDistinctListings() {
    SimulationPanel panel = tinyPanel();
    SimulationSpecification spec = tinySpec(panel, 3).build();
    Eligibility el = new Eligibility(panel, spec);
    SampleWorker worker = new SampleWorker(panel, el, spec);
    Set<Integer> daysSeen = new HashSet<>();
    for (int s = 0; s < 300; s++) {
      worker.draw(Design.CLUSTERED, s);
      int d = worker.dayZero[0];
      daysSeen.add(d);
      assertThat(worker.dayZero).containsOnly(d);
      assertThat(Arrays.stream(el.clusterDays).boxed().toList()).contains(d);
      assertThat(Arrays.stream(worker.listing).distinct().count()).isEqualTo(3);
      for (int i : worker.listing) {
        assertThat(el.sessionsOf[i]).contains(d);
      }
    }
    // 300 uniform draws from 17 days leave none out but with probability < 17 (16/17)^300 ≈ 2e-7.
    assertThat(daysSeen).hasSize(17);
    SimulationSpecification four = tinySpec(panel, 4).build();
    SampleWorker w4 = new SampleWorker(panel, new Eligibility(panel, four), four);
    w4.draw(Design.CLUSTERED, 7);
    assertThat(w4.dayZero).containsOnly(24);
    assertThat(Arrays.stream(w4.listing).sorted().toArray()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void nonclusteredSamplesAreDistinctListingsOnTheirOwnEligibleDays() {
    SimulationPanel panel = tinyPanel();
    SimulationSpecification spec = tinySpec(panel, 3).build();
    Eligibility el = new Eligibility(panel, spec);
    SampleWorker worker = new SampleWorker(panel, el, spec);
    int[] picked = new int[4];
    int n = 4000;
    for (int s = 0; s < n; s++) {
      worker.draw(Design.NONCLUSTERED, s);
      assertThat(Arrays.stream(worker.listing).distinct().count()).isEqualTo(3);
      for (int k = 0; k < 3; k++) {
        assertThat(el.sessionsOf[worker.listing[k]]).contains(worker.dayZero[k]);
        picked[worker.listing[k]]++;
        assertThat(worker.u[k]).isBetween(0.0, 1.0).isNotEqualTo(1.0);
      }
    }
    // Uniform over listings, not over pairs: each listing is in a sample with probability 3/4,
    // B (12 days) as often as A (26 days). Binomial sd √(4000 · 0.75 · 0.25) ≈ 27; allow 5 sd.
    for (int count : picked) {
      assertThat(count).isBetween(3000 - 137, 3000 + 137);
    }
  }

  @Test
  void aSampleDependsOnlyOnTheSeedTheDesignAndItsIndex() {
    SimulationPanel panel = tinyPanel();
    SimulationSpecification a = tinySpec(panel, 3).seed(42).build();
    SimulationSpecification b =
        tinySpec(panel, 3).seed(42).samples(5).shifts(List.of(0.03)).variance(false).build();
    SampleWorker wa = new SampleWorker(panel, new Eligibility(panel, a), a);
    SampleWorker wb = new SampleWorker(panel, new Eligibility(panel, b), b);
    for (Design d : Design.values()) {
      wa.draw(d, 3);
      wb.draw(d, 3);
      assertThat(wb.listing).containsExactly(wa.listing);
      assertThat(wb.dayZero).containsExactly(wa.dayZero);
      assertThat(wb.u).containsExactly(wa.u);
    }
    // Another seed, design or index gives another stream.
    long x = SampleWorker.stream(42, 0, 3).nextLong();
    assertThat(SampleWorker.stream(43, 0, 3).nextLong()).isNotEqualTo(x);
    assertThat(SampleWorker.stream(42, 1, 3).nextLong()).isNotEqualTo(x);
    assertThat(SampleWorker.stream(42, 0, 4).nextLong()).isNotEqualTo(x);
    // Swapping the design and the index does not give the same stream.
    assertThat(SampleWorker.stream(42, 3, 0).nextLong())
        .isNotEqualTo(SampleWorker.stream(42, 0, 3).nextLong());
  }

  @Test
  void aDesignThatCannotDrawIsBadInputNamingTheSize() {
    SimulationPanel panel = tinyPanel();
    assertThatThrownBy(
            () -> Simulation.run(tinySpec(panel, 5).designs(List.of(Design.NONCLUSTERED)).build()))
        .isInstanceOf(SimulationException.class)
        .hasMessage("size 5: exceeds the 4 eligible listings of the panel (nonclustered design)");
    SimulationException e =
        (SimulationException)
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    Simulation.run(tinySpec(panel, 5).designs(List.of(Design.CLUSTERED)).build()));
    assertThat(e.parameter()).isEqualTo("size");
    assertThat(e.value()).isEqualTo("5");
    assertThat(e.getMessage())
        .isEqualTo(
            "size 5: no session has that many eligible listings (clustered design); the most on"
                + " one session is 4");
  }

  @Test
  void specificationRulesNameTheParameterAndValue() {
    SimulationPanel panel = tinyPanel();
    assertThatThrownBy(() -> tinySpec(panel, 3).samples(0).build())
        .hasMessage("samples 0: must be at least 1");
    assertThatThrownBy(() -> tinySpec(panel, 2).build()).hasMessage("size 2: must be at least 3");
    assertThatThrownBy(() -> tinySpec(panel, 3).alpha(1.0).build())
        .hasMessage("alpha 1.0: must lie strictly between 0 and 1");
    assertThatThrownBy(() -> tinySpec(panel, 3).minValid(4).build())
        .hasMessage("minValid 4: must be at least 5 (Patell's M − k − 2 must be positive)");
    assertThatThrownBy(() -> tinySpec(panel, 3).windows(List.of(EventWindow.of(-3, 0))).build())
        .hasMessage("windows -3:0: lies outside the event span -2:2");
    assertThatThrownBy(() -> tinySpec(panel, 3).estimation(EventWindow.of(-12, -2)).build())
        .hasMessage("estimation -12:-2: must end before the event span -2:2 starts");
    assertThatThrownBy(() -> tinySpec(panel, 3).shifts(List.of()).variance(false).build())
        .isInstanceOf(SimulationException.class);
    assertThatThrownBy(() -> Simulation.run(tinySpec(panel, 3).build(), 0, SimulationProgress.NONE))
        .hasMessage("threads 0: must be at least 1");
  }
}
