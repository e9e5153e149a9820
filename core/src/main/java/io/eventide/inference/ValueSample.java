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
  private final boolean zeroMedianUnderNull;

  private ValueSample(String label, double[] values, boolean zeroMedianUnderNull) {
    this.label = label;
    this.values = values;
    this.zeroMedianUnderNull = zeroMedianUnderNull;
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
    return new ValueSample(label, values.clone(), true);
  }

  /**
   * A sample whose values have a zero mean under the null but not a zero median: the abnormal
   * volatility {@code Σ (U_it − 1)} of a window ({@code docs/statistics.md}, "Abnormal
   * volatility"), whose null distribution is a scaled, shifted F and so skewed to the right. The
   * tests of a mean apply to it ({@link CrossSectionalTTest}, {@link SkewnessAdjustedTTest}); the
   * sign test and the Wilcoxon signed-rank test, whose nulls are a zero median and a distribution
   * symmetric about zero, do not.
   *
   * @param label what the values are (for example {@code CAVAR}); not blank
   * @param values the values (copied)
   * @return the sample
   * @throws IllegalArgumentException if the label is blank
   */
  public static ValueSample withZeroMeanOnly(String label, double... values) {
    ValueSample s = of(label, values);
    return new ValueSample(s.label, s.values, false);
  }

  /**
   * @return whether the values have a zero median (indeed a distribution symmetric about zero)
   *     under the null, as abnormal returns are taken to: true for {@link #of(String, double...)},
   *     false for {@link #withZeroMeanOnly}
   */
  public boolean zeroMedianUnderNull() {
    return zeroMedianUnderNull;
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
    return o instanceof ValueSample s
        && label.equals(s.label)
        && zeroMedianUnderNull == s.zeroMedianUnderNull
        && Arrays.equals(values, s.values);
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
