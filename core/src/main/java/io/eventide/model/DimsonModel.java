package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelFitter;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.LinearRegressionKernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dimson (1979, JFE 7: 197–226) aggregated-coefficients model for thin trading: OLS of {@code
 * R_it} on a constant and the market's returns from K sessions before to K sessions after, {@code
 * E[R_it] = α̂ + Σ_{j=−K..K} b̂_j R_m,t+j} (k = 2K + 2); fitted as a {@link DimsonFit}.
 *
 * <p>D = the estimation days on which {@code R_it} and every {@code R_m,t+j} are present (a lead or
 * lag off the calendar is missing); {@code M = |D|}. With {@code x_t = (1, R_m,t−K, ..., R_m,t+K)}
 * the fit is section 2's OLS: {@code s² = Σ ε̂² / (M − k)}, {@code v_t = s² (1 + x_t'(X'X)⁻¹x_t)},
 * {@code Var(CAR) = s² (L + g'(X'X)⁻¹g)}. The Dimson beta is {@code β = Σ_j b̂_j}; the abnormal
 * return uses the full lead-lag model ({@code docs/statistics.md} section 3c). K = 0 is the market
 * model. The fit runs on {@link LinearRegressionKernel} over shifted copies of the market column.
 *
 * <p>Columns: {@code alpha,beta,b_lag-K,...,b_lag-1,b_lag0,b_lag+1,...,b_lag+K}, {@code b_lag<j>}
 * the slope on {@code R_m,t+j}.
 */
public final class DimsonModel implements NormalReturnModel {

  /** K of the id {@code dimson}: one lag and one lead. */
  public static final int DEFAULT_LAGS = 1;

  /** The largest K. */
  public static final int MAX_LAGS = 10;

  private static final DimsonModel[] INSTANCES = new DimsonModel[MAX_LAGS + 1];

  static {
    for (int k = 0; k <= MAX_LAGS; k++) {
      INSTANCES[k] = new DimsonModel(k);
    }
  }

  private final int lags;
  private final List<String> names;

  private DimsonModel(int lags) {
    this.lags = lags;
    List<String> n = new ArrayList<>();
    n.add("alpha");
    n.add("beta");
    for (int j = -lags; j <= lags; j++) {
      n.add("b_lag" + (j > 0 ? "+" : "") + j);
    }
    this.names = List.copyOf(n);
  }

  /**
   * @param lags K, the leads and lags of the market return, 0 to {@value #MAX_LAGS}
   * @return the model
   * @throws IllegalArgumentException if K is outside 0..{@value #MAX_LAGS}
   */
  public static DimsonModel of(int lags) {
    if (lags < 0 || lags > MAX_LAGS) {
      throw new IllegalArgumentException(
          "Dimson lags must be 0.." + MAX_LAGS + " (leads and lags of the market), got " + lags);
    }
    return INSTANCES[lags];
  }

  /**
   * @return K
   */
  public int lags() {
    return lags;
  }

  @Override
  public String id() {
    return "dimson";
  }

  @Override
  public int parameterCount() {
    return 2 * lags + 2;
  }

  @Override
  public List<String> parameterNames() {
    return names;
  }

  @Override
  public ModelFitter fitter() {
    return new Fitter();
  }

  private final class Fitter implements ModelFitter {
    private final int p = 2 * lags + 1;
    private final LinearRegressionKernel.Workspace ws = new LinearRegressionKernel.Workspace(p);
    private double[] y = new double[0];
    private final double[][] x = new double[p][0];

    @Override
    public DimsonFit fit(ModelInputs inputs, int from, int to, boolean[] excluded) {
      double[] r = inputs.returns();
      double[] mkt = inputs.market();
      int n = mkt.length;
      int len = to - from;
      if (y.length < len) {
        y = new double[len];
        for (int j = 0; j < p; j++) {
          x[j] = new double[len];
        }
      }
      for (int t = from; t < to; t++) {
        y[t - from] = excluded != null && excluded[t - from] ? Double.NaN : r[t];
      }
      for (int j = 0; j < p; j++) {
        int shift = j - lags;
        double[] col = x[j];
        for (int t = from; t < to; t++) {
          int s = t + shift;
          col[t - from] = s >= 0 && s < n ? mkt[s] : Double.NaN;
        }
      }
      int m = LinearRegressionKernel.fit(y, x, 0, len, ws);
      double[] coefficients = new double[p + 1];
      double[] means = new double[p];
      double[] scales = new double[p];
      double[] inverse = new double[p * p];
      for (int j = 0; j <= p; j++) {
        coefficients[j] = ws.coefficient(j);
      }
      for (int j = 0; j < p; j++) {
        means[j] = ws.regressorMean(j);
        scales[j] = ws.regressorScale(j);
        for (int k = 0; k < p; k++) {
          inverse[j * p + k] = ws.inverseCorrelation(j, k);
        }
      }
      double s2 = ws.residualVariance();
      return new DimsonFit(
          DimsonModel.this,
          inputs,
          m,
          coefficients,
          s2,
          means,
          scales,
          inverse,
          Fits.failure(p + 1, m, ws.isRankDeficient() ? Fits.COLLINEAR_MARKET_LAGS : null, s2));
    }
  }

  @Override
  public String toString() {
    return id() + "(K=" + lags + ")";
  }
}
