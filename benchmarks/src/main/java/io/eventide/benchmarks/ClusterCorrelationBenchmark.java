package io.eventide.benchmarks;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.study.internal.ClusterCorrelation;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * r̄'s pair sums for one event's cluster, as a study forms them ({@link ClusterCorrelation}: add
 * every member, then {@code addTo}): {@value #MEMBERS} members on one calendar with one estimation
 * range of {@value #EST_LEN} sessions, one window. The unit of work is the whole cluster, and the
 * score is per member ({@code @OperationsPerInvocation}), which is per firm-event in a study whose
 * events hit {@value #MEMBERS} listings each, as {@code LargeStudyRun}'s do.
 *
 * <ul>
 *   <li>{@code missing = 0}: every member complete; the pairs reduce to the sum of the standardized
 *       residual vectors, O(N·M) per cluster.
 *   <li>{@code missing = 0.01}: each price missing with probability 1%, which blanks the two
 *       returns it ends and starts (as a gap in a price file does): almost every member has gaps,
 *       and the pairs are one Gram product with corrections for the missing days, O(N²·M).
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClusterCorrelationBenchmark -f 2 -wi 5 -i 8 -w 1 -r 1
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 8, time = 1)
public class ClusterCorrelationBenchmark {

  static final int MEMBERS = 1_000;
  static final int EST_LEN = 250;

  /** The share of prices missing. */
  @Param({"0", "0.01"})
  public double missing;

  private TradingCalendar calendar;
  private double[][] residuals;
  private int[] present;
  private double[] sums;
  private ClusterCorrelation<double[]> correlation;
  private final long[] mask = {1L};
  private final double[] pairSum = new double[1];

  /** Builds the members' residuals: a common factor plus noise, with the gaps. */
  @Setup
  public void setUp() {
    LocalDate[] days = new LocalDate[EST_LEN + 50];
    LocalDate d = LocalDate.of(2015, 1, 5);
    for (int i = 0; i < days.length; i++) {
      days[i] = d;
      d = d.getDayOfWeek().getValue() == 5 ? d.plusDays(3) : d.plusDays(1);
    }
    calendar = TradingCalendar.of("NY", Exchange.NYSE, days);
    SplittableRandom rnd = new SplittableRandom(2026);
    double[] factor = new double[EST_LEN];
    for (int t = 0; t < EST_LEN; t++) {
      factor[t] = 0.01 * rnd.nextGaussian();
    }
    residuals = new double[MEMBERS][EST_LEN];
    present = new int[MEMBERS];
    sums = new double[MEMBERS];
    for (int i = 0; i < MEMBERS; i++) {
      double load = rnd.nextDouble();
      double[] r = residuals[i];
      for (int t = 0; t < EST_LEN; t++) {
        r[t] = load * factor[t] + 0.02 * rnd.nextGaussian();
      }
      for (int t = 0; t <= EST_LEN; t++) {
        if (rnd.nextDouble() < missing) {
          if (t > 0) {
            r[t - 1] = Double.NaN;
          }
          if (t < EST_LEN) {
            r[t] = Double.NaN;
          }
        }
      }
      for (double v : r) {
        if (v == v) {
          present[i]++;
          sums[i] += v;
        }
      }
    }
    correlation =
        new ClusterCorrelation<>(
            EST_LEN, 1, (source, e0, out) -> System.arraycopy(source, 0, out, 0, out.length));
  }

  /** Member i's residuals (NaN at its gaps), for the test that checks what is timed. */
  double[] residualsOf(int i) {
    return residuals[i];
  }

  /**
   * One cluster: every member added, then its pair sum.
   *
   * @return the sum of the pairs' r, so that nothing is optimised away
   */
  @Benchmark
  @OperationsPerInvocation(MEMBERS)
  public double cluster() {
    ClusterCorrelation<double[]> cc = correlation;
    cc.clear();
    for (int i = 0; i < MEMBERS; i++) {
      cc.add(calendar, 10, residuals[i], present[i], sums[i], mask, residuals[i]);
    }
    pairSum[0] = 0;
    cc.addTo(pairSum);
    return pairSum[0];
  }
}
