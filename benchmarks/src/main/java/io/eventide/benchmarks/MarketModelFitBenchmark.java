package io.eventide.benchmarks;

import io.eventide.regression.internal.RegressorMoments;
import io.eventide.regression.internal.SimpleRegressionKernel;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;
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
 * The market-model fit ({@code y = α + β x}, OLS, with s²) of one firm-event, Eventide's kernel
 * raced against Commons Math on the same data in the same run.
 *
 * <p>The unit of work is a batch of {@value #FIRM_EVENTS} firm-events, each on its own window of a
 * {@value #LISTINGS}-listing × {@value #SESSIONS}-session panel held as {@code double[][]}: its own
 * listing and its own random start session, so no two fits read the same y range and the x ranges
 * differ too. {@code @OperationsPerInvocation} divides the time by the batch, so scores read per
 * firm-event. Each method returns the sum of every fit's α̂ + β̂ + s² (JMH sinks it), which keeps
 * every fit alive; {@code FitBenchmarksAgreementTest} checks that the contenders return the same
 * sums.
 *
 * <ul>
 *   <li>{@link #eventideKernel}: {@link SimpleRegressionKernel#fit}, the kernel as a caller with
 *       distinct windows uses it.
 *   <li>{@link #eventideKernelSharedMoments}: {@link SimpleRegressionKernel#fit(double[], double[],
 *       int, int, RegressorMoments, double[])}, the market's sums taken from prefix sums of the
 *       market column ({@link RegressorMoments}, built once per panel in {@code @Setup}, as a study
 *       builds them once per calendar): what the market model's fitter does inside a study. The
 *       same distinct windows.
 *   <li>{@link #commonsSimpleRegression}: {@code SimpleRegression}, an {@code addData} loop, then
 *       {@code getIntercept}, {@code getSlope}, {@code getMeanSquareError}.
 *   <li>{@link #commonsOlsBuildingArrays}: {@code OLSMultipleLinearRegression} including the copy
 *       of the window into the {@code double[]} and {@code double[L][1]} it needs, which is its
 *       real cost on a panel; {@link #commonsOlsPrebuiltArrays}: the same with those arrays built
 *       in {@code @Setup}, its best case. Both call {@code newSampleData}, {@code
 *       estimateRegressionParameters} and {@code estimateErrorVariance} (which solves for β again).
 *   <li>{@link #readFloor}: one pass summing the same y and x values over the same windows into one
 *       sum each: its additions form two dependency chains of L adds, so it is bound by the adder's
 *       latency, not by the loads.
 *   <li>{@link #readFloorLanes}: the honest floor: the same values summed into four independent
 *       accumulators each for y and x (eight chains of L/4 adds), so the loop runs at the machine's
 *       throughput of loads and adds. The least work that touches the data.
 *   <li>{@link #sufficientSumsFloor}: the least work that fits: the read floor's loads with the
 *       three sums of y a fit needs (the market's sums from prefix sums) and nothing else, so the
 *       distance from it to the read floor is the fit's arithmetic, and from the kernel to it the
 *       kernel's own overhead.
 * </ul>
 *
 * <p>The kernel checks every row for NaN; the Commons Math contenders do not (the data has none).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MarketModelFitBenchmark {

  /** Firm-events per invocation. */
  static final int FIRM_EVENTS = 1000;

  /** Listings of the panel. */
  static final int LISTINGS = 1000;

  /** Sessions of the panel. */
  static final int SESSIONS = 3000;

  /** Seed of the data. */
  static final long SEED = 20_240_601L;

  /** L, the estimation window length. */
  @Param({"120", "250", "500"})
  public int length;

  double[][] y;
  double[] x;
  int[] listing;
  int[] start;
  double[] out;
  RegressorMoments moments;
  double[][] olsY;
  double[][][] olsX;

  /** Builds the panel, the two layouts and the prebuilt Commons Math arrays. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticData.Market market = SyntheticData.market(LISTINGS, SESSIONS, SEED);
    y = market.listingReturns();
    x = market.marketReturns();
    int[][] distinct = SyntheticData.distinctWindows(FIRM_EVENTS, LISTINGS, SESSIONS, length, SEED);
    listing = distinct[0];
    start = distinct[1];
    out = new double[SimpleRegressionKernel.OUTPUT_LENGTH];
    moments = RegressorMoments.of(x);
    olsY = new double[FIRM_EVENTS][];
    olsX = new double[FIRM_EVENTS][][];
    for (int i = 0; i < FIRM_EVENTS; i++) {
      olsY[i] = Arrays.copyOfRange(y[listing[i]], start[i], start[i] + length);
      olsX[i] = rows(x, start[i], length);
    }
  }

  /**
   * @return Σ (α̂ + β̂ + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double eventideKernel() {
    return kernel(listing, start);
  }

  /**
   * @return Σ (α̂ + β̂ + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double eventideKernelSharedMoments() {
    double[][] y = this.y;
    double[] x = this.x;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double[] out = this.out;
    RegressorMoments moments = this.moments;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      int s = start[i];
      SimpleRegressionKernel.fit(y[listing[i]], x, s, s + len, moments, out);
      sum +=
          out[SimpleRegressionKernel.ALPHA]
              + out[SimpleRegressionKernel.BETA]
              + out[SimpleRegressionKernel.RESIDUAL_VARIANCE];
    }
    return sum;
  }

  /**
   * @return Σ (α̂ + β̂ + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double commonsSimpleRegression() {
    double[][] y = this.y;
    double[] x = this.x;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      double[] yi = y[listing[i]];
      int s = start[i];
      SimpleRegression r = new SimpleRegression();
      for (int t = s; t < s + len; t++) {
        r.addData(x[t], yi[t]);
      }
      sum += r.getIntercept() + r.getSlope() + r.getMeanSquareError();
    }
    return sum;
  }

  /**
   * @return Σ (α̂ + β̂ + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double commonsOlsBuildingArrays() {
    double[][] y = this.y;
    double[] x = this.x;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      int s = start[i];
      double[] yi = Arrays.copyOfRange(y[listing[i]], s, s + len);
      double[][] xi = rows(x, s, len);
      sum += ols(yi, xi);
    }
    return sum;
  }

  /**
   * @return Σ (α̂ + β̂ + s²) over the firm-events
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
   * @return Σ (Σy + Σx) over the firm-events' windows
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double readFloor() {
    double[][] y = this.y;
    double[] x = this.x;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      double[] yi = y[listing[i]];
      int s = start[i];
      double sy = 0;
      double sx = 0;
      for (int t = s; t < s + len; t++) {
        sy += yi[t];
        sx += x[t];
      }
      sum += sy + sx;
    }
    return sum;
  }

  /**
   * @return Σ (Σy + Σx) over the firm-events' windows, each sum in four lanes
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double readFloorLanes() {
    double[][] y = this.y;
    double[] x = this.x;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      double[] yi = y[listing[i]];
      int s = start[i];
      int end = s + len;
      int end4 = s + (len & ~3);
      double sy0 = 0;
      double sy1 = 0;
      double sy2 = 0;
      double sy3 = 0;
      double sx0 = 0;
      double sx1 = 0;
      double sx2 = 0;
      double sx3 = 0;
      int t = s;
      for (; t < end4; t += 4) {
        sy0 += yi[t];
        sx0 += x[t];
        sy1 += yi[t + 1];
        sx1 += x[t + 1];
        sy2 += yi[t + 2];
        sx2 += x[t + 2];
        sy3 += yi[t + 3];
        sx3 += x[t + 3];
      }
      for (; t < end; t++) {
        sy0 += yi[t];
        sx0 += x[t];
      }
      sum += ((sy0 + sy1) + (sy2 + sy3)) + ((sx0 + sx1) + (sx2 + sx3));
    }
    return sum;
  }

  /**
   * The least arithmetic that determines the fit: the market's sums from the same prefix sums as
   * the shared-moments kernel, and one pass over the window forming the three sums of y that α̂, β̂
   * and s² need ({@code Σy}, {@code Σxy}, {@code Σy²}: one add and two fused multiply-adds per row)
   * in four lanes, then the closed form. No shift of y, no NaN check, no guard against
   * cancellation: not a fit to use (it loses digits when the mean of y is large against its spread,
   * as log volumes have), only the floor for a fit that reads its window.
   *
   * @return Σ (α̂ + β̂ + s²) over the firm-events
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double sufficientSumsFloor() {
    double[][] y = this.y;
    double[] x = this.x;
    int[] listing = this.listing;
    int[] start = this.start;
    int len = length;
    RegressorMoments moments = this.moments;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      double[] yi = y[listing[i]];
      int s = start[i];
      int end = s + len;
      double sx = moments.sum(0, s, end);
      double sxx = moments.cross(0, 0, s, end);
      int m = moments.count(s, end);
      double cxx = sxx - sx * (sx / m);
      int end4 = s + (len & ~3);
      double sy0 = 0, sy1 = 0, sy2 = 0, sy3 = 0;
      double sxy0 = 0, sxy1 = 0, sxy2 = 0, sxy3 = 0;
      double syy0 = 0, syy1 = 0, syy2 = 0, syy3 = 0;
      int t = s;
      for (; t < end4; t += 4) {
        double y0 = yi[t];
        sy0 += y0;
        sxy0 = Math.fma(x[t], y0, sxy0);
        syy0 = Math.fma(y0, y0, syy0);
        double y1 = yi[t + 1];
        sy1 += y1;
        sxy1 = Math.fma(x[t + 1], y1, sxy1);
        syy1 = Math.fma(y1, y1, syy1);
        double y2 = yi[t + 2];
        sy2 += y2;
        sxy2 = Math.fma(x[t + 2], y2, sxy2);
        syy2 = Math.fma(y2, y2, syy2);
        double y3 = yi[t + 3];
        sy3 += y3;
        sxy3 = Math.fma(x[t + 3], y3, sxy3);
        syy3 = Math.fma(y3, y3, syy3);
      }
      for (; t < end; t++) {
        double y0 = yi[t];
        sy0 += y0;
        sxy0 = Math.fma(x[t], y0, sxy0);
        syy0 = Math.fma(y0, y0, syy0);
      }
      double sy = (sy0 + sy1) + (sy2 + sy3);
      double sxy = (sxy0 + sxy1) + (sxy2 + sxy3);
      double syy = (syy0 + syy1) + (syy2 + syy3);
      double xm = sx / m;
      double cxy = sxy - xm * sy;
      double cyy = syy - sy * (sy / m);
      double beta = cxy / cxx;
      double alpha = sy / m - beta * xm;
      sum += alpha + beta + (cyy - beta * cxy) / (m - 2);
    }
    return sum;
  }

  private double kernel(int[] listing, int[] start) {
    double[][] y = this.y;
    double[] x = this.x;
    int len = length;
    double[] out = this.out;
    double sum = 0;
    for (int i = 0; i < FIRM_EVENTS; i++) {
      int s = start[i];
      SimpleRegressionKernel.fit(y[listing[i]], x, s, s + len, out);
      sum +=
          out[SimpleRegressionKernel.ALPHA]
              + out[SimpleRegressionKernel.BETA]
              + out[SimpleRegressionKernel.RESIDUAL_VARIANCE];
    }
    return sum;
  }

  private static double ols(double[] y, double[][] x) {
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, x);
    double[] b = ols.estimateRegressionParameters();
    return b[0] + b[1] + ols.estimateErrorVariance();
  }

  /** The rows {@code {x[s]}, {x[s+1]}, ...} that {@code OLSMultipleLinearRegression} takes. */
  static double[][] rows(double[] x, int s, int len) {
    double[][] rows = new double[len][1];
    for (int t = 0; t < len; t++) {
      rows[t][0] = x[s + t];
    }
    return rows;
  }
}
