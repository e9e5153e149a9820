package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelFitter;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.LinearRegressionKernel;
import io.eventide.regression.internal.RegressorMoments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A factor model: {@code E[R_it] = RF_t + α̂_i + Σ_j b̂_ij F_jt}, from OLS of the excess return
 * {@code R_it − RF_t} on the factors (k = f + 1); fitted as a {@link FactorFit}.
 *
 * <p>Fama and French (1993) three factors, Carhart (1997) four, Fama and French (2015) five, or any
 * chosen set. {@code s² = Σ ε̂² / (M − k)}; {@code v_t = s² (1 + x_t'(X'X)⁻¹x_t)} and {@code
 * Var(CAR) = s² (L + g'(X'X)⁻¹g)} with {@code x_t = (1, F_t)} ({@code docs/statistics.md} section
 * 2). A day counts towards M only when the return, RF and every factor are present. The fit runs on
 * {@link LinearRegressionKernel}.
 */
public final class FactorModel implements NormalReturnModel {

  private final String id;
  private final List<String> factors;
  private final List<String> parameterNames;

  private FactorModel(String id, List<String> factors) {
    if (factors.isEmpty()) {
      throw new IllegalArgumentException("A factor model needs at least one factor");
    }
    if (factors.stream().distinct().count() != factors.size()) {
      throw new IllegalArgumentException("Factor model lists a factor twice: " + factors);
    }
    this.id = Objects.requireNonNull(id, "id");
    this.factors = List.copyOf(factors);
    List<String> names = new ArrayList<>();
    names.add("alpha");
    for (String f : factors) {
      names.add("b_" + f);
    }
    this.parameterNames = List.copyOf(names);
  }

  /**
   * @return Fama-French three factors: Mkt-RF, SMB, HML
   */
  public static FactorModel famaFrench3() {
    return new FactorModel("ff3", List.of("Mkt-RF", "SMB", "HML"));
  }

  /**
   * @return Carhart four factors: Mkt-RF, SMB, HML, Mom
   */
  public static FactorModel carhart4() {
    return new FactorModel("carhart4", List.of("Mkt-RF", "SMB", "HML", "Mom"));
  }

  /**
   * @return Fama-French five factors: Mkt-RF, SMB, HML, RMW, CMA
   */
  public static FactorModel famaFrench5() {
    return new FactorModel("ff5", List.of("Mkt-RF", "SMB", "HML", "RMW", "CMA"));
  }

  /**
   * A model on any factors.
   *
   * @param factors factor names as in the factor set
   * @return the model, with id {@code factors}
   */
  public static FactorModel of(List<String> factors) {
    return new FactorModel("factors", factors);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int parameterCount() {
    return factors.size() + 1;
  }

  @Override
  public List<String> parameterNames() {
    return parameterNames;
  }

  @Override
  public List<String> factorNames() {
    return factors;
  }

  @Override
  public ModelFitter fitter() {
    return new Fitter();
  }

  private final class Fitter implements ModelFitter {
    private final LinearRegressionKernel.Workspace ws =
        new LinearRegressionKernel.Workspace(factors.size());
    // Scratch grown on demand, so that a fit allocates only its outputs: the excess returns on
    // the calendar's indices, and slices of the estimation range when sessions are excluded.
    private double[] excess = new double[0];
    private final double[][] slices = new double[factors.size()][0];

    @Override
    public FactorFit fit(ModelInputs inputs, int from, int to, boolean[] excluded) {
      double[][] f = inputs.factors();
      int p = factors.size();
      if (f.length != p) {
        throw new IllegalArgumentException(
            "Model " + id + " needs " + p + " factor columns, got " + f.length);
      }
      double[] y = inputs.returns();
      double[] rf = inputs.riskFree();
      int m;
      if (excluded != null) {
        int len = to - from;
        grow(len);
        for (int t = from; t < to; t++) {
          excess[t - from] = excluded[t - from] ? Double.NaN : y[t] - rf[t];
        }
        for (int j = 0; j < p; j++) {
          System.arraycopy(f[j], from, slices[j], 0, len);
        }
        m = LinearRegressionKernel.fit(excess, slices, 0, len, ws);
      } else {
        grow(to);
        for (int t = from; t < to; t++) {
          excess[t] = y[t] - rf[t];
        }
        RegressorMoments moments = inputs.factorMoments();
        m =
            moments != null
                ? LinearRegressionKernel.fit(excess, f, from, to, moments, ws)
                : LinearRegressionKernel.fit(excess, f, from, to, ws);
      }
      double[] params = new double[p + 1];
      double[] means = new double[p];
      double[] scales = new double[p];
      double[] inverse = new double[p * p];
      for (int j = 0; j <= p; j++) {
        params[j] = ws.coefficient(j);
      }
      for (int j = 0; j < p; j++) {
        means[j] = ws.regressorMean(j);
        scales[j] = ws.regressorScale(j);
        for (int k = 0; k < p; k++) {
          inverse[j * p + k] = ws.inverseCorrelation(j, k);
        }
      }
      double s2 = ws.residualVariance();
      return new FactorFit(
          FactorModel.this,
          inputs,
          m,
          params,
          s2,
          means,
          scales,
          inverse,
          Fits.failure(p + 1, m, ws.isRankDeficient() ? Fits.COLLINEAR_FACTORS : null, s2));
    }

    private void grow(int length) {
      if (excess.length < length) {
        excess = new double[length];
        for (int j = 0; j < slices.length; j++) {
          slices[j] = new double[length];
        }
      }
    }
  }

  @Override
  public String toString() {
    return id + factors;
  }
}
