package io.eventide.study.internal;

import io.eventide.inference.Measure;
import io.eventide.inference.SampleSummary;
import io.eventide.study.Outcome;
import io.eventide.study.StudyMeasure;
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
  private final boolean bharReference;
  private final StudyMeasure measure;
  private final SampleSummary[] car;
  private final SampleSummary[] second; // BHAR, or CAVAR in a volatility study
  private final TreeMap<String, StudySummaries> groups = new TreeMap<>();

  /** The mapped firm-events added, by outcome ordinal (OK or INSUFFICIENT_ESTIMATION). */
  private final long[] outcomes = new long[Outcome.values().length];

  /**
   * Empty summaries.
   *
   * @param windows the number of test windows
   * @param parameters k, the normal-return model's parameter count ({@code M_i − k})
   * @param grouped whether the study is grouped (then each firm-event also goes to its group's)
   * @param bharReference whether BHAR is measured against a reference listing ({@code
   *     StudySpecification.bharBenchmark}): then a firm-event with a CAR but no BHAR (a reference
   *     return is missing) is left out of the BHAR sample, as {@code StudyResult.sample} leaves it
   *     out; without one a firm-event's BHAR is in the sample whenever its CAR is
   * @param measure what the study measures: returns (samples CAR and BHAR), volume (one CAR sample
   *     of abnormal log volume, CAVOL) or volatility (the CAR sample and CAVAR, the cumulated Σ(U −
   *     1) as values whose null is a zero mean only, {@code ValueSample.withZeroMeanOnly})
   */
  public StudySummaries(
      int windows, int parameters, boolean grouped, boolean bharReference, StudyMeasure measure) {
    this.parameters = parameters;
    this.grouped = grouped;
    this.bharReference = bharReference;
    this.measure = java.util.Objects.requireNonNull(measure, "measure");
    car = new SampleSummary[windows];
    second = new SampleSummary[windows];
    for (int w = 0; w < windows; w++) {
      car[w] = SampleSummary.ofCars();
      second[w] =
          measure == StudyMeasure.VOLATILITY
              ? SampleSummary.ofValues(Measure.CAVAR.name(), false)
              : SampleSummary.ofValues(Measure.BHAR.name(), true);
    }
  }

  /**
   * Adds a mapped firm-event to the samples of the windows where it has a CAR (and to its group's).
   *
   * @param fe the firm-event
   * @return this
   */
  public StudySummaries add(MappedFirmEvent fe) {
    outcomes[fe.outcome().ordinal()]++;
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
      if (measure == StudyMeasure.VOLATILITY) {
        second[w].addValue(c[w]);
      } else if (measure == StudyMeasure.RETURNS && (!bharReference || !Double.isNaN(b[w]))) {
        second[w].addValue(b[w]);
      }
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
      second[w].merge(other.second[w]);
    }
    for (int o = 0; o < outcomes.length; o++) {
      outcomes[o] += other.outcomes[o];
    }
    for (Map.Entry<String, StudySummaries> g : other.groups.entrySet()) {
      group(g.getKey()).merge(g.getValue());
    }
    return this;
  }

  /**
   * @param outcome an outcome
   * @return how many of the mapped firm-events added (or merged) have it; the firm-events left out
   *     at resolution are never mapped, so never counted here
   */
  public long count(Outcome outcome) {
    return outcomes[outcome.ordinal()];
  }

  /**
   * @param label a group's label
   * @return its summaries (live), created empty on first use
   */
  public StudySummaries group(String label) {
    return groups.computeIfAbsent(
        label, k -> new StudySummaries(car.length, parameters, false, bharReference, measure));
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
   * @param measure CAR or BHAR (returns), CAVOL (volume: a CAR sample of abnormal log volume) or
   *     CAVAR (volatility)
   * @return that sample's summary (live)
   * @throws IllegalArgumentException for a measure this study's summaries do not hold
   */
  public SampleSummary sample(int w, Measure measure) {
    boolean held =
        switch (measure) {
          case CAR, CAVOL -> true;
          case BHAR -> this.measure == StudyMeasure.RETURNS;
          case CAVAR -> this.measure == StudyMeasure.VOLATILITY;
        };
    if (!held) {
      throw new IllegalArgumentException(
          "A " + this.measure.id() + " study has no " + measure + " sample");
    }
    return measure == Measure.CAR || measure == Measure.CAVOL ? car[w] : second[w];
  }

  /**
   * @return whether every tested sample's inputs are in their domain ({@link
   *     SampleSummary#inputsRegular()}), groups included
   */
  public boolean inputsRegular() {
    for (int w = 0; w < car.length; w++) {
      // Only the samples the study tests: a volatility study tests CAVAR alone, volume CAVOL.
      boolean carTested = measure != StudyMeasure.VOLATILITY;
      boolean secondTested = measure != StudyMeasure.VOLUME;
      if (carTested && !car[w].inputsRegular() || secondTested && !second[w].inputsRegular()) {
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
