package io.eventide.study;

/**
 * Whether a firm-event (one event on one listing) entered the study, or why it was left out.
 *
 * <p>Checked in this order ({@code docs/cli.md}): {@link #UNKNOWN_TICKER}, {@link #NO_PRICES},
 * {@link #OUT_OF_RANGE}, {@link #NO_FACTORS}, {@link #NO_DIRECTION}, {@link
 * #INSUFFICIENT_ESTIMATION} or {@link #NO_CONVERGENCE} (both decided by the fit of the estimation
 * window, at the same step). A firm-event missing a day of one window is {@link #OK} but absent
 * from that window's sample; {@link StudyResult#windowExclusions()} lists those.
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
   * The study signs abnormal returns by direction ({@link StudySpecification#signedByDirection()})
   * and the firm-event's event has direction 0 (or none stated), so its sign is unknown.
   */
  NO_DIRECTION,
  /**
   * Fewer valid estimation days than the minimum, M ≤ k, a rank-deficient design, a residual
   * variance that is not finite, or a residual standard deviation of zero up to the rounding of
   * returns, at most 64 ε ≈ 1.4e-14 (the model fits exactly, so nothing can be standardized).
   */
  INSUFFICIENT_ESTIMATION,
  /**
   * An iterative fit found no maximum inside its parameter region: the GARCH(1,1) likelihood whose
   * supremum lies on the boundary {@code a + b = 1} or at {@code ω → 0}, or an optimizer that
   * stopped without converging ({@code docs/statistics.md} section 3c). Checked with {@link
   * #INSUFFICIENT_ESTIMATION}: a fit with too few observations is that, not this.
   */
  NO_CONVERGENCE
}
