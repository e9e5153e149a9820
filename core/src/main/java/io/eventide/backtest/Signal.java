package io.eventide.backtest;

import io.eventide.event.Event;

/**
 * A user's side rule: decides, for one event on one listing, whether to go long (+1), short (−1) or
 * not trade (0, no candidate, as an event of direction 0), seeing only the prices known at the
 * decision instant (the announcement's instant, or the end of its date for a date-only
 * announcement).
 */
@FunctionalInterface
public interface Signal {

  /**
   * @param event the event
   * @param ticker the listing
   * @param view the prices known at the decision instant
   * @return +1, −1 or 0
   */
  int side(Event event, String ticker, PointInTimeView view);
}
