package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.FactorModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Robustness invariants of the whole study, 1,000 tries each, on random small worlds: up to 6
 * listings on up to 400 weekday sessions, with random holes everywhere (benchmark holidays, missing
 * listing prices, trading halts, late listings, delistings, listings without any price, prices that
 * never move, a listing identical to its benchmark), random estimation and event windows, random
 * cleaning, simple or log returns, all four kinds of model (the factor model on two factors with
 * their own holes), and events on random dates (some before or after the data, some timed with an
 * offset) affecting random subsets (some naming tickers the universe lacks).
 *
 * <ol>
 *   <li>No exception escapes the study or the eleven tests.
 *   <li>CAR = ΣAR on every window, and CAR is missing exactly when an AR of the window is.
 *   <li>Every output is finite or a documented NaN: a left-out firm-event has a reason and only NaN
 *       values; an OK one has finite parameters, s &gt; 0 and M ≥ the minimum; a window's values
 *       are finite exactly when its CAR is, else the firm-event is listed as absent from it; every
 *       test is defined (finite statistic, p in [0, 1]) or undefined with a reason.
 *   <li>Permuting the events and the universe changes no bit of any output.
 *   <li>The same input gives bit-identical outputs on a second run and on 1, 2 and 4 threads.
 * </ol>
 *
 * <p>Time is bounded by the sizes: a try runs one to three studies of at most a few hundred
 * firm-events; the class takes about 10 seconds on 2 cores. A world is built from the generated
 * parameters and a seed, so a failing sample reproduces from jqwik's report.
 */
class StudyRobustnessPropertiesTest {

  private static final List<String> FACTORS = List.of("F1", "F2");

  /** A random world and a specification for it. */
  static final class World {
    final LocalDate[] dates;
    final Map<String, DatedSeries> prices = new LinkedHashMap<>();
    final List<Listing> universe = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final FactorSet factors;
    final StudySpecification spec;
    final ReturnType returnType;

    World(
        long seed,
        int listings,
        int sessions,
        int eventCount,
        int modelIndex,
        boolean allAffected) {
      SplittableRandom rnd = new SplittableRandom(seed);
      dates = SyntheticPanels.sessions(sessions);
      // Benchmark: 1% daily σ; a few holidays (NaN prices: not sessions of the calendar).
      double[] m = new double[sessions];
      for (int t = 1; t < sessions; t++) {
        m[t] = 0.0003 + 0.01 * SyntheticPanels.gaussian(rnd);
      }
      double[] mp = SyntheticPanels.prices(m);
      for (int q = rnd.nextInt(4); q > 0; q--) {
        mp[1 + rnd.nextInt(sessions - 1)] = Double.NaN;
      }
      prices.put("MKT", DatedSeries.of("MKT", dates, mp));
      for (int i = 0; i < listings; i++) {
        String ticker = String.format(Locale.ROOT, "T%d", i);
        universe.add(Listing.of(ticker, Exchange.NYSE, "MKT"));
        int kind = rnd.nextInt(12);
        if (kind == 0) {
          continue; // no price file at all: NO_PRICES
        }
        double beta = 0.5 + rnd.nextDouble();
        double[] r = new double[sessions];
        for (int t = 1; t < sessions; t++) {
          r[t] = kind == 1 ? 0.0 : 0.0002 + beta * m[t] + 0.02 * SyntheticPanels.gaussian(rnd);
        }
        double[] p = kind == 2 ? mp.clone() : SyntheticPanels.prices(r); // 2: the benchmark itself
        int holes = rnd.nextInt(sessions / 10 + 1);
        for (int q = 0; q < holes; q++) {
          p[rnd.nextInt(sessions)] = Double.NaN;
        }
        if (kind == 3) { // a trading halt
          int from = rnd.nextInt(sessions);
          for (int t = from; t < Math.min(sessions, from + 1 + rnd.nextInt(8)); t++) {
            p[t] = Double.NaN;
          }
        }
        if (kind == 4) { // listed late
          java.util.Arrays.fill(p, 0, rnd.nextInt(sessions), Double.NaN);
        }
        if (kind == 5) { // delisted early
          java.util.Arrays.fill(p, rnd.nextInt(sessions), sessions, Double.NaN);
        }
        prices.put(ticker, DatedSeries.of(ticker, dates, p));
      }
      // Factors on the weekdays, with their own holes; F1 is the market's excess return.
      long[] days = new long[sessions];
      double[][] f = new double[2][sessions];
      double[] rf = new double[sessions];
      for (int t = 0; t < sessions; t++) {
        days[t] = dates[t].toEpochDay();
        rf[t] = rnd.nextInt(50) == 0 ? Double.NaN : 0.0001;
        f[0][t] = m[t] - 0.0001;
        f[1][t] = rnd.nextInt(30) == 0 ? Double.NaN : 0.005 * SyntheticPanels.gaussian(rnd);
      }
      factors = FactorSet.of(FACTORS, days, f, rf);

      // Events: dates from 20 weekdays before the data to 20 after; some timed.
      for (int e = 0; e < eventCount; e++) {
        LocalDate d =
            dates[0].plusDays(
                rnd.nextInt(
                    -28, (int) (dates[sessions - 1].toEpochDay() - dates[0].toEpochDay()) + 28));
        Announcement a =
            rnd.nextInt(4) == 0
                ? Announcement.at(
                    OffsetDateTime.of(
                        d,
                        LocalTime.of(rnd.nextInt(24), rnd.nextInt(60)),
                        ZoneOffset.ofHours(rnd.nextInt(-10, 15))))
                : Announcement.on(d);
        List<String> affected = new ArrayList<>();
        if (!allAffected && rnd.nextInt(3) > 0) {
          for (Listing l : universe) {
            if (rnd.nextBoolean()) {
              affected.add(l.ticker());
            }
          }
          if (rnd.nextInt(6) == 0) {
            affected.add("ZZZ"); // not in the universe
          }
        }
        events.add(Event.of(String.format(Locale.ROOT, "ev%03d", e), a, affected));
      }

      // Specification: a span within -8..8, 1-4 windows in it, an estimation window before it.
      NormalReturnModel model =
          List.of(
                  MarketModel.of(),
                  ConstantMeanModel.of(),
                  MarketAdjustedModel.of(),
                  FactorModel.of(FACTORS))
              .get(modelIndex);
      int spanFrom = -rnd.nextInt(9);
      int spanTo = rnd.nextInt(9);
      List<EventWindow> windows = new ArrayList<>();
      windows.add(EventWindow.of(spanFrom, spanTo));
      for (int w = rnd.nextInt(4); w > 0; w--) {
        int a = rnd.nextInt(spanFrom, spanTo + 1);
        EventWindow win = EventWindow.of(a, rnd.nextInt(a, spanTo + 1));
        if (!windows.contains(win)) {
          windows.add(win);
        }
      }
      Collections.shuffle(windows, new Random(seed));
      int k = model.parameterCount();
      int estTo = spanFrom - 1 - rnd.nextInt(6);
      int estLen = rnd.nextInt(k + 3, Math.max(k + 4, Math.min(200, sessions / 2)));
      StudySpecification.Builder b =
          StudySpecification.builder()
              .model(model)
              .estimationWindow(EventWindow.of(estTo - estLen + 1, estTo))
              .eventWindows(windows)
              .minEstimation(rnd.nextInt(k + 1, Math.max(k + 2, estLen * 2 / 3)));
      returnType = rnd.nextBoolean() ? ReturnType.SIMPLE : ReturnType.LOG;
      if (rnd.nextInt(3) == 0) {
        b.cleanEstimation(rnd.nextInt(6));
      }
      spec = b.build();
    }

    ReturnPanel panel(List<Listing> listings) {
      ReturnPanel panel = ReturnPanel.of(listings, prices, returnType).withFactors(factors);
      // Every exchange gets the set: a plain set serves only the US exchanges.
      for (Listing l : listings) {
        panel = panel.withFactors(l.exchange(), factors);
      }
      return panel;
    }

    StudyResult run(int threads, List<Listing> listings, List<Event> evs) {
      return EventStudy.of(spec).withParallelism(threads).run(panel(listings), evs);
    }
  }

  @Property(tries = 1000)
  void noExceptionAndEveryOutputIsFiniteOrADocumentedNaN(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int listings,
      @ForAll @IntRange(min = 40, max = 400) int sessions,
      @ForAll @IntRange(min = 1, max = 10) int events,
      @ForAll @IntRange(min = 0, max = 3) int model) {
    World w = new World(seed, listings, sessions, events, model, false);
    StudyResult r;
    StudyTests tests;
    try {
      r = w.run(1, w.universe, w.events);
      tests = StudyTests.run(r, TestSuite.standard());
    } catch (RuntimeException e) {
      throw new AssertionError("exception escaped for " + w.spec + ": " + e, e);
    }
    checkOutputs(w, r, tests);
  }

  @Property(tries = 1000)
  void carIsTheSumOfTheAbnormalReturns(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int listings,
      @ForAll @IntRange(min = 40, max = 400) int sessions,
      @ForAll @IntRange(min = 1, max = 10) int events,
      @ForAll @IntRange(min = 0, max = 3) int model) {
    World w = new World(seed, listings, sessions, events, model, false);
    StudyResult r = w.run(1, w.universe, w.events);
    for (FirmEventResult f : r.firmEvents()) {
      for (EventWindow win : r.testWindows()) {
        double sum = 0;
        double size = 0;
        for (int t = win.fromInclusive(); t <= win.toInclusive(); t++) {
          sum += f.abnormalReturn(t);
          size += Math.abs(f.abnormalReturn(t));
        }
        if (Double.isNaN(sum)) {
          assertThat(f.car(win)).as("%s %s with a missing AR", f, win).isNaN();
        } else {
          // Same terms, summed left to right: equal up to the rounding of a reordered sum.
          assertThat(Math.abs(f.car(win) - sum))
              .as("%s %s", f, win)
              .isLessThanOrEqualTo(1e-14 * size);
        }
      }
    }
  }

  @Property(tries = 1000)
  void permutingEventsAndListingsChangesNothing(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int listings,
      @ForAll @IntRange(min = 40, max = 400) int sessions,
      @ForAll @IntRange(min = 1, max = 10) int events,
      @ForAll @IntRange(min = 0, max = 3) int model,
      @ForAll long shuffle) {
    World w = new World(seed, listings, sessions, events, model, false);
    StudyResult base = w.run(1, w.universe, w.events);
    List<Event> evs = new ArrayList<>(w.events);
    Collections.shuffle(evs, new Random(shuffle));
    List<Listing> uni = new ArrayList<>(w.universe);
    Collections.shuffle(uni, new Random(~shuffle));
    StudyResult permuted = w.run(1, uni, evs);
    assertThat(Fingerprint.of(permuted)).isEqualTo(Fingerprint.of(base));
    assertThat(StudyTests.run(permuted, TestSuite.standard()).rows())
        .isEqualTo(StudyTests.run(base, TestSuite.standard()).rows());
  }

  /**
   * Bit-identical across runs and thread counts. Here every event affects every listing and there
   * are up to 60 events, so up to 360 firm-events: above 256 the map is cut into several chunks
   * whose partial sums are merged, which is what the thread count could disturb.
   */
  @Property(tries = 1000)
  void sameInputSameBitsOnOneTwoAndFourThreads(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int listings,
      @ForAll @IntRange(min = 40, max = 400) int sessions,
      @ForAll @IntRange(min = 1, max = 60) int events,
      @ForAll @IntRange(min = 0, max = 3) int model) {
    World w = new World(seed, listings, sessions, events, model, true);
    // The fingerprint holds every per-firm-event value and every window sample, the whole input
    // of the tests, so equal fingerprints mean equal test results.
    List<String> expected = Fingerprint.of(w.run(1, w.universe, w.events));
    assertThat(Fingerprint.of(w.run(1, w.universe, w.events))).as("second run").isEqualTo(expected);
    for (int threads : new int[] {2, 4}) {
      assertThat(Fingerprint.of(w.run(threads, w.universe, w.events)))
          .as("%d threads", threads)
          .isEqualTo(expected);
    }
  }

  // ------------------------------------------------------------------ output checks

  private static void checkOutputs(World w, StudyResult r, StudyTests tests) {
    StudySpecification spec = w.spec;
    EventWindow span = spec.eventSpan();
    int k = spec.model().parameterCount();
    Set<String> absent = new HashSet<>();
    r.windowExclusions()
        .forEach(
            x -> {
              assertThat(x.reason()).isNotBlank();
              absent.add(x.eventId() + "/" + x.ticker() + "/" + x.window());
            });
    for (FirmEventResult f : r.firmEvents()) {
      if (f.outcome() != Outcome.OK) {
        assertThat(f.reason()).as("%s", f).isNotBlank();
        assertThat(f.sigma()).isNaN();
        for (double p : f.parameters()) {
          assertThat(p).isNaN();
        }
        for (int t = span.fromInclusive(); t <= span.toInclusive(); t++) {
          assertThat(f.abnormalReturn(t)).isNaN();
          assertThat(f.standardizedAbnormalReturn(t)).isNaN();
          assertThat(f.returnOn(t)).isNaN();
        }
        for (EventWindow win : r.testWindows()) {
          assertThat(f.car(win)).isNaN();
          assertThat(f.carVariance(win)).isNaN();
          assertThat(f.bhar(win)).isNaN();
          assertThat(f.pValue(win)).isNaN();
        }
        continue;
      }
      assertThat(f.reason()).isEmpty();
      assertThat(f.observations()).isGreaterThanOrEqualTo(spec.minEstimation()).isGreaterThan(k);
      for (double p : f.parameters()) {
        assertThat(p).isFinite();
      }
      assertThat(f.sigma()).isFinite().isPositive();
      assertThat(f.positiveEstimationShare()).isBetween(0.0, 1.0);
      assertThat(f.dayZero()).isPresent();
      for (int t = span.fromInclusive(); t <= span.toInclusive(); t++) {
        double ar = f.abnormalReturn(t);
        if (Double.isNaN(ar)) {
          continue; // documented: a missing return, or a missing regressor that day
        }
        assertThat(ar).isFinite();
        assertThat(f.returnOn(t)).isFinite();
        assertThat(f.standardizedAbnormalReturn(t)).isFinite();
      }
      for (EventWindow win : r.testWindows()) {
        double car = f.car(win);
        if (Double.isNaN(car)) {
          for (double v :
              new double[] {f.carVariance(win), f.scar(win), f.pValue(win), f.bhar(win)}) {
            assertThat(v).isNaN();
          }
          if (spec.eventWindows().contains(win)) {
            assertThat(absent)
                .as("absence of %s from %s is listed", f, win)
                .contains(f.eventId() + "/" + f.ticker() + "/" + win);
          }
          continue;
        }
        assertThat(car).isFinite();
        assertThat(f.carVariance(win)).isFinite().isPositive();
        assertThat(f.scar(win)).isFinite();
        assertThat(f.pValue(win)).isBetween(0.0, 1.0);
        assertThat(f.bhar(win)).isFinite();
        assertThat(absent).doesNotContain(f.eventId() + "/" + f.ticker() + "/" + win);
      }
    }
    for (EventWindow win : r.testWindows()) {
      CarSample s = (CarSample) r.sample(win, Measure.CAR);
      long n = r.firmEvents().stream().filter(f -> !Double.isNaN(f.car(win))).count();
      assertThat(s.size()).isEqualTo((int) n);
      for (int i = 0; i < s.size(); i++) {
        assertThat(s.value(i)).isFinite();
        assertThat(s.standardized(i)).isFinite();
        assertThat(s.degreesOfFreedom(i)).isGreaterThanOrEqualTo(1);
      }
      assertThat(s.meanCrossCorrelation()).isBetween(-1.0, 1.0);
      for (double u : s.meanRankScores()) {
        if (!Double.isNaN(u)) {
          assertThat(u).isBetween(-0.5, 0.5);
        }
      }
      for (double aar : s.estimationAar()) {
        assertThat(Double.isInfinite(aar)).isFalse();
      }
      for (double v : r.sample(win, Measure.BHAR).values()) {
        assertThat(v).isFinite();
      }
    }
    for (StudyTests.Row row : tests.rows()) {
      TestResult t = row.result();
      if (t.isDefined()) {
        assertThat(t.statistic()).as("%s", t).isFinite();
        assertThat(t.pValue()).isBetween(0.0, 1.0);
      } else {
        assertThat(t.statistic()).isNaN();
        assertThat(t.pValue()).isNaN();
        assertThat(t.undefinedReason()).isNotBlank();
      }
      assertThat(t.n()).isEqualTo(r.sample(row.window(), row.measure()).size());
    }
    if (r.size() == 0 && !w.events.isEmpty() && !w.universe.isEmpty()) {
      fail(
          "a study of %d events on %d listings has no firm-event",
          w.events.size(), w.universe.size());
    }
  }
}
