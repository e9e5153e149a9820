package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelFitter;
import java.util.List;

/**
 * Constant-mean returns: {@code E[R_it] = μ̂_i}, the mean return over the valid estimation days (k
 * = 1); fitted as a {@link ConstantMeanFit}.
 *
 * <p>{@code s² = Σ (R − μ̂)² / (M − 1)} (two passes: exact mean, then centred squares); {@code v_t
 * = s² (1 + 1/M)}; {@code Var(CAR) = s² (L + L²/M)} ({@code docs/statistics.md} section 2).
 */
public final class ConstantMeanModel implements NormalReturnModel {

  private static final ConstantMeanModel INSTANCE = new ConstantMeanModel();

  private ConstantMeanModel() {}

  /**
   * @return the model
   */
  public static ConstantMeanModel of() {
    return INSTANCE;
  }

  @Override
  public String id() {
    return "constant-mean";
  }

  @Override
  public int parameterCount() {
    return 1;
  }

  @Override
  public List<String> parameterNames() {
    return List.of("alpha");
  }

  @Override
  public ModelFitter fitter() {
    return (inputs, from, to, excluded) -> {
      double[] y = inputs.returns();
      int m = 0;
      double sum = 0;
      for (int t = from; t < to; t++) {
        double v = y[t];
        if (v == v && (excluded == null || !excluded[t - from])) {
          sum += v;
          m++;
        }
      }
      double mean = m > 0 ? sum / m : Double.NaN;
      double ss = 0;
      double comp = 0;
      for (int t = from; t < to; t++) {
        double v = y[t];
        if (v == v && (excluded == null || !excluded[t - from])) {
          double d = v - mean;
          ss += d * d;
          comp += d;
        }
      }
      if (m > 0) {
        mean += comp / m;
        ss -= comp * (comp / m);
      }
      double s2 = m > 1 ? ss / (m - 1) : Double.NaN;
      return new ConstantMeanFit(inputs, m, mean, s2, Fits.failure(1, m, null, s2));
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
