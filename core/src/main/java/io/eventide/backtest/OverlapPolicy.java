package io.eventide.backtest;

/** What to do with a candidate whose listing already has an open stock leg at its entry. */
public enum OverlapPolicy {
  /** Trade it as well. */
  ALLOW,
  /** Skip it, outcome {@link TradeOutcome#OVERLAP}. */
  SKIP;

  /**
   * @return the command-line name
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
