package io.eventide.simulation;

import java.math.BigDecimal;

/**
 * What a variant does to the day-0 return {@code R_i0} of every firm-event of a sample ({@code
 * docs/simulation.md} section 4). Every variant sees the same samples (common random numbers) and
 * the same fits; only {@code R_i0} changes.
 *
 * <ul>
 *   <li>{@link Shift}: {@code R_i0 + δ}, the same δ for every firm-event (δ = 0 is the null);
 *   <li>{@link Variance}: {@code R_i0 + (R_ij − R̄_i)} with j a valid estimation day drawn
 *       uniformly for each firm-event, which raises the day-0 variance without moving its mean
 *       (Brown and Warner 1985; Boehmer, Musumeci and Poulsen 1991, Journal of Financial Economics
 *       30).
 * </ul>
 */
public sealed interface Variant {

  /**
   * @return {@code shift} or {@code variance}, as in {@code rejections.csv}
   */
  String id();

  /**
   * @return δ for a shift, 0 for the variance variant
   */
  double shift();

  /**
   * @return δ written as a plain decimal in its shortest form ({@code 0}, {@code 0.005}, {@code
   *     -0.02}); {@code 0} for the variance variant
   */
  default String shiftText() {
    return plain(shift());
  }

  /**
   * @param delta δ, a finite return
   * @return the shift variant
   */
  static Variant shift(double delta) {
    return new Shift(delta);
  }

  /**
   * @return the event-induced variance variant
   */
  static Variant variance() {
    return Variance.INSTANCE;
  }

  /**
   * A finite double as a plain decimal in its shortest round-trip form: {@code 0}, {@code 0.005},
   * {@code -0.02}, {@code 1E-7} as {@code 0.0000001}.
   *
   * @param x a finite number
   * @return the text
   */
  static String plain(double x) {
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /**
   * Adds δ to every day-0 return.
   *
   * @param delta δ, a finite return (0.01 = one percentage point); negative values allowed
   */
  record Shift(double delta) implements Variant {

    /** Checks that δ is finite. */
    public Shift {
      if (!Double.isFinite(delta)) {
        throw new IllegalArgumentException("Shift " + delta + " is not a finite number");
      }
    }

    @Override
    public String id() {
      return "shift";
    }

    @Override
    public double shift() {
      return delta;
    }

    @Override
    public String toString() {
      return "shift " + shiftText();
    }
  }

  /** Adds a demeaned estimation-period return of the same listing to every day-0 return. */
  final class Variance implements Variant {

    static final Variance INSTANCE = new Variance();

    private Variance() {}

    @Override
    public String id() {
      return "variance";
    }

    @Override
    public double shift() {
      return 0;
    }

    @Override
    public String toString() {
      return "variance";
    }
  }
}
