package io.eventide.study;

import io.eventide.event.EventWindow;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the cross-sectional tests need about one window and one measure: the reduced form of a
 * study ({@code spec/STATISTICS.md} section 3).
 *
 * <p>The sample is the N firm-events with a valid value in the window, in the study's canonical
 * order (event id, then ticker). Arrays indexed by firm-event have length N. For the {@link
 * Measure#BHAR} measure only {@link #values()} is defined; the standardized inputs are absent and
 * the standardized tests do not apply.
 *
 * <ul>
 *   <li>{@code values}: {@code CAR_i} (or {@code BHAR_i}).
 *   <li>{@code standardized}: {@code SCAR_i = CAR_i / √Var(CAR_i)}.
 *   <li>{@code degreesOfFreedom}: {@code M_i − k}.
 *   <li>{@code positiveEstimationShare}: {@code (1/M_i) #{τ in estimation: ε̂_iτ > 0}}.
 *   <li>{@code meanCrossCorrelation}: r̄ of Kolari and Pynnönen over this sample.
 *   <li>{@code estimationAar}: {@code AAR_τ} for each relative day of the estimation window, the
 *       mean of the sample's estimation residuals that day; {@code NaN} where none has one.
 *   <li>{@code meanRankScores}: {@code Ū_τ} for each day of the combined window (estimation window
 *       days first, then the event span days), {@code NaN} where none has a rank; {@code
 *       rankWindowFrom}/{@code rankWindowTo} (inclusive) locate this window's days in it.
 * </ul>
 */
public final class WindowSample {

  private final EventWindow window;
  private final Measure measure;
  private final double[] values;
  private final double[] standardized;
  private final double[] degreesOfFreedom;
  private final double[] positiveEstimationShare;
  private final double meanCrossCorrelation;
  private final double[] estimationAar;
  private final double[] meanRankScores;
  private final int rankWindowFrom;
  private final int rankWindowTo;

  private WindowSample(
      EventWindow window,
      Measure measure,
      double[] values,
      double[] standardized,
      double[] degreesOfFreedom,
      double[] positiveEstimationShare,
      double meanCrossCorrelation,
      double[] estimationAar,
      double[] meanRankScores,
      int rankWindowFrom,
      int rankWindowTo) {
    this.window = window;
    this.measure = measure;
    this.values = values;
    this.standardized = standardized;
    this.degreesOfFreedom = degreesOfFreedom;
    this.positiveEstimationShare = positiveEstimationShare;
    this.meanCrossCorrelation = meanCrossCorrelation;
    this.estimationAar = estimationAar;
    this.meanRankScores = meanRankScores;
    this.rankWindowFrom = rankWindowFrom;
    this.rankWindowTo = rankWindowTo;
  }

  /**
   * A CAR sample with every input of the eleven tests. Arrays are copied.
   *
   * @param window the window
   * @param car {@code CAR_i}
   * @param scar {@code SCAR_i}
   * @param degreesOfFreedom {@code M_i − k}
   * @param positiveEstimationShare {@code (1/M_i) #{ε̂_iτ > 0}}
   * @param meanCrossCorrelation r̄
   * @param estimationAar {@code AAR_τ} per estimation day
   * @param meanRankScores {@code Ū_τ} per combined-window day
   * @param rankWindowFrom index in {@code meanRankScores} of the window's first day
   * @param rankWindowTo index in {@code meanRankScores} of the window's last day
   * @return the sample
   */
  public static WindowSample ofCar(
      EventWindow window,
      double[] car,
      double[] scar,
      double[] degreesOfFreedom,
      double[] positiveEstimationShare,
      double meanCrossCorrelation,
      double[] estimationAar,
      double[] meanRankScores,
      int rankWindowFrom,
      int rankWindowTo) {
    Objects.requireNonNull(window, "window");
    int n = car.length;
    if (scar.length != n || degreesOfFreedom.length != n || positiveEstimationShare.length != n) {
      throw new IllegalArgumentException(
          "Window "
              + window
              + ": per-firm-event arrays differ in length ("
              + n
              + ", "
              + scar.length
              + ", "
              + degreesOfFreedom.length
              + ", "
              + positiveEstimationShare.length
              + ")");
    }
    if (rankWindowTo - rankWindowFrom + 1 != window.length()
        || rankWindowFrom < 0
        || rankWindowTo >= meanRankScores.length) {
      throw new IllegalArgumentException(
          "Window "
              + window
              + ": rank positions "
              + rankWindowFrom
              + ".."
              + rankWindowTo
              + " do not fit "
              + meanRankScores.length
              + " rank days");
    }
    return new WindowSample(
        window,
        Measure.CAR,
        car.clone(),
        scar.clone(),
        degreesOfFreedom.clone(),
        positiveEstimationShare.clone(),
        meanCrossCorrelation,
        estimationAar.clone(),
        meanRankScores.clone(),
        rankWindowFrom,
        rankWindowTo);
  }

  /**
   * A BHAR sample: values only.
   *
   * @param window the window
   * @param bhar {@code BHAR_i}
   * @return the sample
   */
  public static WindowSample ofBhar(EventWindow window, double[] bhar) {
    Objects.requireNonNull(window, "window");
    return new WindowSample(
        window, Measure.BHAR, bhar.clone(), null, null, null, Double.NaN, null, null, -1, -1);
  }

  /**
   * @return the window
   */
  public EventWindow window() {
    return window;
  }

  /**
   * @return CAR or BHAR
   */
  public Measure measure() {
    return measure;
  }

  /**
   * @return N, the number of firm-events in the sample
   */
  public int size() {
    return values.length;
  }

  /**
   * @return whether the standardized inputs are present (CAR samples)
   */
  public boolean hasStandardizedInputs() {
    return standardized != null;
  }

  /**
   * @return a copy of {@code CAR_i} or {@code BHAR_i}
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * @param i firm-event position, {@code 0 <= i < size()}
   * @return {@code CAR_i} or {@code BHAR_i}
   */
  public double value(int i) {
    return values[i];
  }

  /**
   * @param i firm-event position
   * @return {@code SCAR_i}
   */
  public double standardized(int i) {
    return requireCar()[i];
  }

  /**
   * @param i firm-event position
   * @return {@code M_i − k}
   */
  public double degreesOfFreedom(int i) {
    requireCar();
    return degreesOfFreedom[i];
  }

  /**
   * @param i firm-event position
   * @return {@code (1/M_i) #{τ: ε̂_iτ > 0}}
   */
  public double positiveEstimationShare(int i) {
    requireCar();
    return positiveEstimationShare[i];
  }

  /**
   * @return r̄ for this sample
   */
  public double meanCrossCorrelation() {
    requireCar();
    return meanCrossCorrelation;
  }

  /**
   * @return a copy of {@code AAR_τ} over the estimation window, {@code NaN} where empty
   */
  public double[] estimationAar() {
    requireCar();
    return estimationAar.clone();
  }

  /**
   * @return the number of estimation days, the length of {@link #estimationAar()}
   */
  public int estimationDays() {
    requireCar();
    return estimationAar.length;
  }

  /**
   * @param tau estimation day, {@code 0 <= tau < estimationDays()} (0 is the window's first day)
   * @return {@code AAR_τ}, {@code NaN} where no firm-event of the sample has a residual
   */
  public double estimationAar(int tau) {
    requireCar();
    return estimationAar[tau];
  }

  /**
   * @return the number of combined-window days, the length of {@link #meanRankScores()}
   */
  public int rankDays() {
    requireCar();
    return meanRankScores.length;
  }

  /**
   * @param c combined-window day, {@code 0 <= c < rankDays()}
   * @return {@code Ū_c}, {@code NaN} where no firm-event of the sample has a rank
   */
  public double meanRankScore(int c) {
    requireCar();
    return meanRankScores[c];
  }

  /**
   * @return a copy of {@code Ū_τ} over the combined window, {@code NaN} where empty
   */
  public double[] meanRankScores() {
    requireCar();
    return meanRankScores.clone();
  }

  /**
   * @return index of the window's first day in {@link #meanRankScores()}
   */
  public int rankWindowFrom() {
    requireCar();
    return rankWindowFrom;
  }

  /**
   * @return index of the window's last day in {@link #meanRankScores()}
   */
  public int rankWindowTo() {
    requireCar();
    return rankWindowTo;
  }

  private double[] requireCar() {
    if (standardized == null) {
      throw new IllegalStateException(
          "Window " + window + " " + measure + " sample has no standardized inputs");
    }
    return standardized;
  }

  @Override
  public String toString() {
    return "WindowSample[" + window + " " + measure + ", N=" + values.length + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WindowSample w
        && window.equals(w.window)
        && measure == w.measure
        && Arrays.equals(values, w.values)
        && Arrays.equals(standardized, w.standardized)
        && Arrays.equals(degreesOfFreedom, w.degreesOfFreedom)
        && Arrays.equals(positiveEstimationShare, w.positiveEstimationShare)
        && Double.compare(meanCrossCorrelation, w.meanCrossCorrelation) == 0
        && Arrays.equals(estimationAar, w.estimationAar)
        && Arrays.equals(meanRankScores, w.meanRankScores)
        && rankWindowFrom == w.rankWindowFrom
        && rankWindowTo == w.rankWindowTo;
  }

  @Override
  public int hashCode() {
    return Objects.hash(window, measure, Arrays.hashCode(values));
  }
}
