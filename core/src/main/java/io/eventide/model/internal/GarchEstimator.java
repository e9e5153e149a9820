package io.eventide.model.internal;

import io.eventide.regression.internal.GarchKernel;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Gaussian maximum likelihood of the market model with GARCH(1,1) errors ({@link GarchKernel}),
 * jointly in {@code (α, β, ω, a, b)} over {@code ω > 0, a ≥ 0, b ≥ 0, a + b < 1}. Internal.
 *
 * <p><b>Search.</b> Powell's BOBYQA (Commons Math {@link BOBYQAOptimizer}, derivative-free,
 * bounded) in coordinates that turn the stationarity region into a box:
 *
 * <pre>
 *   α = α₀ + z₀ se(α₀),   β = β₀ + z₁ se(β₀),   z₀, z₁ ∈ [−Z, Z]   (OLS estimate and errors)
 *   σ² = s₀² e^{z₂},  z₂ ∈ [−V, V]          (unconditional variance around the OLS s₀² = SSE/M)
 *   π = z₃ ∈ [0, 1],  φ = z₄ ∈ [0, 1]:    a = π φ,  b = π (1 − φ),  ω = σ² (1 − π)
 * </pre>
 *
 * so that {@code a, b ≥ 0}, {@code a + b = π} and {@code ω > 0} exactly when {@code π < 1}. The
 * search runs from {@value #STARTS} fixed starting points (OLS α, β, σ²; {@code (π, φ)} = (0.90,
 * 0.10), (0.98, 0.05), (0.50, 0.50), (0.20, 0.80)) and keeps the best; it is deterministic.
 *
 * <p><b>No interior maximum.</b> The best point is not a maximum of the region when {@code π ≥ 1 −}
 * {@value #UNIT_ROOT_TOLERANCE} (the supremum lies on {@code a + b = 1}, where {@code ω = 0}), when
 * a bound of {@code z₀, z₁, z₂} is active (the likelihood still rises at the edge of the searched
 * box: ±{@value #Z} standard errors, variance ×e^±{@value #V}), when the likelihood is not finite,
 * or when every start exhausts its evaluations. {@code φ} on its bounds is {@code a = 0} or {@code
 * b = 0}, inside the (closed) region, and is accepted.
 */
public final class GarchEstimator {

  /** Starting points of the search. */
  public static final int STARTS = 4;

  /** π this close to 1 is the unit-root boundary. */
  public static final double UNIT_ROOT_TOLERANCE = 1e-7;

  /** The half-width of the search box for α and β, in OLS standard errors. */
  public static final double Z = 20;

  /** The half-width of the search box for ln(σ² / s₀²). */
  public static final double V = 5;

  private static final double[][] START_PERSISTENCE = {
    {0.90, 0.10}, {0.98, 0.05}, {0.50, 0.50}, {0.20, 0.80}
  };
  private static final int MAX_EVALUATIONS = 1500;
  private static final double BOUND_TOLERANCE = 1e-9;

  /** Index of α in the output. */
  public static final int ALPHA = 0;

  /** Index of β. */
  public static final int BETA = 1;

  /** Index of ω. */
  public static final int OMEGA = 2;

  /** Index of a. */
  public static final int ARCH = 3;

  /** Index of b. */
  public static final int GARCH = 4;

  /** Index of ln L. */
  public static final int LOG_LIKELIHOOD = 5;

  /** Index of h_M, the last estimation day's conditional variance. */
  public static final int LAST_VARIANCE = 6;

  /** Index of ε_M, the last estimation day's residual. */
  public static final int LAST_RESIDUAL = 7;

  /** Length of the output. */
  public static final int OUTPUT_LENGTH = 8;

  private final double[] lower = {-Z, -Z, -V, 0, 0};
  private final double[] upper = {Z, Z, V, 1, 1};
  private final double[] state = new double[2];

  /** The mutable state of one estimate: this object is one thread's. */
  private static final class Search {
    /** Why the last estimate found no maximum, or {@code null}. */
    String failure;

    /** Whether the last search ran out of evaluations. */
    boolean ranOut;

    /**
     * The best point any evaluation of the current search has seen: a search that runs out of
     * evaluations still says where it was heading.
     */
    final double[] seen = new double[5];

    double seenValue;
  }

  private final Search st = new Search();

  /**
   * Maximises the likelihood.
   *
   * @param y the listing's returns on the M days, in calendar order
   * @param x the market's returns on the same days
   * @param m M, at least 3
   * @param out receives the estimate at the indices of this class
   * @return true if an interior maximum was found; otherwise {@link #failure()} says why and {@code
   *     out} holds the best point seen
   */
  public boolean estimate(double[] y, double[] x, int m, double[] out) {
    st.failure = null;
    // OLS start: α₀, β₀, s₀² = SSE/M and the standard errors with divisor M − 2.
    double mx = 0;
    double my = 0;
    for (int t = 0; t < m; t++) {
      mx += x[t];
      my += y[t];
    }
    mx /= m;
    my /= m;
    double sxx = 0;
    double sxy = 0;
    for (int t = 0; t < m; t++) {
      sxx += (x[t] - mx) * (x[t] - mx);
      sxy += (x[t] - mx) * (y[t] - my);
    }
    double b0 = sxy / sxx;
    double a0 = my - b0 * mx;
    double sse = 0;
    for (int t = 0; t < m; t++) {
      double e = y[t] - a0 - b0 * x[t];
      sse += e * e;
    }
    double s02 = sse / m;
    double s2 = sse / (m - 2);
    double seBeta = Math.sqrt(s2 / sxx);
    double seAlpha = Math.sqrt(s2 * (1.0 / m + mx * mx / sxx));
    double[] scale = {a0, seAlpha, b0, seBeta, s02};

    PointValuePair best = null;
    boolean exhausted = false;
    for (double[] start : START_PERSISTENCE) {
      PointValuePair p = search(y, x, m, scale, new double[] {0, 0, 0, start[0], start[1]});
      if (st.ranOut) {
        // One restart from where it got to, with a fresh trust region: BOBYQA's model can
        // degenerate on the long ridge of high persistence, and a restart usually settles it.
        p = search(y, x, m, scale, p.getPoint());
      }
      if (best == null || p.getValue() > best.getValue()) {
        best = p;
        exhausted = st.ranOut;
      }
    }
    double[] z = best.getPoint();
    parameters(scale, z, out);
    out[LOG_LIKELIHOOD] =
        GarchKernel.logLikelihood(
            y, x, m, out[ALPHA], out[BETA], out[OMEGA], out[ARCH], out[GARCH]);
    GarchKernel.lastState(y, x, m, out[ALPHA], out[BETA], out[OMEGA], out[ARCH], out[GARCH], state);
    out[LAST_VARIANCE] = state[0];
    out[LAST_RESIDUAL] = state[1];
    if (!Double.isFinite(out[LOG_LIKELIHOOD])) {
      st.failure = "the GARCH(1,1) likelihood is not finite at any point searched";
    } else if (z[3] >= 1 - UNIT_ROOT_TOLERANCE || (exhausted && z[3] >= 1 - 1e-3)) {
      st.failure =
          "no interior maximum of the GARCH(1,1) likelihood: the supremum lies on a + b = 1"
              + " (an integrated GARCH, ω = 0; a = "
              + out[ARCH]
              + ", b = "
              + out[GARCH]
              + ")";
    } else if (exhausted) {
      st.failure =
          "no interior maximum of the GARCH(1,1) likelihood found: the best of the "
              + STARTS
              + " searches ran out of "
              + MAX_EVALUATIONS
              + " evaluations twice (a = "
              + out[ARCH]
              + ", b = "
              + out[GARCH]
              + ")";
    } else {
      for (int j = 0; j < 3; j++) {
        if (z[j] <= lower[j] + BOUND_TOLERANCE || z[j] >= upper[j] - BOUND_TOLERANCE) {
          st.failure =
              "no interior maximum of the GARCH(1,1) likelihood: it still rises at the edge of"
                  + " the searched region ("
                  + (j == 0
                      ? "α at " + Z + " OLS standard errors"
                      : j == 1
                          ? "β at " + Z + " OLS standard errors"
                          : "unconditional variance at e^±" + V + " times the OLS one")
                  + ")";
          break;
        }
      }
    }
    return st.failure == null;
  }

  /**
   * @return why the last estimate found no maximum, or {@code null}
   */
  public String failure() {
    return st.failure;
  }

  private static void parameters(double[] scale, double[] z, double[] out) {
    double pi = z[3];
    double phi = z[4];
    double sigma2 = scale[4] * Math.exp(z[2]);
    out[ALPHA] = scale[0] + z[0] * scale[1];
    out[BETA] = scale[2] + z[1] * scale[3];
    out[OMEGA] = sigma2 * (1 - pi);
    out[ARCH] = pi * phi;
    out[GARCH] = pi * (1 - phi);
  }

  private PointValuePair search(double[] y, double[] x, int m, double[] scale, double[] start) {
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(11, 0.1, 1e-8);
    st.seenValue = Double.NEGATIVE_INFINITY;
    st.ranOut = false;
    try {
      return optimizer.optimize(
          new MaxEval(MAX_EVALUATIONS),
          new ObjectiveFunction(z -> tracked(y, x, m, scale, z)),
          GoalType.MAXIMIZE,
          new InitialGuess(start),
          new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException e) {
      // Out of evaluations: keep where it got to, but such a point cannot count as a maximum.
      st.ranOut = true;
      return new PointValuePair(st.seen.clone(), st.seenValue);
    }
  }

  private double tracked(double[] y, double[] x, int m, double[] scale, double[] z) {
    double v = objective(y, x, m, scale, z);
    if (v > st.seenValue) {
      st.seenValue = v;
      System.arraycopy(z, 0, st.seen, 0, 5);
    }
    return v;
  }

  private static double objective(double[] y, double[] x, int m, double[] scale, double[] z) {
    double pi = z[3];
    double phi = z[4];
    double sigma2 = scale[4] * Math.exp(z[2]);
    double ll =
        GarchKernel.logLikelihood(
            y,
            x,
            m,
            scale[0] + z[0] * scale[1],
            scale[2] + z[1] * scale[3],
            sigma2 * (1 - pi),
            pi * phi,
            pi * (1 - phi));
    // BOBYQA needs finite values: a point where h_t underflows is as bad as can be.
    return Double.isFinite(ll) ? ll : -1e300;
  }
}
