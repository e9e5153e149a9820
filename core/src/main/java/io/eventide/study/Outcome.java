package io.eventide.study;

/**
 * Whether a firm-event (one event on one listing) entered the study, or why it was left out.
 *
 * <p>Checked in this order ({@code docs/cli.md}): {@link #UNKNOWN_TICKER}, {@link #NO_PRICES},
 * {@link #OUT_OF_RANGE}, {@link #NO_FACTORS}, {@link #INSUFFICIENT_ESTIMATION}. A firm-event
 * missing a day of one window is {@link #OK} but absent from that window's sample; {@link
 * StudyResult#windowExclusions()} lists those.
 */
public enum Outcome {
  /** Computed. */
  OK,
  /**
   * The event names a ticker that the universe does not list (an extension of the CLI's codes: the
   * listing's exchange and calendar are unknown).
   */
  UNKNOWN_TICKER,
  /** No price file for the ticker, or no price on any session. */
  NO_PRICES,
  /**
   * No session qualifies as day 0, or the calendar does not hold every session of the estimation
   * window and the event span ({@code docs/statistics.md} section 1).
   */
  OUT_OF_RANGE,
  /**
   * A factor model, and no factor set serves the listing's exchange: a plain set serves only the US
   * exchanges ({@code ReturnPanel.withFactors(exchange, set)} gives another exchange its own).
   */
  NO_FACTORS,
  /**
   * Fewer valid estimation days than the minimum, M ≤ k, a rank-deficient design, a residual
   * variance that is not finite, or a residual standard deviation of zero up to the rounding of
   * returns, at most 64 ε ≈ 1.4e-14 (the model fits exactly, so nothing can be standardized).
   */
  INSUFFICIENT_ESTIMATION
}
