package io.eventide.study.internal;

import io.eventide.study.Outcome;
import java.io.Serializable;

/**
 * Internal: everything the map computed for one resolved firm-event, in primitive form so that it
 * can cross a process boundary (Java serialization) and be assembled back into a study result by
 * {@link StudyPartitions#assemble}. Arrays are owned by the record and not copied; treat them as
 * read-only.
 *
 * <p>The last five components are the firm-event's share of the mean cross-correlation r̄ ({@code
 * docs/statistics.md} section 3): they are present ({@code residuals != null}) exactly when the
 * firm-event is {@code OK} and in at least one window's sample.
 *
 * @param eventId the event's id
 * @param ticker the listing's ticker
 * @param outcome {@code OK} or {@code INSUFFICIENT_ESTIMATION} (from the map); an outcome of the
 *     resolution for a row made by {@link #leftOutAtResolution}
 * @param reason why it was left out, empty if {@code OK}
 * @param observations M, the number of valid estimation days
 * @param parameters the fitted parameters, {@code NaN} unless {@code OK}
 * @param residualVariance the residual variance, {@code NaN} unless {@code OK}
 * @param positiveShare the share of positive estimation residuals
 * @param car CAR per test window ({@code NaN} where absent)
 * @param carVariance Var(CAR) per test window
 * @param bhar BHAR per test window
 * @param expected the expected return per day of the event span
 * @param ar AR per day of the event span
 * @param sar SAR per day of the event span
 * @param returns the listing's return per day of the event span (a volume study: its log volume),
 *     {@code NaN} where missing: the {@code ret} column of {@code abnormal_returns.csv}
 * @param calendar the name of the listing's calendar (identifies it within one study); {@code null}
 *     for a firm-event left out at resolution without a day 0
 * @param estimationStart the session index of the first estimation day (day 0's index plus the
 *     estimation window's first offset, so that day 0 is known from it)
 * @param residuals the estimation residuals ({@code NaN} where missing), or {@code null}
 * @param residualCount the number of residuals present
 * @param residualSum the sum of the residuals present
 * @param windowMask the test windows whose sample holds it, one bit per window
 * @param group its group's label in a grouped study ({@code StudySpecification.groupBy}), empty
 *     when the study is not grouped
 * @param estimationSar its standardized estimation residuals (the input of the generalized rank
 *     tests), one per estimation day, {@code null} unless the map was asked to keep them
 */
public record MappedFirmEvent(
    String eventId,
    String ticker,
    Outcome outcome,
    String reason,
    int observations,
    double[] parameters,
    double residualVariance,
    double positiveShare,
    double[] car,
    double[] carVariance,
    double[] bhar,
    double[] expected,
    double[] ar,
    double[] sar,
    double[] returns,
    String calendar,
    int estimationStart,
    double[] residuals,
    int residualCount,
    double residualSum,
    long[] windowMask,
    String group,
    double[] estimationSar)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The row of a firm-event that the resolution left out (unknown ticker, no prices, out of range,
   * no factors): its ids, outcome and reason, {@code NaN} values and no residuals, in the form of
   * the map's rows so that the output files can be written from both in one pass ({@code
   * docs/spark.md}).
   *
   * @param eventId the event's id
   * @param ticker the listing's ticker
   * @param outcome why it was left out
   * @param reason the outcome explained
   * @param calendar the name of the listing's calendar, {@code null} if it has no day 0
   * @param dayZero day 0's session index on that calendar (ignored without a calendar)
   * @param estimationFrom the estimation window's first relative day
   * @param parameters the number of parameter columns ({@code parameterNames().size()})
   * @param testWindows the number of test windows
   * @param spanLength the number of days of the event span
   * @return the row
   */
  public static MappedFirmEvent leftOutAtResolution(
      String eventId,
      String ticker,
      Outcome outcome,
      String reason,
      String calendar,
      int dayZero,
      int estimationFrom,
      int parameters,
      int testWindows,
      int spanLength) {
    if (outcome == Outcome.OK || outcome == Outcome.INSUFFICIENT_ESTIMATION) {
      throw new IllegalArgumentException(
          "Firm-event " + eventId + "/" + ticker + " has outcome " + outcome + " from the map");
    }
    return new MappedFirmEvent(
        eventId,
        ticker,
        outcome,
        reason,
        0,
        nan(parameters),
        Double.NaN,
        Double.NaN,
        nan(testWindows),
        nan(testWindows),
        nan(testWindows),
        nan(spanLength),
        nan(spanLength),
        nan(spanLength),
        nan(spanLength),
        calendar,
        calendar == null ? 0 : dayZero + estimationFrom,
        null,
        0,
        0,
        new long[(testWindows + 63) >>> 6],
        "",
        null);
  }

  private static double[] nan(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  /**
   * @return whether it takes part in r̄ (OK and in at least one window's sample)
   */
  public boolean inSample() {
    return residuals != null;
  }

  /**
   * @return the same firm-event without its share of r̄ (the estimation residuals): what {@link
   *     StudyPartitions#assemble} needs, about two fifths of the size with a 240-day estimation
   *     window (the estimation SARs, when kept, stay)
   */
  public MappedFirmEvent withoutResiduals() {
    return residuals == null
        ? this
        : new MappedFirmEvent(
            eventId,
            ticker,
            outcome,
            reason,
            observations,
            parameters,
            residualVariance,
            positiveShare,
            car,
            carVariance,
            bhar,
            expected,
            ar,
            sar,
            returns,
            calendar,
            estimationStart,
            null,
            residualCount,
            residualSum,
            windowMask,
            group,
            estimationSar);
  }
}
