package io.eventide.inference;

/**
 * A cross-sectional sample of N values that the tests run on: one value per firm-event (or per
 * trade, or per anything a user measures), in a fixed order.
 *
 * <p>The family is sealed:
 *
 * <ul>
 *   <li>{@link CarSample}: a study window's CARs with the standardized inputs (SCAR, {@code M_i −
 *       k}, estimation residual signs, r̄, the estimation-window AAR series and the mean rank
 *       scores). Every test of the standard suite applies to it.
 *   <li>{@link ValueSample}: values only, such as a study window's BHARs, a user's own CARs or a
 *       backtest's trade returns. The tests that need only the values (cs-t, skew-t, sign-z,
 *       wilcoxon) apply to it; the standardized tests do not.
 * </ul>
 *
 * <p>Samples are immutable: arrays are copied in and out. {@code NaN} or infinite values are
 * allowed; the tests report them as undefined statistics with a reason ({@code docs/statistics.md}
 * section 3).
 */
public sealed interface Sample permits CarSample, ValueSample {

  /**
   * A plain sample of values, labelled {@value ValueSample#DEFAULT_LABEL} in reasons.
   *
   * @param values the values (copied)
   * @return the sample
   */
  static ValueSample of(double... values) {
    return ValueSample.of(values);
  }

  /**
   * @return N, the number of values
   */
  int size();

  /**
   * @param i position, {@code 0 <= i < size()}
   * @return the i-th value
   */
  double value(int i);

  /**
   * @return a copy of the values
   */
  double[] values();

  /**
   * @return what the values are, as named in undefined-statistic reasons ({@code CAR}, {@code
   *     BHAR}, {@value ValueSample#DEFAULT_LABEL}, ...)
   */
  String label();
}
