package io.eventide.timeseries;

/**
 * How a daily return is formed from two consecutive prices.
 *
 * <p>See {@code docs/statistics.md} section 1: {@code R_t = P_t / P_{t-1} - 1} (simple, the
 * default) or {@code r_t = ln(P_t / P_{t-1})} (log). A return is missing ({@code NaN}) when either
 * price is.
 */
public enum ReturnType {
  /** {@code P_t / P_{t-1} - 1}. */
  SIMPLE {
    @Override
    public double of(double previous, double current) {
      return current / previous - 1.0;
    }
  },
  /** {@code ln(P_t / P_{t-1})}. */
  LOG {
    @Override
    public double of(double previous, double current) {
      return Math.log(current / previous);
    }
  };

  /**
   * The return from {@code previous} to {@code current}; {@code NaN} if either is {@code NaN}.
   *
   * @param previous the price of the previous session
   * @param current the price of this session
   * @return the return
   */
  public abstract double of(double previous, double current);
}
