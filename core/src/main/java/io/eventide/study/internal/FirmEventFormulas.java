package io.eventide.study.internal;

import java.time.LocalDate;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Internal: the values of one firm-event derived from the stored ones, written once so that a
 * {@code FirmEventResult} and the output files of a firm-event mapped elsewhere ({@link
 * MappedFirmEvent}, {@code docs/spark.md}) compute them with the same code and the same bits.
 */
public final class FirmEventFormulas {

  private FirmEventFormulas() {}

  /**
   * @param residualVariance s², the residual variance of the estimation window
   * @return {@code s = √s²} ({@code NaN} if s² is)
   */
  public static double sigma(double residualVariance) {
    return Math.sqrt(residualVariance);
  }

  /**
   * @param car CAR of a window
   * @param carVariance Var(CAR) of the window
   * @return {@code SCAR = CAR / √Var(CAR)} ({@code NaN} if either is)
   */
  public static double scar(double car, double carVariance) {
    return car / Math.sqrt(carVariance);
  }

  /**
   * @param scar a SCAR
   * @param degreesOfFreedom {@code M − k}
   * @return its two-sided p-value under Student t with {@code M − k} degrees of freedom; {@code
   *     NaN} if the SCAR is or if {@code M − k < 1}
   */
  public static double pValue(double scar, int degreesOfFreedom) {
    if (scar != scar || degreesOfFreedom < 1) {
      return Double.NaN;
    }
    return 2.0 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-Math.abs(scar));
  }

  /**
   * Why an OK firm-event is absent from a window: its first day without an abnormal return, and
   * whether the listing's own value ({@code "no return"}; a volume study: {@code "no volume"}) or
   * the model's expectation ({@code "no expected return"}, {@code "no expected log volume"}) is
   * missing that day, with the day's date ({@code ?} if off the calendar): {@code "no return on day
   * +1 (2023-07-27)"}.
   *
   * @param fromInclusive the window's first relative day
   * @param toInclusive the window's last relative day
   * @param abnormal the AR of a relative day ({@code NaN} if missing)
   * @param value the listing's return (log volume) of a relative day ({@code NaN} if missing)
   * @param date the date of a relative day, {@code null} if off the calendar
   * @param volume whether the study measures volume
   * @return the reason, {@code "an abnormal return is missing"} if every AR of the window is there
   */
  public static String missingDay(
      int fromInclusive,
      int toInclusive,
      IntToDoubleFunction abnormal,
      IntToDoubleFunction value,
      IntFunction<LocalDate> date,
      boolean volume) {
    for (int day = fromInclusive; day <= toInclusive; day++) {
      if (Double.isNaN(abnormal.applyAsDouble(day))) {
        LocalDate d = date.apply(day);
        String why =
            Double.isNaN(value.applyAsDouble(day))
                ? (volume ? "no volume" : "no return")
                : (volume ? "no expected log volume" : "no expected return");
        return why + " on day " + (day > 0 ? "+" : "") + day + " (" + (d == null ? "?" : d) + ")";
      }
    }
    return "an abnormal return is missing";
  }
}
