package io.eventide.backtest;

/** Whether a trade also holds its listing's benchmark ({@code docs/backtest.md}, "Hedging"). */
public enum Hedge {
  /** The stock leg alone. */
  NONE,
  /**
   * A benchmark leg of {@code −side · β̂ · N / B_entry}, β̂ the market-model slope of the study
   * behind the backtest.
   */
  MARKET;

  /**
   * @return the command-line name
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
