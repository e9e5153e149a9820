package io.eventide.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.model.internal.Fits;
import io.eventide.model.internal.ModelInputs;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fits of degenerate estimation windows end as unusable fits with a reason, never as fits of
 * rounding noise ({@link Fits#ROUNDING_SIGMA}: s ≤ 64 ε ≈ 1.4e-14 is an exact fit). Returns are
 * built by hand in each test.
 */
class ModelFitEdgeCasesTest {

  private static final String EXACT = Fits.EXACT_FIT;

  /**
   * Returns of a price that grows by 0.1% a day, {@code P_t = 100 · 1.001^t}: 0.001 up to the
   * rounding of {@code P_t} and of {@code P_t / P_t-1 − 1}.
   */
  private static double[] constantGrowth(int n) {
    double[] r = new double[n];
    r[0] = Double.NaN;
    for (int t = 1; t < n; t++) {
      r[t] = 100 * Math.pow(1.001, t) / (100 * Math.pow(1.001, t - 1)) - 1;
    }
    return r;
  }

  private static double[] noise(long seed, int n, double scale) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = scale * (rnd.nextDouble() - 0.5);
    }
    return x;
  }

  @Test
  void constantMeanOfReturnsConstantUpToRoundingIsAnExactFit() {
    double[] r = constantGrowth(300);
    // The returns are not all the same double (rounding of P_t / P_t-1), but within ~1e-16.
    assertThat(Arrays.stream(r, 1, 300).distinct().count()).isGreaterThan(1);
    assertThat(
            Arrays.stream(r, 1, 300).max().getAsDouble()
                - Arrays.stream(r, 1, 300).min().getAsDouble())
        .isLessThan(1e-15);
    ModelFit fit =
        ConstantMeanModel.of().fitter().fit(ModelInputs.of(r, noise(1, 300, 0.02)), 10, 250, null);
    assertThat(fit.observations()).isEqualTo(240);
    assertThat(fit.parameter(0)).isCloseTo(0.001, within(1e-15));
    // s ≈ 1.2e-16: the rounding of the returns themselves, below 64 ε.
    assertThat(fit.sigma()).isPositive().isLessThan(Fits.ROUNDING_SIGMA);
    assertThat(fit.isUsable()).isFalse();
    assertThat(fit.failureReason()).isEqualTo(EXACT);
  }

  @Test
  void aFactorModelOfAPriceThatNeverMovesIsAnExactFit() {
    // Return 0 every day, RF = 0.0001: the excess return is the constant −0.0001.
    int n = 300;
    double[] r = new double[n];
    double[] rf = new double[n];
    Arrays.fill(rf, 0.0001);
    double[][] f = {noise(2, n, 0.02), noise(3, n, 0.01)};
    FactorModel model = FactorModel.of(List.of("F1", "F2"));
    ModelFit fit = model.fitter().fit(ModelInputs.of(r, null, f, rf), 0, 250, null);
    assertThat(fit.observations()).isEqualTo(250);
    assertThat(fit.sigma()).isLessThan(Fits.ROUNDING_SIGMA);
    assertThat(fit.failureReason()).isEqualTo(EXACT);
    // α̂ = mean excess return = −RF, the slopes vanish.
    assertThat(fit.parameter(0)).isCloseTo(-0.0001, within(1e-18));
    assertThat(fit.parameter(1)).isCloseTo(0.0, within(1e-15));
  }

  @Test
  void aMarketModelOfItsOwnBenchmarkIsAnExactFit() {
    double[] m = noise(4, 300, 0.02);
    ModelFit fit = MarketModel.of().fitter().fit(ModelInputs.of(m.clone(), m), 0, 250, null);
    assertThat(fit.parameter(1)).isCloseTo(1.0, within(1e-14));
    // The kernel's arithmetic leaves a residue (α̂ ≈ 1e-18), far below 64 ε.
    assertThat(fit.sigma()).isLessThan(1e-16);
    assertThat(fit.isUsable()).isFalse();
    assertThat(fit.failureReason()).isEqualTo(EXACT);
    // The market-adjusted model computes ε = R − R_m = 0 exactly.
    ModelFit adjusted =
        MarketAdjustedModel.of().fitter().fit(ModelInputs.of(m.clone(), m), 0, 250, null);
    assertThat(adjusted.residualVariance()).isZero();
    assertThat(adjusted.failureReason()).isEqualTo(EXACT);
  }

  @Test
  void aNearPerfectButRealFitIsUsable() {
    // R = R_m + 1e-9 u: s ≈ 1e-9 / √12 ≈ 2.9e-10, five orders of magnitude above 64 ε.
    double[] m = noise(5, 300, 0.02);
    double[] u = noise(6, 300, 1e-9);
    double[] r = new double[300];
    for (int t = 0; t < 300; t++) {
      r[t] = m[t] + u[t];
    }
    ModelFit fit = MarketModel.of().fitter().fit(ModelInputs.of(r, m), 0, 250, null);
    assertThat(fit.isUsable()).isTrue();
    assertThat(fit.failureReason()).isEmpty();
    assertThat(fit.sigma()).isBetween(2.5e-10, 3.3e-10);
  }

  @Test
  void theRoundingFloorIsSixtyFourUlpsOfOne() {
    // 64 · 2^-52 = 2^-46 = 1.4210854715202004e-14
    assertThat(Fits.ROUNDING_SIGMA).isEqualTo(Math.scalb(1.0, -46));
    double s = Fits.ROUNDING_SIGMA;
    assertThat(Fits.failure(2, 100, null, s * s)).isEqualTo(EXACT);
    assertThat(Fits.failure(2, 100, null, Math.nextUp(s * s))).isNull();
    assertThat(Fits.failure(2, 100, null, 0.0)).isEqualTo(EXACT);
  }

  @Test
  void eachReasonAFitCannotBeUsed() {
    assertThat(Fits.failure(2, 2, null, 1e-4))
        .isEqualTo("M = 2 estimation observations for k = 2 parameters");
    assertThat(Fits.failure(2, 100, Fits.FLAT_MARKET, Double.NaN))
        .isEqualTo(
            "the market return does not vary over the estimation window"
                + " (rank-deficient design)");
    assertThat(Fits.failure(4, 100, Fits.COLLINEAR_FACTORS, Double.NaN))
        .isEqualTo(
            "the factors are collinear or constant over the estimation window"
                + " (rank-deficient design)");
    assertThat(Fits.failure(1, 100, null, Double.POSITIVE_INFINITY))
        .isEqualTo(
            "residual variance is Infinity (returns of extreme magnitude, beyond double"
                + " precision: look for a misplaced decimal point in the prices)");
    assertThat(Fits.failure(1, 100, null, 4e-4)).isNull();
  }

  @Test
  void returnsBeyondDoublePrecisionAreNotCalledAnExactFit() {
    // One return of 1e200 in the estimation window: Σ (R − μ̂)² overflows and the compensation
    // step gives Infinity − Infinity. Before, the reason said "the model fits the returns
    // exactly".
    double[] r = noise(7, 300, 0.02);
    r[100] = 1e200;
    ModelFit fit = ConstantMeanModel.of().fitter().fit(ModelInputs.of(r, r), 0, 250, null);
    assertThat(fit.residualVariance()).isNaN();
    assertThat(fit.failureReason())
        .isEqualTo(
            "residual variance is NaN (returns of extreme"
                + " magnitude, beyond double precision: look for a misplaced decimal point in the prices)");
  }
}
