package io.eventide.timeseries;

/**
 * Daily returns of prices that are already placed on a calendar.
 *
 * <p>{@code docs/statistics.md} section 1: the return on session {@code t} uses the price of the
 * previous session of the calendar, {@code t-1}. If either price is missing ({@code NaN}) the
 * return is missing. The first session has no previous session, so its return is missing.
 */
public final class Returns {

  private Returns() {}

  /**
   * Returns of calendar-aligned prices.
   *
   * @param pricesOnCalendar one price per session, {@code NaN} where missing
   * @param type simple or log
   * @return a new array of the same length; element 0 is {@code NaN}
   */
  public static double[] of(double[] pricesOnCalendar, ReturnType type) {
    double[] out = new double[pricesOnCalendar.length];
    if (out.length == 0) {
      return out;
    }
    out[0] = Double.NaN;
    for (int t = 1; t < out.length; t++) {
      double p0 = pricesOnCalendar[t - 1];
      double p1 = pricesOnCalendar[t];
      out[t] = Double.isNaN(p0) || Double.isNaN(p1) ? Double.NaN : type.of(p0, p1);
    }
    return out;
  }
}
