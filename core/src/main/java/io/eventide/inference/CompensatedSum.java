package io.eventide.inference;

import java.io.Serializable;

/**
 * A sum carried as a double-double: the rounded sum and the exact rounding errors of its additions
 * ({@link SampleMath#twoSumError}, Knuth's TwoSum), so that its value hardly depends on the order
 * of the terms: a sum merged from parts of a sample in any order is the one of the sample in order
 * to about {@code ε |Σx| + (Nε)² Σ|x|} (the cascaded summation Sum2 of Ogita, Rump and Oishi,
 * "Accurate sum and dot product", SIAM J. Sci. Comput. 26(6), 2005). The sums behind the tests'
 * statistics that are small differences of large numbers use it, on a sample and in a {@link
 * SampleSummary} alike, with the same operations in the same order, so the two give the same bits.
 *
 * <p>Mutable (an accumulator), not thread-safe.
 */
final class CompensatedSum implements Serializable {

  private static final long serialVersionUID = 1L;

  private double sum;
  private double errors;

  /**
   * @param x a term
   */
  void add(double x) {
    double s = sum + x;
    errors += SampleMath.twoSumError(sum, x, s);
    sum = s;
  }

  /**
   * @param other a sum to add, its terms after this one's
   */
  void add(CompensatedSum other) {
    double s = sum + other.sum;
    errors += SampleMath.twoSumError(sum, other.sum, s) + other.errors;
    sum = s;
  }

  /**
   * @return the sum, {@code rounded + errors}; the rounded sum when it is not finite (the errors
   *     are then {@code NaN})
   */
  double value() {
    return Double.isFinite(sum) ? sum + errors : sum;
  }

  /**
   * @param x a number
   * @return {@code x − sum}, subtracting the rounded sum first and then the errors, so that a small
   *     difference of {@code x} and a large sum keeps its digits
   */
  double subtractedFrom(double x) {
    return (x - sum) - errors;
  }
}
