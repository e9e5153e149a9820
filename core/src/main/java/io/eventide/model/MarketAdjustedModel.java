package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelFitter;
import java.util.List;

/**
 * Market-adjusted returns: {@code E[R_it] = R_mt}, no parameter (k = 0); fitted as a {@link
 * MarketAdjustedFit}.
 *
 * <p>{@code ε̂ = R − R_m} over the valid estimation days and {@code s² = Σ ε̂² / M}: the divisor is
 * M and the residuals are not centred ({@code docs/statistics.md} section 2). {@code v_t = s²},
 * {@code Var(CAR) = s² L}.
 */
public final class MarketAdjustedModel implements NormalReturnModel {

  private static final MarketAdjustedModel INSTANCE = new MarketAdjustedModel();

  private MarketAdjustedModel() {}

  /**
   * @return the model
   */
  public static MarketAdjustedModel of() {
    return INSTANCE;
  }

  @Override
  public String id() {
    return "market-adjusted";
  }

  @Override
  public int parameterCount() {
    return 0;
  }

  @Override
  public List<String> parameterNames() {
    return List.of();
  }

  @Override
  public ModelFitter fitter() {
    return (inputs, from, to, excluded) -> {
      double[] y = inputs.returns();
      double[] x = inputs.market();
      int m = 0;
      double ss = 0;
      for (int t = from; t < to; t++) {
        if (excluded != null && excluded[t - from]) {
          continue;
        }
        double e = y[t] - x[t];
        if (e == e) {
          ss += e * e;
          m++;
        }
      }
      double s2 = m > 0 ? ss / m : Double.NaN;
      return new MarketAdjustedFit(inputs, m, s2, Fits.failure(0, m, null, s2));
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
