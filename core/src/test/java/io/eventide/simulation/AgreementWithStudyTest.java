package io.eventide.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.MarketModel;
import io.eventide.report.SimulationFiles;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.SyntheticPanels;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulation against an independent route to the same numbers ({@code docs/simulation.md}
 * sections 4 to 7): each simulated sample, under every variant, is also run through {@code
 * EventStudy} on prices modified as the variant says (every price from day 0 on multiplied by
 * {@code (1 + R_0 + a)/(1 + R_0)}), and every statistic and p-value must agree to 1e-9 relative;
 * the variance device's addition is recomputed naively; rejections are recounted from the p-values;
 * the file is byte-identical on 1, 2 and 4 threads.
 *
 * <p>World: {@link SyntheticPanels#prices(int, int, long)}, 24 listings on 400 sessions, with a few
 * prices removed so that valid estimation days are not simply the window.
 */
class AgreementWithStudyTest {

  static final int LISTINGS = 24;
  static final int SESSIONS = 400;

  static Map<String, DatedSeries> prices() {
    Map<String, DatedSeries> all = SyntheticPanels.prices(LISTINGS, SESSIONS, 11L);
    Map<String, DatedSeries> out = new LinkedHashMap<>();
    for (Map.Entry<String, DatedSeries> e : all.entrySet()) {
      DatedSeries s = e.getValue();
      double[] v = s.values();
      if (!e.getKey().equals("MKT")) {
        // Listing i misses prices at sessions 100 + 7i and 200 + 5i.
        int i = Integer.parseInt(e.getKey().substring(1));
        v[100 + 7 * i] = Double.NaN;
        v[200 + 5 * i] = Double.NaN;
      }
      out.put(e.getKey(), DatedSeries.ofEpochDays(e.getKey(), s.epochDays(), v));
    }
    return out;
  }

  static SimulationPanel panel(Map<String, DatedSeries> prices) {
    Map<String, DatedSeries> candidates = new LinkedHashMap<>(prices);
    DatedSeries market = candidates.remove("MKT");
    return SimulationPanel.of(market, candidates);
  }

  static SimulationSpecification.Builder spec(SimulationPanel panel) {
    return SimulationSpecification.builder(panel)
        .samples(4)
        .size(6)
        .seed(7)
        .shifts(List.of(0.0, 0.01, -0.02))
        .minValid(200);
  }

  /** One tested (sample, variant, window) as the simulation saw it. */
  record Seen(int variant, int window, CarSample sample, List<TestResult> results) {}

  @Test
  void everyStatisticEqualsWhatTheStudyReportsOnModifiedPrices() {
    Map<String, DatedSeries> prices = prices();
    SimulationPanel panel = panel(prices);
    SimulationSpecification spec = spec(panel).build();
    Eligibility el = new Eligibility(panel, spec);
    SampleWorker worker = new SampleWorker(panel, el, spec);
    List<Variant> variants = spec.variants();
    int compared = 0;
    for (Design design : Design.values()) {
      for (int s = 0; s < spec.samples(); s++) {
        List<Seen> seen = new ArrayList<>();
        worker.observer = (v, w, sample, results) -> seen.add(new Seen(v, w, sample, results));
        worker.run(design, s, new int[variants.size() * 2 * 11]);
        int[] listing = worker.listing.clone();
        int[] day = worker.dayZero.clone();
        double[] u = worker.u.clone();
        for (int v = 0; v < variants.size(); v++) {
          double[] add = new double[listing.length];
          for (int k = 0; k < listing.length; k++) {
            add[k] =
                variants.get(v) instanceof Variant.Shift sh
                    ? sh.delta()
                    : naiveVarianceAddition(prices, panel, listing[k], day[k], u[k]);
          }
          StudyResult study = study(prices, panel, design, listing, day, add);
          for (Seen x : seen) {
            if (x.variant() != v) {
              continue;
            }
            EventWindow w = spec.windows().get(x.window());
            CarSample fromStudy = (CarSample) study.sample(w, Measure.CAR);
            assertThat(fromStudy.size()).isEqualTo(spec.size());
            assertThat(x.sample().meanCrossCorrelation())
                .isCloseTo(
                    fromStudy.meanCrossCorrelation(),
                    org.assertj.core.api.Assertions.within(1e-12));
            List<TestResult> expected = TestSuite.standard().run(fromStudy);
            for (int t = 0; t < expected.size(); t++) {
              TestResult a = x.results().get(t);
              TestResult b = expected.get(t);
              assertThat(a.testId()).isEqualTo(b.testId());
              assertThat(a.isDefined()).as(a.testId()).isEqualTo(b.isDefined());
              assertClose(
                  a.statistic(),
                  b.statistic(),
                  design + " " + s + " " + v + " " + w + " " + a.testId());
              assertClose(
                  a.pValue(), b.pValue(), design + " " + s + " " + v + " " + w + " " + a.testId());
              compared++;
            }
          }
        }
      }
    }
    // 2 designs × 4 samples × 4 variants × 2 windows × 11 tests.
    assertThat(compared).isEqualTo(704);
  }

  private static void assertClose(double a, double b, String what) {
    if (Double.isNaN(b)) {
      assertThat(a).as(what).isNaN();
      return;
    }
    assertThat(Math.abs(a - b))
        .as(what + ": " + a + " vs " + b)
        .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(b)));
  }

  /**
   * R_ij − R̄_i over the listing's valid estimation days (its and the market's return present), j =
   * ⌊u·M⌋, from the raw prices: a second implementation of section 4.
   */
  static double naiveVarianceAddition(
      Map<String, DatedSeries> prices, SimulationPanel panel, int listing, int day, double u) {
    double[] p = prices.get(panel.ticker(listing)).values();
    double[] m = prices.get("MKT").values();
    List<Double> valid = new ArrayList<>();
    for (int t = day - 250; t <= day - 11; t++) {
      boolean ok =
          t >= 1
              && !Double.isNaN(p[t])
              && !Double.isNaN(p[t - 1])
              && !Double.isNaN(m[t])
              && !Double.isNaN(m[t - 1]);
      if (ok) {
        valid.add(p[t] / p[t - 1] - 1);
      }
    }
    double mean = valid.stream().mapToDouble(Double::doubleValue).sum() / valid.size();
    return valid.get((int) Math.floor(u * valid.size())) - mean;
  }

  /** The study of one sample on prices whose day-0 returns carry {@code add}. */
  private static StudyResult study(
      Map<String, DatedSeries> prices,
      SimulationPanel panel,
      Design design,
      int[] listing,
      int[] day,
      double[] add) {
    Map<String, DatedSeries> modified = new LinkedHashMap<>(prices);
    List<Listing> universe = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<String> tickers = new ArrayList<>();
    for (int k = 0; k < listing.length; k++) {
      String ticker = panel.ticker(listing[k]);
      DatedSeries s = prices.get(ticker);
      double[] v = s.values();
      int d = day[k];
      double r0 = v[d] / v[d - 1] - 1;
      double f = (1 + r0 + add[k]) / (1 + r0);
      for (int t = d; t < v.length; t++) {
        v[t] *= f;
      }
      modified.put(ticker, DatedSeries.ofEpochDays(ticker, s.epochDays(), v));
      universe.add(Listing.of(ticker, Exchange.NYSE, "MKT"));
      tickers.add(ticker);
      if (design == Design.NONCLUSTERED) {
        events.add(
            Event.of(
                String.format("e%02d", k), Announcement.on(panel.session(d)), List.of(ticker)));
      }
    }
    if (design == Design.CLUSTERED) {
      events.add(Event.of("c", Announcement.on(panel.session(day[0])), tickers));
    }
    ReturnPanel rp = ReturnPanel.of(universe, modified, ReturnType.SIMPLE);
    StudySpecification spec =
        StudySpecification.builder()
            .model(MarketModel.of())
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(EventWindow.of(0, 0), EventWindow.of(-1, 1), EventWindow.of(-5, 5))
            .minEstimation(200)
            .noCleaning()
            .build();
    return EventStudy.of(spec).run(rp, events);
  }

  @Test
  void rejectionsAreTheSamplesWithPBelowAlpha() {
    SimulationPanel panel = panel(prices());
    SimulationSpecification spec = spec(panel).samples(12).alpha(0.3).build();
    SampleWorker worker = new SampleWorker(panel, new Eligibility(panel, spec), spec);
    int cells = spec.variants().size() * spec.windows().size() * 11;
    int[][] naive = new int[2][cells];
    for (Design d : Design.values()) {
      int g = d.number();
      worker.observer =
          (v, w, sample, results) -> {
            for (int t = 0; t < results.size(); t++) {
              TestResult r = results.get(t);
              if (!Double.isNaN(r.pValue()) && r.pValue() < 0.3) {
                naive[g][(v * 2 + w) * 11 + t]++;
              }
            }
          };
      for (int s = 0; s < spec.samples(); s++) {
        worker.run(d, s, new int[cells]);
      }
    }
    SimulationResult result = Simulation.run(spec);
    int i = 0;
    int total = 0;
    for (SimulationResult.Cell c : result.cells()) {
      int g = c.design().number();
      assertThat(c.rejections()).as(c.toString()).isEqualTo(naive[g][i % cells]);
      assertThat(c.samples()).isEqualTo(12);
      total += c.rejections();
      i++;
    }
    // Not a table of zeros: at α = 0.3 and shifts of ±1-2 points there are many rejections.
    assertThat(total).isGreaterThan(200);
    assertThat(result.cells()).hasSize(2 * 4 * 2 * 11);
    assertThat(result.cells().get(0).design()).isEqualTo(Design.NONCLUSTERED);
    assertThat(result.cells().get(0).variant()).isEqualTo(Variant.shift(0));
    assertThat(result.cells().get(87).variant()).isEqualTo(Variant.variance());
    assertThat(result.cells().get(87).window()).isEqualTo(EventWindow.of(-1, 1));
    assertThat(result.cells().get(87).test()).isEqualTo("wilcoxon");
  }

  @Test
  void theFileIsByteIdenticalOnOneTwoAndFourThreads(@TempDir Path dir) throws Exception {
    SimulationPanel panel = panel(prices());
    SimulationSpecification spec = spec(panel).samples(60).size(5).build();
    byte[] one = write(Simulation.run(spec, 1, SimulationProgress.NONE), dir.resolve("1"));
    byte[] two = write(Simulation.run(spec, 2, SimulationProgress.NONE), dir.resolve("2"));
    byte[] four = write(Simulation.run(spec, 4, SimulationProgress.NONE), dir.resolve("4"));
    assertThat(two).isEqualTo(one);
    assertThat(four).isEqualTo(one);
    assertThat(new String(one, java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("design,variant,shift,window,test,rejections,samples,rate,se\n")
        .contains("\nnonclustered,shift,-0.02,0:0,cs-t,")
        .contains("\nclustered,variance,0,-1:1,wilcoxon,");
  }

  private static byte[] write(SimulationResult r, Path dir) throws Exception {
    Files.createDirectories(dir);
    return Files.readAllBytes(SimulationFiles.writeRejections(r, dir));
  }
}
