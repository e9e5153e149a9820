package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelFitter;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.RegressorMoments;
import io.eventide.regression.internal.SimpleRegressionKernel;
import java.util.List;

/**
 * The market model: {@code E[R_it] = α̂_i + β̂_i R_mt}, OLS on the valid estimation days (k = 2);
 * fitted as a {@link MarketFit}.
 *
 * <p>{@code s² = Σ ε̂² / (M − 2)}; {@code v_t = s² (1 + 1/M + (R_mt − R̄_m)² / Σ(R_mτ − R̄_m)²)};
 * {@code Var(CAR) = s² (L + L²/M + (Σ_t(R_mt − R̄_m))² / Σ(R_mτ − R̄_m)²)} ({@code
 * docs/statistics.md} section 2; MacKinlay 1997). The fit runs on {@link SimpleRegressionKernel};
 * when the inputs carry the market's {@link RegressorMoments} (a study builds them once per
 * calendar), each fit reads only the listing's returns and takes the market's sums from them.
 */
public final class MarketModel implements NormalReturnModel {

  private static final MarketModel INSTANCE = new MarketModel();

  private MarketModel() {}

  /**
   * @return the model
   */
  public static MarketModel of() {
    return INSTANCE;
  }

  @Override
  public String id() {
    return "market";
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

  private final class Fitter implements ModelFitter {
    private final double[] out = new double[SimpleRegressionKernel.OUTPUT_LENGTH];

    @Override
    public MarketFit fit(ModelInputs inputs, int from, int to, boolean[] excluded) {
      double[] y = inputs.returns();
      double[] x = inputs.market();
      RegressorMoments moments = inputs.marketMoments();
      int m;
      if (excluded != null) {
        m =
            SimpleRegressionKernel.fit(
                Fits.masked(y, from, to, excluded),
                Fits.masked(x, from, to, null),
                0,
                to - from,
                out);
      } else if (moments != null) {
        m = SimpleRegressionKernel.fit(y, x, from, to, moments, out);
      } else {
        m = SimpleRegressionKernel.fit(y, x, from, to, out);
      }
      double s2 = out[SimpleRegressionKernel.RESIDUAL_VARIANCE];
      double sxx = out[SimpleRegressionKernel.X_SUM_SQUARES];
      boolean singular = !(sxx > 0);
      return new MarketFit(
          inputs,
          m,
          out[SimpleRegressionKernel.ALPHA],
          out[SimpleRegressionKernel.BETA],
          s2,
          out[SimpleRegressionKernel.X_MEAN],
          sxx,
          Fits.failure(2, m, singular ? Fits.FLAT_MARKET : null, s2));
    }
  }

  @Override
  public String toString() {
    return id();
  }
}
