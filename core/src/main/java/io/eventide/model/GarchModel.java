package io.eventide.model;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.GarchEstimator;
import io.eventide.model.internal.ModelFitter;
import io.eventide.model.internal.ModelInputs;
import java.util.List;

/**
 * The market model with GARCH(1,1) errors (Bollerslev 1986, J. Econometrics 31: 307–327; in event
 * studies Corhay and Tourani Rad 1996, QREF 36: 529–538, and Savickas 2003, JFR 26: 165–178):
 * {@code R_t = α + β R_mt + ε_t}, {@code h_t = ω + a ε_{t−1}² + b h_{t−1}}, by Gaussian maximum
 * likelihood jointly in the five parameters (k = 5); fitted as a {@link GarchFit}.
 *
 * <p>Over the M valid estimation days of the market model in calendar order (a day with a missing
 * return is skipped and its neighbours are consecutive in the recursion): {@code h_1 = (1/M) Σ
 * ε_t²}, {@code ln L = −½ Σ [ln(2π) + ln h_t + ε_t²/h_t]}, maximised over {@code ω > 0, a ≥ 0, b ≥
 * 0, a + b < 1} ({@code docs/statistics.md} section 3c). The search is {@code GarchEstimator}'s: a
 * projected quasi-Newton method with the analytic gradient of the likelihood (Fiorentini, Calzolari
 * and Panattoni 1996) from four fixed starts in coordinates that make the region a box, the best
 * kept; deterministic. A fit whose likelihood has no maximum inside the region is not usable and
 * not {@link ModelFit#converged() converged}: its firm-event's outcome is {@code NO_CONVERGENCE}. M
 * ≤ 5 or a constant market return is, as for the other models, {@code INSUFFICIENT_ESTIMATION}.
 *
 * <p>Columns {@code alpha,beta,omega,arch,garch,loglik}: the five parameters ({@code arch} = a,
 * {@code garch} = b) and ln L at the estimate, the constant included.
 *
 * <p>Cost: about two hundred likelihood evaluations of O(M) each per firm-event, a few milliseconds
 * for M = 250 ({@code benchmarks/RESULTS.md}); the other models are closed-form and take well under
 * a microsecond.
 */
public final class GarchModel implements NormalReturnModel {

  private static final GarchModel INSTANCE = new GarchModel();

  private GarchModel() {}

  /**
   * @return the model
   */
  public static GarchModel of() {
    return INSTANCE;
  }

  @Override
  public String id() {
    return "garch";
  }

  @Override
  public int parameterCount() {
    return 5;
  }

  @Override
  public List<String> parameterNames() {
    return List.of("alpha", "beta", "omega", "arch", "garch", "loglik");
  }

  @Override
  public ModelFitter fitter() {
    return new Fitter();
  }

  private static final class Fitter implements ModelFitter {
    private final GarchEstimator estimator = new GarchEstimator();
    private final double[] out = new double[GarchEstimator.OUTPUT_LENGTH];
    private double[] y = new double[0];
    private double[] x = new double[0];

    @Override
    public GarchFit fit(ModelInputs inputs, int from, int to, boolean[] excluded) {
      double[] r = inputs.returns();
      double[] mkt = inputs.market();
      int len = to - from;
      if (y.length < len) {
        y = new double[len];
        x = new double[len];
      }
      int m = 0;
      int last = -1;
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int t = from; t < to; t++) {
        double yt = r[t];
        double xt = mkt[t];
        if (yt == yt && xt == xt && (excluded == null || !excluded[t - from])) {
          y[m] = yt;
          x[m] = xt;
          m++;
          last = t;
          lo = Math.min(lo, xt);
          hi = Math.max(hi, xt);
        }
      }
      boolean flat = !(hi > lo);
      String insufficient = Fits.failure(5, m, flat ? Fits.FLAT_MARKET : null, sampleVariance(m));
      if (insufficient != null) {
        return GarchFit.unusable(inputs, m, insufficient, true);
      }
      boolean converged = estimator.estimate(y, x, m, out);
      if (!converged) {
        return GarchFit.unusable(inputs, m, estimator.failure(), false);
      }
      double sigma2 =
          out[GarchEstimator.OMEGA] / (1 - out[GarchEstimator.ARCH] - out[GarchEstimator.GARCH]);
      return new GarchFit(
          inputs,
          m,
          out[GarchEstimator.ALPHA],
          out[GarchEstimator.BETA],
          out[GarchEstimator.OMEGA],
          out[GarchEstimator.ARCH],
          out[GarchEstimator.GARCH],
          out[GarchEstimator.LOG_LIKELIHOOD],
          last,
          out[GarchEstimator.OMEGA]
              + out[GarchEstimator.ARCH]
                  * out[GarchEstimator.LAST_RESIDUAL]
                  * out[GarchEstimator.LAST_RESIDUAL]
              + out[GarchEstimator.GARCH] * out[GarchEstimator.LAST_VARIANCE],
          true,
          Fits.failure(5, m, null, sigma2));
    }

    /** The variance of y about its mean: what the exact-fit check reads before any fit. */
    private double sampleVariance(int m) {
      if (m < 2) {
        return Double.NaN;
      }
      double mean = 0;
      for (int t = 0; t < m; t++) {
        mean += y[t];
      }
      mean /= m;
      double s = 0;
      for (int t = 0; t < m; t++) {
        s += (y[t] - mean) * (y[t] - mean);
      }
      return s / (m - 1);
    }
  }

  @Override
  public String toString() {
    return id();
  }
}
