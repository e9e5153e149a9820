package io.eventide.backtest;

/** An open or a close: the two prices of a session, each at its own instant. */
public enum PriceKind {
  /** The session's open, at the exchange's opening time. */
  OPEN,
  /** The session's close, at the exchange's closing time. */
  CLOSE;

  /**
   * @return {@code open} or {@code close}
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
