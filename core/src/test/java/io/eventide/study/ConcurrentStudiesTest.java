package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestSuite;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thread safety: eight studies run at once on the same panel and events (each itself on two
 * threads) give exactly the results they give one after the other, and so do eight threads reading
 * one shared result; the objects shared are not changed by what their accessors hand out.
 *
 * <p>World: {@link SyntheticPanels#panel(int, int, long)} with 30 listings on 700 sessions, a few
 * prices removed, and 12 events for every listing (360 firm-events, so each study's map is cut into
 * two chunks). The eight specifications differ in model, windows, return type and cleaning.
 */
class ConcurrentStudiesTest {

  private static final int SESSIONS = 700;
  private static ReturnPanel simple;
  private static ReturnPanel log;
  private static List<Event> events;

  /** A specification and the return type of the panel it runs on. */
  private record Case(StudySpecification spec, ReturnType type) {
    @Override
    public String toString() {
      return spec + " on " + type + " returns";
    }
  }

  private static List<Case> specs;
  private static ExecutorService pool;

  @BeforeAll
  static void world() {
    Map<String, DatedSeries> prices =
        new java.util.LinkedHashMap<>(SyntheticPanels.prices(30, SESSIONS, 77L));
    LocalDate[] dates = SyntheticPanels.sessions(SESSIONS);
    for (int i = 0; i < 30; i += 7) {
      double[] p = prices.get(SyntheticPanels.ticker(i)).values();
      p[300 + i] = Double.NaN;
      p[420 + i] = Double.NaN;
      prices.put(SyntheticPanels.ticker(i), DatedSeries.of(SyntheticPanels.ticker(i), dates, p));
    }
    simple = ReturnPanel.of(SyntheticPanels.universe(30), prices, ReturnType.SIMPLE);
    log = ReturnPanel.of(SyntheticPanels.universe(30), prices, ReturnType.LOG);
    events = new ArrayList<>();
    for (int e = 0; e < 12; e++) {
      events.add(
          Event.of(
              String.format(java.util.Locale.ROOT, "e%02d", e),
              Announcement.on(dates[300 + 30 * e]),
              List.of()));
    }
    StudySpecification base = StudySpecification.defaults();
    specs =
        List.of(
            new Case(base, ReturnType.SIMPLE),
            new Case(base.toBuilder().model(ConstantMeanModel.of()).build(), ReturnType.SIMPLE),
            new Case(base.toBuilder().model(MarketAdjustedModel.of()).build(), ReturnType.SIMPLE),
            new Case(base.toBuilder().cleanEstimation(3).build(), ReturnType.SIMPLE),
            new Case(base, ReturnType.LOG),
            new Case(
                base.toBuilder()
                    .eventWindows(EventWindow.of(-10, 10), EventWindow.of(0, 2))
                    .build(),
                ReturnType.SIMPLE),
            new Case(
                base.toBuilder()
                    .estimationWindow(EventWindow.of(-120, -21))
                    .minEstimation(60)
                    .eventWindows(EventWindow.of(-20, 20))
                    .build(),
                ReturnType.SIMPLE),
            new Case(
                base.toBuilder().model(MarketModel.of()).cleanEstimation(0).build(),
                ReturnType.LOG));
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  private static StudyResult run(Case c) {
    ReturnPanel panel = c.type() == ReturnType.LOG ? log : simple;
    return EventStudy.of(c.spec()).withParallelism(2).run(panel, events);
  }

  /** A study's whole output: every value and sample (Fingerprint) and every test result. */
  private static List<Object> outputs(StudyResult r) {
    List<Object> out = new ArrayList<>(Fingerprint.of(r));
    out.addAll(StudyTests.run(r, TestSuite.standard()).rows());
    out.addAll(r.windowExclusions());
    out.addAll(r.overlaps());
    return out;
  }

  /** Runs the tasks on the pool, all released at once. */
  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get(2, TimeUnit.MINUTES));
    }
    return out;
  }

  @Test
  void eightStudiesAtOnceEqualTheSequentialOnes() throws Exception {
    List<List<Object>> sequential = new ArrayList<>();
    for (Case spec : specs) {
      StudyResult r = run(spec);
      assertThat(r.size()).isEqualTo(360);
      sequential.add(outputs(r));
    }
    // The specifications really differ: no two give the same outputs.
    assertThat(sequential.stream().distinct().count()).isEqualTo(8);
    for (int round = 0; round < 3; round++) {
      List<Callable<List<Object>>> tasks = new ArrayList<>();
      for (Case spec : specs) {
        tasks.add(() -> outputs(run(spec)));
      }
      List<List<Object>> concurrent = atOnce(tasks);
      for (int i = 0; i < specs.size(); i++) {
        assertThat(concurrent.get(i))
            .as("round %d, %s", round, specs.get(i))
            .isEqualTo(sequential.get(i));
      }
    }
  }

  @Test
  void eightThreadsReadingOneResultSeeWhatOneThreadSees() throws Exception {
    StudyResult shared = run(specs.get(0));
    List<Object> expected = outputs(shared);
    List<Callable<List<Object>>> tasks = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tasks.add(() -> outputs(shared));
    }
    for (List<Object> seen : atOnce(tasks)) {
      assertThat(seen).isEqualTo(expected);
    }
  }

  @Test
  void accessorsHandOutCopiesOrUnmodifiableViews() {
    StudyResult r = run(specs.get(0));
    List<Object> before = outputs(r);
    FirmEventResult f = r.firmEvent(0);
    f.parameters()[0] = 42;
    CarSample s = (CarSample) r.sample(EventWindow.of(-1, 1), Measure.CAR);
    s.values()[0] = 42;
    s.estimationAar()[0] = 42;
    s.meanRankScores()[0] = 42;
    assertThat(s.value(0)).isNotEqualTo(42);
    for (List<?> list :
        List.of(
            r.events(),
            r.universe(),
            r.windows(),
            r.testWindows(),
            r.firmEvents(),
            r.leftOut(),
            r.windowExclusions(),
            r.overlaps(),
            r.specification().eventWindows(),
            r.specification().testWindows(),
            StudyTests.run(r, TestSuite.standard()).rows(),
            TestSuite.standard().tests(),
            events.get(0).affected(),
            simple.listings())) {
      assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
    assertThat(outputs(r)).isEqualTo(before);

    ListingReturns lr = simple.returnsOf("L000").orElseThrow();
    double r1 = lr.returnAt(1);
    lr.returns()[1] = 42;
    lr.prices()[1] = 42;
    lr.marketReturns()[1] = 42;
    lr.calendar().sessionEpochDays()[1] = 42;
    assertThat(lr.returnAt(1)).isEqualTo(r1);
    assertThat(lr.calendar().sessionEpochDay(1)).isNotEqualTo(42);
    // The panel's own calendars list is a fresh copy each call.
    simple.calendars().clear();
    assertThat(simple.calendars()).hasSize(1);
    DatedSeries series =
        DatedSeries.of("X", new LocalDate[] {LocalDate.of(2020, 1, 1)}, new double[] {1.0});
    series.values()[0] = 42;
    series.epochDays()[0] = 42;
    assertThat(series.value(0)).isEqualTo(1.0);
    assertThat(series.date(0)).isEqualTo(LocalDate.of(2020, 1, 1));
    double[] input = {1.0};
    DatedSeries copied = DatedSeries.of("Y", new LocalDate[] {LocalDate.of(2020, 1, 1)}, input);
    input[0] = 42;
    assertThat(copied.value(0)).isEqualTo(1.0);
    assertThat(Arrays.stream(r.firmEvent(0).parameters()).noneMatch(p -> p == 42)).isTrue();
  }
}
