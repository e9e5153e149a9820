package io.eventide.study;

/** What a window's statistic is computed on. */
public enum Measure {
  /** Cumulative abnormal return {@code CAR_i = Σ AR_it}. */
  CAR,
  /** Buy-and-hold abnormal return {@code BHAR_i = Π(1 + R_it) − Π(1 + E[R_it])}. */
  BHAR
}
