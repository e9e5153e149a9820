package io.eventide.study;

import io.eventide.inference.Measure;
import java.util.List;

/**
 * What a study measures abnormal behaviour of ({@code docs/statistics.md}, "Abnormal volume" and
 * "Abnormal volatility"; command line {@code --measure}).
 *
 * <ul>
 *   <li>{@link #RETURNS} (the default): abnormal returns, their CAR and BHAR, every test.
 *   <li>{@link #VOLUME}: abnormal log trading volume (Campbell and Wasley 1996, RQFA 6: 309–326).
 *       The study runs its model on {@code v_it = ln(1 + V_it)} in place of {@code R_it} and on the
 *       benchmark's {@code v_mt} in place of {@code R_mt}, from a panel built with {@code
 *       ReturnPanel.ofLogVolume}; AR is the abnormal log volume, CAR its sum over the window, and
 *       every test of section 3 runs on those sums. BHAR is not defined.
 *   <li>{@link #VOLATILITY}: abnormal return variance (Beaver 1968, JAR 6: 67–92; Landsman and
 *       Maydew 2002, JAR 40: 797–808). Each event day's squared abnormal return over its
 *       forecast-error variance, scaled so that its mean is 1 under the null, {@code U_it = c_i
 *       AR_it² / v_it}, {@code c_i = (M_i − k − 2)/(M_i − k)}; the window's value is {@code Σ (U_it
 *       − 1)}, tested by the tests of a zero mean ({@code cs-t}, {@code skew-t}) only.
 * </ul>
 */
public enum StudyMeasure {
  /** Abnormal returns (CAR and BHAR). */
  RETURNS("returns", Measure.CAR),
  /** Abnormal log trading volume. */
  VOLUME("volume", Measure.CAVOL),
  /** Abnormal return variance. */
  VOLATILITY("volatility", Measure.CAVAR);

  private final String id;
  private final Measure cumulated;

  StudyMeasure(String id, Measure cumulated) {
    this.id = id;
    this.cumulated = cumulated;
  }

  /**
   * @return the command line's name ({@code returns}, {@code volume}, {@code volatility})
   */
  public String id() {
    return id;
  }

  /**
   * @return the measure of the window sums, as {@code tests.csv} names it: {@code CAR}, {@code
   *     CAVOL} or {@code CAVAR}
   */
  public Measure cumulated() {
    return cumulated;
  }

  /**
   * @return the measures a study of this kind reports, in {@code tests.csv}'s order: {@code CAR,
   *     BHAR} for returns, {@code CAVOL} for volume, {@code CAVAR} for volatility
   */
  public List<Measure> measures() {
    return this == RETURNS ? List.of(Measure.CAR, Measure.BHAR) : List.of(cumulated);
  }

  /**
   * The measure of a command-line name, stripped of surrounding blanks.
   *
   * @param id {@code returns}, {@code volume} or {@code volatility}
   * @return the measure
   * @throws IllegalArgumentException for another name, with a message listing the known ones
   */
  public static StudyMeasure of(String id) {
    String key = id == null ? "null" : id.strip();
    for (StudyMeasure m : values()) {
      if (m.id.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "Unknown measure '" + id + "'; known measures: returns, volume, volatility");
  }
}
