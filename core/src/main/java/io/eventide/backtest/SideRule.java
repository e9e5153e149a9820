package io.eventide.backtest;

/**
 * How a candidate's side (long or short) is chosen ({@code docs/backtest.md}, "Candidates"). A user
 * {@link Signal} is the sixth way, set with {@link Strategy.Builder#signal(Signal)}.
 */
public enum SideRule {
  /** The event's {@code direction}: +1 long, −1 short, 0 no candidate. */
  DIRECTION,
  /** Every candidate long. */
  LONG,
  /** Every candidate short. */
  SHORT,
  /**
   * The sign of the firm-event's day-0 abnormal return (market model); decided at the close of day
   * 0; an abnormal return of exactly 0 is no candidate.
   */
  REACTION,
  /** Minus the sign of the day-0 abnormal return (a bet that the reaction reverses). */
  REVERSAL;

  /**
   * @return the command-line name, {@code direction}, {@code long}, ...
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
