package io.eventide.model.internal;

import io.eventide.regression.internal.RegressorMoments;
import java.util.Objects;

/**
 * The calendar-aligned data a normal-return model reads for one listing: the listing's returns, its
 * benchmark's returns, and for factor models the factor columns and the risk-free rate.
 *
 * <p>Every array has one element per session of the listing's calendar, {@code NaN} where missing.
 * The arrays are shared, not copied (this is the input of a kernel that runs once per firm-event):
 * whoever builds the inputs must not modify them afterwards.
 *
 * <p>Internal: the column accessors hand out the shared arrays themselves, for the fitters and the
 * fitted models; nothing may write to them.
 */
public final class ModelInputs {

  private final double[] returns;
  private final double[] market;
  private final double[][] factors;
  private final double[] riskFree;
  private final RegressorMoments marketMoments;
  private final RegressorMoments factorMoments;

  private ModelInputs(
      double[] returns,
      double[] market,
      double[][] factors,
      double[] riskFree,
      RegressorMoments marketMoments,
      RegressorMoments factorMoments) {
    this.returns = Objects.requireNonNull(returns, "returns");
    this.market = market;
    this.factors = factors;
    this.riskFree = riskFree;
    this.marketMoments = marketMoments;
    this.factorMoments = factorMoments;
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
    return new ModelInputs(returns, market, null, null, null, null);
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
        returns,
        market,
        Objects.requireNonNull(factors, "factors"),
        Objects.requireNonNull(riskFree, "riskFree"),
        null,
        null);
  }

  /**
   * The same inputs with prefix sums of the regressors, shared by every listing on one calendar, so
   * that fits need one pass over the listing's returns only ({@link RegressorMoments}).
   *
   * @param market moments of the market column, or {@code null}
   * @param factors moments of the factor columns in model order, or {@code null}
   * @return new inputs over the same arrays
   */
  public ModelInputs withMoments(RegressorMoments market, RegressorMoments factors) {
    if (market != null && (this.market == null || market.rows() != returns.length)) {
      throw new IllegalArgumentException("Market moments do not fit these inputs");
    }
    if (factors != null
        && (this.factors == null
            || factors.rows() != returns.length
            || factors.columns() != this.factors.length)) {
      throw new IllegalArgumentException("Factor moments do not fit these inputs");
    }
    return new ModelInputs(returns, this.market, this.factors, riskFree, market, factors);
  }

  /**
   * @return the market column's prefix sums, or {@code null}
   */
  public RegressorMoments marketMoments() {
    return marketMoments;
  }

  /**
   * @return the factor columns' prefix sums, or {@code null}
   */
  public RegressorMoments factorMoments() {
    return factorMoments;
  }

  /**
   * @return the number of sessions
   */
  public int size() {
    return returns.length;
  }

  /**
   * @return the listing's returns (shared, not a copy)
   */
  public double[] returns() {
    return returns;
  }

  /**
   * @return the benchmark's returns (shared, not a copy)
   * @throws IllegalStateException if the inputs have none
   */
  public double[] market() {
    if (market == null) {
      throw new IllegalStateException("These model inputs have no market returns");
    }
    return market;
  }

  /**
   * @return the factor columns {@code [j][t]} (shared, not copies)
   * @throws IllegalStateException if the inputs have none
   */
  public double[][] factors() {
    if (factors == null) {
      throw new IllegalStateException("These model inputs have no factors");
    }
    return factors;
  }

  /**
   * @return RF per session (shared, not a copy)
   * @throws IllegalStateException if the inputs have none
   */
  public double[] riskFree() {
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
