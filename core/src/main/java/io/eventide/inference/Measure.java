package io.eventide.inference;

/**
 * What a study window's sample measures: the {@code measure} column of {@code tests.csv} and {@code
 * caar.csv}. A returns study reduces each window into a {@link CarSample} for {@link #CAR} (with
 * the standardized inputs every test needs) and a {@link ValueSample} labelled {@code BHAR} for
 * {@link #BHAR} (values only, so the standardized tests do not apply to it); a volume study into a
 * {@link CarSample} for {@link #CAVOL}; a volatility study into a {@link ValueSample} for {@link
 * #CAVAR} on which only the tests of a zero mean apply ({@link ValueSample#zeroMedianUnderNull()}).
 * See {@code docs/statistics.md} sections 3, "Abnormal volume" and "Abnormal volatility".
 */
public enum Measure {
  /** Cumulative abnormal return {@code CAR_i = Σ AR_it}. */
  CAR,
  /** Buy-and-hold abnormal return {@code BHAR_i = Π(1 + R_it) − Π(1 + E[R_it])}. */
  BHAR,
  /**
   * Cumulative abnormal log volume {@code Σ (v_it − E[v_it])}, {@code v_it = ln(1 + V_it)}
   * (Campbell and Wasley 1996).
   */
  CAVOL,
  /**
   * Cumulative abnormal return variance {@code Σ (U_it − 1)}, {@code U_it} the squared abnormal
   * return over its forecast-error variance, scaled to mean 1 (Beaver 1968).
   */
  CAVAR
}
