package io.eventide.backtest;

import io.eventide.inference.NeweyWestRegression;
import java.util.List;

/**
 * The calendar-time alpha of a backtest ({@code docs/backtest.md} section 7): OLS of the
 * portfolio's daily excess return on a constant and the factors, over the valuation dates with a
 * leg open during the date, with Newey-West standard errors.
 *
 * @param model the factor model
 * @param benchmark the alpha benchmark's ticker for {@link AlphaModel#MARKET}, else empty
 * @param factors the regressors' names after the constant ({@code Mkt-RF} for the market model)
 * @param fit the regression
 */
public record CalendarTimeAlpha(
    AlphaModel model, String benchmark, List<String> factors, NeweyWestRegression.Fit fit) {

  /** Copies the factor names. */
  public CalendarTimeAlpha {
    factors = List.copyOf(factors);
  }

  /**
   * @return α, daily
   */
  public double alpha() {
    return fit.coefficients()[0];
  }

  /**
   * @return {@code 252 · α}
   */
  public double alphaAnnual() {
    return 252 * alpha();
  }

  /**
   * @return {@code α / √V_00}
   */
  public double alphaT() {
    return fit.tStatistics()[0];
  }

  /**
   * @return two-sided p-value of α, Student t with {@code T_a − k} degrees of freedom
   */
  public double alphaP() {
    return fit.pValues()[0];
  }

  /**
   * @param j a factor's position among {@link #factors()}
   * @return its slope
   */
  public double slope(int j) {
    return fit.coefficients()[j + 1];
  }

  /**
   * @return centred R²
   */
  public double r2() {
    return fit.r2();
  }

  /**
   * @return T_a, the regression's days
   */
  public int days() {
    return fit.n();
  }

  /**
   * @return L, the Newey-West lag
   */
  public int lag() {
    return fit.lag();
  }
}
