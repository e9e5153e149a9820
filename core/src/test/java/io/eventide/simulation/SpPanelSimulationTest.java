package io.eventide.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.EventWindow;
import io.eventide.io.PriceFileReader;
import io.eventide.timeseries.DatedSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation on real returns: the 40-listing subset of the S&P 500 panel 2013-2018 in {@code
 * data/panel/sp500_2013_2018} (provenance in its {@code SOURCES.md}) with the S&P 500 index {@code
 * data/prices/SPX.csv} as market, copied into one folder as {@code eventide simulate} wants it. The
 * eligible pairs and cluster days are recounted by a second, naive implementation written here with
 * dates and maps (no session indices, no prefix sums).
 */
class SpPanelSimulationTest {

  @TempDir static Path folder;
  static SimulationPanel panel;

  @BeforeAll
  static void copy() throws Exception {
    Path data = Path.of("src/test/resources/data");
    try (Stream<Path> files = Files.list(data.resolve("panel/sp500_2013_2018"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().endsWith(".csv")) {
          Files.copy(f, folder.resolve(f.getFileName()));
        }
      }
    }
    Files.copy(data.resolve("prices/SPX.csv"), folder.resolve("SPX.csv"));
    panel = SimulationPanel.read(folder, "SPX");
  }

  @Test
  void eligibilityAgreesWithANaiveRecountOnRealData() throws Exception {
    assertThat(panel.candidateCount()).isEqualTo(40);
    SimulationSpecification spec = SimulationSpecification.builder(panel).size(20).build();
    Eligibility el = new Eligibility(panel, spec);

    // Naive: sessions are the SPX dates with a price; a listing's return on session t needs its
    // price on t and on t-1; eligible when the four rules of docs/simulation.md section 2 hold.
    DatedSeries spx = PriceFileReader.read(folder.resolve("SPX.csv"));
    List<LocalDate> sessions = new ArrayList<>();
    for (int i = 0; i < spx.size(); i++) {
      if (!Double.isNaN(spx.value(i))) {
        sessions.add(spx.date(i));
      }
    }
    LocalDate first = LocalDate.MAX;
    LocalDate last = LocalDate.MIN;
    List<Map<LocalDate, Double>> byListing = new ArrayList<>();
    for (String t : panel.tickers()) {
      DatedSeries s = PriceFileReader.read(folder.resolve(t + ".csv"));
      Map<LocalDate, Double> m = new HashMap<>();
      for (int i = 0; i < s.size(); i++) {
        m.put(s.date(i), s.value(i));
        first = s.date(i).isBefore(first) ? s.date(i) : first;
        last = s.date(i).isAfter(last) ? s.date(i) : last;
      }
      byListing.add(m);
    }
    long pairs = 0;
    int[] perDay = new int[sessions.size()];
    for (Map<LocalDate, Double> m : byListing) {
      for (int d = 250; d + 5 < sessions.size(); d++) {
        LocalDate day = sessions.get(d);
        if (day.isBefore(first) || day.isAfter(last)) {
          continue;
        }
        int valid = 0;
        for (int t = d - 250; t <= d - 11; t++) {
          valid += hasReturn(m, sessions, t) ? 1 : 0;
        }
        boolean span = true;
        for (int t = d - 5; t <= d + 5; t++) {
          span &= hasReturn(m, sessions, t);
        }
        if (valid >= 200 && span) {
          pairs++;
          perDay[d]++;
        }
      }
    }
    int clusterDays = 0;
    for (int c : perDay) {
      clusterDays += c >= 20 ? 1 : 0;
    }
    assertThat(el.pairs).isEqualTo(pairs);
    assertThat(el.clusterDays.length).isEqualTo(clusterDays);
    int firstNaive = 0;
    while (perDay[firstNaive] < 20) {
      firstNaive++;
    }
    // The panel starts 2013-02-08; with M_min = 200 of the 240 estimation days, the first day 0
    // is some 211 sessions later, in December 2013.
    assertThat(panel.session(el.clusterDays[0])).isEqualTo(sessions.get(firstNaive));
  }

  private static boolean hasReturn(Map<LocalDate, Double> m, List<LocalDate> sessions, int t) {
    if (t < 1) {
      return false;
    }
    Double p = m.get(sessions.get(t));
    Double q = m.get(sessions.get(t - 1));
    return p != null && q != null && !p.isNaN() && !q.isNaN();
  }

  @Test
  void aLargeShiftIsDetectedAndTheNullIsNot() throws Exception {
    SimulationResult r =
        Simulation.run(
            SimulationSpecification.builder(panel)
                .size(20)
                .samples(40)
                .shifts(List.of(0.0, 0.05))
                .windows(List.of(EventWindow.of(0, 0)))
                .build(),
            2,
            SimulationProgress.NONE);
    // A 5-point day-0 return in each of 20 large caps (daily σ about 1.5%) is found by every test
    // in nearly every sample (skew-t can miss one: Hall's (1992) transformation is not monotone,
    // so a strongly skewed sample can map a large t to a small one); with no shift, rejections at
    // 5% stay far from all (binomial: P(R ≥ 20 of 40
    // at p = 0.2) < 1e-4, even for a test that over-rejects fourfold).
    for (String test : r.specification().tests().ids()) {
      assertThat(r.rate(Design.NONCLUSTERED, Variant.shift(0.05), EventWindow.of(0, 0), test))
          .as(test)
          .isGreaterThanOrEqualTo(0.9);
      assertThat(r.rate(Design.NONCLUSTERED, Variant.shift(0), EventWindow.of(0, 0), test))
          .as(test)
          .isLessThan(0.5);
    }
    assertThat(r.summary().meanClusteredCorrelation()).isBetween(0.0, 0.2);
  }
}
