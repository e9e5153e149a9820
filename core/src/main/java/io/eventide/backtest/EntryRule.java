package io.eventide.backtest;

/** Which price a trade enters at, after the decision instant ({@code docs/backtest.md}). */
public enum EntryRule {
  /** The first price strictly after the decision instant, open or close. */
  FIRST,
  /** The first open strictly after the decision instant. */
  OPEN,
  /** The first close strictly after the decision instant. */
  CLOSE;

  /**
   * @return the command-line name
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
