package io.eventide.study.internal;

import io.eventide.inference.Measure;
import io.eventide.inference.SampleSummary;
import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Internal: the {@link SampleSummary} of every test sample of a returns study, per test window and
 * measure (CAR, BHAR), and in a grouped study per group too: what an engine that maps firm-events
 * elsewhere accumulates next to its {@link PartialSums} so that the tests finish from merged sums
 * ({@link StudyPartitions#tests}) instead of from every firm-event's columns.
 *
 * <p>A firm-event is in a window's samples when it has a CAR there, as in {@code
 * StudyResult.sample}: CAR sample {@code (CAR_i, SCAR_i = CAR_i / √Var(CAR_i), M_i − k, p̂_i)},
 * BHAR sample {@code BHAR_i}. Merging is {@link SampleSummary#merge} per sample, in the order
 * given: an engine merges partitions in their index order for the same bits on every run. Mutable,
 * serializable.
 */
public final class StudySummaries implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int parameters;
  private final boolean grouped;
  private final SampleSummary[] car;
  private final SampleSummary[] bhar;
  private final TreeMap<String, StudySummaries> groups = new TreeMap<>();

  /**
   * Empty summaries.
   *
   * @param windows the number of test windows
   * @param parameters k, the normal-return model's parameter count ({@code M_i − k})
   * @param grouped whether the study is grouped (then each firm-event also goes to its group's)
   */
  public StudySummaries(int windows, int parameters, boolean grouped) {
    this.parameters = parameters;
    this.grouped = grouped;
    car = new SampleSummary[windows];
    bhar = new SampleSummary[windows];
    for (int w = 0; w < windows; w++) {
      car[w] = SampleSummary.ofCars();
      bhar[w] = SampleSummary.ofValues(Measure.BHAR.name(), true);
    }
  }

  /**
   * Adds a mapped firm-event to the samples of the windows where it has a CAR (and to its group's).
   *
   * @param fe the firm-event
   * @return this
   */
  public StudySummaries add(MappedFirmEvent fe) {
    addTo(fe);
    if (grouped) {
      group(fe.group()).addTo(fe);
    }
    return this;
  }

  private void addTo(MappedFirmEvent fe) {
    double[] c = fe.car();
    double[] v = fe.carVariance();
    double[] b = fe.bhar();
    double dof = fe.observations() - parameters;
    for (int w = 0; w < car.length; w++) {
      if (Double.isNaN(c[w])) {
        continue;
      }
      car[w].addCar(c[w], c[w] / Math.sqrt(v[w]), dof, fe.positiveShare());
      bhar[w].addValue(b[w]);
    }
  }

  /**
   * Merges another set (of the same study) into this one, its firm-events after this one's.
   *
   * @param other summaries of the same shape
   * @return this
   */
  public StudySummaries merge(StudySummaries other) {
    if (other.car.length != car.length) {
      throw new IllegalArgumentException("Summaries of different studies cannot be merged");
    }
    for (int w = 0; w < car.length; w++) {
      car[w].merge(other.car[w]);
      bhar[w].merge(other.bhar[w]);
    }
    for (Map.Entry<String, StudySummaries> g : other.groups.entrySet()) {
      group(g.getKey()).merge(g.getValue());
    }
    return this;
  }

  /**
   * @param label a group's label
   * @return its summaries (live), created empty on first use
   */
  public StudySummaries group(String label) {
    return groups.computeIfAbsent(label, k -> new StudySummaries(car.length, parameters, false));
  }

  /**
   * @return each group's summaries by label (read-only view)
   */
  public SortedMap<String, StudySummaries> groups() {
    return Collections.unmodifiableSortedMap(groups);
  }

  /**
   * @return the number of test windows
   */
  public int windows() {
    return car.length;
  }

  /**
   * @param w a test window index
   * @param measure CAR or BHAR
   * @return that sample's summary (live)
   */
  public SampleSummary sample(int w, Measure measure) {
    return switch (measure) {
      case CAR -> car[w];
      case BHAR -> bhar[w];
      default ->
          throw new IllegalArgumentException(
              "Only CAR and BHAR samples are summarized, not " + measure);
    };
  }

  /**
   * @return whether every sample's inputs are in their domain ({@link
   *     SampleSummary#inputsRegular()}), groups included
   */
  public boolean inputsRegular() {
    for (int w = 0; w < car.length; w++) {
      if (!car[w].inputsRegular() || !bhar[w].inputsRegular()) {
        return false;
      }
    }
    for (StudySummaries g : groups.values()) {
      if (!g.inputsRegular()) {
        return false;
      }
    }
    return true;
  }
}
