package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The text summary stays readable for a large study: each list is cut at 100 rows; the overlaps
 * come from the resolution alone; the summary of merged sums keeps the header and windows.
 */
class StudySummaryTest {

  @Test
  void longListsAreCutAndSayHowManyMore() {
    // 60 listings on weekday sessions; 3 events 5 sessions apart hitting all of them: 180
    // firm-events. Per listing, e0 sees e1 at +5 (inside -5:5); e1 sees e0 at -5 and e2 at +5;
    // e2 sees e1 at -5; ±10 is in neither -5:5 nor the estimation window -250:-11. So 4 overlaps
    // per listing, 240 in all.
    int n = 400;
    long[] days = new long[n];
    LocalDate d = LocalDate.of(2020, 1, 6);
    for (int i = 0; i < n; i++) {
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
      days[i] = d.toEpochDay();
      d = d.plusDays(1);
    }
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
    List<Listing> universe = new ArrayList<>();
    for (int l = -1; l < 60; l++) {
      String t = l < 0 ? "MKT" : "L" + l;
      double[] p = new double[n];
      double v = 100;
      for (int i = 0; i < n; i++) {
        v *= 1 + 0.01 * (rnd.nextDouble() - 0.5);
        p[i] = v;
      }
      prices.put(t, DatedSeries.ofEpochDays(t, days, p));
      if (l >= 0) {
        universe.add(Listing.of(t, Exchange.NYSE, "MKT"));
      }
    }
    ReturnPanel panel = ReturnPanel.of(universe, prices, ReturnType.SIMPLE);
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      events.add(
          Event.of("e" + e, Announcement.on(LocalDate.ofEpochDay(days[300 + 5 * e])), List.of()));
    }
    StudyResult study = EventStudy.of(StudySpecification.defaults()).run(panel, events);
    StudyTests tests = StudyTests.run(study, TestSuite.standard());
    AtomicLong streamed = new AtomicLong();
    study.forEachOverlap(o -> streamed.incrementAndGet());
    assertThat(streamed.get()).isEqualTo(240).isEqualTo(study.overlaps().size());
    // counted without making them, and the first ones without finding all: the streamed ones
    assertThat(study.overlapCount()).isEqualTo(240);
    java.util.List<io.eventide.event.Overlap> all = new java.util.ArrayList<>();
    study.forEachOverlap(all::add);
    assertThat(study.firstOverlaps(100)).containsExactlyElementsOf(all.subList(0, 100));
    assertThat(study.firstOverlaps(1000)).containsExactlyElementsOf(all);
    assertThat(study.firstOverlaps(0)).isEmpty();

    String text = StudySummary.of(study, tests);
    assertThat(text)
        .contains("... and 80 more firm-events (firm_events.csv, abnormal_returns.csv)")
        .contains("Confounding events (another event's day 0 inside a firm-event's windows): 240")
        .contains("... and 140 more (overlaps.csv)");
    assertThat(text.lines().filter(l -> l.contains(" in the event window"))).hasSize(100);

    // The resolution gives the same overlaps, in the same order, before any fit.
    io.eventide.study.ResolvedStudy resolved = StudySpecification.defaults().resolve(panel, events);
    List<io.eventide.event.Overlap> fromResolution = new ArrayList<>();
    resolved.forEachOverlap(fromResolution::add);
    assertThat(fromResolution).containsExactlyElementsOf(all);
    assertThat(resolved.overlapCount()).isEqualTo(240);

    // The summary of merged sums (Spark's --distributed): the same header and window sections,
    // counts instead of the lists.
    String merged =
        StudySummary.ofMerged(
            resolved, study::count, tests, io.eventide.study.StudyMeans.of(study));
    assertThat(merged.lines().limit(3).toList()).isEqualTo(text.lines().limit(3).toList());
    assertThat(merged.substring(merged.indexOf("Window ")))
        .isEqualTo(text.substring(text.indexOf("Window ")));
    assertThat(merged)
        .contains(
            "Confounding events (another event's day 0 inside a firm-event's windows): 240"
                + " (overlaps.csv)")
        .contains("Day 0 and returns around it: firm_events.csv and abnormal_returns.csv")
        .doesNotContain("Left out:"); // every firm-event is OK here
    assertThat(study.count(io.eventide.study.Outcome.OK)).isEqualTo(180);
  }
}
