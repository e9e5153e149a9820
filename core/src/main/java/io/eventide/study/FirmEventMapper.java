package io.eventide.study;

import io.eventide.model.FactorFit;
import io.eventide.model.MarketFit;
import io.eventide.model.ModelFit;
import io.eventide.model.internal.ModelFitter;
import io.eventide.study.internal.RankKernel;
import io.eventide.timeseries.ReturnType;
import java.util.Arrays;

/**
 * The map of one resolved firm-event: fits its model on the estimation window, decides {@link
 * Outcome#OK}, {@link Outcome#INSUFFICIENT_ESTIMATION} or (an iterative fit without a maximum)
 * {@link Outcome#NO_CONVERGENCE}, and writes its parameters, residual variance, sign share, and
 * over the event span its expected returns, AR and SAR, and per window its CAR, Var(CAR) and BHAR
 * into the study's columns ({@code docs/statistics.md} sections 2 and 3).
 *
 * <ul>
 *   <li>{@code AR_t = R_t − E_t} and {@code SAR_t = AR_t / √(forecast variance_t)}, with the
 *       expected return {@code E_t} computed once per day and reused for AR and BHAR;
 *   <li>{@code CAR = Σ AR_t} over the window, kept only when every AR is present; {@code Var(CAR)}
 *       from the fit;
 *   <li>BHAR {@code = Π(1 + R_t) − Π(1 + E_t)} for simple returns, {@code exp(ΣR_t) − exp(ΣE_t)}
 *       for log returns;
 *   <li>sign share {@code = #(ε̂_τ > 0) / M} over the estimation residuals;
 *   <li>rank scores of the combined window (estimation residuals, then the event span's AR), left
 *       in {@link #scores()} for the reduction.
 * </ul>
 *
 * <p>Estimation days within the cleaning radius of another event's day 0 on the same listing are
 * left out of the fit and their residuals are {@code NaN}. Scratch space is sized once; mapping
 * allocates nothing per day. One instance per thread.
 */
final class FirmEventMapper {

  private final StudyLayout layout;
  private final FirmEventColumns cols;
  private final ListingData[] listings;
  private final int minEstimation;
  private final ReturnType returnType;
  private final int cleaningRadius;
  private final ModelFitter fitter;
  private final Conventions conventions;
  private final StudyMeasure measure;
  private boolean rankScores = true;

  private final double[] rankValues;
  private final RankKernel ranker;
  private final double[] scores;
  private final long[] mask;
  private final boolean[] excluded;
  private final double[] resid;
  private final double[] expected;
  private final double[] ar;

  private ModelFit fit;
  private double sign = 1.0;
  private int observations;
  private double residSum;

  private FirmEventMapper(ResolvedStudy resolved, FirmEventColumns cols) {
    StudySpecification spec = resolved.spec;
    this.layout = resolved.layout;
    this.cols = cols;
    this.listings = resolved.listings;
    this.minEstimation = spec.minEstimation();
    this.returnType = resolved.returnType;
    this.cleaningRadius = spec.cleaningRadius().orElse(-1);
    this.fitter = spec.model().fitter();
    this.conventions = spec.conventions();
    this.measure = spec.measure();
    rankValues = new double[layout.combinedLen];
    ranker = new RankKernel(layout.combinedLen);
    scores = new double[layout.combinedLen];
    mask = new long[layout.maskWords];
    excluded = cleaningRadius >= 0 ? new boolean[layout.estLen] : null;
    resid = new double[layout.estLen];
    expected = new double[layout.spanLen];
    ar = new double[layout.spanLen];
  }

  /**
   * @param resolved the resolved study
   * @param cols the columns to write
   * @return a mapper with the study's minimum, cleaning radius, fitter, conventions and measure
   */
  static FirmEventMapper of(ResolvedStudy resolved, FirmEventColumns cols) {
    return new FirmEventMapper(resolved, cols);
  }

  /**
   * Maps one resolved firm-event (its day 0 and ranges are known to fit the calendar).
   *
   * @param fe the firm-event's index
   * @return whether it is OK and in at least one window's sample; only then do {@link #fit()},
   *     {@link #residuals()}, {@link #observations()}, {@link #residualSum()}, {@link #mask()} and
   *     {@link #scores()} describe it
   */
  boolean map(int fe) {
    ListingData ld = listings[cols.listing[fe]];
    int d0 = cols.dayZero[fe];
    int e0 = d0 + layout.estFrom;
    int e1 = d0 + layout.estTo + 1;
    boolean[] excl = excluded != null ? markExcluded(ld, fe, e0) : null;
    ModelFit fit = fitter.fit(ld.inputs, e0, e1, excl);
    if (conventions != Conventions.SPEC && fit.isUsable()) {
      fit = withConventions(fit, e0, e1);
    }
    int m = fit.observations();
    cols.observations[fe] = m;
    if (m < minEstimation) {
      leaveOut(
          fe,
          "M = "
              + m
              + " valid estimation days in "
              + ld.calendar.session(e0)
              + ".."
              + ld.calendar.session(e1 - 1)
              + "; at least "
              + minEstimation
              + " required");
      return false;
    }
    if (!fit.isUsable()) {
      leaveOut(fe, fit.failureReason());
      if (!fit.converged()) {
        cols.outcome[fe] = Outcome.NO_CONVERGENCE;
      }
      return false;
    }
    cols.outcome[fe] = Outcome.OK;
    int k = cols.width;
    for (int j = 0; j < k; j++) {
      cols.parameters[fe * k + j] = fit.parameter(j);
    }
    cols.residualVariance[fe] = fit.residualVariance();

    // Estimation residuals: the first part of the rank test's combined window.
    final int estLen = layout.estLen;
    fit.abnormal(e0, e0 + estLen, resid, 0);
    // Signed by direction: every abnormal quantity below is multiplied by ±1 (exact in floating
    // point), so a firm-event of direction -1 contributes its mirror image.
    final double sign = cols.sign == null ? 1.0 : cols.sign[fe];
    if (sign != 1.0) {
      for (int tau = 0; tau < estLen; tau++) {
        resid[tau] *= sign;
      }
    }
    if (excl != null) {
      for (int tau = 0; tau < estLen; tau++) {
        if (excl[tau]) {
          resid[tau] = Double.NaN;
        }
      }
    }
    System.arraycopy(resid, 0, rankValues, 0, estLen);
    int positive = 0;
    double sum = 0;
    for (int tau = 0; tau < estLen; tau++) {
      double e = resid[tau];
      if (e > 0) {
        positive++;
      }
      if (e == e) {
        sum += e;
      }
    }
    cols.positiveShare[fe] = (double) positive / m;
    if (cols.estimationSar != null) {
      // SAR_iτ of the generalized rank tests: the residual over s_i (divisor M − k).
      double s = Math.sqrt(fit.residualVariance());
      int row = fe * estLen;
      for (int tau = 0; tau < estLen; tau++) {
        cols.estimationSar[row + tau] = resid[tau] / s;
      }
    }

    // Event span: expected return once per day, then AR and SAR.
    double[] r = ld.returns;
    int s0 = d0 + layout.spanFrom;
    final boolean volatility = measure == StudyMeasure.VOLATILITY;
    // Volatility: U = c AR² / v with c = (M − k − 2)/(M − k), so that E[U] = 1 when AR/√v is
    // Student t with M − k degrees of freedom; the day's abnormal quantity is U − 1.
    final int dof = fit.degreesOfFreedom();
    final double scale = volatility ? (dof - 2.0) / dof : 1.0;
    for (int d = 0; d < layout.spanLen; d++) {
      int t = s0 + d;
      double e = fit.expected(t);
      double a = sign * (r[t] - e);
      double sar = a / Math.sqrt(fit.forecastVariance(t));
      expected[d] = e;
      rankValues[estLen + d] = a;
      cols.expected[d][fe] = e;
      if (volatility) {
        a = scale * sar * sar - 1.0;
        sar = Double.NaN;
      }
      ar[d] = a;
      cols.ar[d][fe] = a;
      cols.sar[d][fe] = sar;
    }

    // Windows: CAR, Var(CAR), BHAR where every AR is present.
    Arrays.fill(mask, 0L);
    boolean any = false;
    for (int w = 0; w < layout.windowCount; w++) {
      int from = layout.windowFrom[w] - layout.spanFrom;
      int to = layout.windowTo[w] - layout.spanFrom;
      double car = 0;
      for (int d = from; d <= to; d++) {
        car += ar[d];
      }
      if (car != car) {
        continue;
      }
      cols.car[w][fe] = car;
      if (measure == StudyMeasure.RETURNS) {
        cols.carVariance[w][fe] =
            fit.carVariance(d0 + layout.windowFrom[w], d0 + layout.windowTo[w]);
        cols.bhar[w][fe] =
            sign
                * (ld.bharReference == null
                    ? bhar(r, s0, from, to)
                    : bhar(r, ld.bharReference, s0, from, to));
      } else if (!volatility) {
        // Volume: Var(CAV) as Var(CAR), from the fit on log volume; BHAR is not defined.
        cols.carVariance[w][fe] =
            fit.carVariance(d0 + layout.windowFrom[w], d0 + layout.windowTo[w]);
      }
      mask[w >>> 6] |= 1L << (w & 63);
      any = true;
    }
    if (!any) {
      return false;
    }
    if (cols.estimationResiduals != null) {
      cols.estimationResiduals[fe] = resid.clone();
    }
    if (rankScores) {
      ranker.scores(rankValues, layout.combinedLen, scores);
    }
    this.fit = fit;
    this.sign = sign;
    this.observations = m;
    this.residSum = sum;
    return true;
  }

  /**
   * Switches a usable fit to the peers' conventions ({@code docs/statistics.md} section 3b): the
   * residual variance divided by M − 1 instead of M − k (k &gt; 0); for the market model, R̄_m and
   * S_xx over the n estimation days with a market return, and for Stata S_xx · n/(n − 1), which
   * multiplies the market term of Var(AR) and Var(CAR) by (n − 1)/n. Allocates a fit per
   * firm-event: the presets are for reproducing a peer's numbers, not for speed.
   */
  private ModelFit withConventions(ModelFit fit, int e0, int e1) {
    int m = fit.observations();
    int k = fit.parameterCount();
    double s2 = fit.residualVariance();
    if (k > 1 && m > 1) {
      s2 = s2 * (m - k) / (m - 1); // k = 1: M − 1 is M − k already, keep the bits
    }
    if (fit instanceof MarketFit mf) {
      double[] x = mf.inputs().market();
      int n = 0;
      double sum = 0;
      for (int t = e0; t < e1; t++) {
        if (x[t] == x[t]) {
          n++;
          sum += x[t];
        }
      }
      double mean = sum / n;
      double sxx = 0;
      for (int t = e0; t < e1; t++) {
        if (x[t] == x[t]) {
          double d = x[t] - mean;
          sxx += d * d;
        }
      }
      if (conventions == Conventions.STATA_ESTUDY) {
        sxx = sxx * n / (n - 1);
      }
      return new MarketFit(
          mf.inputs(), m, mf.alpha(), mf.beta(), s2, mean, sxx, mf.failureReason());
    }
    if (fit instanceof FactorFit ff) {
      return new FactorFit(
          ff.model(),
          ff.inputs(),
          m,
          ff.coefficients(),
          s2,
          ff.factorMeans(),
          ff.factorScales(),
          ff.inverseCorrelation(),
          ff.failureReason());
    }
    // Constant mean (k = 1: M − 1 is M − k) and market-adjusted (k = 0): nothing switches.
    return fit;
  }

  /**
   * Stops computing rank scores, which only the reduction reads ({@link EventStudy#fit}): {@link
   * #scores()} is then left unwritten. Everything written to the columns is unchanged.
   */
  void withoutRankScores() {
    this.rankScores = false;
  }

  /** BHAR over span days {@code from..to}, from the span's returns and expected returns. */
  private double bhar(double[] r, int s0, int from, int to) {
    if (returnType == ReturnType.SIMPLE) {
      double pr = 1;
      double pe = 1;
      for (int d = from; d <= to; d++) {
        pr *= 1 + r[s0 + d];
        pe *= 1 + expected[d];
      }
      return pr - pe;
    }
    double sr = 0;
    double se = 0;
    for (int d = from; d <= to; d++) {
      sr += r[s0 + d];
      se += expected[d];
    }
    return Math.exp(sr) - Math.exp(se);
  }

  /**
   * BHAR over span days {@code from..to} against a reference listing's returns on the same
   * sessions; {@code NaN} when a reference return is missing.
   */
  private double bhar(double[] r, double[] ref, int s0, int from, int to) {
    if (returnType == ReturnType.SIMPLE) {
      double pr = 1;
      double pe = 1;
      for (int d = from; d <= to; d++) {
        pr *= 1 + r[s0 + d];
        pe *= 1 + ref[s0 + d];
      }
      return pr - pe;
    }
    double sr = 0;
    double se = 0;
    for (int d = from; d <= to; d++) {
      sr += r[s0 + d];
      se += ref[s0 + d];
    }
    return Math.exp(sr) - Math.exp(se);
  }

  private boolean[] markExcluded(ListingData ld, int fe, int e0) {
    Arrays.fill(excluded, false);
    int r = cleaningRadius;
    for (int q = 0; q < ld.eventDayZeros.length; q++) {
      // Skip this firm-event's own entry only: another event with the same day 0 still counts.
      if (ld.eventFirmEvents[q] == fe) {
        continue;
      }
      int other = ld.eventDayZeros[q];
      int lo = Math.max(other - r - e0, 0);
      int hi = Math.min(other + r - e0, layout.estLen - 1);
      for (int tau = lo; tau <= hi; tau++) {
        excluded[tau] = true;
      }
    }
    return excluded;
  }

  private void leaveOut(int fe, String why) {
    cols.outcome[fe] = Outcome.INSUFFICIENT_ESTIMATION;
    cols.reason[fe] = why;
  }

  /**
   * @return the sign the last mapped firm-event's abnormal quantities were multiplied by (1 when
   *     the study does not sign by direction)
   */
  double sign() {
    return sign;
  }

  /**
   * @return the last mapped firm-event's fit
   */
  ModelFit fit() {
    return fit;
  }

  /**
   * @return its estimation residuals, {@code NaN} where missing or cleaned (scratch: overwritten by
   *     the next call)
   */
  double[] residuals() {
    return resid;
  }

  /**
   * @return its number of valid estimation days M
   */
  int observations() {
    return observations;
  }

  /**
   * @return the sum of its estimation residuals present
   */
  double residualSum() {
    return residSum;
  }

  /**
   * @return the windows whose sample holds it, one bit per window (scratch)
   */
  long[] mask() {
    return mask;
  }

  /**
   * @return its rank scores over the combined window (scratch)
   */
  double[] scores() {
    return scores;
  }
}
