package io.eventide.study;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cross-sectional means of a study with their standard errors and intervals, as {@code
 * caar.csv} and {@code aar.csv} report them ({@code docs/cli.md} section 4): for all firm-events
 * and each group, the CAAR (and mean BHAR) of every study window and the AAR of every day of the
 * event span ({@link MeanEstimate}). {@link #of(StudyResult)} takes them from a study's results; an
 * engine that maps firm-events elsewhere makes them from merged moments ({@code
 * StudyPartitions.means}), so the two files need no firm-event's columns. Immutable.
 */
public final class StudyMeans {

  /** The key of one estimate: a group ("" for all), a window, a measure. */
  private record Key(String group, EventWindow window, Measure measure) {}

  private final List<String> groups;
  private final List<EventWindow> windows;
  private final EventWindow span;
  private final List<Measure> measures;
  private final Map<Key, MeanEstimate> estimates;

  private StudyMeans(
      List<String> groups,
      List<EventWindow> windows,
      EventWindow span,
      List<Measure> measures,
      Map<Key, MeanEstimate> estimates) {
    this.groups = List.copyOf(groups);
    this.windows = List.copyOf(windows);
    this.span = span;
    this.measures = List.copyOf(measures);
    this.estimates = Map.copyOf(estimates);
  }

  /** Collects the estimates, one call per group, window and measure. */
  interface Estimator {
    MeanEstimate estimate(String group, EventWindow window, Measure measure);
  }

  /**
   * @param spec the study's specification
   * @param groupLabels the group labels, sorted (empty when not grouped)
   * @param estimator the estimate of each group ("" for all), test window and measure
   */
  static StudyMeans of(StudySpecification spec, List<String> groupLabels, Estimator estimator) {
    List<String> groups = new ArrayList<>();
    groups.add("");
    groups.addAll(groupLabels);
    EventWindow span = spec.eventSpan();
    List<Measure> measures = spec.measure().measures();
    Map<Key, MeanEstimate> estimates = new HashMap<>();
    for (String g : groups) {
      for (EventWindow w : spec.eventWindows()) {
        for (Measure m : measures) {
          estimates.put(new Key(g, w, m), estimator.estimate(g, w, m));
        }
      }
      Measure primary = spec.measure().cumulated();
      for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
        EventWindow day = EventWindow.day(d);
        estimates.put(new Key(g, day, primary), estimator.estimate(g, day, primary));
      }
    }
    return new StudyMeans(groups, spec.eventWindows(), span, measures, estimates);
  }

  /**
   * The means of a study's results: {@link StudyResult#caar(EventWindow, Measure)} of each study
   * window and {@link StudyResult#aar(int)} of each day, for all firm-events and each group.
   *
   * @param study the results
   * @return the means
   */
  public static StudyMeans of(StudyResult study) {
    Objects.requireNonNull(study, "study");
    return of(
        study.specification(),
        study.groups(),
        (g, w, m) -> {
          StudyResult r = g.isEmpty() ? study : study.group(g);
          return w.length() == 1 && m == study.specification().measure().cumulated()
              ? r.aar(w.fromInclusive())
              : r.caar(w, m);
        });
  }

  /**
   * @return "" (all firm-events), then the group labels in order
   */
  public List<String> groups() {
    return groups;
  }

  /**
   * @return the study windows, in the specification's order
   */
  public List<EventWindow> windows() {
    return windows;
  }

  /**
   * @return the event span (the days of {@link #aar})
   */
  public EventWindow span() {
    return span;
  }

  /**
   * @return the study's measures (CAR, BHAR for a returns study)
   */
  public List<Measure> measures() {
    return measures;
  }

  /**
   * @param group "" or a group label
   * @param window a study window
   * @param measure one of {@link #measures()}
   * @return the mean CAR (or BHAR, ...) of that window
   * @throws IllegalArgumentException if there is no such estimate
   */
  public MeanEstimate caar(String group, EventWindow window, Measure measure) {
    MeanEstimate e = estimates.get(new Key(group, window, measure));
    if (e == null || !windows.contains(window)) {
      throw new IllegalArgumentException(
          "No CAAR for group '" + group + "', window " + window + ", measure " + measure);
    }
    return e;
  }

  /**
   * @param group "" or a group label
   * @param day a relative day of the event span
   * @return the AAR of that day
   * @throws IllegalArgumentException if there is no such estimate
   */
  public MeanEstimate aar(String group, int day) {
    MeanEstimate e = estimates.get(new Key(group, EventWindow.day(day), primary()));
    if (e == null) {
      throw new IllegalArgumentException("No AAR for group '" + group + "', day " + day);
    }
    return e;
  }

  private Measure primary() {
    return measures.get(0);
  }

  @Override
  public String toString() {
    return "StudyMeans[" + groups.size() + " groups, " + windows.size() + " windows]";
  }
}
