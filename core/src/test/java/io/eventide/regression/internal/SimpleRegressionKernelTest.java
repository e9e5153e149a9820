package io.eventide.regression.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class SimpleRegressionKernelTest {

  private static double[][] returns(long seed, int n, double offset) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = offset + 0.01 * (rnd.nextDouble() - 0.5);
      y[t] = offset + 0.0003 + 1.1 * (x[t] - offset) + 0.02 * (rnd.nextDouble() - 0.5);
    }
    return new double[][] {x, y};
  }

  @Test
  void matchesCommonsMathSimpleRegression() {
    double[][] d = returns(3, 400, 0);
    double[] x = d[0];
    double[] y = d[1];
    y[50] = Double.NaN;
    x[60] = Double.NaN;
    SimpleRegression ref = new SimpleRegression();
    for (int t = 30; t < 280; t++) {
      if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) {
        ref.addData(x[t], y[t]);
      }
    }
    double[] out = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    int m = SimpleRegressionKernel.fit(y, x, 30, 280, out);
    assertThat(m).isEqualTo(248).isEqualTo((int) ref.getN());
    assertThat(out[SimpleRegressionKernel.ALPHA]).isCloseTo(ref.getIntercept(), within(1e-15));
    assertThat(out[SimpleRegressionKernel.BETA]).isCloseTo(ref.getSlope(), within(1e-13));
    assertThat(out[SimpleRegressionKernel.RESIDUAL_VARIANCE])
        .isCloseTo(ref.getMeanSquareError(), within(1e-10 * ref.getMeanSquareError()));
    assertThat(out[SimpleRegressionKernel.X_SUM_SQUARES])
        .isCloseTo(ref.getXSumSquares(), within(1e-12 * ref.getXSumSquares()));
  }

  @Test
  void sharedPrefixMomentsGiveTheSameFit() {
    double[][] d = returns(5, 300, 0);
    d[0][7] = Double.NaN;
    RegressorMoments moments = RegressorMoments.of(d[0]);
    double[] a = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    double[] b = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    for (int from : new int[] {0, 20, 51}) {
      SimpleRegressionKernel.fit(d[1], d[0], from, from + 240, a);
      SimpleRegressionKernel.fit(d[1], d[0], from, from + 240, moments, b);
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i])
            .as("output %d from %d", i, from)
            .isCloseTo(a[i], within(1e-12 * Math.max(1e-3, Math.abs(a[i]))));
      }
    }
    // A hole in y where x is present changes the rows: the moments no longer apply and the
    // kernel falls back to the plain fit, bit for bit.
    d[1][100] = Double.NaN;
    SimpleRegressionKernel.fit(d[1], d[0], 20, 270, a);
    int m = SimpleRegressionKernel.fit(d[1], d[0], 20, 270, moments, b);
    assertThat(m).isEqualTo(249);
    assertThat(b).containsExactly(a);
  }

  @Test
  void sharedMomentsOfAnOffsetRegressorFallBackToTheExactFit() {
    // x around 1e4 with σ 3e-3: Σx² is 1e13 times the centred sum, so the prefix sums cannot give
    // Sxx and the kernel takes the plain shifted pass (same bits as calling it directly).
    double[][] d = returns(9, 400, 1e4);
    double[] a = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    double[] b = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    SimpleRegressionKernel.fit(d[1], d[0], 10, 300, a);
    SimpleRegressionKernel.fit(d[1], d[0], 10, 300, RegressorMoments.of(d[0]), b);
    assertThat(b).containsExactly(a);
  }

  @Test
  void largeCommonOffsetKeepsFullPrecision() {
    // Returns sharing a mean of 1e4 with σ about 3e-3: a naive Σx² − (Σx)²/n loses every digit.
    double[][] d = returns(9, 5000, 1e4);
    double[] out = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    SimpleRegressionKernel.fit(d[1], d[0], 0, 5000, out);
    // Reference in BigDecimal: exact sums of the binary doubles, 60 significant digits.
    MathContext mc = new MathContext(60);
    BigDecimal n = BigDecimal.valueOf(5000);
    BigDecimal sx = BigDecimal.ZERO;
    BigDecimal sy = BigDecimal.ZERO;
    for (int t = 0; t < 5000; t++) {
      sx = sx.add(new BigDecimal(d[0][t]));
      sy = sy.add(new BigDecimal(d[1][t]));
    }
    BigDecimal mx = sx.divide(n, mc);
    BigDecimal my = sy.divide(n, mc);
    BigDecimal sxx = BigDecimal.ZERO;
    BigDecimal sxy = BigDecimal.ZERO;
    for (int t = 0; t < 5000; t++) {
      BigDecimal dx = new BigDecimal(d[0][t]).subtract(mx);
      BigDecimal dy = new BigDecimal(d[1][t]).subtract(my);
      sxx = sxx.add(dx.multiply(dx));
      sxy = sxy.add(dx.multiply(dy));
    }
    BigDecimal beta = sxy.divide(sxx, mc);
    BigDecimal alpha = my.subtract(beta.multiply(mx));
    BigDecimal ssr = BigDecimal.ZERO;
    for (int t = 0; t < 5000; t++) {
      BigDecimal e =
          new BigDecimal(d[1][t]).subtract(alpha).subtract(beta.multiply(new BigDecimal(d[0][t])));
      ssr = ssr.add(e.multiply(e));
    }
    double s2 = ssr.divide(BigDecimal.valueOf(4998), mc).doubleValue();
    assertThat(out[SimpleRegressionKernel.BETA])
        .isCloseTo(beta.doubleValue(), within(1e-9 * Math.abs(beta.doubleValue())));
    assertThat(out[SimpleRegressionKernel.ALPHA])
        .isCloseTo(alpha.doubleValue(), within(1e-9 * Math.abs(alpha.doubleValue())));
    assertThat(out[SimpleRegressionKernel.RESIDUAL_VARIANCE]).isCloseTo(s2, within(1e-9 * s2));
  }

  @Test
  void degenerateInputs() {
    double[] out = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    assertThat(SimpleRegressionKernel.fit(new double[] {Double.NaN}, new double[] {1}, 0, 1, out))
        .isZero();
    assertThat(out[SimpleRegressionKernel.BETA]).isNaN();
    // Constant regressor: no slope.
    SimpleRegressionKernel.fit(new double[] {1, 2, 3}, new double[] {5, 5, 5}, 0, 3, out);
    assertThat(out[SimpleRegressionKernel.X_SUM_SQUARES]).isZero();
    assertThat(out[SimpleRegressionKernel.BETA]).isNaN();
    // Two points: a line through both, no residual degrees of freedom.
    SimpleRegressionKernel.fit(new double[] {1, 3}, new double[] {0, 1}, 0, 2, out);
    assertThat(out[SimpleRegressionKernel.BETA]).isEqualTo(2.0);
    assertThat(out[SimpleRegressionKernel.ALPHA]).isEqualTo(1.0);
    assertThat(out[SimpleRegressionKernel.RESIDUAL_VARIANCE]).isNaN();
  }

  @Test
  void aNearPerfectButRealFitKeepsItsResidualVariance() {
    // y = x + 1e-9 u, u uniform in [-0.5, 0.5): residuals of about 3e-10 (far above the 1.4e-14
    // below which the model layer calls a fit exact). The near-perfect-fit branch recomputes the
    // residual sum of squares; s² must be exact: reference in BigDecimal (exact sums of the binary
    // doubles, 60 digits).
    SplittableRandom rnd = new SplittableRandom(13);
    double[] x = returns(13, 400, 0)[0];
    double[] y = new double[x.length];
    for (int t = 0; t < x.length; t++) {
      y[t] = x[t] + 1e-9 * (rnd.nextDouble() - 0.5);
    }
    double[] out = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    SimpleRegressionKernel.fit(y, x, 0, 400, out);
    double s2 = bigDecimalResidualVariance(x, y);
    // Var(1e-9 u) = 1e-18 / 12 ≈ 8.3e-20
    assertThat(s2).isBetween(6e-20, 1.1e-19);
    assertThat(out[SimpleRegressionKernel.RESIDUAL_VARIANCE]).isCloseTo(s2, within(1e-9 * s2));
  }

  private static double bigDecimalResidualVariance(double[] x, double[] y) {
    MathContext mc = new MathContext(60);
    int n = x.length;
    BigDecimal sx = BigDecimal.ZERO;
    BigDecimal sy = BigDecimal.ZERO;
    for (int t = 0; t < n; t++) {
      sx = sx.add(new BigDecimal(x[t]));
      sy = sy.add(new BigDecimal(y[t]));
    }
    BigDecimal mx = sx.divide(BigDecimal.valueOf(n), mc);
    BigDecimal my = sy.divide(BigDecimal.valueOf(n), mc);
    BigDecimal sxx = BigDecimal.ZERO;
    BigDecimal sxy = BigDecimal.ZERO;
    for (int t = 0; t < n; t++) {
      BigDecimal dx = new BigDecimal(x[t]).subtract(mx);
      sxx = sxx.add(dx.multiply(dx));
      sxy = sxy.add(dx.multiply(new BigDecimal(y[t]).subtract(my)));
    }
    BigDecimal beta = sxy.divide(sxx, mc);
    BigDecimal alpha = my.subtract(beta.multiply(mx));
    BigDecimal ssr = BigDecimal.ZERO;
    for (int t = 0; t < n; t++) {
      BigDecimal e =
          new BigDecimal(y[t]).subtract(alpha).subtract(beta.multiply(new BigDecimal(x[t])));
      ssr = ssr.add(e.multiply(e));
    }
    return ssr.divide(BigDecimal.valueOf(n - 2), mc).doubleValue();
  }
}
