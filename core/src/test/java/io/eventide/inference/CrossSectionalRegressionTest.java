package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link CrossSectionalRegression} to an independent calculation written out here: the
 * coefficients and r² from Commons Math's {@link OLSMultipleLinearRegression} (QR decomposition),
 * and both sandwich covariance matrices formed naively with Commons Math matrices, {@code (X'X)⁻¹}
 * by LU decomposition, the meat as a sum of outer products (HC1: {@code n/(n−k) A [Σ eᵢ² xᵢxᵢ'] A};
 * CR1: {@code G/(G−1) (n−1)/(n−k) A [Σ_g (X_g'e_g)(X_g'e_g)'] A}), p-values from Commons Math's
 * {@link TDistribution}.
 */
class CrossSectionalRegressionTest {

  /** 60 firm-events in 12 events of 5, two characteristics, heteroskedastic clustered errors. */
  private static final int N = 60;

  @Test
  void matchesCommonsMathOlsAndNaiveSandwiches() {
    SplittableRandom rnd = new SplittableRandom(20261202);
    double[] y = new double[N];
    double[][] x = new double[2][N];
    int[] cluster = new int[N];
    double[] eventShock = new double[12];
    for (int g = 0; g < 12; g++) {
      eventShock[g] = 0.02 * rnd.nextGaussian();
    }
    for (int i = 0; i < N; i++) {
      cluster[i] = 100 - i / 5; // labels in descending order: order must not matter
      x[0][i] = Math.log(1e8 + 1e10 * rnd.nextDouble()); // log market value
      x[1][i] = rnd.nextDouble() * 3; // book-to-market
      double noise = (0.01 + 0.01 * x[1][i]) * rnd.nextGaussian();
      y[i] = 0.05 - 0.002 * x[0][i] + 0.004 * x[1][i] + eventShock[i / 5] + noise;
    }
    CrossSectionalRegression.Fit fit =
        CrossSectionalRegression.fit(y, List.of("log_mv", "btm"), x, cluster);

    double[][] design = new double[N][];
    for (int i = 0; i < N; i++) {
      design[i] = new double[] {x[0][i], x[1][i]};
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, design);
    double[] b = ols.estimateRegressionParameters();
    double[] e = ols.estimateResiduals();
    int k = 3;
    RealMatrix xm = new Array2DRowRealMatrix(N, k);
    for (int i = 0; i < N; i++) {
      xm.setRow(i, new double[] {1, x[0][i], x[1][i]});
    }
    RealMatrix a = new LUDecomposition(xm.transpose().multiply(xm)).getSolver().getInverse();
    RealMatrix meat = new Array2DRowRealMatrix(k, k);
    for (int i = 0; i < N; i++) {
      RealMatrix xi = xm.getRowMatrix(i);
      meat = meat.add(xi.transpose().multiply(xi).scalarMultiply(e[i] * e[i]));
    }
    RealMatrix vHc1 = a.multiply(meat).multiply(a).scalarMultiply((double) N / (N - k));
    RealMatrix cmeat = new Array2DRowRealMatrix(k, k);
    for (int g = 0; g < 12; g++) {
      RealMatrix u = new Array2DRowRealMatrix(1, k);
      for (int i = 5 * g; i < 5 * g + 5; i++) {
        u = u.add(xm.getRowMatrix(i).scalarMultiply(e[i]));
      }
      cmeat = cmeat.add(u.transpose().multiply(u));
    }
    double g = 12;
    RealMatrix vCr1 =
        a.multiply(cmeat).multiply(a).scalarMultiply(g / (g - 1) * (N - 1.0) / (N - k));
    TDistribution tHc1 = new TDistribution(N - k);
    TDistribution tCl = new TDistribution(g - 1);

    assertThat(fit.n()).isEqualTo(N);
    assertThat(fit.clusters()).isEqualTo(12);
    assertThat(fit.k()).isEqualTo(3);
    assertThat(fit.undefinedReason()).isEmpty();
    assertThat(fit.r2()).isCloseTo(ols.calculateRSquared(), within(1e-12));
    String[] names = {"const", "log_mv", "btm"};
    for (int j = 0; j < k; j++) {
      CrossSectionalRegression.Term t = fit.term(names[j]);
      double se1 = Math.sqrt(vHc1.getEntry(j, j));
      double se2 = Math.sqrt(vCr1.getEntry(j, j));
      assertThat(t.coef()).isCloseTo(b[j], within(1e-10 * Math.max(1, Math.abs(b[j]))));
      assertThat(t.seHc1()).isCloseTo(se1, within(1e-10 * se1));
      assertThat(t.seCluster()).isCloseTo(se2, within(1e-10 * se2));
      assertThat(t.tHc1()).isCloseTo(b[j] / se1, within(1e-8));
      assertThat(t.tCluster()).isCloseTo(b[j] / se2, within(1e-8));
      assertThat(t.pHc1())
          .isCloseTo(2 * (1 - tHc1.cumulativeProbability(Math.abs(b[j] / se1))), within(1e-9));
      assertThat(t.pCluster())
          .isCloseTo(2 * (1 - tCl.cumulativeProbability(Math.abs(b[j] / se2))), within(1e-9));
    }
    // The clustered errors differ from HC1 here (a common shock per event): the test can fail.
    assertThat(fit.term("const").seCluster()).isNotCloseTo(fit.term("const").seHc1(), within(1e-6));
  }

  @Test
  void singletonClustersGiveHc1TimesTheFactorRatio() {
    // With one observation per cluster the CR1 meat equals the HC meat, so
    // V_CR1 / V_HC1 = [G/(G−1)·(n−1)/(n−k)] / [n/(n−k)] = 1 exactly when G = n.
    double[] y = {0.01, -0.02, 0.03, 0.00, 0.05, -0.01, 0.02, 0.04};
    double[][] x = {{1, 2, 3, 4, 5, 6, 7, 9}};
    int[] cl = {0, 1, 2, 3, 4, 5, 6, 7};
    CrossSectionalRegression.Fit fit = CrossSectionalRegression.fit(y, List.of("size"), x, cl);
    for (CrossSectionalRegression.Term t : fit.terms()) {
      assertThat(t.seCluster()).isCloseTo(t.seHc1(), within(1e-15));
      // Same t, but G − 1 = 7 degrees of freedom against n − k = 6.
      assertThat(t.pCluster())
          .isCloseTo(
              2 * new TDistribution(7).cumulativeProbability(-Math.abs(t.tHc1())), within(1e-12));
      assertThat(t.pHc1())
          .isCloseTo(
              2 * new TDistribution(6).cumulativeProbability(-Math.abs(t.tHc1())), within(1e-12));
    }
  }

  @Test
  void undefinedCasesAreNaNWithAReason() {
    double[][] x = {{1, 1, 1, 1, 1}};
    double[] y = {1, 2, 3, 4, 5};
    CrossSectionalRegression.Fit collinear =
        CrossSectionalRegression.fit(y, List.of("one"), x, new int[] {0, 0, 1, 1, 2});
    assertThat(collinear.undefinedReason()).contains("collinear");
    assertThat(collinear.term("one").coef()).isNaN();
    assertThat(collinear.r2()).isNaN();

    CrossSectionalRegression.Fit tooFew =
        CrossSectionalRegression.fit(
            new double[] {1, 2}, List.of("z"), new double[][] {{0, 1}}, new int[] {0, 1});
    assertThat(tooFew.undefinedReason()).contains("n = 2").contains("k = 2");

    CrossSectionalRegression.Fit oneCluster =
        CrossSectionalRegression.fit(
            new double[] {1, 3, 2, 5}, List.of("z"), new double[][] {{0, 1, 2, 3}}, new int[4]);
    assertThat(oneCluster.clusters()).isEqualTo(1);
    assertThat(oneCluster.term("z").coef()).isCloseTo(1.1, within(1e-12)); // slope by hand
    assertThat(oneCluster.term("z").seHc1()).isFinite();
    assertThat(oneCluster.term("z").seCluster()).isNaN();

    assertThatThrownBy(
            () ->
                CrossSectionalRegression.fit(
                    new double[] {1, Double.NaN, 3},
                    List.of("z"),
                    new double[][] {{1, 2, 4}},
                    new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("observation 1");
    assertThatThrownBy(
            () ->
                CrossSectionalRegression.fit(
                    y, List.of("const"), new double[][] {{1, 2, 3, 4, 6}}, new int[5]))
        .hasMessageContaining("const");
  }
}
