package io.eventide.backtest;

import java.util.List;

/**
 * The factor model of the calendar-time alpha ({@code docs/backtest.md} section 7): the portfolio's
 * daily excess return regressed on a constant and these factors.
 */
public enum AlphaModel {
  /** The alpha benchmark's simple return minus RF. */
  MARKET(List.of()),
  /** Fama and French (1993): Mkt-RF, SMB, HML. */
  FF3(List.of("Mkt-RF", "SMB", "HML")),
  /** Carhart (1997): Mkt-RF, SMB, HML, Mom. */
  CARHART4(List.of("Mkt-RF", "SMB", "HML", "Mom")),
  /** Fama and French (2015): Mkt-RF, SMB, HML, RMW, CMA. */
  FF5(List.of("Mkt-RF", "SMB", "HML", "RMW", "CMA"));

  private final List<String> factors;

  AlphaModel(List<String> factors) {
    this.factors = factors;
  }

  /**
   * @return the factor names read from the factor files (empty for {@link #MARKET})
   */
  public List<String> factors() {
    return factors;
  }

  /**
   * @return the command-line name
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
