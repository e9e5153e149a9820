package io.eventide.market;

import java.util.List;
import java.util.Locale;

/**
 * The factor model of a calendar-time regression ({@code docs/statistics.md} section 3f,
 * "Calendar-time portfolio"; {@code docs/backtest.md} section 7): a daily portfolio's excess return
 * regressed on a constant and these regressors. Shared by the study's calendar-time portfolio and
 * the backtest's calendar-time alpha.
 */
public enum CalendarTimeModel {
  /**
   * The market model: the simple return of one benchmark minus RF ({@code Mkt-RF} in {@link
   * #regressors()}).
   */
  MARKET(List.of()),
  /** Fama and French (1993, JFE 33): Mkt-RF, SMB, HML. */
  FF3(List.of("Mkt-RF", "SMB", "HML")),
  /** Carhart (1997, JF 52): Mkt-RF, SMB, HML, Mom. */
  CARHART4(List.of("Mkt-RF", "SMB", "HML", "Mom")),
  /** Fama and French (2015, JFE 116): Mkt-RF, SMB, HML, RMW, CMA. */
  FF5(List.of("Mkt-RF", "SMB", "HML", "RMW", "CMA"));

  /** The name of the market model's one regressor, the benchmark's excess return. */
  public static final String MARKET_EXCESS = "Mkt-RF";

  private final List<String> factors;

  CalendarTimeModel(List<String> factors) {
    this.factors = factors;
  }

  /**
   * @return the factor names read from a factor set (empty for {@link #MARKET})
   */
  public List<String> factors() {
    return factors;
  }

  /**
   * @return the regressors after the constant, in order: {@code [Mkt-RF]} for {@link #MARKET}, else
   *     {@link #factors()}
   */
  public List<String> regressors() {
    return this == MARKET ? List.of(MARKET_EXCESS) : factors;
  }

  /**
   * @return the command-line name ({@code market}, {@code ff3}, {@code carhart4}, {@code ff5})
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param id a command-line name, in any case
   * @return the model
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static CalendarTimeModel of(String id) {
    for (CalendarTimeModel m : values()) {
      if (m.id().equalsIgnoreCase(id.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "Unknown calendar-time model '" + id + "'; expected market, ff3, carhart4 or ff5");
  }
}
