package io.eventide.backtest;

import io.eventide.market.CalendarTimeModel;
import java.util.List;

/**
 * The factor model of the calendar-time alpha ({@code docs/backtest.md} section 7): the portfolio's
 * daily excess return regressed on a constant and these factors. Each is the {@link
 * CalendarTimeModel} of the same name, which the study's calendar-time portfolio uses too.
 */
public enum AlphaModel {
  /** The alpha benchmark's simple return minus RF. */
  MARKET,
  /** Fama and French (1993): Mkt-RF, SMB, HML. */
  FF3,
  /** Carhart (1997): Mkt-RF, SMB, HML, Mom. */
  CARHART4,
  /** Fama and French (2015): Mkt-RF, SMB, HML, RMW, CMA. */
  FF5;

  /**
   * @return the factor names read from the factor files (empty for {@link #MARKET})
   */
  public List<String> factors() {
    return calendarTimeModel().factors();
  }

  /**
   * @return the same model for the shared calendar-time regression ({@link
   *     io.eventide.market.CalendarTimeRegression})
   */
  public CalendarTimeModel calendarTimeModel() {
    return CalendarTimeModel.valueOf(name());
  }

  /**
   * @return the command-line name
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
