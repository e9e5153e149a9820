package io.eventide.benchmarks;

import io.eventide.regression.internal.LinearRegressionKernel;
import io.eventide.regression.internal.RegressorMoments;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The factor-model fit of one firm-event ({@code y = α + Σ b_j f_j}, OLS with s²; Carhart's four
 * factors by default, so p = 4 regressors besides the intercept), Eventide's kernel raced against
 * Commons Math on the same data in the same run.
 *
 * <p>As in {@link MarketModelFitBenchmark}: {@value #FIRM_EVENTS} firm-events per invocation, each
 * on its own listing and random start session of a {@value #LISTINGS}-listing × {@value
 * #SESSIONS}-session panel; the factor columns are shared ({@code double[p][sessions]}), as a
 * study's are. Scores read per firm-event; each method returns Σ (α̂ + Σ b̂_j + s²).
 *
 * <ul>
 *   <li>{@link #eventideKernel}: {@link LinearRegressionKernel#fit} on the shared columns with one
 *       {@link LinearRegressionKernel.Workspace}: one pass over y and the factors per fit.
 *   <li>{@link #eventideKernelSharedMoments}: the same fits with the factors' sums taken from
 *       prefix sums of the factor columns ({@link RegressorMoments}, built once per panel in
 *       {@code @Setup}, as a study builds them once per calendar): what the factor model's fitter
 *       does inside a study; one pass over y remains.
 *   <li>{@link #commonsOlsBuildingArrays}: {@code OLSMultipleLinearRegression} including the copy
 *       of the window into the {@code double[L]} and {@code double[L][p]} rows it needs (its real
 *       cost on a panel); {@link #commonsOlsPrebuiltArrays}: those arrays built in {@code @Setup}.
 *   <li>{@link #readFloor}: one pass over the same y and factor values, summing them.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FactorModelFitBenchmark {

  /** Firm-events per invocation. */
  static final int FIRM_EVENTS = 1000;

  /** Listings of the panel. */
  static final int LISTINGS = 1000;

  /** Sessions of the panel. */
  static final int SESSIONS = 3000;

  /** Seed of the data. */
  static final long SEED = 20_240_602L;

  /** L, the estimation window length. */
  @Param({"250"})
  public int length;

  /** p, the number of factors (regressors besides the intercept). */
  @Param({"4"})
  public int factors;

  double[][] y;
  double[][] f;
  int[] listing;
  int[] start;
  LinearRegressionKernel.Workspace workspace;
  RegressorMoments moments;
  double[][] olsY;
  double[][][] olsX;

  /** Builds the panel, the windows and the prebuilt Commons Math arrays. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticData.Factors data = SyntheticData.factors(LISTINGS, SESSIONS, factors, SEED);
    y = data.listingReturns();
    f = data.factorColumns();
    int[][] windows = SyntheticData.distinctWindows(FIRM_EVENTS, LISTINGS, SESSIONS, length, SEED);
    listing = windows[0];
    start = windows[1];
    workspace = new LinearRegressionKernel.Workspace(factors);
    moments = RegressorMoments.of(f);
    olsY = new double[FIRM_EVENTS][];
    olsX = new double[FIRM_EVENTS][][];
    for (int i = 0; i < FIRM_EVENTS; i++) {
      olsY[i] = Arrays.copyOfRange(y[listing[i]], start[i], start[i] + length);
      olsX[i] = rows(f, start[i], length);
    }
  }

  /**
   * @return Σ (α̂ + Σ b̂_j + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double eventideKernel() {
    double[][] y = this.y;
    double[][] f = this.f;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    int p = factors;
    LinearRegressionKernel.Workspace ws = workspace;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      int s = start[i];
      LinearRegressionKernel.fit(y[listing[i]], f, s, s + len, ws);
      double v = ws.residualVariance();
      for (int j = 0; j <= p; j++) {
        v += ws.coefficient(j);
      }
      sum += v;
    }
    return sum;
  }

  /**
   * @return Σ (α̂ + Σ b̂_j + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double eventideKernelSharedMoments() {
    double[][] y = this.y;
    double[][] f = this.f;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    int p = factors;
    LinearRegressionKernel.Workspace ws = workspace;
    RegressorMoments m = moments;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      int s = start[i];
      LinearRegressionKernel.fit(y[listing[i]], f, s, s + len, m, ws);
      double v = ws.residualVariance();
      for (int j = 0; j <= p; j++) {
        v += ws.coefficient(j);
      }
      sum += v;
    }
    return sum;
  }

  /**
   * @return Σ (α̂ + Σ b̂_j + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double commonsOlsBuildingArrays() {
    double[][] y = this.y;
    double[][] f = this.f;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      int s = start[i];
      double[] yi = Arrays.copyOfRange(y[listing[i]], s, s + len);
      double[][] xi = rows(f, s, len);
      sum += ols(yi, xi);
    }
    return sum;
  }

  /**
   * @return Σ (α̂ + Σ b̂_j + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double commonsOlsPrebuiltArrays() {
    double[][] olsY = this.olsY;
    double[][][] olsX = this.olsX;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      sum += ols(olsY[i], olsX[i]);
    }
    return sum;
  }

  /**
   * @return Σ (Σy + Σ_j Σf_j) over the firm-events' windows
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double readFloor() {
    double[][] y = this.y;
    double[][] f = this.f;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      double[] yi = y[listing[i]];
      int s = start[i];
      double acc = 0;
      for (int t = s; t < s + len; t++) {
        acc += yi[t];
      }
      for (double[] fj : f) {
        double sj = 0;
        for (int t = s; t < s + len; t++) {
          sj += fj[t];
        }
        acc += sj;
      }
      sum += acc;
    }
    return sum;
  }

  private static double ols(double[] y, double[][] x) {
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b = ols.estimateRegressionParameters();
    double v = ols.estimateErrorVariance();
    for (double bj : b) {
      v += bj;
    }
    return v;
  }

  /** The rows {@code (f_1[s+t], ..., f_p[s+t])} that {@code OLSMultipleLinearRegression} takes. */
  static double[][] rows(double[][] f, int s, int len) {
    int p = f.length;
    double[][] rows = new double[len][p];
    for (int t = 0; t < len; t++) {
      double[] row = rows[t];
      for (int j = 0; j < p; j++) {
        row[j] = f[j][s + t];
      }
    }
    return rows;
  }
}
