package io.eventide.backtest;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One candidate (an event on one affected listing) with its outcome: a row of {@code trades.csv}.
 *
 * @param hold the holding period of the backtest
 * @param eventId the event
 * @param ticker the listing
 * @param side +1 long, −1 short, 0 when the side rule could not give one
 * @param outcome {@link TradeOutcome#OK} for a trade, else why not
 * @param reason the outcome in words, empty for a trade
 * @param decision the decision instant with the listing's exchange's offset; empty when unknown
 * @param trade the trade, present exactly when the outcome is OK
 */
public record Candidate(
    int hold,
    String eventId,
    String ticker,
    int side,
    TradeOutcome outcome,
    String reason,
    Optional<OffsetDateTime> decision,
    Optional<Trade> trade) {

  /** Checks that a trade is present exactly for OK. */
  public Candidate {
    if ((outcome == TradeOutcome.OK) != trade.isPresent()) {
      throw new IllegalArgumentException("A trade is present exactly when the outcome is OK");
    }
  }

  /**
   * @return whether it was traded
   */
  public boolean traded() {
    return outcome == TradeOutcome.OK;
  }
}
