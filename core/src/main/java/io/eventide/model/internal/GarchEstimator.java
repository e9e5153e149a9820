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
 * <p><b>Coordinates.</b> The search runs in coordinates that turn the stationarity region into a
 * box:
 *
 * <pre>
 *   α = α₀ + z₀ se(α₀),   β = β₀ + z₁ se(β₀),   z₀, z₁ ∈ [−Z, Z]   (OLS estimate and errors)
 *   σ² = s₀² e^{z₂},  z₂ ∈ [−V, V]          (unconditional variance around the OLS s₀² = SSE/M)
 *   π = z₃ ∈ [0, 1],  φ = z₄ ∈ [0, 1]:    a = π φ,  b = π (1 − φ),  ω = σ² (1 − π)
 * </pre>
 *
 * so that {@code a, b ≥ 0}, {@code a + b = π} and {@code ω > 0} exactly when {@code π < 1}. The
 * start {@code z₀ = z₁ = z₂ = 0} is the OLS line with variance targeting ({@code σ²} = the OLS
 * residuals' mean square); the search runs from {@value #STARTS} fixed starts in {@code (π, φ)} =
 * (0.90, 0.10), (0.98, 0.05), (0.50, 0.50), (0.20, 0.80) and keeps the best (the likelihood can
 * have two maxima: {@code docs/statistics.md} section 3c); it is deterministic.
 *
 * <p><b>Search ({@link Method#QUASI_NEWTON}, the default).</b> A projected quasi-Newton method on
 * the box, with π replaced by {@code u = ln(1 − π) ∈ [ln(}{@value #UNIT_ROOT_TOLERANCE}{@code /2),
 * 0]} (near {@code a + b = 1} the likelihood's ridge {@code ω = σ²(1 − π)} is then the straight
 * line {@code z₂ + u} = constant): the analytic gradient of {@link
 * GarchKernel#logLikelihoodAndGradient} carried into these coordinates by the chain rule, BFGS
 * updates of the inverse Hessian over the free coordinates (a coordinate on a bound whose gradient
 * points out of the box is held there; the update restarts when that set changes), steps projected
 * onto the box with an Armijo backtracking line search (Bertsekas 1982, SIAM J. Control Optim. 20:
 * 221–246; Nocedal and Wright 2006, sections 6.1 and 16.7). It stops when every free coordinate's
 * gradient is below {@value #GRADIENT_TOLERANCE}, or when three steps in a row no longer change ln
 * L at its precision with that gradient below 10³ times the tolerance. When the best of the four
 * starts has {@code a = 0} (no ARCH term: b then only sets how fast {@code h_t} drifts from {@code
 * h_1} to σ², and the likelihood has a ridge along b with the corner {@code a = b = 0} a local
 * maximum), one more search starts along that edge at {@code π = }{@value #RIDGE_START}, {@code φ =
 * 0}. A search that stalls short of its tolerance inside the region is finished by {@link
 * Method#BOBYQA}; one that stalls with {@code π ≥ 0.999} or on a bound of {@code z₀, z₁, z₂} is on
 * its way out of the region and counts as finding no interior maximum. About 150 to 500 likelihood
 * evaluations per estimate (a gradient counts as one and costs about two) where BOBYQA took 800 to
 * 2,000, or up to 12,000 on a flat likelihood.
 *
 * <p><b>{@link Method#BOBYQA}</b> (kept as the test oracle): Powell's BOBYQA (Commons Math {@link
 * BOBYQAOptimizer}, derivative-free, bounded) in the same coordinates from the same starts, at most
 * {@value #MAX_EVALUATIONS} evaluations per start, restarted once from where it got to if it ran
 * out.
 *
 * <p><b>No interior maximum.</b> The best point is not a maximum of the region when {@code π ≥ 1 −}
 * {@value #UNIT_ROOT_TOLERANCE} (the supremum lies on {@code a + b = 1}, where {@code ω = 0}), when
 * a bound of {@code z₀, z₁, z₂} is active (the likelihood still rises at the edge of the searched
 * box: ±{@value #Z} standard errors, variance ×e^±{@value #V}), when the likelihood is not finite,
 * or when the best start's search stalled on its way out of the region or (BOBYQA) exhausted its
 * evaluations twice. {@code φ} on its bounds is {@code a = 0} or {@code b = 0}, inside the (closed)
 * region, and is accepted.
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

  /** The largest free-coordinate gradient of ln L at which the quasi-Newton search stops. */
  public static final double GRADIENT_TOLERANCE = 1e-6;

  /** The persistence of the extra quasi-Newton start along a = 0. */
  private static final double RIDGE_START = 0.99;

  private static final int MAX_EVALUATIONS = 1500;
  private static final int MAX_ITERATIONS = 200;
  private static final int MAX_HALVINGS = 50;
  private static final double ARMIJO = 1e-4;
  private static final double[] MAX_STEP = {4, 4, 1, 2, 0.5};
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

  /** How the maximum is searched for. */
  public enum Method {
    /** Projected BFGS with the analytic gradient (the default). */
    QUASI_NEWTON,
    /** Derivative-free BOBYQA, the former search (a test oracle). */
    BOBYQA
  }

  private final Method method;

  // Quasi-Newton workspace (no allocation per iteration).
  private final double[] zc = new double[5];
  private final double[] zn = new double[5];
  private final double[] gc = new double[5];
  private final double[] gn = new double[5];
  private final double[] dir = new double[5];
  private final double[] hy = new double[5];
  private final double[] yv = new double[5];
  private final double[] gTheta = new double[5];
  private final double[] hinv = new double[25];
  private final boolean[] free = new boolean[5];

  /** The quasi-Newton estimator. */
  public GarchEstimator() {
    this(Method.QUASI_NEWTON);
  }

  /**
   * @param method how to search
   */
  public GarchEstimator(Method method) {
    this.method = method;
  }

  private final double[] lower = {-Z, -Z, -V, 0, 0};

  /**
   * The quasi-Newton search's box: as {@link #lower}, {@link #upper} but with {@code u = ln(1 − π)}
   * for π (its lower bound is π = 1 − {@value #UNIT_ROOT_TOLERANCE}/2, the unit-root boundary):
   * near {@code a + b = 1} the likelihood's ridge {@code ω = σ² (1 − π)} is then the straight line
   * {@code z₂ + u} = constant, which BFGS follows, where in π it is a steep curved valley.
   */
  private final double[] qLower = {-Z, -Z, -V, Math.log(UNIT_ROOT_TOLERANCE / 2), 0};

  private final double[] qUpper = {Z, Z, V, 0, 1};
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

    /** Likelihood evaluations of the last estimate (a gradient evaluation counts as one). */
    int evaluations;

    /** {@code F = −ln L} at the point the last quasi-Newton search left in {@code zc}. */
    double reached;
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

    st.evaluations = 0;
    PointValuePair best = null;
    boolean exhausted = false;
    for (int k = 0; k <= STARTS; k++) {
      double[] from;
      if (k < STARTS) {
        from = new double[] {0, 0, 0, START_PERSISTENCE[k][0], START_PERSISTENCE[k][1]};
      } else if (method == Method.QUASI_NEWTON && noArch(best.getPoint())) {
        // The best point has a = 0: b then only sets how fast h_t moves from h_1 to σ², the
        // corner a = b = 0 is a local maximum, and a higher one (a slow drift of the variance)
        // can lie along a = 0 near b = 1, which a descent from a > 0 does not reach.
        double[] bz = best.getPoint();
        from = new double[] {bz[0], bz[1], bz[2], RIDGE_START, 0};
      } else {
        break;
      }
      PointValuePair p;
      if (method == Method.QUASI_NEWTON) {
        System.arraycopy(from, 0, zc, 0, 5);
        zc[3] = Math.log1p(-from[3]);
        boolean done = quasiNewton(y, x, m, scale);
        zc[3] = 0.0 - Math.expm1(zc[3]); // π = 1 − e^u, +0.0 (not −0.0) at u = 0
        double f = st.reached;
        if (done) {
          st.ranOut = false;
          if (best == null || -f > best.getValue()) {
            best = new PointValuePair(zc.clone(), -f);
            exhausted = false;
          }
          continue;
        }
        if (zc[3] >= 1 - 1e-3 || onEdge(zc)) {
          // Stalled on the way out of the region (towards a + b = 1 or the edge of the box):
          // there is no interior maximum to polish, and a derivative-free search would only
          // wander along the same ridge until its evaluations ran out.
          if (best == null || -f > best.getValue()) {
            best = new PointValuePair(zc.clone(), Double.isFinite(f) ? -f : -1e300);
            exhausted = true;
          }
          continue;
        }
        // Stalled short of the tolerance inside the region: BOBYQA finishes from there.
        p = search(y, x, m, scale, zc.clone());
      } else {
        p = search(y, x, m, scale, from);
      }
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
    } else if (onEdge(z)) {
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
    }
    return st.failure == null;
  }

  /**
   * @return the likelihood evaluations of the last estimate (a gradient evaluation counts as one)
   */
  public int evaluations() {
    return st.evaluations;
  }

  /**
   * @return why the last estimate found no maximum, or {@code null}
   */
  public String failure() {
    return st.failure;
  }

  /** Whether the point has a = 0 (π or φ on its lower bound). */
  private static boolean noArch(double[] z) {
    return z[3] <= 0 || z[4] <= 0;
  }

  /** Whether z₀, z₁ or z₂ is on a bound of the box. */
  private boolean onEdge(double[] z) {
    for (int j = 0; j < 3; j++) {
      if (z[j] <= lower[j] + BOUND_TOLERANCE || z[j] >= upper[j] - BOUND_TOLERANCE) {
        return true;
      }
    }
    return false;
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

  /**
   * Projected BFGS from {@code zc} (clamped into the box), minimising {@code F = −ln L}.
   *
   * @return true if the projected gradient met the tolerance; false if the search stalled. Either
   *     way {@code zc} holds the best point reached and {@code st.reached} F there.
   */
  private boolean quasiNewton(double[] y, double[] x, int m, double[] scale) {
    for (int i = 0; i < 5; i++) {
      zc[i] = Math.min(qUpper[i], Math.max(qLower[i], zc[i]));
    }
    double f = negative(y, x, m, scale, zc, gc);
    st.reached = f;
    if (f == Double.POSITIVE_INFINITY) {
      return false;
    }
    double gamma = 1;
    identity(gamma);
    boolean fresh = true;
    int freeSet = -1;
    int idle = 0;
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      int set = 0;
      double pg = 0;
      for (int i = 0; i < 5; i++) {
        free[i] = !((zc[i] <= qLower[i] && gc[i] > 0) || (zc[i] >= qUpper[i] && gc[i] < 0));
        if (free[i]) {
          set |= 1 << i;
          pg = Math.max(pg, Math.abs(gc[i]));
        }
      }
      if (pg < GRADIENT_TOLERANCE) {
        return true;
      }
      if (set != freeSet) {
        if (freeSet != -1) {
          identity(gamma);
          fresh = true;
        }
        freeSet = set;
      }
      double slope = direction();
      if (!(slope < 0)) {
        identity(gamma);
        fresh = true;
        slope = direction();
      }
      double t = 1;
      for (int i = 0; i < 5; i++) {
        if (Math.abs(dir[i]) * t > MAX_STEP[i]) {
          t = MAX_STEP[i] / Math.abs(dir[i]);
        }
      }
      double fn = Double.POSITIVE_INFINITY;
      boolean accepted = false;
      for (int k = 0; k < MAX_HALVINGS; k++) {
        double predicted = 0;
        for (int i = 0; i < 5; i++) {
          zn[i] = Math.min(qUpper[i], Math.max(qLower[i], zc[i] + t * dir[i]));
          predicted += gc[i] * (zn[i] - zc[i]);
        }
        fn = negative(y, x, m, scale, zn, gn);
        if (fn <= f + ARMIJO * predicted) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        if (fresh) {
          return false;
        }
        identity(gamma);
        fresh = true;
        continue;
      }
      // BFGS update of the inverse Hessian with s = zn − zc, y = gn − gc.
      double sy = 0;
      double yy = 0;
      double ss = 0;
      for (int i = 0; i < 5; i++) {
        // The curvature pair over the free coordinates only: a held one's gradient is not
        // followed, and its change says nothing about the Hessian of the free subspace.
        double si = zn[i] - zc[i];
        double yi = free[i] ? gn[i] - gc[i] : 0;
        yv[i] = yi;
        sy += si * yi;
        yy += yi * yi;
        ss += si * si;
      }
      if (sy > 1e-10 * Math.sqrt(ss * yy)) {
        if (fresh) {
          gamma = sy / yy;
          identity(gamma);
          fresh = false;
        }
        update(sy);
      }
      idle = f - fn <= 1e-15 * (1 + Math.abs(f)) ? idle + 1 : 0;
      System.arraycopy(zn, 0, zc, 0, 5);
      System.arraycopy(gn, 0, gc, 0, 5);
      f = fn;
      st.reached = f;
      if (idle >= 3) {
        // No progress at the precision of ln L: a maximum if the gradient is nearly flat.
        return pg < 1e3 * GRADIENT_TOLERANCE;
      }
    }
    return false;
  }

  private void identity(double gamma) {
    for (int i = 0; i < 25; i++) {
      hinv[i] = i % 6 == 0 ? gamma : 0;
    }
  }

  /** dir = −H g over the free coordinates (0 on the held ones); returns g·dir. */
  private double direction() {
    double slope = 0;
    for (int i = 0; i < 5; i++) {
      double d = 0;
      if (free[i]) {
        for (int j = 0; j < 5; j++) {
          if (free[j]) {
            d -= hinv[5 * i + j] * gc[j];
          }
        }
      }
      dir[i] = d;
      slope += d * gc[i];
    }
    return slope;
  }

  /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(s·y), s = zn − zc, y = {@code yv}. */
  private void update(double sy) {
    double rho = 1 / sy;
    double yhy = 0;
    for (int i = 0; i < 5; i++) {
      double v = 0;
      for (int j = 0; j < 5; j++) {
        v += hinv[5 * i + j] * yv[j];
      }
      hy[i] = v;
      yhy += yv[i] * v;
    }
    double c = rho * rho * yhy + rho;
    for (int i = 0; i < 5; i++) {
      double si = zn[i] - zc[i];
      for (int j = 0; j < 5; j++) {
        double sj = zn[j] - zc[j];
        hinv[5 * i + j] += -rho * (hy[i] * sj + si * hy[j]) + c * si * sj;
      }
    }
  }

  /**
   * {@code F = −ln L} at z (the quasi-Newton coordinates: {@code z₃ = u = ln(1 − π)}) and its
   * gradient in z (chain rule from {@code (α, β, ω, a, b)}); {@code +∞} where the likelihood is not
   * finite.
   */
  private double negative(double[] y, double[] x, int m, double[] scale, double[] z, double[] g) {
    st.evaluations++;
    double pi = 0.0 - Math.expm1(z[3]);
    double phi = z[4];
    double sigma2 = scale[4] * Math.exp(z[2]);
    double ll =
        GarchKernel.logLikelihoodAndGradient(
            y,
            x,
            m,
            scale[0] + z[0] * scale[1],
            scale[2] + z[1] * scale[3],
            sigma2 * (1 - pi),
            pi * phi,
            pi * (1 - phi),
            gTheta);
    if (!Double.isFinite(ll)) {
      return Double.POSITIVE_INFINITY;
    }
    g[0] = -scale[1] * gTheta[0];
    g[1] = -scale[3] * gTheta[1];
    g[2] = -sigma2 * (1 - pi) * gTheta[2];
    // ∂/∂u = ∂/∂π · dπ/du, dπ/du = −(1 − π).
    g[3] = -(1 - pi) * (sigma2 * gTheta[2] - phi * gTheta[3] - (1 - phi) * gTheta[4]);
    g[4] = -pi * (gTheta[3] - gTheta[4]);
    for (int i = 0; i < 5; i++) {
      if (!Double.isFinite(g[i])) {
        return Double.POSITIVE_INFINITY;
      }
    }
    return -ll;
  }

  private double tracked(double[] y, double[] x, int m, double[] scale, double[] z) {
    st.evaluations++;
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
