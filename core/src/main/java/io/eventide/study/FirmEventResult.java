package io.eventide.study;

import io.eventide.calendar.Exchange;
import io.eventide.event.EventWindow;
import io.eventide.study.internal.FirmEventFormulas;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The results of one firm-event (one event on one listing), a read-only view of a {@link
 * StudyResult} or of a {@link FirmEventFits}.
 *
 * <p>Per window: {@code CAR = Σ AR}, {@code Var(CAR)} with the estimation-error term, {@code SCAR =
 * CAR / √Var(CAR)} and its two-sided p-value from Student t with {@code M − k} degrees of freedom,
 * and {@code BHAR}. Each is {@code NaN} when the firm-event is not {@link Outcome#OK} or is absent
 * from that window (an abnormal return of the window is missing). Per relative day of the event
 * span: the return, the expected return, AR and {@code SAR = AR / √v_t}.
 *
 * <p>Where NaN comes from, and nowhere else: a firm-event that is not OK has NaN everywhere (its
 * {@link #reason()} says why); a day's return is NaN when the price of that session or of the
 * previous one is missing; its AR and SAR are NaN when the return or a regressor of that day
 * (market return, factor, RF) is missing; a window's CAR, Var(CAR), SCAR, p-value and BHAR are NaN
 * exactly when one of its ARs is ({@link StudyResult#windowExclusions()} names the first missing
 * day). Every other value of an OK firm-event is finite, unless the returns themselves approach the
 * limits of double precision (prices spanning hundreds of orders of magnitude, such as 1e-300
 * followed by 1e300), where a product such as BHAR's can overflow to infinity.
 */
public final class FirmEventResult {

  private final FirmEventTable table;
  private final int index;

  FirmEventResult(FirmEventTable table, int index) {
    this.table = table;
    this.index = index;
  }

  private FirmEventColumns cols() {
    return table.cols();
  }

  /**
   * @return the event id
   */
  public String eventId() {
    return table.events().get(cols().event[index]).id();
  }

  /**
   * @return the listing's ticker
   */
  public String ticker() {
    return cols().ticker[index];
  }

  /**
   * @return the listing's exchange, empty if the ticker is not in the universe
   */
  public Optional<Exchange> exchange() {
    ListingData ld = table.listingOf(index);
    return ld == null ? Optional.empty() : Optional.of(ld.listing.exchange());
  }

  /**
   * @return day 0 on the listing's calendar, empty if none qualifies
   */
  public Optional<LocalDate> dayZero() {
    int d0 = cols().dayZero[index];
    ListingData ld = table.listingOf(index);
    return d0 < 0 || ld == null ? Optional.empty() : Optional.of(ld.calendar.session(d0));
  }

  /**
   * @return OK or why the firm-event was left out
   */
  public Outcome outcome() {
    return cols().outcome[index];
  }

  /**
   * @return why it was left out; empty for OK
   */
  public String reason() {
    String r = cols().reason[index];
    return r == null ? "" : r;
  }

  /**
   * @return M, the valid estimation days (0 if the model was never fitted)
   */
  public int observations() {
    return cols().observations[index];
  }

  /**
   * @return k, the model's parameter count
   */
  public int parameterCount() {
    return cols().k;
  }

  /**
   * @return the parameter names
   */
  public List<String> parameterNames() {
    return table.spec().model().parameterNames();
  }

  /**
   * @return the fitted parameters in the order of {@link #parameterNames()} ({@code NaN} if not
   *     fitted)
   */
  public double[] parameters() {
    int k = cols().width;
    double[] p = new double[k];
    System.arraycopy(cols().parameters, index * k, p, 0, k);
    return p;
  }

  /**
   * @return s, the residual standard deviation of the estimation window
   */
  public double sigma() {
    return FirmEventFormulas.sigma(cols().residualVariance[index]);
  }

  /**
   * @return {@code (1/M) #{τ: ε̂_τ > 0}}, the share of positive estimation residuals
   */
  public double positiveEstimationShare() {
    return cols().positiveShare[index];
  }

  private int w(EventWindow window) {
    int w = table.layout().windowIndex(window);
    if (w < 0) {
      throw new IllegalArgumentException(
          "Window "
              + window
              + " is not a window of this study; it has "
              + table.layout().testWindows);
    }
    return w;
  }

  /**
   * @param window a study window or a one-day window of the event span
   * @return {@code CAR}, {@code NaN} if absent
   */
  public double car(EventWindow window) {
    return cols().car[w(window)][index];
  }

  /**
   * @param window a window
   * @return {@code Var(CAR) = s² (L + g'(X'X)⁻¹g)}
   */
  public double carVariance(EventWindow window) {
    return cols().carVariance[w(window)][index];
  }

  /**
   * @param window a window
   * @return {@code SCAR = CAR / √Var(CAR)}
   */
  public double scar(EventWindow window) {
    int w = w(window);
    return FirmEventFormulas.scar(cols().car[w][index], cols().carVariance[w][index]);
  }

  /**
   * @param window a window
   * @return the two-sided p-value of SCAR under Student t with {@code M − k} degrees of freedom
   */
  public double pValue(EventWindow window) {
    return FirmEventFormulas.pValue(scar(window), observations() - parameterCount());
  }

  /**
   * @param window a window
   * @return {@code BHAR = Π(1 + R_t) − Π(1 + E[R_t])} (log returns: {@code exp(Σr) − exp(ΣE[r])})
   */
  public double bhar(EventWindow window) {
    return cols().bhar[w(window)][index];
  }

  private int d(int relativeDay) {
    int d = relativeDay - table.layout().spanFrom;
    if (d < 0 || d >= table.layout().spanLen) {
      throw new IllegalArgumentException(
          "Day " + relativeDay + " is outside the event span " + table.spec().eventSpan());
    }
    return d;
  }

  /**
   * @param relativeDay a day of the event span
   * @return {@code AR_t}
   */
  public double abnormalReturn(int relativeDay) {
    return cols().ar[d(relativeDay)][index];
  }

  /**
   * @param relativeDay a day of the event span
   * @return {@code SAR_t = AR_t / √v_t}
   */
  public double standardizedAbnormalReturn(int relativeDay) {
    return cols().sar[d(relativeDay)][index];
  }

  /**
   * @param relativeDay a day of the event span
   * @return the listing's return that day, {@code NaN} if missing or not resolved
   */
  public double returnOn(int relativeDay) {
    d(relativeDay);
    int d0 = cols().dayZero[index];
    ListingData ld = table.listingOf(index);
    if (ld == null || d0 < 0 || outcome() != Outcome.OK) {
      return Double.NaN;
    }
    return ld.returns[d0 + relativeDay];
  }

  /**
   * @param relativeDay a day of the event span
   * @return {@code E[R_t]}, the model's expected return that day: defined whenever the model's
   *     regressors are, even on a day whose own return is missing; {@code NaN} if the firm-event is
   *     not {@link Outcome#OK}
   */
  public double expectedReturn(int relativeDay) {
    return cols().expected[d(relativeDay)][index];
  }

  /**
   * @param relativeDay a day counted in sessions from day 0
   * @return its date on the listing's calendar, empty if off the calendar or unresolved
   */
  public Optional<LocalDate> date(int relativeDay) {
    int d0 = cols().dayZero[index];
    ListingData ld = table.listingOf(index);
    if (ld == null || d0 < 0) {
      return Optional.empty();
    }
    long t = (long) d0 + relativeDay;
    return t >= 0 && t < ld.calendar.size()
        ? Optional.of(ld.calendar.session((int) t))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "FirmEventResult["
        + eventId()
        + " "
        + ticker()
        + " "
        + outcome()
        + dayZero().map(d -> " day0=" + d).orElse("")
        + "]";
  }
}
