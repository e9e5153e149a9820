package io.eventide.model;

import io.eventide.model.internal.ModelInputs;

/**
 * The arithmetic every fit of the form {@code E[R_t] = α + β R_mt} shares (market, Scholes-Williams
 * and GARCH fits): abnormal returns over a range, and the market model's estimation-error terms
 * ({@code docs/statistics.md} section 2). One implementation, so the three fits give the same bits
 * for the same α, β and moments.
 */
final class MarketLine {

  private MarketLine() {}

  /** {@code out[offset + t − from] = R_t − (α + β R_mt)} for {@code t} in [from, to). */
  static void abnormal(
      ModelInputs inputs,
      double alpha,
      double beta,
      int fromInclusive,
      int toExclusive,
      double[] out,
      int offset) {
    double[] y = inputs.returns();
    double[] x = inputs.market();
    int shift = offset - fromInclusive;
    for (int t = fromInclusive; t < toExclusive; t++) {
      out[t + shift] = y[t] - (alpha + beta * x[t]);
    }
  }

  /** {@code 1/M + (R_mt − R̄_m)² / S_mm}. */
  static double leverage(
      ModelInputs inputs, int observations, double marketMean, double marketSumSquares, int t) {
    double d = inputs.market()[t] - marketMean;
    return 1.0 / observations + d * d / marketSumSquares;
  }

  /** {@code s² (L + L²/M + (Σ_{t=a}^b (R_mt − R̄_m))² / S_mm)}. */
  static double carVariance(
      ModelInputs inputs,
      double residualVariance,
      int observations,
      double marketMean,
      double marketSumSquares,
      int fromInclusive,
      int toInclusive) {
    int len = toInclusive - fromInclusive + 1;
    double[] x = inputs.market();
    double g = 0;
    for (int t = fromInclusive; t <= toInclusive; t++) {
      g += x[t] - marketMean;
    }
    return residualVariance * (len + (double) len * len / observations + g * g / marketSumSquares);
  }
}
