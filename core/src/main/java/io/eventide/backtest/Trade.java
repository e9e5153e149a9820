package io.eventide.backtest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A trade's fills and P&amp;L ({@code docs/backtest.md}, "Trade accounting"): stock leg {@code (q,
 * P_entry, P_exit)} and, if hedged, benchmark leg {@code (q_h, B_entry, B_exit)};
 *
 * <pre>
 *   pnl_gross = q (P_exit − P_entry) + q_h (B_exit − B_entry)
 *   cost      = Σ over the fills of bps/10⁴ · |quantity · price| + borrow
 *   pnl       = pnl_gross − cost
 * </pre>
 *
 * and returns per unit of stock notional N. Prices are adjusted prices.
 *
 * @param entryKind open or close
 * @param entryDate the entry session's date
 * @param entryInstant when the stock leg was filled
 * @param entryPrice {@code P_entry}
 * @param exitDate the exit session's date
 * @param exitInstant when both legs were closed (the stock leg's exit close)
 * @param exitPrice {@code P_exit}
 * @param exitReason why it closed there
 * @param beta β̂ of the hedge, {@code NaN} unhedged
 * @param hedgeTicker the benchmark held, empty unhedged
 * @param hedgeEntryInstant when the hedge leg was filled, {@code entryInstant} unhedged
 * @param hedgeEntryPrice {@code B_entry}, {@code NaN} unhedged
 * @param hedgeExitPrice {@code B_exit}, {@code NaN} unhedged
 * @param notional N, the stock leg's value at entry
 * @param quantity q, negative for a short
 * @param hedgeQuantity q_h, 0 unhedged
 * @param pnlGross gross P&amp;L
 * @param cost costs and borrow
 * @param pnl net P&amp;L
 */
public record Trade(
    PriceKind entryKind,
    LocalDate entryDate,
    Instant entryInstant,
    double entryPrice,
    LocalDate exitDate,
    Instant exitInstant,
    double exitPrice,
    ExitReason exitReason,
    double beta,
    String hedgeTicker,
    Instant hedgeEntryInstant,
    double hedgeEntryPrice,
    double hedgeExitPrice,
    double notional,
    double quantity,
    double hedgeQuantity,
    double pnlGross,
    double cost,
    double pnl) {

  /**
   * @return whether the trade holds a benchmark leg
   */
  public boolean isHedged() {
    return !hedgeTicker.isEmpty();
  }

  /**
   * @return {@code pnl_gross / N}
   */
  public double grossReturn() {
    return pnlGross / notional;
  }

  /**
   * @return {@code cost / N}
   */
  public double costReturn() {
    return cost / notional;
  }

  /**
   * @return {@code pnl / N}
   */
  public double netReturn() {
    return pnl / notional;
  }
}
