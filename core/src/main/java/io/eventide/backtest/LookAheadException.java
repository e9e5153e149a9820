package io.eventide.backtest;

/**
 * Thrown by a {@link PointInTimeView} when a {@link Signal} asks for a price whose instant lies
 * after the decision instant: the backtest's guard against look-ahead.
 */
public final class LookAheadException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what was read and when the decision is made
   */
  public LookAheadException(String message) {
    super(message);
  }
}
