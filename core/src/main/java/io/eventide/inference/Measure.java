package io.eventide.inference;

/**
 * What a study window's sample measures. A study reduces each window into one sample per measure: a
 * {@link CarSample} for {@link #CAR} (with the standardized inputs every test needs) and a {@link
 * ValueSample} labelled {@code BHAR} for {@link #BHAR} (values only, so the standardized tests do
 * not apply to it); see {@code docs/statistics.md} section 3.
 */
public enum Measure {
  /** Cumulative abnormal return {@code CAR_i = Σ AR_it}. */
  CAR,
  /** Buy-and-hold abnormal return {@code BHAR_i = Π(1 + R_it) − Π(1 + E[R_it])}. */
  BHAR
}
