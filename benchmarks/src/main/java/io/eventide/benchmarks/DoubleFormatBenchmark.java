package io.eventide.benchmarks;

import io.eventide.report.internal.ShortestDecimal;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One number of an output CSV, three ways: {@code shortestPlain} (what the writers do now: {@link
 * ShortestDecimal} into a {@code char[]}), {@code doubleToString} (Java 17's {@code
 * Double.toString}, the cost the issue names) and {@code previousCell} (the cell as the writer made
 * it before: {@code Double.toString}, and {@code BigDecimal} to turn {@code 1.0E-5} into {@code
 * 0.00001}).
 *
 * <p>{@code values}: {@code returns} (daily abnormal returns, normal with σ = 2%, so about 5% are
 * below 10^-3 in size and come out of {@code Double.toString} in E notation), {@code pValues}
 * (uniform on (0, 1)) and {@code small} (sizes from 10^-6 to 10^-3: variances, tiny p-values; all
 * in E notation). Each call formats the next of 4,096 seeded values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DoubleFormatBenchmark {

  /** Which values. */
  @Param({"returns", "pValues", "small"})
  public String values;

  double[] xs;
  int next;
  final char[] buf = new char[ShortestDecimal.MAX_CHARS];

  /** Draws the values. */
  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(20_261_202L);
    xs = new double[4096];
    for (int i = 0; i < xs.length; i++) {
      xs[i] =
          switch (values) {
            case "returns" -> 0.02 * rnd.nextGaussian();
            case "pValues" -> rnd.nextDouble();
            case "small" -> Math.pow(10, -6 + 3 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
            default -> throw new IllegalArgumentException("values: " + values);
          };
    }
  }

  private double nextValue() {
    double v = xs[next];
    next = (next + 1) & (xs.length - 1);
    return v;
  }

  /**
   * @return the end of the text written
   */
  @Benchmark
  public int shortestPlain() {
    return ShortestDecimal.appendPlain(nextValue(), buf, 0);
  }

  /**
   * @return Java 17's text
   */
  @Benchmark
  public String doubleToString() {
    return Double.toString(nextValue());
  }

  /**
   * @return the cell as the writer made it before this change
   */
  @Benchmark
  public String previousCell() {
    return previousFormat(nextValue());
  }

  /** The writer's number formatting before it used {@link ShortestDecimal}, for comparison. */
  static String previousFormat(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    String s = Double.toString(value);
    if (s.indexOf('E') < 0) {
      return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }
}
