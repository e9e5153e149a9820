package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.FactorModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.study.ReferenceFixtures.World;
import io.eventide.study.ReferenceStudy.Ref;
import io.eventide.study.ReferenceStudy.RefSample;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against {@link ReferenceStudy}, a naive implementation of {@code docs/statistics.md}
 * sections 1-2 and the reduced inputs of section 3, written from the spec with dates, loops and
 * Commons Math. Every expected value comes from the reference; the fixture's design (which day is
 * day 0, which firm-event is left out and why, which windows a hole removes) is also asserted
 * against hand reasoning stated in the comments, so a bug shared by both sides would still show.
 *
 * <p>Tolerance: {@link Agreement#RELATIVE} (1e-9) relative, {@link Agreement#ABSOLUTE} (1e-12)
 * absolute near zero; NaN must meet NaN.
 */
class EventStudyReferenceTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneOffset HONG_KONG = ZoneOffset.ofHours(8);

  // ------------------------------------------------------------------ scenario 1: two calendars

  /** The two-calendar world of scenarios 1-3, with its holes and extra listings. */
  static final class Scenario {
    final World world = ReferenceFixtures.twoCalendars(20240607L, 6, 5, 700);
    final List<Event> events = new ArrayList<>();
    final LocalDate w400 = world.weekday(400);

    Scenario() {
      Map<String, DatedSeries> p = world.prices;
      // LATE: N00's prices, but only from 90 NYSE sessions before e1's day 0, so M < 100.
      world.add(Listing.of("LATE", Exchange.NYSE, "SPX"), rename(p.get("N00"), "LATE"));
      ReferenceFixtures.startAt(p, "LATE", world.shift(Exchange.NYSE, w400, -90));
      // FLAT: a price that never moves: s² = 0, nothing can be standardized.
      world.add(Listing.of("FLAT", Exchange.NYSE, "SPX"), rename(p.get("N04"), "FLAT"));
      ReferenceFixtures.flatten(p, "FLAT");
      // NOPX: in the universe, no price file.
      world.add(Listing.of("NOPX", Exchange.NYSE, "SPX"), null);

      LocalDate e1Hk = world.weekday(402);
      LocalDate e2Hk = world.weekday(461);
      // Holes inside estimation windows: two blank prices (four missing returns) ...
      ReferenceFixtures.setMissing(
          p,
          "H01.HK",
          world.shift(Exchange.HKEX, e1Hk, -100),
          world.shift(Exchange.HKEX, e1Hk, -50));
      // ... and a missing row (two missing returns).
      ReferenceFixtures.removeDates(p, "N01", world.shift(Exchange.NYSE, w400, -30));
      // Holes inside event windows: N03 on e1's day +2 (returns +2, +3 missing), H01.HK on
      // e2's day -4 (returns -4, -3 missing).
      ReferenceFixtures.setMissing(p, "N03", world.shift(Exchange.NYSE, w400, 2));
      ReferenceFixtures.setMissing(p, "H01.HK", world.shift(Exchange.HKEX, e2Hk, -4));

      // e1: date-only, every listing. Weekday 400 is an NYSE session but an HKEX holiday, as is
      // 401; 402 is an HKEX session. Day 0: NYSE 400, HKEX 402.
      events.add(Event.of("e1-macro", Announcement.on(w400), List.of()));
      // e2: 19:00 Hong Kong time on weekday 460 (a session on both). HKEX closed at 16:00, so
      // day 0 there is the next session, 461; in New York it is 06:00 or 07:00 on 460, before
      // the 16:00 close: day 0 is 460. ZZZZ is not in the universe.
      events.add(
          Event.of(
              "e2-policy",
              Announcement.at(
                  OffsetDateTime.of(world.weekday(460), LocalTime.of(19, 0), HONG_KONG)),
              List.of("H00.HK", "H01.HK", "N00", "N01", "ZZZZ")));
      // e3: too late, the event span (to +5) runs past the last session.
      events.add(
          Event.of("e3-late", Announcement.on(world.weekday(695)), List.of("N00", "H00.HK")));
      // e4: too early, the estimation window (from -250) starts before the first session.
      events.add(
          Event.of("e4-early", Announcement.on(world.weekday(200)), List.of("N01", "H01.HK")));
      // e5: after the last session: no day 0.
      events.add(
          Event.of("e5-after", Announcement.on(world.weekday(699).plusDays(10)), List.of("N02")));
      // e6: 16:30 New York on weekday 519, after the NYSE close; 520 is an NYSE holiday, so
      // NYSE day 0 is 521. In Hong Kong it is 04:30/05:30 on 520, an HKEX session: day 0 520.
      events.add(
          Event.of(
              "e6-ny-evening",
              Announcement.at(
                  ZonedDateTime.of(world.weekday(519), LocalTime.of(16, 30), NEW_YORK)
                      .toOffsetDateTime()),
              List.of("N02", "N03", "H02.HK", "H03.HK")));
      // e7: exactly the NYSE close on 560 (at or after the close: day 0 is 560); in Hong Kong
      // it is early on 561, an HKEX session: day 0 561.
      events.add(
          Event.of(
              "e7-at-close",
              Announcement.at(
                  ZonedDateTime.of(world.weekday(560), LocalTime.of(16, 0), NEW_YORK)
                      .toOffsetDateTime()),
              List.of("N04", "H04.HK")));
    }

    ReturnPanel panel(ReturnType type) {
      return world.panel(type);
    }

    ReferenceStudy reference(StudySpecification spec) {
      return reference(spec, ReturnType.SIMPLE);
    }

    ReferenceStudy reference(StudySpecification spec, ReturnType type) {
      return ReferenceStudy.run(spec, type, world.universe, world.prices, world.factors, events);
    }
  }

  private static DatedSeries rename(DatedSeries s, String name) {
    LocalDate[] d = new LocalDate[s.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = s.date(i);
    }
    return DatedSeries.of(name, d, s.values());
  }

  static Stream<Arguments> models() {
    List<Arguments> out = new ArrayList<>();
    for (ReturnType type : ReturnType.values()) {
      out.add(Arguments.of(MarketModel.of(), type));
      out.add(Arguments.of(ConstantMeanModel.of(), type));
      out.add(Arguments.of(MarketAdjustedModel.of(), type));
      out.add(Arguments.of(FactorModel.of(ReferenceFixtures.FACTORS), type));
    }
    return out.stream();
  }

  /** Scenarios 1-3: every model, simple and log returns, on the two-calendar world. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("models")
  void everyOutputMatchesTheReference(NormalReturnModel model, ReturnType type) {
    Scenario sc = new Scenario();
    StudySpecification spec = StudySpecification.builder().model(model).build();
    StudyResult engine = EventStudy.of(spec).withParallelism(2).run(sc.panel(type), sc.events);
    ReferenceStudy ref = sc.reference(spec, type);
    compare(model.id() + " " + type, engine, ref).assertAgreement();
  }

  /**
   * Scenario 1's design, checked by hand on the reference and the engine alike: day 0 on each
   * calendar, the outcome of every left-out firm-event, and the windows a hole removes.
   */
  @Test
  void scenarioDesignHolds() {
    Scenario sc = new Scenario();
    World w = sc.world;
    StudySpecification spec = StudySpecification.defaults();
    StudyResult engine =
        EventStudy.of(spec).withParallelism(1).run(sc.panel(ReturnType.SIMPLE), sc.events);
    ReferenceStudy ref = sc.reference(spec);
    Map<String, FirmEventResult> byId = new LinkedHashMap<>();
    for (FirmEventResult f : engine.firmEvents()) {
      byId.put(f.eventId() + "/" + f.ticker(), f);
    }
    // Day 0 as reasoned in Scenario().
    Object[][] dayZeros = {
      {"e1-macro/N02", w.weekday(400)}, {"e1-macro/H02.HK", w.weekday(402)},
      {"e2-policy/N00", w.weekday(460)}, {"e2-policy/H00.HK", w.weekday(461)},
      {"e6-ny-evening/N02", w.weekday(521)}, {"e6-ny-evening/H02.HK", w.weekday(520)},
      {"e7-at-close/N04", w.weekday(560)}, {"e7-at-close/H04.HK", w.weekday(561)},
    };
    for (Object[] dz : dayZeros) {
      String[] id = ((String) dz[0]).split("/");
      assertThat(byId.get(dz[0]).dayZero())
          .as("engine day 0 of %s", dz[0])
          .contains((LocalDate) dz[1]);
      assertThat(ref.find(id[0], id[1]).dayZero)
          .as("reference day 0 of %s", dz[0])
          .isEqualTo(dz[1]);
    }
    // Outcomes of the left-out firm-events.
    Object[][] outcomes = {
      {"e1-macro/NOPX", Outcome.NO_PRICES},
      {"e1-macro/LATE", Outcome.INSUFFICIENT_ESTIMATION},
      {"e1-macro/FLAT", Outcome.INSUFFICIENT_ESTIMATION},
      {"e2-policy/ZZZZ", Outcome.UNKNOWN_TICKER},
      {"e3-late/N00", Outcome.OUT_OF_RANGE},
      {"e3-late/H00.HK", Outcome.OUT_OF_RANGE},
      {"e4-early/N01", Outcome.OUT_OF_RANGE},
      {"e4-early/H01.HK", Outcome.OUT_OF_RANGE},
      {"e5-after/N02", Outcome.OUT_OF_RANGE},
      {"e1-macro/N01", Outcome.OK},
      {"e1-macro/H01.HK", Outcome.OK},
    };
    for (Object[] o : outcomes) {
      String[] id = ((String) o[0]).split("/");
      assertThat(byId.get(o[0]).outcome()).as("engine outcome of %s", o[0]).isEqualTo(o[1]);
      assertThat(ref.find(id[0], id[1]).outcome)
          .as("reference outcome of %s", o[0])
          .isEqualTo(o[1]);
    }
    assertThat(byId.get("e5-after/N02").dayZero()).isEmpty();
    // LATE has prices from day -90 only: its first return is day -89, so M = 89 - 11 + 1 = 79
    // valid estimation days ([-89, -11]).
    assertThat(byId.get("e1-macro/LATE").observations()).isEqualTo(79);
    assertThat(ref.find("e1-macro", "LATE").m).isEqualTo(79);
    // Holes: H01.HK has two blank prices in e1's estimation window (4 returns), N01 one missing
    // row (2 returns); N00 none. Both H01.HK blanks fall in e2's window too.
    assertThat(byId.get("e1-macro/N00").observations()).isEqualTo(240);
    assertThat(byId.get("e1-macro/N01").observations()).isEqualTo(238);
    assertThat(byId.get("e1-macro/H01.HK").observations()).isEqualTo(236);
    assertThat(ref.find("e1-macro", "N01").m).isEqualTo(238);
    assertThat(ref.find("e1-macro", "H01.HK").m).isEqualTo(236);
    // N03 lacks returns on e1's days +2 and +3: absent from -5:5, present in -1:1, 0:0, 0:1.
    FirmEventResult n03 = byId.get("e1-macro/N03");
    assertThat(n03.car(EventWindow.of(-5, 5))).isNaN();
    assertThat(n03.car(EventWindow.of(2, 2))).isNaN();
    assertThat(n03.car(EventWindow.of(3, 3))).isNaN();
    assertThat(n03.car(EventWindow.of(-1, 1))).isFinite();
    assertThat(n03.car(EventWindow.of(0, 1))).isFinite();
    assertThat(n03.car(EventWindow.of(4, 4))).isFinite();
    assertThat(ref.find("e1-macro", "N03").car)
        .containsKeys(EventWindow.of(-1, 1))
        .doesNotContainKeys(EventWindow.of(-5, 5), EventWindow.of(2, 2));
    // H01.HK lacks returns on e2's days -4 and -3.
    FirmEventResult h01 = byId.get("e2-policy/H01.HK");
    assertThat(h01.car(EventWindow.of(-5, 5))).isNaN();
    assertThat(h01.car(EventWindow.of(-4, -4))).isNaN();
    assertThat(h01.car(EventWindow.of(-1, 1))).isFinite();
    // Window -5:5: e1 (14 listings, minus NOPX, LATE, FLAT, N03) = 10, e2 (4 known tickers
    // minus H01.HK) = 3, e6 4, e7 2: N = 19. Window 0:0 adds N03 and H01.HK: N = 21.
    assertThat(engine.sample(EventWindow.of(-5, 5), Measure.CAR).size()).isEqualTo(19);
    assertThat(engine.sample(EventWindow.of(0, 0), Measure.CAR).size()).isEqualTo(21);
    assertThat(ref.samples.get(EventWindow.of(-5, 5)).members).hasSize(19);
    // The clustered pairs are correlated (the common shock Z): r̄ is well away from zero.
    assertThat(ref.samples.get(EventWindow.of(0, 0)).rbar).isGreaterThan(0.02);
    compare("design", engine, ref).assertAgreement();
  }

  // ------------------------------------------------------------------ scenario 4: cleaning

  /**
   * Events that fall in each other's estimation windows on the same listings. c1 and c3 share a day
   * 0 on N02 and H02.HK; c4 is one session after c1 on N03; c5 is ten NYSE sessions before c1 on
   * N00 and H03.HK; c2 is a hundred weekdays before c1; c6 is out of range itself but falls in c1's
   * estimation window on N01 and H01.HK.
   */
  static List<Event> cleaningEvents(World w) {
    List<Event> ev = new ArrayList<>();
    ev.add(Event.of("c1", Announcement.on(w.weekday(450)), List.of()));
    ev.add(
        Event.of("c2", Announcement.on(w.weekday(350)), List.of("N00", "N01", "H00.HK", "H01.HK")));
    ev.add(Event.of("c3", Announcement.on(w.weekday(450)), List.of("N02", "H02.HK")));
    LocalDate c1Ny =
        w.sessions(Exchange.NYSE).stream()
            .filter(d -> !d.isBefore(w.weekday(450)))
            .findFirst()
            .orElseThrow();
    ev.add(Event.of("c4", Announcement.on(w.shift(Exchange.NYSE, c1Ny, 1)), List.of("N03")));
    ev.add(
        Event.of(
            "c5",
            Announcement.at(
                ZonedDateTime.of(w.shift(Exchange.NYSE, c1Ny, -10), LocalTime.of(9, 0), NEW_YORK)
                    .toOffsetDateTime()),
            List.of("N00", "H03.HK")));
    // c6: too early for a study of its own (OUT_OF_RANGE), but its day 0 lies in c1's
    // estimation window on N01 and H01.HK, so it is still cleaned away there.
    ev.add(
        Event.of(
            "c6", Announcement.on(w.shift(Exchange.NYSE, c1Ny, -230)), List.of("N01", "H01.HK")));
    return ev;
  }

  @ParameterizedTest(name = "clean ±{0}")
  @MethodSource("cleaningRadii")
  void cleaningMatchesTheReference(int radius) {
    World w = ReferenceFixtures.twoCalendars(99L, 5, 4, 700);
    List<Event> events = cleaningEvents(w);
    StudySpecification spec = StudySpecification.builder().cleanEstimation(radius).build();
    StudyResult engine =
        EventStudy.of(spec).withParallelism(1).run(w.panel(ReturnType.SIMPLE), events);
    ReferenceStudy ref = ReferenceStudy.run(spec, w.universe, w.prices, w.factors, events);
    compare("clean " + radius, engine, ref).assertAgreement();
  }

  static Stream<Integer> cleaningRadii() {
    return Stream.of(0, 3, 12);
  }

  /**
   * Hand count for cleaning ±12 on N02: c3 has the same day 0 as c1, so the sessions within 12 of
   * it that lie in c1's estimation window [-250, -11] are days -12 and -11: M = 238. N04 has no
   * other event: M = 240. N03 has c4 at day +1: day -11 only: M = 239. N00 has c5 at day -10 (days
   * -22..-11: 12 sessions) and c2 about a hundred sessions earlier (25 sessions): 203.
   */
  @Test
  void cleaningHandCounts() {
    World w = ReferenceFixtures.twoCalendars(99L, 5, 4, 700);
    List<Event> events = cleaningEvents(w);
    StudySpecification spec = StudySpecification.builder().cleanEstimation(12).build();
    StudyResult engine =
        EventStudy.of(spec).withParallelism(1).run(w.panel(ReturnType.SIMPLE), events);
    Map<String, Integer> m = new LinkedHashMap<>();
    for (FirmEventResult f : engine.firmEvents()) {
      m.put(f.eventId() + "/" + f.ticker(), f.observations());
    }
    assertThat(m.get("c1/N04")).isEqualTo(240);
    assertThat(m.get("c1/N03")).isEqualTo(239);
    assertThat(m.get("c1/N02")).as("c3 shares c1's day 0 on N02").isEqualTo(238);
    assertThat(m.get("c3/N02")).as("c1 shares c3's day 0 on N02").isEqualTo(238);
    assertThat(m.get("c1/N00")).isEqualTo(240 - 12 - 25);
    // N01: c2 (25 sessions) and c6 at day -230 (days -242..-218: 25 sessions).
    assertThat(m.get("c1/N01")).isEqualTo(240 - 25 - 25);
    assertThat(
            engine.firmEvents().stream()
                .filter(f -> f.eventId().equals("c6") && f.ticker().equals("N01"))
                .findFirst()
                .orElseThrow()
                .outcome())
        .isEqualTo(Outcome.OUT_OF_RANGE);
  }

  // ------------------------------------------------------------------ awkward inputs

  /**
   * Awkward inputs: a third exchange (SSE, 15:00 close) whose benchmark stands still for months (a
   * zero-variance market), an illiquid listing whose price moves every third session (tied
   * constant-mean ARs), a listing with a long hole (fewer than 30 dates in common with anyone under
   * the short estimation window), a firm-event whose whole event span is missing, a listing with
   * prices only on Sundays, a weekend announcement, and events on the first and last sessions a
   * study can use.
   */
  static final class Awkward {
    final World world = ReferenceFixtures.twoCalendars(31L, 3, 2, 700);
    final List<Event> events = new ArrayList<>();
    final List<LocalDate> ny = world.sessions(Exchange.NYSE);

    Awkward() {
      Map<String, DatedSeries> p = world.prices;
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
      // SSE: benchmark SHCOMP on every weekday, flat from weekday 150 to 420.
      List<LocalDate> days = world.weekdays;
      double[] idx = new double[days.size()];
      double[] stock = new double[days.size()];
      double level = 3000;
      double price = 10;
      for (int i = 0; i < idx.length; i++) {
        double m = i >= 150 && i <= 420 ? 0.0 : 0.012 * ReferenceFixtures.gaussian(rnd);
        if (i > 0) {
          level *= 1 + m;
          price *= 1 + 0.9 * m + 0.02 * ReferenceFixtures.gaussian(rnd);
        }
        idx[i] = level;
        stock[i] = price;
      }
      LocalDate[] dayArray = days.toArray(new LocalDate[0]);
      p.put("SHCOMP", DatedSeries.of("SHCOMP", dayArray, idx));
      world.add(
          Listing.of("600000.SS", Exchange.SSE, "SHCOMP"),
          DatedSeries.of("600000.SS", dayArray, stock));
      // ILLQ: N00's price, refreshed only every third NYSE session.
      DatedSeries n00 = p.get("N00");
      double[] illq = new double[ny.size()];
      for (int t = 0; t < ny.size(); t++) {
        illq[t] = n00.valueOn(ny.get(t - t % 3));
      }
      world.add(
          Listing.of("ILLQ", Exchange.NYSE, "SPX"),
          DatedSeries.of("ILLQ", ny.toArray(new LocalDate[0]), illq));
      // SPARSE: N01's prices, blank from day -40 to -15 of a1 (NYSE).
      LocalDate a1Ny = firstOnOrAfter(ny, days.get(430));
      world.add(Listing.of("SPARSE", Exchange.NYSE, "SPX"), rename(p.get("N01"), "SPARSE"));
      List<LocalDate> blank = new ArrayList<>();
      for (int tau = -40; tau <= -15; tau++) {
        blank.add(world.shift(Exchange.NYSE, a1Ny, tau));
      }
      ReferenceFixtures.setMissing(p, "SPARSE", blank.toArray(new LocalDate[0]));
      // HOLE: N02's prices, blank from day -6 to +5 of a6: every AR of the span is missing.
      LocalDate a6 = ny.get(560);
      world.add(Listing.of("HOLE", Exchange.NYSE, "SPX"), rename(p.get("N02"), "HOLE"));
      blank.clear();
      for (int tau = -6; tau <= 5; tau++) {
        blank.add(world.shift(Exchange.NYSE, a6, tau));
      }
      ReferenceFixtures.setMissing(p, "HOLE", blank.toArray(new LocalDate[0]));
      // GHOST: prices on Sundays only, never a session.
      List<LocalDate> sundays = new ArrayList<>();
      List<Double> sundayPrices = new ArrayList<>();
      for (LocalDate d = days.get(0); d.isBefore(days.get(699)); d = d.plusDays(1)) {
        if (d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
          sundays.add(d);
          sundayPrices.add(50.0 + sundays.size() % 7);
        }
      }
      world.add(
          Listing.of("GHOST", Exchange.HKEX, "HSI"),
          ReferenceFixtures.series("GHOST", sundays, sundayPrices));

      // a1: a Saturday; day 0 is the next session on each calendar.
      LocalDate saturday = days.get(430);
      while (saturday.getDayOfWeek() != java.time.DayOfWeek.SATURDAY) {
        saturday = saturday.plusDays(1);
      }
      events.add(Event.of("a1-weekend", Announcement.on(saturday), List.of()));
      // a2: 15:30 Shanghai time, after the SSE close (15:00) but before HKEX's (16:00).
      events.add(
          Event.of(
              "a2-after-sse-close",
              Announcement.at(OffsetDateTime.of(days.get(650), LocalTime.of(15, 30), HONG_KONG)),
              List.of()));
      // a3: exactly the SSE close.
      events.add(
          Event.of(
              "a3-at-sse-close",
              Announcement.at(OffsetDateTime.of(days.get(600), LocalTime.of(15, 0), HONG_KONG)),
              List.of("600000.SS", "N00", "H00.HK")));
      // a4: one listing, alone in its cluster.
      events.add(Event.of("a4-alone", Announcement.on(days.get(500)), List.of("N01")));
      // a5: the first and last NYSE sessions a default study can use, and one beyond each.
      events.add(Event.of("a5-first-ok", Announcement.on(ny.get(250)), List.of("N02")));
      events.add(Event.of("a5-first-out", Announcement.on(ny.get(249)), List.of("N02")));
      events.add(Event.of("a5-last-ok", Announcement.on(ny.get(ny.size() - 6)), List.of("N02")));
      events.add(Event.of("a5-last-out", Announcement.on(ny.get(ny.size() - 5)), List.of("N02")));
      // a6: HOLE's whole event span is missing.
      events.add(Event.of("a6-hole", Announcement.on(a6), List.of("HOLE", "N02", "ILLQ")));
      // a7: a listing with no session price, an unknown ticker, a duplicate in the list.
      events.add(
          Event.of(
              "a7-ghost",
              Announcement.on(days.get(470)),
              List.of("GHOST", "ZZ", "H01.HK", "H01.HK")));
      // a8: the SSE listing while its benchmark stands still.
      events.add(Event.of("a8-flat-market", Announcement.on(days.get(430)), List.of("600000.SS")));
    }

    ReferenceStudy reference(StudySpecification spec) {
      return reference(spec, ReturnType.SIMPLE);
    }

    ReferenceStudy reference(StudySpecification spec, ReturnType type) {
      return ReferenceStudy.run(spec, type, world.universe, world.prices, world.factors, events);
    }
  }

  private static LocalDate firstOnOrAfter(List<LocalDate> cal, LocalDate d) {
    return cal.stream().filter(x -> !x.isBefore(d)).findFirst().orElseThrow();
  }

  static Stream<Arguments> awkwardSpecs() {
    List<Arguments> out = new ArrayList<>();
    for (NormalReturnModel model :
        List.of(MarketModel.of(), ConstantMeanModel.of(), MarketAdjustedModel.of())) {
      out.add(Arguments.of(StudySpecification.builder().model(model).build(), ReturnType.SIMPLE));
      // Short estimation: SPARSE keeps 23 valid days, fewer than 30 in common with anyone.
      out.add(
          Arguments.of(
              StudySpecification.builder()
                  .model(model)
                  .estimationWindow(EventWindow.of(-60, -11))
                  .minEstimation(20)
                  .eventWindows(EventWindow.of(-2, 3), EventWindow.of(1, 1), EventWindow.of(-2, -2))
                  .build(),
              ReturnType.SIMPLE));
      // Estimation shorter than 30 days: every pair counts 0.
      out.add(
          Arguments.of(
              StudySpecification.builder()
                  .model(model)
                  .estimationWindow(EventWindow.of(-30, -11))
                  .minEstimation(15)
                  .build(),
              ReturnType.LOG));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("awkwardSpecs")
  void awkwardInputsMatchTheReference(StudySpecification spec, ReturnType type) {
    Awkward aw = new Awkward();
    StudyResult engine =
        EventStudy.of(spec).withParallelism(2).run(aw.world.panel(type), aw.events);
    ReferenceStudy ref = aw.reference(spec, type);
    compare("awkward " + spec + " " + type, engine, ref).assertAgreement();
  }

  /** The awkward scenario's design, by hand. */
  @Test
  void awkwardDesignHolds() {
    Awkward aw = new Awkward();
    StudySpecification spec = StudySpecification.defaults();
    StudyResult engine =
        EventStudy.of(spec).withParallelism(1).run(aw.world.panel(ReturnType.SIMPLE), aw.events);
    ReferenceStudy ref = aw.reference(spec);
    Map<String, FirmEventResult> byId = new LinkedHashMap<>();
    for (FirmEventResult f : engine.firmEvents()) {
      byId.put(f.eventId() + "/" + f.ticker(), f);
    }
    Object[][] outcomes = {
      // The SSE benchmark is flat over a8's whole estimation window: rank-deficient design.
      {"a8-flat-market/600000.SS", Outcome.INSUFFICIENT_ESTIMATION},
      {"a7-ghost/GHOST", Outcome.NO_PRICES},
      {"a7-ghost/ZZ", Outcome.UNKNOWN_TICKER},
      {"a7-ghost/H01.HK", Outcome.OK},
      // Day 0 at session 250: the estimation window starts at session 0, which exists.
      {"a5-first-ok/N02", Outcome.OK},
      {"a5-first-out/N02", Outcome.OUT_OF_RANGE},
      // Day 0 six sessions before the end: day +5 is the last session.
      {"a5-last-ok/N02", Outcome.OK},
      {"a5-last-out/N02", Outcome.OUT_OF_RANGE},
      {"a6-hole/HOLE", Outcome.OK},
    };
    for (Object[] o : outcomes) {
      String[] id = ((String) o[0]).split("/");
      assertThat(byId.get(o[0]).outcome()).as("engine outcome of %s", o[0]).isEqualTo(o[1]);
      assertThat(ref.find(id[0], id[1]).outcome)
          .as("reference outcome of %s", o[0])
          .isEqualTo(o[1]);
    }
    // Session 0 has no return (no previous session): M = 239 for the first usable day 0.
    assertThat(byId.get("a5-first-ok/N02").observations()).isEqualTo(239);
    // H01.HK appears once although a7 lists it twice.
    assertThat(engine.firmEvents().stream().filter(f -> f.eventId().equals("a7-ghost"))).hasSize(3);
    // HOLE is OK but in no window.
    for (EventWindow w : engine.testWindows()) {
      assertThat(byId.get("a6-hole/HOLE").car(w)).isNaN();
    }
    // The weekend announcement's day 0 is the Monday after (or the next session).
    LocalDate saturday = ref.find("a1-weekend", "N00").dayZero;
    assertThat(saturday.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
    assertThat(byId.get("a1-weekend/N00").dayZero()).contains(saturday);
    // 15:30 Shanghai: after the SSE close, before HKEX's; New York 03:30 the same day.
    LocalDate d650 = aw.world.weekday(650);
    assertThat(byId.get("a2-after-sse-close/600000.SS").dayZero())
        .contains(d650.plusDays(d650.getDayOfWeek() == java.time.DayOfWeek.FRIDAY ? 3 : 1));
    assertThat(ref.find("a3-at-sse-close", "600000.SS").dayZero).isEqualTo(aw.world.weekday(600));
    assertThat(byId.get("a3-at-sse-close/600000.SS").dayZero()).contains(aw.world.weekday(600));
    // Constant-mean ARs of ILLQ tie (returns of exactly 0): ties are averaged, so some Ū
    // contributions are not multiples of 1/(T+1).
    Ref illq =
        ReferenceStudy.run(
                StudySpecification.builder().model(ConstantMeanModel.of()).build(),
                aw.world.universe,
                aw.world.prices,
                null,
                aw.events)
            .find("a1-weekend", "ILLQ");
    long ties =
        java.util.Arrays.stream(illq.residuals)
            .filter(e -> e == illq.residuals[1] || e == illq.residuals[2])
            .count();
    assertThat(ties).isGreaterThan(100);
    compare("awkward design", engine, ref).assertAgreement();
  }

  /**
   * The r̄ edge cases are really exercised: under estimation [-60, -11] SPARSE keeps 23 valid days
   * ([-60, -41] and [-13, -11]), so every pair with it has fewer than 30 common dates and counts 0;
   * under [-30, -11] (20 days) every pair counts 0 and r̄ = 0 in every window.
   */
  @Test
  void pairsWithFewerThanThirtyCommonDatesCountZero() {
    Awkward aw = new Awkward();
    StudySpecification shortSpec =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-60, -11))
            .minEstimation(20)
            .build();
    StudyResult engine = EventStudy.of(shortSpec).run(aw.world.panel(ReturnType.SIMPLE), aw.events);
    ReferenceStudy ref = aw.reference(shortSpec);
    Ref sparse = ref.find("a1-weekend", "SPARSE");
    assertThat(sparse.m).isEqualTo(23);
    assertThat(
            engine.firmEvents().stream()
                .filter(f -> f.eventId().equals("a1-weekend") && f.ticker().equals("SPARSE"))
                .findFirst()
                .orElseThrow()
                .observations())
        .isEqualTo(23);
    Ref other = ref.find("a1-weekend", "N00");
    assertThat(ReferenceStudy.pairCorrelation(sparse, other)).isEqualTo(0.0);
    assertThat(ReferenceStudy.pairCorrelation(ref.find("a1-weekend", "N01"), other))
        .isNotEqualTo(0.0);
    assertThat(ref.samples.get(EventWindow.of(0, 0)).members).contains(sparse);
    compare("short estimation", engine, ref).assertAgreement();

    StudySpecification tiny =
        StudySpecification.builder()
            .estimationWindow(EventWindow.of(-30, -11))
            .minEstimation(15)
            .build();
    StudyResult tinyResult = EventStudy.of(tiny).run(aw.world.panel(ReturnType.SIMPLE), aw.events);
    for (EventWindow w : tinyResult.testWindows()) {
      assertThat(((CarSample) tinyResult.sample(w, Measure.CAR)).meanCrossCorrelation())
          .isEqualTo(0.0);
    }
  }

  /** One firm-event in the whole study: N = 1, r̄ = 0. */
  @Test
  void oneFirmEvent() {
    Awkward aw = new Awkward();
    List<Event> one =
        List.of(
            aw.events.stream().filter(e -> e.id().equals("a4-alone")).findFirst().orElseThrow());
    StudySpecification spec = StudySpecification.defaults();
    StudyResult engine = EventStudy.of(spec).run(aw.world.panel(ReturnType.SIMPLE), one);
    ReferenceStudy ref = ReferenceStudy.run(spec, aw.world.universe, aw.world.prices, null, one);
    assertThat(engine.sample(EventWindow.of(-1, 1), Measure.CAR).size()).isEqualTo(1);
    assertThat(
            ((CarSample) engine.sample(EventWindow.of(-1, 1), Measure.CAR)).meanCrossCorrelation())
        .isEqualTo(0.0);
    compare("one firm-event", engine, ref).assertAgreement();
  }

  /**
   * Exact fits, decided alike by engine and reference: MKT listed with itself as benchmark (its
   * returns are the market's, bit for bit) and a listing whose price grows by 0.1% a day (returns
   * constant up to rounding), next to ordinary listings, under the market, constant-mean and
   * market-adjusted models.
   */
  @Test
  void exactFitsAreLeftOutByEngineAndReference() {
    Map<String, DatedSeries> prices = new LinkedHashMap<>(SyntheticPanels.prices(3, 400, 8L));
    LocalDate[] dates = SyntheticPanels.sessions(400);
    double[] growth = new double[400];
    for (int t = 0; t < 400; t++) {
      growth[t] = 100 * Math.pow(1.001, t);
    }
    prices.put("GROW", DatedSeries.of("GROW", dates, growth));
    List<Listing> universe = new ArrayList<>(SyntheticPanels.universe(3));
    universe.add(Listing.of("MKT", Exchange.NYSE, "MKT"));
    universe.add(Listing.of("GROW", Exchange.NYSE, "MKT"));
    List<Event> events =
        List.of(SyntheticPanels.event("x", dates[300]), SyntheticPanels.event("y", dates[340]));
    for (NormalReturnModel model :
        List.of(MarketModel.of(), ConstantMeanModel.of(), MarketAdjustedModel.of())) {
      StudySpecification spec = StudySpecification.builder().model(model).build();
      StudyResult engine =
          EventStudy.of(spec)
              .withParallelism(1)
              .run(ReturnPanel.of(universe, prices, ReturnType.SIMPLE), events);
      ReferenceStudy ref = ReferenceStudy.run(spec, universe, prices, null, events);
      // MKT fits exactly wherever the model uses the market (market, market-adjusted); GROW's
      // constant return wherever the model has an intercept (market: β̂ ≈ 0; constant-mean).
      List<String> exact =
          model instanceof MarketModel
              ? List.of("MKT", "GROW")
              : model instanceof ConstantMeanModel ? List.of("GROW") : List.of("MKT");
      for (FirmEventResult f : engine.firmEvents()) {
        assertThat(f.outcome())
            .as("%s %s", model, f)
            .isEqualTo(exact.contains(f.ticker()) ? Outcome.INSUFFICIENT_ESTIMATION : Outcome.OK);
      }
      compare("exact fits " + model, engine, ref).assertAgreement();
    }
  }

  // ------------------------------------------------------------------ determinism

  /** A larger study (720 firm-events, several chunks of work) for parallelism and ordering. */
  static final class Big {
    final World world = ReferenceFixtures.twoCalendars(7L, 30, 30, 700);
    final List<Event> events = new ArrayList<>();

    Big() {
      for (int i = 0; i < 12; i++) {
        LocalDate d = world.weekday(300 + 30 * i);
        Announcement a =
            i % 3 == 2
                ? Announcement.at(OffsetDateTime.of(d, LocalTime.of(12, 30), HONG_KONG))
                : Announcement.on(d);
        events.add(Event.of(String.format(java.util.Locale.ROOT, "big-%02d", i), a, List.of()));
      }
      ReferenceFixtures.setMissing(world.prices, "N05", world.weekday(333), world.weekday(410));
      ReferenceFixtures.setMissing(world.prices, "H07.HK", world.weekday(392));
    }
  }

  @Test
  void parallelismAndInputOrderLeaveEveryBitUnchanged() {
    Big big = new Big();
    for (StudySpecification spec :
        List.of(
            StudySpecification.defaults(),
            StudySpecification.builder().cleanEstimation(5).build(),
            StudySpecification.builder()
                .model(FactorModel.of(ReferenceFixtures.FACTORS))
                .build())) {
      ReturnPanel panel = big.world.panel(ReturnType.SIMPLE);
      StudyResult one = EventStudy.of(spec).withParallelism(1).run(panel, big.events);
      StudyResult four = EventStudy.of(spec).withParallelism(4).run(panel, big.events);
      List<String> base = Fingerprint.of(one);
      assertThat(one.size()).isEqualTo(720);
      assertThat(Fingerprint.of(four)).as("parallelism 4 vs 1, %s", spec).isEqualTo(base);

      List<Event> shuffledEvents = new ArrayList<>(big.events);
      List<Listing> shuffledUniverse = new ArrayList<>(big.world.universe);
      Collections.shuffle(shuffledEvents, new Random(11));
      Collections.shuffle(shuffledUniverse, new Random(12));
      ReturnPanel shuffledPanel =
          ReturnPanel.of(shuffledUniverse, big.world.prices, ReturnType.SIMPLE)
              .withFactors(big.world.factorSet())
              .withFactors(io.eventide.calendar.Exchange.HKEX, big.world.factorSet());
      StudyResult reordered =
          EventStudy.of(spec).withParallelism(3).run(shuffledPanel, shuffledEvents);
      assertThat(Fingerprint.of(reordered)).as("reordered inputs, %s", spec).isEqualTo(base);

      ReferenceStudy ref =
          ReferenceStudy.run(
              spec, big.world.universe, big.world.prices, big.world.factors, big.events);
      compare("big " + spec, four, ref).assertAgreement();
    }
  }

  // ------------------------------------------------------------------ the comparison

  /** Compares every output of the engine with the reference. */
  static Agreement compare(String name, StudyResult engine, ReferenceStudy ref) {
    Agreement a = new Agreement(name);
    a.same("firm-event count", name, ref.firmEvents.size(), engine.size());
    a.same(
        "test windows", name, new HashSet<>(ref.testWindows), new HashSet<>(engine.testWindows()));
    int n = Math.min(ref.firmEvents.size(), engine.size());
    for (int i = 0; i < n; i++) {
      Ref r = ref.firmEvents.get(i);
      FirmEventResult f = engine.firmEvent(i);
      String at = "#" + i + " " + r.eventId + "/" + r.ticker;
      a.same("event id", at, r.eventId, f.eventId());
      a.same("ticker", at, r.ticker, f.ticker());
      a.same("outcome", at, r.outcome, f.outcome());
      a.same("day 0", at, Optional.ofNullable(r.dayZero), f.dayZero());
      a.same("M", at, r.m, f.observations());
      double[] params = f.parameters();
      a.close("parameters", at, r.parameters, params);
      a.close("s", at, Math.sqrt(r.s2), f.sigma());
      a.close("positive share", at, r.positiveShare, f.positiveEstimationShare());
      for (int t = ref.spanFrom(); t <= ref.spanTo(); t++) {
        a.close(
            "AR",
            at + " day " + t,
            r.ar == null ? Double.NaN : r.ar[t - ref.spanFrom()],
            f.abnormalReturn(t));
        a.close(
            "SAR",
            at + " day " + t,
            r.sar == null ? Double.NaN : r.sar[t - ref.spanFrom()],
            f.standardizedAbnormalReturn(t));
        a.close(
            "return",
            at + " day " + t,
            r.ret == null ? Double.NaN : r.ret[t - ref.spanFrom()],
            f.returnOn(t));
        a.close(
            "expected return",
            at + " day " + t,
            r.expected == null ? Double.NaN : r.expected[t - ref.spanFrom()],
            f.expectedReturn(t));
      }
      for (EventWindow w : ref.testWindows) {
        String aw = at + " " + w;
        a.close("CAR", aw, r.value(r.car, w), f.car(w));
        a.close("Var(CAR)", aw, r.value(r.carVariance, w), f.carVariance(w));
        a.close("SCAR", aw, r.value(r.scar, w), f.scar(w));
        a.close("p-value", aw, r.value(r.pValue, w), f.pValue(w));
        a.close("BHAR", aw, r.value(r.bhar, w), f.bhar(w));
      }
    }
    // Nothing disappears silently: every left-out firm-event, and every OK firm-event absent
    // from a study window, is listed.
    List<String> leftOut = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    for (Ref r : ref.firmEvents) {
      if (r.outcome != Outcome.OK) {
        leftOut.add(r.eventId + "/" + r.ticker + " " + r.outcome);
        continue;
      }
      for (EventWindow w : engine.windows()) {
        if (!r.car.containsKey(w)) {
          absent.add(w + " " + r.eventId + "/" + r.ticker);
        }
      }
    }
    List<String> engineLeftOut = new ArrayList<>();
    for (FirmEventResult f : engine.leftOut()) {
      engineLeftOut.add(f.eventId() + "/" + f.ticker() + " " + f.outcome());
    }
    List<String> engineAbsent = new ArrayList<>();
    for (WindowExclusion x : engine.windowExclusions()) {
      engineAbsent.add(x.window() + " " + x.eventId() + "/" + x.ticker());
    }
    Collections.sort(absent);
    Collections.sort(engineAbsent);
    a.same("left out", name, leftOut, engineLeftOut);
    a.same("window exclusions", name, absent, engineAbsent);
    for (EventWindow w : ref.testWindows) {
      RefSample rs = ref.samples.get(w);
      CarSample s = (CarSample) engine.sample(w, Measure.CAR);
      String at = "window " + w;
      a.same("N", at, rs.members.size(), s.size());
      if (rs.members.size() != s.size()) {
        continue;
      }
      a.close("sample CAR", at, rs.car, s.values());
      for (int i = 0; i < s.size(); i++) {
        a.close("sample SCAR", at + "[" + i + "]", rs.scar[i], s.standardized(i));
        a.close("sample M-k", at + "[" + i + "]", rs.dof[i], s.degreesOfFreedom(i));
        a.close(
            "sample share", at + "[" + i + "]", rs.positiveShare[i], s.positiveEstimationShare(i));
      }
      a.close("r-bar", at, rs.rbar, s.meanCrossCorrelation());
      a.close("AAR_tau", at, rs.aar, s.estimationAar());
      a.close("U-bar_tau", at, rs.ubar, s.meanRankScores());
      a.same("rank window from", at, rs.rankFrom, s.rankWindowFrom());
      a.same("rank window to", at, rs.rankTo, s.rankWindowTo());
      a.close("sample BHAR", at, rs.bhar, engine.sample(w, Measure.BHAR).values());
    }
    return a;
  }
}
