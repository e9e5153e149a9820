package io.eventide.study;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.event.Overlap;
import io.eventide.inference.CarSample;
import io.eventide.inference.EstimationSar;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestSuite;
import io.eventide.inference.ValueSample;
import io.eventide.market.Listing;
import io.eventide.timeseries.ReturnType;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The results of an event study: every firm-event with its outcome (nothing is dropped silently),
 * per-window and per-day values, the reduced {@link Sample}s the tests run on, the firm-events
 * absent from a window and why, and the confounding overlaps between events.
 *
 * <p>Immutable. Values are stored by column in the canonical order (event id, then ticker); {@link
 * FirmEventResult}s are views made on demand. Test statistics are computed from {@link
 * #sample(EventWindow, Measure)} by the calculators of {@code io.eventide.inference}; {@link
 * #test(TestSuite)} runs a suite on every test window and measure.
 */
public final class StudyResult {

  private final StudySpecification spec;
  private final ReturnType returnType;
  private final StudyLayout layout;
  private final List<Event> events;
  private final List<Listing> universe;
  private final ListingData[] listings;
  private final FirmEventColumns cols;
  private final WindowAccumulators[] accs;
  private final WindowAccumulators acc;

  /** What the firm-event views read; shared with the group views. */
  private final FirmEventTable table;

  /** The group this view shows (-1 for every firm-event), and its members in canonical order. */
  private final int group;

  private final int[] members;

  /**
   * The kept SARs of every firm-event, ranked within each row once and shared by every window's
   * sample (and every group's view); null unless the study kept them.
   */
  private final EstimationSar rankedSar;

  StudyResult(ResolvedStudy resolved, FirmEventColumns cols, WindowAccumulators[] accs) {
    // Not the resolved form itself: its outcome and reason columns are not needed once the map has
    // written its own, so a large study does not hold them twice.
    this.spec = resolved.spec;
    this.returnType = resolved.returnType;
    this.layout = resolved.layout;
    this.events = resolved.events;
    this.universe = resolved.universe;
    this.listings = resolved.listings;
    this.cols = cols;
    this.accs = accs;
    this.acc = accs[0];
    this.table = new FirmEventTable(spec, layout, events, listings, cols);
    this.group = -1;
    this.members = null;
    this.rankedSar =
        cols.estimationSar == null
            ? null
            : EstimationSar.ofRowMajor(cols.estimationSar, cols.estLen);
  }

  /** A view of one group of {@code all}. */
  private StudyResult(StudyResult all, int group) {
    this.spec = all.spec;
    this.returnType = all.returnType;
    this.layout = all.layout;
    this.events = all.events;
    this.universe = all.universe;
    this.listings = all.listings;
    this.cols = all.cols;
    this.accs = all.accs;
    this.acc = all.accs[1 + group];
    this.table = all.table;
    this.rankedSar = all.rankedSar;
    this.group = group;
    int n = 0;
    for (int g : cols.group) {
      if (g == group) {
        n++;
      }
    }
    int[] m = new int[n];
    int j = 0;
    for (int i = 0; i < cols.size; i++) {
      if (cols.group[i] == group) {
        m[j++] = i;
      }
    }
    this.members = m;
  }

  /** Canonical index of the view's i-th firm-event. */
  private int at(int i) {
    return members == null ? i : members[i];
  }

  /**
   * @param i a firm-event of this view, 0 to {@link #size()} − 1
   * @return its index in the study's canonical columns
   */
  int canonicalIndex(int i) {
    return at(i);
  }

  /**
   * The study's per-firm-event columns, in canonical order (package-private, for the calendar-time
   * portfolio).
   */
  FirmEventColumns columns() {
    return table.cols();
  }

  /**
   * @param firmEvent an index in the study's canonical columns
   * @return the listing of that firm-event, or null if the universe does not list its ticker
   */
  ListingData listingOf(int firmEvent) {
    return table.listingOf(firmEvent);
  }

  /**
   * The labels of the groups of a grouped study ({@link StudySpecification#groupBy()}), sorted;
   * {@link #group(String)} gives each one's results.
   *
   * @return the labels; empty when the study is not grouped
   */
  public List<String> groups() {
    return cols.groupLabels;
  }

  /**
   * The results of one group: its firm-events (in canonical order), and samples, tests, CAAR and
   * AAR formed from them alone, r̄ from the pairs inside the group ({@code docs/statistics.md},
   * "Groups and signed abnormal returns"). Confounding overlaps stay those of the whole study.
   *
   * @param label a label of {@link #groups()}
   * @return a view of that group
   * @throws IllegalArgumentException if the study has no such group
   */
  public StudyResult group(String label) {
    int g = cols.groupLabels.indexOf(label);
    if (g < 0) {
      throw new IllegalArgumentException(
          cols.groupLabels.isEmpty()
              ? "This study is not grouped; build its specification with groupBy(...)"
              : "No group '" + label + "'; the groups are " + cols.groupLabels);
    }
    return new StudyResult(this, g);
  }

  /**
   * @return the label of the group this result shows, empty for all firm-events of the study
   */
  public java.util.Optional<String> groupLabel() {
    return group < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(cols.groupLabels.get(group));
  }

  /**
   * @return the specification that produced this result
   */
  public StudySpecification specification() {
    return spec;
  }

  /**
   * @return the return type of the panel the study ran on (it decides how BHAR compounds)
   */
  public ReturnType returnType() {
    return returnType;
  }

  /**
   * @return the events, sorted by id
   */
  public List<Event> events() {
    return events;
  }

  /**
   * @return the universe of listings, as given
   */
  public List<Listing> universe() {
    return universe;
  }

  /**
   * @return the study windows, as specified
   */
  public List<EventWindow> windows() {
    return spec.eventWindows();
  }

  /**
   * @return the study windows, then each one-day window of the event span not among them
   */
  public List<EventWindow> testWindows() {
    return layout.testWindows;
  }

  /**
   * @return the number of firm-events, left-out ones included
   */
  public int size() {
    return members == null ? cols.size : members.length;
  }

  /**
   * @param index position in canonical order
   * @return a view of that firm-event
   */
  public FirmEventResult firmEvent(int index) {
    Objects.checkIndex(index, size());
    return new FirmEventResult(table, at(index));
  }

  /**
   * @return every firm-event in canonical order (views made on access)
   */
  public List<FirmEventResult> firmEvents() {
    return new AbstractList<>() {
      @Override
      public FirmEventResult get(int index) {
        return firmEvent(index);
      }

      @Override
      public int size() {
        return StudyResult.this.size();
      }
    };
  }

  /**
   * @param outcome an outcome
   * @return how many firm-events have it
   */
  public int count(Outcome outcome) {
    int n = 0;
    for (int i = 0; i < size(); i++) {
      if (cols.outcome[at(i)] == outcome) {
        n++;
      }
    }
    return n;
  }

  /**
   * @return the firm-events that are not {@link Outcome#OK}, with their reasons
   */
  public List<FirmEventResult> leftOut() {
    List<FirmEventResult> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (cols.outcome[at(i)] != Outcome.OK) {
        out.add(firmEvent(i));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The OK firm-events absent from a study window, each with its first missing day. One-day windows
   * of the event span are covered by the same rule; they are listed when they are study windows.
   *
   * @return the exclusions, by window then canonical order
   */
  public List<WindowExclusion> windowExclusions() {
    List<WindowExclusion> out = new ArrayList<>();
    for (int w = 0; w < layout.studyWindowCount; w++) {
      for (int v = 0; v < size(); v++) {
        int i = at(v);
        if (cols.outcome[i] != Outcome.OK || !Double.isNaN(cols.car[w][i])) {
          continue;
        }
        out.add(
            new WindowExclusion(
                new FirmEventResult(table, i).eventId(),
                cols.ticker[i],
                layout.testWindows.get(w),
                missingDay(i, w)));
      }
    }
    return List.copyOf(out);
  }

  private String missingDay(int i, int w) {
    FirmEventResult r = new FirmEventResult(table, i);
    return io.eventide.study.internal.FirmEventFormulas.missingDay(
        layout.windowFrom[w],
        layout.windowTo[w],
        day -> cols.ar[day - layout.spanFrom][i],
        r::returnOn,
        day -> r.date(day).orElse(null),
        spec.measure() == StudyMeasure.VOLUME);
  }

  /**
   * The measures this study reports, in {@code tests.csv}'s order ({@link
   * StudyMeasure#measures()}): {@code CAR, BHAR} for a returns study, {@code CAVOL} for a volume
   * study, {@code CAVAR} for a volatility study.
   *
   * @return the measures
   */
  public List<Measure> measures() {
    return spec.measure().measures();
  }

  /**
   * The reduced sample of one window and measure: the input of every test statistic. Its values are
   * those of the firm-events with a CAR in the window, in canonical order.
   *
   * @param window a test window (see {@link #testWindows()})
   * @param measure one of {@link #measures()}: CAR or BHAR for a returns study, CAVOL for a volume
   *     study, CAVAR for a volatility study
   * @return for {@link Measure#CAR} and {@link Measure#CAVOL} a {@link CarSample} (its mean rank
   *     scores span the estimation window then the event span, with this window's days located in
   *     them; with the firm-events' standardized estimation residuals when the study kept them,
   *     {@link EventStudy#withEstimationSar()}), for {@link Measure#BHAR} a {@link ValueSample}
   *     labelled {@code BHAR}, for {@link Measure#CAVAR} a {@link ValueSample#withZeroMeanOnly}
   *     sample labelled {@code CAVAR}
   * @throws IllegalArgumentException if the window is not a test window or the measure not one of
   *     this study's
   */
  public Sample sample(EventWindow window, Measure measure) {
    Objects.requireNonNull(measure, "measure");
    if (!measures().contains(measure)) {
      throw new IllegalArgumentException(
          "Measure "
              + measure
              + " is not one of this "
              + spec.measure().id()
              + " study's measures "
              + measures());
    }
    int w = layout.windowIndex(window);
    if (w < 0) {
      throw new IllegalArgumentException(
          "Window " + window + " is not a window of this study; it has " + layout.testWindows);
    }
    double[] car = cols.car[w];
    int n = 0;
    for (int v = 0; v < size(); v++) {
      if (!Double.isNaN(car[at(v)])) {
        n++;
      }
    }
    double[] values = new double[n];
    int j = 0;
    if (measure == Measure.BHAR) {
      double[] bhar = cols.bhar[w];
      for (int v = 0; v < size(); v++) {
        int i = at(v);
        // With a reference listing (StudySpecification.bharBenchmark) a firm-event with a CAR may
        // lack a BHAR (a reference return is missing): it is not in the BHAR sample.
        if (!Double.isNaN(car[i]) && (spec.bharBenchmark().isEmpty() || !Double.isNaN(bhar[i]))) {
          values[j++] = bhar[i];
        }
      }
      return ValueSample.of(Measure.BHAR.name(), java.util.Arrays.copyOf(values, j));
    }
    if (measure == Measure.CAVAR) {
      for (int v = 0; v < size(); v++) {
        int i = at(v);
        if (!Double.isNaN(car[i])) {
          values[j++] = car[i];
        }
      }
      return ValueSample.withZeroMeanOnly(Measure.CAVAR.name(), values);
    }
    double[] scar = new double[n];
    double[] dof = new double[n];
    double[] pos = new double[n];
    double[] var = cols.carVariance[w];
    for (int v = 0; v < size(); v++) {
      int i = at(v);
      if (!Double.isNaN(car[i])) {
        values[j] = car[i];
        scar[j] = car[i] / Math.sqrt(var[i]);
        dof[j] = cols.observations[i] - cols.k;
        pos[j] = cols.positiveShare[i];
        j++;
      }
    }
    // r̄ is a mean of correlations, so it lies in [−1, 1]; clusters of (nearly) identical
    // residual series can round a hair past 1, which the adjusted tests would reject.
    double rbar = meanCrossCorrelation(acc.pairSum[w], n);
    double[] aar = means(acc.aarSum[w], acc.aarCount[w]);
    double[] ubar = means(acc.rankSum[w], acc.rankCount[w]);
    int from = layout.rankFrom(w);
    CarSample sample =
        CarSample.of(values, scar, dof, pos, rbar, aar, ubar, from, from + window.length() - 1);
    if (cols.estimationSar == null) {
      return sample;
    }
    int[] rows = new int[n];
    int r = 0;
    for (int v = 0; v < size(); v++) {
      int i = at(v);
      if (!Double.isNaN(car[i])) {
        rows[r++] = i;
      }
    }
    return sample.withEstimationSar(rankedSar, rows);
  }

  /**
   * The cumulative average abnormal return of a window with its standard error and 95% interval:
   * the mean of the CARs of the firm-events with an abnormal return on every day of the window
   * ({@link MeanEstimate}; {@code docs/statistics.md}, "CAAR and AAR with intervals"). For a study
   * window it is the mean of {@code sample(window, CAR).values()}.
   *
   * @param window any window inside the event span
   * @return CAAR, its standard error, interval and N
   * @throws IllegalArgumentException if the window is not inside the event span
   */
  public MeanEstimate caar(EventWindow window) {
    EventWindow span = spec.eventSpan();
    if (window.fromInclusive() < span.fromInclusive()
        || window.toInclusive() > span.toInclusive()) {
      throw new IllegalArgumentException(
          "Window " + window + " is not inside the event span " + span + " of this study");
    }
    int from = window.fromInclusive() - layout.spanFrom;
    int to = window.toInclusive() - layout.spanFrom;
    double[] cars = new double[size()];
    int n = 0;
    for (int v = 0; v < size(); v++) {
      int i = at(v);
      if (cols.outcome[i] != Outcome.OK) {
        continue;
      }
      // Summed in day order from 0, as the map sums a study window's CAR: the same bits.
      double car = 0;
      for (int d = from; d <= to; d++) {
        car += cols.ar[d][i];
      }
      if (car == car) {
        cars[n++] = car;
      }
    }
    return MeanEstimate.of(cars, n);
  }

  /**
   * The mean CAR or BHAR of a test window with its standard error and 95% interval.
   *
   * @param window for CAR (CAVOL, CAVAR) any window inside the event span; for BHAR a test window
   * @param measure one of {@link #measures()}
   * @return the estimate
   */
  public MeanEstimate caar(EventWindow window, Measure measure) {
    if (measure == spec.measure().cumulated()) {
      return caar(window);
    }
    double[] v = sample(window, measure).values();
    return MeanEstimate.of(v, v.length);
  }

  /**
   * The average abnormal return of one day with its standard error and 95% interval: {@link
   * #caar(EventWindow)} of the one-day window.
   *
   * @param day a relative day of the event span
   * @return AAR, its standard error, interval and N (the firm-events with an AR that day)
   */
  public MeanEstimate aar(int day) {
    return caar(EventWindow.day(day));
  }

  /**
   * Runs a suite on every test window, for both measures, on the calling thread: {@link
   * StudyTests#run(StudyResult, TestSuite)}.
   *
   * @param suite the tests
   * @return the results, each row with its window and measure
   */
  public StudyTests test(TestSuite suite) {
    return StudyTests.run(this, suite);
  }

  /**
   * r̄ of a sample from its clustered pairs' {@code Σ r_ij}: the sum over all {@code N(N − 1)/2}
   * pairs (0 for pairs from different events), clamped to [−1, 1] (clusters of nearly identical
   * residual series can round a hair past 1); 0 for N &lt; 2.
   */
  static double meanCrossCorrelation(double pairSum, int n) {
    return n >= 2 ? Math.max(-1.0, Math.min(1.0, pairSum / (n * (n - 1.0) / 2.0))) : 0.0;
  }

  /** Element means {@code sums[i] / counts[i]}, {@code NaN} where the count is 0. */
  static double[] means(double[] sums, int[] counts) {
    double[] out = new double[sums.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = counts[i] > 0 ? sums[i] / counts[i] : Double.NaN;
    }
    return out;
  }

  /**
   * Other events whose day 0 falls inside a firm-event's estimation window or one of its event
   * windows, on that listing's calendar, for every resolved firm-event (computed on each call). For
   * a large study prefer {@link #forEachOverlap}, which does not hold them all.
   *
   * @return the overlaps, sorted by event id, ticker, relative day, then the other event's id
   */
  public List<Overlap> overlaps() {
    List<Overlap> out = new ArrayList<>();
    forEachOverlap(out::add);
    out.sort(
        java.util.Comparator.comparing(Overlap::eventId)
            .thenComparing(Overlap::ticker)
            .thenComparingInt(Overlap::relativeDay)
            .thenComparing(Overlap::otherEventId));
    return List.copyOf(out);
  }

  /**
   * Streams the overlaps of {@link #overlaps()} one listing at a time (the universe's order; within
   * a listing by event id, relative day, then the other event's id), holding only one listing's at
   * once: a study of a thousand announcements on a thousand listings has tens of millions.
   *
   * @param action receives each overlap
   */
  public void forEachOverlap(java.util.function.Consumer<Overlap> action) {
    forEachOverlap(Long.MAX_VALUE, action);
  }

  /**
   * The first overlaps of {@link #forEachOverlap}, in its order, finding no more listings' overlaps
   * than these need.
   *
   * @param limit how many at most
   * @return the first {@code limit} overlaps (all of them if there are fewer)
   */
  public List<Overlap> firstOverlaps(int limit) {
    List<Overlap> out = new ArrayList<>();
    forEachOverlap(limit, out::add);
    return List.copyOf(out);
  }

  /**
   * The number of overlaps {@link #forEachOverlap} streams, counted listing by listing without
   * making them.
   *
   * @return the number of overlaps
   */
  public long overlapCount() {
    return overlapFinder().count();
  }

  /**
   * Streams at most {@code limit} overlaps in the order of {@link
   * #forEachOverlap(java.util.function.Consumer)}.
   */
  private void forEachOverlap(long limit, java.util.function.Consumer<Overlap> action) {
    overlapFinder().forEach(limit, action);
  }

  /** The whole study's overlaps (a group's view has those of the whole study). */
  private StudyOverlaps overlapFinder() {
    return new StudyOverlaps(spec, events, listings, cols.event);
  }

  @Override
  public String toString() {
    return "StudyResult["
        + spec
        + ", "
        + returnType
        + " returns, "
        + events.size()
        + " events, "
        + size()
        + " firm-events, "
        + count(Outcome.OK)
        + " OK"
        + groupLabel().map(g -> ", group " + g).orElse("")
        + "]";
  }
}
