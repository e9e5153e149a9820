package io.eventide.backtest;

/**
 * Whether a candidate was traded, or why not, in the order the reasons are checked ({@code
 * docs/backtest.md}): the first that applies is reported.
 */
public enum TradeOutcome {
  /** Traded. */
  OK,
  /** The event names a ticker that the universe does not list. */
  UNKNOWN_TICKER,
  /** The listing has no price file or no price. */
  NO_PRICES,
  /** The study behind the backtest finds no day 0 or not the whole estimation window. */
  OUT_OF_RANGE,
  /** The study behind the backtest cannot fit the market model (too few estimation days, ...). */
  INSUFFICIENT_ESTIMATION,
  /** Under reaction or reversal: the firm-event has no abnormal return on day 0. */
  NO_DAY0_RETURN,
  /** No price strictly after the decision instant within the allowed lag. */
  NO_ENTRY_PRICE,
  /** No close of the listing strictly after the entry. */
  NO_EXIT_PRICE,
  /** The listing already had an open stock leg and the overlap policy is skip. */
  OVERLAP,
  /** The trade would take the gross exposure above the cap. */
  GROSS_CAP
}
