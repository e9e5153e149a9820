package io.eventide.model;

import java.util.Objects;

/**
 * The calendar-aligned data a normal-return model reads for one listing: the listing's returns,
 * its benchmark's returns, and for factor models the factor columns and the risk-free rate.
 *
 * <p>Every array has one element per session of the listing's calendar, {@code NaN} where
 * missing. The arrays are shared, not copied (this is the input of a kernel that runs once per
 * firm-event): whoever builds the inputs must not modify them afterwards.
 */
public final class ModelInputs {

  private final double[] returns;
  private final double[] market;
  private final double[][] factors;
  private final double[] riskFree;

  private ModelInputs(double[] returns, double[] market, double[][] factors, double[] riskFree) {
    this.returns = Objects.requireNonNull(returns, "returns");
    this.market = market;
    this.factors = factors;
    this.riskFree = riskFree;
    int n = returns.length;
    if (market != null && market.length != n) {
      throw new IllegalArgumentException(
          "Market returns have " + market.length + " sessions, listing returns " + n);
    }
    if (factors != null) {
      for (double[] f : factors) {
        if (f.length != n) {
          throw new IllegalArgumentException(
              "A factor column has " + f.length + " sessions, listing returns " + n);
        }
      }
      if (riskFree == null || riskFree.length != n) {
        throw new IllegalArgumentException("Factor inputs need RF on every session");
      }
    }
  }

  /**
   * Inputs for the market-adjusted, constant-mean and market models.
   *
   * @param returns the listing's returns
   * @param market the benchmark's returns
   * @return the inputs
   */
  public static ModelInputs of(double[] returns, double[] market) {
    return new ModelInputs(returns, market, null, null);
  }

  /**
   * Inputs for factor models (and any other model: the market column may be given too).
   *
   * @param returns the listing's returns
   * @param market the benchmark's returns, may be {@code null}
   * @param factors factor columns {@code factors[j][t]} in the model's factor order
   * @param riskFree RF per session
   * @return the inputs
   */
  public static ModelInputs of(
      double[] returns, double[] market, double[][] factors, double[] riskFree) {
    return new ModelInputs(
        returns, market, Objects.requireNonNull(factors, "factors"),
        Objects.requireNonNull(riskFree, "riskFree"));
  }

  /** @return the number of sessions */
  public int size() {
    return returns.length;
  }

  double[] returns() {
    return returns;
  }

  double[] market() {
    if (market == null) {
      throw new IllegalStateException("These model inputs have no market returns");
    }
    return market;
  }

  double[][] factors() {
    if (factors == null) {
      throw new IllegalStateException("These model inputs have no factors");
    }
    return factors;
  }

  double[] riskFree() {
    if (riskFree == null) {
      throw new IllegalStateException("These model inputs have no risk-free rate");
    }
    return riskFree;
  }

  /**
   * @param t a session
   * @return the listing's return
   */
  public double returnAt(int t) {
    return returns[t];
  }
}
