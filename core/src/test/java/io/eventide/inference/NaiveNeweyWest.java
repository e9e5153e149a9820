package io.eventide.inference;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Test fixture: a second, naive calendar-time regression for checking {@link NeweyWestRegression}
 * through its callers. Coefficients, residuals and centred R² from Commons Math's {@code
 * OLSMultipleLinearRegression}; the Newey-West sandwich {@code (X'X)⁻¹ S (X'X)⁻¹} with S summed
 * over every pair of rows (t, u) with |t − u| ≤ L, weight {@code 1 − |t − u| / (L + 1)}, {@code L =
 * floor(4 (T/100)^(2/9))}, the inverse from Commons Math's LU decomposition; p two-sided from
 * Commons Math's {@code TDistribution(T − k)}.
 *
 * @param coefficients b, the constant first
 * @param standardErrors √V_jj
 * @param t b_j / √V_jj
 * @param p two-sided p-values
 * @param r2 centred R²
 * @param n T
 * @param lag L
 */
public record NaiveNeweyWest(
    double[] coefficients,
    double[] standardErrors,
    double[] t,
    double[] p,
    double r2,
    int n,
    int lag) {

  /**
   * @param y the dependent values
   * @param x the regressors without the constant, {@code x[t][j]}
   * @return the regression
   */
  public static NaiveNeweyWest fit(double[] y, double[][] x) {
    int n = y.length;
    int k = x[0].length + 1;
    int lag = (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b = ols.estimateRegressionParameters();
    double[] e = ols.estimateResiduals();
    double[][] xc = new double[n][k];
    for (int t = 0; t < n; t++) {
      xc[t][0] = 1;
      System.arraycopy(x[t], 0, xc[t], 1, k - 1);
    }
    RealMatrix xm = new Array2DRowRealMatrix(xc);
    RealMatrix bread = new LUDecomposition(xm.transpose().multiply(xm)).getSolver().getInverse();
    double[][] meat = new double[k][k];
    for (int t = 0; t < n; t++) {
      for (int u = 0; u < n; u++) {
        int d = Math.abs(t - u);
        if (d <= lag) {
          double w = 1.0 - d / (lag + 1.0);
          for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
              meat[a][c] += w * e[t] * e[u] * xc[t][a] * xc[u][c];
            }
          }
        }
      }
    }
    RealMatrix v = bread.multiply(new Array2DRowRealMatrix(meat)).multiply(bread);
    TDistribution student = new TDistribution(n - k);
    double[] se = new double[k];
    double[] tt = new double[k];
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      se[j] = Math.sqrt(v.getEntry(j, j));
      tt[j] = b[j] / se[j];
      p[j] = 2 * student.cumulativeProbability(-Math.abs(tt[j]));
    }
    return new NaiveNeweyWest(b, se, tt, p, ols.calculateRSquared(), n, lag);
  }
}
