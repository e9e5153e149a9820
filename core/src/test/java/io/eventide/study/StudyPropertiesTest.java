package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the study engine on small seeded random studies (STYLE.md item 12): CAR = ΣAR;
 * adding a constant to every market return leaves market-model ARs unchanged; scaling one listing's
 * returns by {@code c > 0} leaves its SAR and SCAR unchanged under the market and constant-mean
 * models; permuting the events (and the universe) leaves every statistic unchanged, bit for bit.
 *
 * <p>A study: 2 to 5 NYSE listings on 240 weekdays with random holes, 1 to 4 events on random days
 * and random subsets, estimation window {@code [-120, -11]}, at least 60 observations, the default
 * event windows.
 */
class StudyPropertiesTest {

  private static final int SESSIONS = 240;
  private static final List<NormalReturnModel> MODELS =
      List.of(MarketModel.of(), ConstantMeanModel.of(), MarketAdjustedModel.of());

  /** A random study described by its returns, so that they can be transformed. */
  static final class Study {
    final LocalDate[] dates = SyntheticPanels.sessions(SESSIONS);
    final double[] market = new double[SESSIONS];
    final double[][] returns;
    final boolean[][] holes;
    final List<Event> events = new ArrayList<>();
    final int listings;

    Study(long seed, int listings, int eventCount) {
      this.listings = listings;
      SplittableRandom rnd = new SplittableRandom(seed);
      returns = new double[listings][SESSIONS];
      holes = new boolean[listings][SESSIONS];
      for (int t = 1; t < SESSIONS; t++) {
        market[t] = 0.0003 + 0.01 * SyntheticPanels.gaussian(rnd);
      }
      for (int i = 0; i < listings; i++) {
        double beta = 0.5 + rnd.nextDouble();
        for (int t = 1; t < SESSIONS; t++) {
          returns[i][t] = 0.0002 + beta * market[t] + 0.02 * SyntheticPanels.gaussian(rnd);
        }
        int h = rnd.nextInt(4);
        for (int q = 0; q < h; q++) {
          holes[i][1 + rnd.nextInt(SESSIONS - 1)] = true;
        }
      }
      for (int e = 0; e < eventCount; e++) {
        int day = 121 + rnd.nextInt(SESSIONS - 126);
        List<String> affected = new ArrayList<>();
        for (int i = 0; i < listings; i++) {
          if (rnd.nextBoolean()) {
            affected.add(ticker(i));
          }
        }
        events.add(
            Event.of(
                String.format(Locale.ROOT, "ev%02d", e), Announcement.on(dates[day]), affected));
      }
    }

    static String ticker(int i) {
      return String.format(Locale.ROOT, "T%d", i);
    }

    List<Listing> universe() {
      List<Listing> u = new ArrayList<>();
      for (int i = 0; i < listings; i++) {
        u.add(Listing.of(ticker(i), Exchange.NYSE, "MKT"));
      }
      return u;
    }

    /** The panel with the market's returns shifted by delta and listing j's scaled by c. */
    ReturnPanel panel(List<Listing> universe, double delta, int scaled, double c) {
      Map<String, DatedSeries> prices = new LinkedHashMap<>();
      double[] m = new double[SESSIONS];
      for (int t = 1; t < SESSIONS; t++) {
        m[t] = market[t] + delta;
      }
      prices.put("MKT", DatedSeries.of("MKT", dates, SyntheticPanels.prices(m)));
      for (int i = 0; i < listings; i++) {
        double[] r = returns[i].clone();
        if (i == scaled) {
          for (int t = 1; t < SESSIONS; t++) {
            r[t] *= c;
          }
        }
        double[] p = SyntheticPanels.prices(r);
        for (int t = 0; t < SESSIONS; t++) {
          if (holes[i][t]) {
            p[t] = Double.NaN;
          }
        }
        prices.put(ticker(i), DatedSeries.of(ticker(i), dates, p));
      }
      return ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    }

    ReturnPanel panel() {
      return panel(universe(), 0.0, -1, 1.0);
    }
  }

  static StudySpecification spec(NormalReturnModel model) {
    return StudySpecification.builder()
        .model(model)
        .estimationWindow(EventWindow.of(-120, -11))
        .minEstimation(60)
        .build();
  }

  @Property(tries = 1000)
  void carIsTheSumOfTheAbnormalReturns(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int listings,
      @ForAll @IntRange(min = 1, max = 4) int events,
      @ForAll @IntRange(min = 0, max = 2) int model) {
    Study s = new Study(seed, listings, events);
    StudyResult r =
        EventStudy.of(spec(MODELS.get(model))).withParallelism(1).run(s.panel(), s.events);
    for (FirmEventResult f : r.firmEvents()) {
      if (f.outcome() != Outcome.OK) {
        continue;
      }
      for (EventWindow w : r.testWindows()) {
        double sum = 0;
        for (int t = w.fromInclusive(); t <= w.toInclusive(); t++) {
          sum += f.abnormalReturn(t);
        }
        if (Double.isNaN(sum)) {
          assertThat(f.car(w)).as("%s %s with a missing AR", f, w).isNaN();
        } else {
          assertThat(Math.abs(f.car(w) - sum)).as("%s %s", f, w).isLessThanOrEqualTo(1e-15);
        }
      }
    }
  }

  @Property(tries = 1000)
  void aConstantAddedToTheMarketLeavesMarketModelArsUnchanged(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int listings,
      @ForAll @IntRange(min = 1, max = 4) int events,
      @ForAll @DoubleRange(min = -0.02, max = 0.02) double delta) {
    Study s = new Study(seed, listings, events);
    EventStudy study = EventStudy.of(spec(MarketModel.of())).withParallelism(1);
    StudyResult base = study.run(s.panel(), s.events);
    StudyResult shifted = study.run(s.panel(s.universe(), delta, -1, 1.0), s.events);
    for (int i = 0; i < base.size(); i++) {
      FirmEventResult a = base.firmEvent(i);
      FirmEventResult b = shifted.firmEvent(i);
      assertThat(b.outcome()).isEqualTo(a.outcome());
      if (a.outcome() != Outcome.OK) {
        continue;
      }
      for (int t = -5; t <= 5; t++) {
        double x = a.abnormalReturn(t);
        double y = b.abnormalReturn(t);
        assertThat(Double.isNaN(y)).isEqualTo(Double.isNaN(x));
        if (!Double.isNaN(x)) {
          assertThat(Math.abs(x - y))
              .as("AR %s day %d, delta %s", a, t, delta)
              .isLessThanOrEqualTo(1e-12);
        }
      }
    }
  }

  @Property(tries = 1000)
  void scalingOneListingsReturnsLeavesItsSarAndScarUnchanged(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int listings,
      @ForAll @IntRange(min = 1, max = 4) int events,
      @ForAll @IntRange(min = 0, max = 1) int model,
      @ForAll @DoubleRange(min = 0.2, max = 5.0) double c) {
    Study s = new Study(seed, listings, events);
    EventStudy study = EventStudy.of(spec(MODELS.get(model))).withParallelism(1);
    StudyResult base = study.run(s.panel(), s.events);
    StudyResult scaled = study.run(s.panel(s.universe(), 0.0, 0, c), s.events);
    String target = Study.ticker(0);
    for (int i = 0; i < base.size(); i++) {
      FirmEventResult a = base.firmEvent(i);
      FirmEventResult b = scaled.firmEvent(i);
      assertThat(b.outcome()).isEqualTo(a.outcome());
      if (a.outcome() != Outcome.OK || !a.ticker().equals(target)) {
        continue;
      }
      for (int t = -5; t <= 5; t++) {
        assertRelative(
            "SAR " + a + " day " + t + " c " + c,
            a.standardizedAbnormalReturn(t),
            b.standardizedAbnormalReturn(t));
      }
      for (EventWindow w : base.testWindows()) {
        assertRelative("SCAR " + a + " " + w + " c " + c, a.scar(w), b.scar(w));
      }
    }
  }

  @Property(tries = 1000)
  void permutingEventsLeavesEveryStatisticUnchanged(
      @ForAll long seed,
      @ForAll @IntRange(min = 2, max = 5) int listings,
      @ForAll @IntRange(min = 2, max = 4) int events,
      @ForAll @IntRange(min = 0, max = 2) int model,
      @ForAll long shuffle,
      @ForAll @IntRange(min = 1, max = 4) int threads) {
    Study s = new Study(seed, listings, events);
    StudySpecification spec = spec(MODELS.get(model));
    StudyResult base = EventStudy.of(spec).withParallelism(1).run(s.panel(), s.events);
    List<Event> permuted = new ArrayList<>(s.events);
    Collections.shuffle(permuted, new Random(shuffle));
    List<Listing> universe = new ArrayList<>(s.universe());
    Collections.shuffle(universe, new Random(~shuffle));
    StudyResult other =
        EventStudy.of(spec).withParallelism(threads).run(s.panel(universe, 0.0, -1, 1.0), permuted);
    assertThat(Fingerprint.of(other)).isEqualTo(Fingerprint.of(base));
  }

  private static void assertRelative(String what, double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
      return;
    }
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs %s", what, expected, actual)
        .isLessThanOrEqualTo(Math.max(1e-12, 1e-9 * Math.abs(expected)));
  }
}
