package io.eventide.market;

import io.eventide.inference.NeweyWestRegression;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar-time regression: a daily portfolio's excess return on a constant and the regressors of
 * a {@link CalendarTimeModel}, with Newey-West standard errors. The one piece of code behind the
 * study's calendar-time portfolio ({@code docs/statistics.md} section 3f) and the backtest's
 * calendar-time alpha ({@code docs/backtest.md} section 7); each assembles its daily portfolio
 * returns and hands them here.
 *
 * <p>On each candidate date D:
 *
 * <ul>
 *   <li>{@code rf_D} is the risk-free rate of the factor set on D; 0 without a factor set, when the
 *       set has no RF, or on a date the set lacks (a Hong Kong holiday of the New York calendar, a
 *       date past the file's end);
 *   <li>the dependent value is {@code R_p,D − rf_D};
 *   <li>the regressors are {@code R_m,D − rf_D} for {@link CalendarTimeModel#MARKET} ({@code R_m}
 *       the simple return of the benchmark the caller supplies), else the model's factors on D.
 * </ul>
 *
 * <p>A date whose portfolio return or any regressor is missing ({@code NaN}) is dropped; T is the
 * number of dates left, the rows in date order. The fit is OLS with Newey-West errors, Bartlett
 * weights and lag {@code L = floor(4 (T/100)^(2/9))} over the rows (row t with row t − l, not
 * calendar days), no small-sample factor, p-values from Student t with T − k degrees of freedom,
 * centred R² ({@link NeweyWestRegression}; Newey and West, 1987, Econometrica 55; 1994, Review of
 * Economic Studies 61). There is no fit when T &lt; k + 2 (k the coefficients with the constant) or
 * the regressors are collinear (a constant factor, for example).
 *
 * <p>Immutable; the accessors return copies.
 */
public final class CalendarTimeRegression {

  private final CalendarTimeModel model;
  private final long[] epochDays;
  private final double[] excessReturns;
  private final double[][] regressors;
  private final NeweyWestRegression.Fit fit;

  private CalendarTimeRegression(
      CalendarTimeModel model,
      long[] epochDays,
      double[] excessReturns,
      double[][] regressors,
      NeweyWestRegression.Fit fit) {
    this.model = model;
    this.epochDays = epochDays;
    this.excessReturns = excessReturns;
    this.regressors = regressors;
    this.fit = fit;
  }

  /**
   * Assembles the rows and fits.
   *
   * @param model the factor model
   * @param epochDays the candidate dates, strictly increasing
   * @param returns the portfolio's simple return on each date, {@code NaN} where it has none
   * @param marketReturns for {@link CalendarTimeModel#MARKET}: the benchmark's simple return on
   *     each date, {@code NaN} where missing; ignored (may be {@code null}) for the factor models
   * @param factors the factor set (its RF, and the factors of a factor model), or {@code null}
   * @return the regression
   * @throws IllegalArgumentException if the lengths differ, the dates are not increasing, a factor
   *     model has no factor set or the set lacks one of its factors
   */
  public static CalendarTimeRegression of(
      CalendarTimeModel model,
      long[] epochDays,
      double[] returns,
      double[] marketReturns,
      FactorSet factors) {
    Objects.requireNonNull(model, "model");
    int n = epochDays.length;
    if (returns.length != n) {
      throw new IllegalArgumentException(
          "Calendar-time regression has " + n + " dates but " + returns.length + " returns");
    }
    for (int d = 1; d < n; d++) {
      if (epochDays[d] <= epochDays[d - 1]) {
        throw new IllegalArgumentException(
            "Calendar-time dates are not increasing at "
                + java.time.LocalDate.ofEpochDay(epochDays[d]));
      }
    }
    double[] rf = new double[n];
    if (factors != null && factors.hasRiskFree()) {
      double[] a = factors.riskFreeAlignedTo(epochDays);
      for (int d = 0; d < n; d++) {
        rf[d] = Double.isNaN(a[d]) ? 0 : a[d];
      }
    }
    double[][] x;
    if (model == CalendarTimeModel.MARKET) {
      Objects.requireNonNull(marketReturns, "marketReturns");
      if (marketReturns.length != n) {
        throw new IllegalArgumentException(
            "Calendar-time regression has "
                + n
                + " dates but "
                + marketReturns.length
                + " market returns");
      }
      double[] rm = new double[n];
      for (int d = 0; d < n; d++) {
        rm[d] = marketReturns[d] - rf[d];
      }
      x = new double[][] {rm};
    } else {
      if (factors == null) {
        throw new IllegalArgumentException(
            "Calendar-time model " + model.id() + " needs a factor set with " + model.factors());
      }
      x = new double[model.factors().size()][];
      for (int j = 0; j < x.length; j++) {
        String name = model.factors().get(j);
        if (!factors.names().contains(name)) {
          throw new IllegalArgumentException(
              "Calendar-time model "
                  + model.id()
                  + " needs factor "
                  + name
                  + "; the factor set has "
                  + factors.names());
        }
        x[j] = factors.alignTo(name, epochDays);
      }
    }
    boolean[] use = new boolean[n];
    int rows = 0;
    for (int d = 0; d < n; d++) {
      boolean ok = !Double.isNaN(returns[d]);
      for (double[] col : x) {
        ok &= !Double.isNaN(col[d]);
      }
      use[d] = ok;
      if (ok) {
        rows++;
      }
    }
    long[] days = new long[rows];
    double[] y = new double[rows];
    double[][] xs = new double[x.length][rows];
    for (int d = 0, r = 0; d < n; d++) {
      if (use[d]) {
        days[r] = epochDays[d];
        y[r] = returns[d] - rf[d];
        for (int j = 0; j < x.length; j++) {
          xs[j][r] = x[j][d];
        }
        r++;
      }
    }
    return new CalendarTimeRegression(
        model, days, y, xs, NeweyWestRegression.fit(y, xs).orElse(null));
  }

  /**
   * @return the factor model
   */
  public CalendarTimeModel model() {
    return model;
  }

  /**
   * @return T, the dates of the regression
   */
  public int days() {
    return epochDays.length;
  }

  /**
   * @return L, the Newey-West lag for T rows ({@link NeweyWestRegression#defaultLag(int)}), defined
   *     even when there is no fit
   */
  public int lag() {
    return NeweyWestRegression.defaultLag(epochDays.length);
  }

  /**
   * @return the regression's dates as epoch days, ascending
   */
  public long[] epochDays() {
    return epochDays.clone();
  }

  /**
   * @return {@code R_p,D − rf_D} on each of the regression's dates
   */
  public double[] excessReturns() {
    return excessReturns.clone();
  }

  /**
   * @param j a regressor's position in {@link CalendarTimeModel#regressors()}
   * @return its values on the regression's dates
   */
  public double[] regressor(int j) {
    return regressors[j].clone();
  }

  /**
   * @return the fit, or empty when T &lt; k + 2 or the regressors are collinear
   */
  public Optional<NeweyWestRegression.Fit> fit() {
    return Optional.ofNullable(fit);
  }

  @Override
  public String toString() {
    return "CalendarTimeRegression[" + model.id() + ", T=" + days() + ", " + fit + "]";
  }
}
