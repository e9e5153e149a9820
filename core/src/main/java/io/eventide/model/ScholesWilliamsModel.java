package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelFitter;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.ScholesWilliamsKernel;
import java.util.List;

/**
 * The Scholes and Williams (1977, JFE 5: 309–327) model for non-synchronous trading: {@code E[R_it]
 * = α̂_SW + β̂_SW R_mt} (k = 2), with the beta built from the slopes on the previous, the same and
 * the next session's market return; fitted as a {@link ScholesWilliamsFit}.
 *
 * <p>Over D, the estimation days on which {@code R_it}, {@code R_m,t−1}, {@code R_m,t} and {@code
 * R_m,t+1} are all present ({@code M = |D|}; a lead or lag off the calendar is missing): {@code
 * b_j} the simple OLS slope of {@code R_it} on {@code R_m,t+j}, {@code ρ_m} the correlation of
 * {@code (R_m,t, R_m,t−1)}, {@code β_SW = (b_−1 + b_0 + b_+1) / (1 + 2ρ_m)}, {@code α_SW = R̄_i −
 * β_SW R̄_m} ({@code docs/statistics.md} section 3c). The variances are those of {@link
 * ScholesWilliamsFit}. A fit with M ≤ 2, a market constant over D, or {@code 1 + 2ρ_m ≤ 0} cannot
 * be used.
 */
public final class ScholesWilliamsModel implements NormalReturnModel {

  private static final ScholesWilliamsModel INSTANCE = new ScholesWilliamsModel();

  /** The reason given when the market's autocorrelation makes the denominator vanish. */
  static final String DEGENERATE_AUTOCORRELATION =
      "1 + 2ρ_m ≤ 0: the market's first-order autocorrelation over the estimation days is -1/2 or"
          + " below, so the Scholes-Williams beta is undefined";

  private ScholesWilliamsModel() {}

  /**
   * @return the model
   */
  public static ScholesWilliamsModel of() {
    return INSTANCE;
  }

  @Override
  public String id() {
    return "scholes-williams";
  }

  @Override
  public int parameterCount() {
    return 2;
  }

  @Override
  public List<String> parameterNames() {
    return List.of("alpha", "beta");
  }

  @Override
  public ModelFitter fitter() {
    return new Fitter();
  }

  private static final class Fitter implements ModelFitter {
    private final double[] out = new double[ScholesWilliamsKernel.OUTPUT_LENGTH];

    @Override
    public ScholesWilliamsFit fit(ModelInputs inputs, int from, int to, boolean[] excluded) {
      int m = ScholesWilliamsKernel.fit(inputs.returns(), inputs.market(), from, to, excluded, out);
      double s2 = out[ScholesWilliamsKernel.RESIDUAL_VARIANCE];
      String rank = null;
      if (!(out[ScholesWilliamsKernel.SUM_SQUARES] > 0
          && out[ScholesWilliamsKernel.LAG_SUM_SQUARES] > 0
          && out[ScholesWilliamsKernel.LEAD_SUM_SQUARES] > 0)) {
        rank = Fits.FLAT_MARKET;
      } else if (!(1 + 2 * out[ScholesWilliamsKernel.AUTOCORRELATION] > 0)) {
        rank = DEGENERATE_AUTOCORRELATION;
      }
      return new ScholesWilliamsFit(
          inputs,
          m,
          out[ScholesWilliamsKernel.ALPHA],
          out[ScholesWilliamsKernel.BETA],
          s2,
          out[ScholesWilliamsKernel.LAG_SLOPE],
          out[ScholesWilliamsKernel.SLOPE],
          out[ScholesWilliamsKernel.LEAD_SLOPE],
          out[ScholesWilliamsKernel.AUTOCORRELATION],
          out[ScholesWilliamsKernel.MARKET_MEAN],
          out[ScholesWilliamsKernel.SUM_SQUARES],
          Fits.failure(2, m, rank, s2));
    }
  }

  @Override
  public String toString() {
    return id();
  }
}
