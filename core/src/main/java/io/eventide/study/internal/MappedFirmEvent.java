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
 * @param outcome {@code OK} or {@code INSUFFICIENT_ESTIMATION}
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
 * @param calendar the name of the listing's calendar (identifies it within one study)
 * @param estimationStart the session index of the first estimation day
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
