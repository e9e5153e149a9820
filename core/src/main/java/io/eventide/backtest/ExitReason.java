package io.eventide.backtest;

/** Why a trade closed where it did. */
public enum ExitReason {
  /** At the close of session {@code e + H}, or the next available close. */
  HOLD,
  /** The gross return so far reached {@code −X} at a close before the planned exit. */
  STOP_LOSS,
  /** The gross return so far reached {@code +Y} at a close before the planned exit. */
  TAKE_PROFIT,
  /** The data ended before session {@code e + H} had a close: the last available close. */
  END_OF_DATA;

  /**
   * @return {@code hold}, {@code stop_loss}, {@code take_profit} or {@code end_of_data}
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
