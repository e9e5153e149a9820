package io.eventide.inference;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sample of values only: a study window's BHARs, a user's own CARs, a backtest's trade returns.
 * The tests that need only the values apply to it ({@link CrossSectionalTTest}, {@link
 * SkewnessAdjustedTTest}, {@link SignTest}, {@link WilcoxonSignedRankTest}); the standardized tests
 * need a {@link CarSample}.
 *
 * <pre>
 *   ValueSample cars = Sample.of(0.021, -0.004, 0.013, 0.030);
 *   List&lt;TestResult&gt; results = TestSuite.standard().run(cars);   // cs-t, skew-t, sign-z, wilcoxon
 * </pre>
 */
public final class ValueSample implements Sample {

  /** The label of {@link #of(double...)}. */
  public static final String DEFAULT_LABEL = "value";

  private final String label;
  final double[] values;

  private ValueSample(String label, double[] values) {
    this.label = label;
    this.values = values;
  }

  /**
   * @param values the values (copied)
   * @return a sample labelled {@value #DEFAULT_LABEL}
   */
  public static ValueSample of(double... values) {
    return of(DEFAULT_LABEL, values);
  }

  /**
   * @param label what the values are, as reasons name them (for example {@code BHAR}); not blank
   * @param values the values (copied)
   * @return the sample
   * @throws IllegalArgumentException if the label is blank
   */
  public static ValueSample of(String label, double... values) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(values, "values");
    if (label.isBlank()) {
      throw new IllegalArgumentException("A sample's label must name its values, not be blank");
    }
    return new ValueSample(label, values.clone());
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public double value(int i) {
    return values[i];
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueSample s && label.equals(s.label) && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return 31 * label.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "ValueSample[" + label + ", N=" + values.length + "]";
  }
}
