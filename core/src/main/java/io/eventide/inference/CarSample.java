package io.eventide.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * A window's CARs with everything the standardized tests need: the reduced form of an event study
 * for one window ({@code docs/statistics.md} section 3).
 *
 * <p>Per firm-event (arrays of length N, in one order):
 *
 * <ul>
 *   <li>{@code car}: {@code CAR_i};
 *   <li>{@code scar}: {@code SCAR_i = CAR_i / √Var(CAR_i)};
 *   <li>{@code degreesOfFreedom}: {@code M_i − k}, estimation observations less model parameters;
 *   <li>{@code positiveEstimationShare}: {@code (1/M_i) #{τ in estimation: ε̂_iτ > 0}}.
 * </ul>
 *
 * <p>Per sample:
 *
 * <ul>
 *   <li>{@code meanCrossCorrelation}: r̄ of Kolari and Pynnönen over this sample;
 *   <li>{@code estimationAar}: {@code AAR_τ} for each relative day of the estimation window, the
 *       mean of the sample's estimation residuals that day; {@code NaN} where none has one;
 *   <li>{@code meanRankScores}: {@code Ū_τ} for each day of the combined window (estimation window
 *       days first, then the event span days), {@code NaN} where none has a rank; the window's days
 *       are positions {@code rankWindowFrom..rankWindowTo} (inclusive) in it, so the window length
 *       is {@code L = rankWindowTo − rankWindowFrom + 1}.
 * </ul>
 *
 * <p>Optionally, per firm-event and relative day τ of the estimation window (an N × D matrix, D the
 * estimation window's length): {@code estimationSar}, the standardized estimation residuals {@code
 * SAR_iτ = ε̂_iτ / s_i} ({@code s_i} with divisor {@code M_i − k}), {@code NaN} where firm-event i
 * has no residual that day. The generalized rank tests ({@link GeneralizedRankTTest}, {@link
 * GeneralizedRankZTest}) need them; the other tests do not. A study keeps them only when asked
 * ({@code EventStudy.withEstimationSar()}), since they take D doubles per firm-event; {@link
 * #withEstimationSar(double[][])} attaches them to a sample of one's own.
 *
 * <p>Immutable: arrays are copied in and out. Values are not checked ({@code NaN}s are reported by
 * the tests as undefined statistics); lengths and positions are.
 */
public final class CarSample implements Sample {

  /** The label of CAR samples in reasons. */
  static final String LABEL = Measure.CAR.name();

  final double[] car;
  final double[] scar;
  final double[] degreesOfFreedom;
  final double[] positiveEstimationShare;
  private final double meanCrossCorrelation;
  final double[] estimationAar;

  /** {@link #estimationAar} without its {@code NaN} days, in order: D values. */
  final double[] estimationAarDays;

  final double[] meanRankScores;
  private final int rankWindowFrom;
  private final int rankWindowTo;

  /** The ranked SAR rows this sample's firm-events draw on, or null. */
  final EstimationSar estimationSar;

  /** The row of {@link #estimationSar} of each firm-event of the sample; null without them. */
  final int[] sarRows;

  private CarSample(
      double[] car,
      double[] scar,
      double[] degreesOfFreedom,
      double[] positiveEstimationShare,
      double meanCrossCorrelation,
      double[] estimationAar,
      double[] meanRankScores,
      int rankWindowFrom,
      int rankWindowTo,
      EstimationSar estimationSar,
      int[] sarRows) {
    this.car = car;
    this.estimationSar = estimationSar;
    this.sarRows = sarRows;
    this.scar = scar;
    this.degreesOfFreedom = degreesOfFreedom;
    this.positiveEstimationShare = positiveEstimationShare;
    this.meanCrossCorrelation = meanCrossCorrelation;
    this.estimationAar = estimationAar;
    this.meanRankScores = meanRankScores;
    this.rankWindowFrom = rankWindowFrom;
    this.rankWindowTo = rankWindowTo;
    this.estimationAarDays = SampleMath.present(estimationAar);
  }

  /**
   * A CAR sample. Arrays are copied.
   *
   * @param car {@code CAR_i}, N values
   * @param scar {@code SCAR_i}, N values
   * @param degreesOfFreedom {@code M_i − k}, N values
   * @param positiveEstimationShare {@code (1/M_i) #{ε̂_iτ > 0}}, N values
   * @param meanCrossCorrelation r̄
   * @param estimationAar {@code AAR_τ} per estimation day, {@code NaN} where empty
   * @param meanRankScores {@code Ū_τ} per combined-window day, {@code NaN} where empty
   * @param rankWindowFrom index in {@code meanRankScores} of the window's first day
   * @param rankWindowTo index in {@code meanRankScores} of the window's last day
   * @return the sample
   * @throws IllegalArgumentException naming the array whose length differs from {@code car}'s, or
   *     rank positions that are not a non-empty range inside {@code meanRankScores}
   */
  public static CarSample of(
      double[] car,
      double[] scar,
      double[] degreesOfFreedom,
      double[] positiveEstimationShare,
      double meanCrossCorrelation,
      double[] estimationAar,
      double[] meanRankScores,
      int rankWindowFrom,
      int rankWindowTo) {
    Objects.requireNonNull(car, "car");
    Objects.requireNonNull(scar, "scar");
    Objects.requireNonNull(degreesOfFreedom, "degreesOfFreedom");
    Objects.requireNonNull(positiveEstimationShare, "positiveEstimationShare");
    Objects.requireNonNull(estimationAar, "estimationAar");
    Objects.requireNonNull(meanRankScores, "meanRankScores");
    int n = car.length;
    sameLength("scar", scar, n);
    sameLength("degreesOfFreedom", degreesOfFreedom, n);
    sameLength("positiveEstimationShare", positiveEstimationShare, n);
    if (rankWindowFrom < 0
        || rankWindowTo < rankWindowFrom
        || rankWindowTo >= meanRankScores.length) {
      throw new IllegalArgumentException(
          "CAR sample: rank window positions "
              + rankWindowFrom
              + ".."
              + rankWindowTo
              + " are not a non-empty range inside the "
              + meanRankScores.length
              + " days of meanRankScores");
    }
    return new CarSample(
        car.clone(),
        scar.clone(),
        degreesOfFreedom.clone(),
        positiveEstimationShare.clone(),
        meanCrossCorrelation,
        estimationAar.clone(),
        meanRankScores.clone(),
        rankWindowFrom,
        rankWindowTo,
        null,
        null);
  }

  /**
   * This sample with the standardized estimation residuals of its firm-events attached: what the
   * generalized rank tests ({@code grank-t}, {@code grank-z}) rank besides the window's SCAR.
   *
   * @param rows N rows, row i for the i-th firm-event, each of the same length D (the estimation
   *     window's days, in calendar order): {@code SAR_iτ = ε̂_iτ / s_i}, {@code NaN} where
   *     firm-event i has no residual on day τ (copied)
   * @return a copy of this sample carrying them
   * @throws IllegalArgumentException if there are not N rows or they differ in length
   */
  public CarSample withEstimationSar(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.length != car.length) {
      throw new IllegalArgumentException(
          "CAR sample: estimationSar has "
              + rows.length
              + " rows but car has "
              + car.length
              + "; give one row per firm-event");
    }
    int[] identity = new int[rows.length];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    return withEstimationSar(EstimationSar.of(rows), identity);
  }

  /**
   * This sample with its firm-events' rows of a shared {@link EstimationSar} attached (how a
   * study's windows share one set of ranked rows without copying them).
   *
   * @param all the ranked rows of a set of firm-events
   * @param rows for each firm-event of this sample, in order, its row in {@code all} (copied)
   * @return a copy of this sample carrying them
   * @throws IllegalArgumentException if there is not one row per firm-event or a row is out of
   *     range
   */
  public CarSample withEstimationSar(EstimationSar all, int[] rows) {
    Objects.requireNonNull(all, "all");
    Objects.requireNonNull(rows, "rows");
    if (rows.length != car.length) {
      throw new IllegalArgumentException(
          "CAR sample: estimationSar has "
              + rows.length
              + " rows but car has "
              + car.length
              + "; give one row per firm-event");
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= all.size()) {
        throw new IllegalArgumentException(
            "CAR sample: estimationSar row "
                + rows[i]
                + " of firm-event "
                + i
                + " is not in "
                + all);
      }
    }
    return new CarSample(
        car,
        scar,
        degreesOfFreedom,
        positiveEstimationShare,
        meanCrossCorrelation,
        estimationAar,
        meanRankScores,
        rankWindowFrom,
        rankWindowTo,
        all,
        rows.clone());
  }

  /**
   * @return whether the standardized estimation residuals are attached ({@link
   *     #withEstimationSar(double[][])})
   */
  public boolean hasEstimationSar() {
    return estimationSar != null;
  }

  /**
   * @return a copy of the standardized estimation residuals, N rows of D days ({@code NaN} where
   *     missing)
   * @throws IllegalStateException if they are not attached
   */
  public double[][] estimationSar() {
    if (estimationSar == null) {
      throw new IllegalStateException(
          "This CAR sample carries no estimation-window SARs; see withEstimationSar");
    }
    double[][] rows = new double[car.length][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = estimationSar.row(sarRows[i]);
    }
    return rows;
  }

  private static void sameLength(String name, double[] array, int n) {
    if (array.length != n) {
      throw new IllegalArgumentException(
          "CAR sample: "
              + name
              + " has "
              + array.length
              + " values but car has "
              + n
              + "; every per-firm-event array needs one value per firm-event");
    }
  }

  @Override
  public int size() {
    return car.length;
  }

  @Override
  public double value(int i) {
    return car[i];
  }

  @Override
  public double[] values() {
    return car.clone();
  }

  /**
   * @return {@code CAR}
   */
  @Override
  public String label() {
    return LABEL;
  }

  /**
   * @param i firm-event position
   * @return {@code SCAR_i}
   */
  public double standardized(int i) {
    return scar[i];
  }

  /**
   * @param i firm-event position
   * @return {@code M_i − k}
   */
  public double degreesOfFreedom(int i) {
    return degreesOfFreedom[i];
  }

  /**
   * @param i firm-event position
   * @return {@code (1/M_i) #{τ: ε̂_iτ > 0}}
   */
  public double positiveEstimationShare(int i) {
    return positiveEstimationShare[i];
  }

  /**
   * @return r̄ for this sample
   */
  public double meanCrossCorrelation() {
    return meanCrossCorrelation;
  }

  /**
   * @return a copy of {@code AAR_τ} over the estimation window, {@code NaN} where empty
   */
  public double[] estimationAar() {
    return estimationAar.clone();
  }

  /**
   * @return a copy of {@code Ū_τ} over the combined window, {@code NaN} where empty
   */
  public double[] meanRankScores() {
    return meanRankScores.clone();
  }

  /**
   * @return index of the window's first day in {@link #meanRankScores()}
   */
  public int rankWindowFrom() {
    return rankWindowFrom;
  }

  /**
   * @return index of the window's last day in {@link #meanRankScores()}
   */
  public int rankWindowTo() {
    return rankWindowTo;
  }

  /**
   * @return L, the window's length in days: {@code rankWindowTo − rankWindowFrom + 1}
   */
  public int windowLength() {
    return rankWindowTo - rankWindowFrom + 1;
  }

  @Override
  public String toString() {
    return "CarSample[N=" + car.length + ", L=" + windowLength() + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CarSample s
        && Arrays.equals(car, s.car)
        && Arrays.equals(scar, s.scar)
        && Arrays.equals(degreesOfFreedom, s.degreesOfFreedom)
        && Arrays.equals(positiveEstimationShare, s.positiveEstimationShare)
        && Double.compare(meanCrossCorrelation, s.meanCrossCorrelation) == 0
        && Arrays.equals(estimationAar, s.estimationAar)
        && Arrays.equals(meanRankScores, s.meanRankScores)
        && rankWindowFrom == s.rankWindowFrom
        && rankWindowTo == s.rankWindowTo
        && sameSar(s);
  }

  /** The same SAR values for every firm-event (or none on both sides). */
  private boolean sameSar(CarSample s) {
    if (estimationSar == null || s.estimationSar == null) {
      return estimationSar == s.estimationSar;
    }
    int d = estimationSar.days;
    if (d != s.estimationSar.days) {
      return false;
    }
    for (int i = 0; i < sarRows.length; i++) {
      for (int tau = 0; tau < d; tau++) {
        if (Double.compare(
                estimationSar.sar[sarRows[i] * d + tau],
                s.estimationSar.sar[s.sarRows[i] * d + tau])
            != 0) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(car), Arrays.hashCode(scar), rankWindowFrom, rankWindowTo);
  }
}
