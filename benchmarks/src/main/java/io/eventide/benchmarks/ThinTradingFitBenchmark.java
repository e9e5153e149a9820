package io.eventide.benchmarks;

import io.eventide.model.DimsonModel;
import io.eventide.model.GarchModel;
import io.eventide.model.MarketModel;
import io.eventide.model.ModelFit;
import io.eventide.model.ScholesWilliamsModel;
import io.eventide.model.internal.ModelFitter;
import io.eventide.model.internal.ModelInputs;
import io.eventide.regression.internal.RegressorMoments;
import java.util.concurrent.TimeUnit;
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
 * One fit of the estimation window per firm-event, through the model's own fitter as a study runs
 * it (the listing's {@link ModelInputs} with the market's {@link RegressorMoments}): the market
 * model against Scholes-Williams, Dimson (K = 1) and GARCH(1,1) ({@code docs/statistics.md} section
 * 3c). {@value #FIRM_EVENTS} firm-events per invocation (GARCH: {@value #GARCH_FIRM_EVENTS}), each
 * on its own listing and start session of the synthetic panel; {@code @OperationsPerInvocation}
 * makes the scores per firm-event. Each method returns the sum of the fits' first parameter and
 * residual variance (JMH sinks it).
 *
 * <p>The synthetic panel's errors are i.i.d. normal, so its GARCH likelihoods are flat ({@code a =
 * 0}, b unidentified): {@link #garch()} is the flat case. {@link #garchConverging()} fits {@value
 * #GARCH_FIRM_EVENTS} series simulated here with GARCH(1,1) errors ({@code ω = 4·10⁻⁶, a = 0.08, b
 * = 0.9}, market N(0, 0.01²), β = 1.1), whose likelihood has a clear interior maximum.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ThinTradingFitBenchmark {

  static final int FIRM_EVENTS = 1000;
  static final int GARCH_FIRM_EVENTS = 20;
  static final int LISTINGS = 1000;
  static final int SESSIONS = 3000;
  static final long SEED = 20_240_601L;

  /** L, the estimation window length. */
  @Param({"250"})
  public int length;

  ModelInputs[] inputs;
  int[] listing;
  int[] start;
  ModelFitter market;
  ModelFitter scholesWilliams;
  ModelFitter dimson;
  ModelFitter garch;
  ModelInputs[] garchSeries;

  /** Builds the panel and the fitters. */
  @Setup(Level.Trial)
  public void setUp() {
    SyntheticData.Market m = SyntheticData.market(LISTINGS, SESSIONS, SEED);
    double[] x = m.marketReturns();
    RegressorMoments moments = RegressorMoments.of(x);
    inputs = new ModelInputs[LISTINGS];
    for (int i = 0; i < LISTINGS; i++) {
      inputs[i] = ModelInputs.of(m.listingReturns()[i], x).withMoments(moments, null);
    }
    int[][] distinct = SyntheticData.distinctWindows(FIRM_EVENTS, LISTINGS, SESSIONS, length, SEED);
    listing = distinct[0];
    start = distinct[1];
    market = MarketModel.of().fitter();
    scholesWilliams = ScholesWilliamsModel.of().fitter();
    dimson = DimsonModel.of(1).fitter();
    garch = GarchModel.of().fitter();
    garchSeries = new ModelInputs[GARCH_FIRM_EVENTS];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(SEED);
    for (int i = 0; i < GARCH_FIRM_EVENTS; i++) {
      double[] y = new double[length];
      double[] mkt = new double[length];
      double h = 4e-6 / (1 - 0.98);
      double prev = 0;
      for (int t = 0; t < length; t++) {
        if (t > 0) {
          h = 4e-6 + 0.08 * prev + 0.9 * h;
        }
        double e = Math.sqrt(h) * normal(rnd);
        mkt[t] = 0.01 * normal(rnd);
        y[t] = 0.0002 + 1.1 * mkt[t] + e;
        prev = e * e;
      }
      garchSeries[i] = ModelInputs.of(y, mkt);
    }
  }

  /** A standard normal draw (Box-Muller; one of the pair). */
  private static double normal(java.util.SplittableRandom rnd) {
    return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble()))
        * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  private double run(ModelFitter fitter, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      ModelFit f = fitter.fit(inputs[listing[i]], start[i], start[i] + length, null);
      sum += f.parameter(0) + f.residualVariance();
    }
    return sum;
  }

  /**
   * @return the checksum
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double marketModel() {
    return run(market, FIRM_EVENTS);
  }

  /**
   * @return the checksum
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double scholesWilliams() {
    return run(scholesWilliams, FIRM_EVENTS);
  }

  /**
   * @return the checksum
   */
  @Benchmark
  @OperationsPerInvocation(FIRM_EVENTS)
  public double dimsonOneLag() {
    return run(dimson, FIRM_EVENTS);
  }

  /**
   * @return the checksum
   */
  @Benchmark
  @OperationsPerInvocation(GARCH_FIRM_EVENTS)
  public double garch() {
    return run(garch, GARCH_FIRM_EVENTS);
  }

  /**
   * @return the checksum
   */
  @Benchmark
  @OperationsPerInvocation(GARCH_FIRM_EVENTS)
  public double garchConverging() {
    double sum = 0;
    for (ModelInputs in : garchSeries) {
      ModelFit f = garch.fit(in, 0, length, null);
      sum += f.parameter(0) + f.residualVariance();
    }
    return sum;
  }
}
