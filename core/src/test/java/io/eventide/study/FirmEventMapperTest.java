package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.market.Listing;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.internal.ModelInputs;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The map of one firm-event on a tiny hand-made example, every value worked out below.
 *
 * <p>Constant-mean model; estimation window {@code [-5, -1]}, windows {@code 0:1} and {@code 0:0}
 * (test windows {@code 0:1, 0:0, 1:1}); day 0 is session 5 of eight. Returns:
 *
 * <pre>
 * session   0      1      2     3      4      | 5 (day 0)  6 (day 1)  7
 * R         0.025 -0.02   0.04  0.00  0.005   | 0.05      -0.015      0.01
 * </pre>
 *
 * <ul>
 *   <li>μ̂ = 0.05 / 5 = 0.01; residuals 0.015, −0.03, 0.03, −0.01, −0.005; sign share 2/5 = 0.4;
 *   <li>s² = (0.000225 + 0.0009 + 0.0009 + 0.0001 + 0.000025) / 4 = 0.0005375;
 *   <li>E = 0.01 on both days; AR₀ = 0.04, AR₁ = −0.025; SAR = AR / √(s²(1 + 1/5)) = AR /
 *       √0.000645;
 *   <li>CAR(0:1) = 0.015, Var(CAR) = s²(L + L²/M) = 0.0005375 · (2 + 4/5) = 0.001505; BHAR(0:1) =
 *       1.05 · 0.985 − 1.01² = 1.03425 − 1.0201 = 0.01415 (simple), e^(0.035) − e^(0.02) (log);
 *   <li>rank scores U = K / (T + 1) − 1/2 over the seven values of the combined window, ranked
 *       −0.03 (1), −0.025 (2), −0.01 (3), −0.005 (4), 0.015 (5), 0.03 (6), 0.04 (7).
 * </ul>
 */
class FirmEventMapperTest {

  private static final double[] R = {0.025, -0.02, 0.04, 0.00, 0.005, 0.05, -0.015, 0.01};
  private static final int DAY0 = 5;

  private static final StudySpecification SPEC =
      StudySpecification.builder()
          .model(ConstantMeanModel.of())
          .estimationWindow(EventWindow.of(-5, -1))
          .eventWindows(EventWindow.of(0, 1), EventWindow.of(0, 0))
          .minEstimation(3)
          .build();

  /** A resolved study of one firm-event, day 0 at session 5, built by hand. */
  private static ResolvedStudy resolved(double[] returns, ReturnType type) {
    LocalDate[] dates = SyntheticPanels.sessions(returns.length);
    TradingCalendar cal = TradingCalendar.of("T", Exchange.NYSE, dates);
    Listing listing = Listing.of("AAA", Exchange.NYSE, "MKT");
    ListingData ld =
        new ListingData(
            listing, cal, ModelInputs.of(returns, new double[returns.length]), returns, true);
    ResolvedStudy.Columns b = new ResolvedStudy.Columns(1);
    b.ticker[0] = "AAA";
    b.dayZero[0] = DAY0;
    return new ResolvedStudy(
        SPEC,
        type,
        new StudyLayout(SPEC),
        List.of(Event.of("e", Announcement.on(dates[DAY0]), List.of("AAA"))),
        List.of(listing),
        new ListingData[] {ld},
        new int[] {0, 1},
        b);
  }

  private static FirmEventMapper mapper(ResolvedStudy r, FirmEventColumns cols) {
    return FirmEventMapper.of(r, cols);
  }

  @Test
  void mapsTheTinyExample() {
    ResolvedStudy r = resolved(R, ReturnType.SIMPLE);
    FirmEventColumns cols = new FirmEventColumns(r, 1, 1);
    FirmEventMapper mapper = mapper(r, cols);

    assertThat(mapper.map(0)).isTrue();
    double tol = 1e-15;
    assertThat(cols.outcome[0]).isEqualTo(Outcome.OK);
    assertThat(cols.observations[0]).isEqualTo(5);
    assertThat(cols.parameters[0]).isCloseTo(0.01, within(tol));
    assertThat(cols.residualVariance[0]).isCloseTo(0.0005375, within(tol));
    assertThat(cols.positiveShare[0]).isEqualTo(0.4);
    assertThat(mapper.residuals())
        .containsExactly(new double[] {0.015, -0.03, 0.03, -0.01, -0.005}, within(tol));
    assertThat(mapper.residualSum()).isCloseTo(0.0, within(tol));
    assertThat(mapper.fit().observations()).isEqualTo(5);

    // Span days 0 and 1 (the span is 0:1).
    assertThat(cols.expected[0][0]).isCloseTo(0.01, within(tol));
    assertThat(cols.expected[1][0]).isCloseTo(0.01, within(tol));
    assertThat(cols.ar[0][0]).isCloseTo(0.04, within(tol));
    assertThat(cols.ar[1][0]).isCloseTo(-0.025, within(tol));
    assertThat(cols.sar[0][0]).isCloseTo(0.04 / Math.sqrt(0.000645), within(1e-12));
    assertThat(cols.sar[1][0]).isCloseTo(-0.025 / Math.sqrt(0.000645), within(1e-12));

    // Test windows 0:1, 0:0, 1:1.
    assertThat(cols.car[0][0]).isCloseTo(0.015, within(tol));
    assertThat(cols.carVariance[0][0]).isCloseTo(0.001505, within(tol));
    assertThat(cols.bhar[0][0]).isCloseTo(0.01415, within(tol));
    assertThat(cols.car[1][0]).isCloseTo(0.04, within(tol));
    assertThat(cols.carVariance[1][0]).isCloseTo(0.0005375 * 1.2, within(tol));
    assertThat(cols.bhar[1][0]).isCloseTo(0.04, within(tol));
    assertThat(cols.car[2][0]).isCloseTo(-0.025, within(tol));
    assertThat(cols.bhar[2][0]).isCloseTo(-0.025, within(tol));
    assertThat(mapper.mask()).containsExactly(0b111L);

    assertThat(mapper.scores())
        .containsExactly(
            new double[] {0.125, -0.375, 0.25, -0.125, 0.0, 0.375, -0.25}, within(1e-15));
  }

  @Test
  void logReturnsCompoundBharByExponentiatingSums() {
    ResolvedStudy r = resolved(R, ReturnType.LOG);
    FirmEventColumns cols = new FirmEventColumns(r, 1, 1);
    assertThat(mapper(r, cols).map(0)).isTrue();
    // Same AR and CAR; BHAR(0:1) = e^(0.05 − 0.015) − e^(0.01 + 0.01).
    assertThat(cols.car[0][0]).isCloseTo(0.015, within(1e-15));
    assertThat(cols.bhar[0][0]).isCloseTo(Math.exp(0.035) - Math.exp(0.02), within(1e-15));
    assertThat(cols.bhar[1][0]).isCloseTo(Math.exp(0.05) - Math.exp(0.01), within(1e-15));
  }

  @Test
  void tooFewEstimationDaysLeaveTheFirmEventOut() {
    double[] r = R.clone();
    r[0] = Double.NaN;
    r[2] = Double.NaN;
    r[3] = Double.NaN;
    ResolvedStudy rs = resolved(r, ReturnType.SIMPLE);
    FirmEventColumns cols = new FirmEventColumns(rs, 1, 1);
    assertThat(mapper(rs, cols).map(0)).isFalse();
    assertThat(cols.outcome[0]).isEqualTo(Outcome.INSUFFICIENT_ESTIMATION);
    assertThat(cols.observations[0]).isEqualTo(2);
    assertThat(cols.reason[0])
        .isEqualTo("M = 2 valid estimation days in 2020-01-01..2020-01-07; at least 3 required");
    assertThat(cols.car[0][0]).isNaN();
  }

  @Test
  void aMissingReturnRemovesTheFirmEventFromTheWindowsThatNeedIt() {
    double[] r = R.clone();
    r[6] = Double.NaN;
    ResolvedStudy rs = resolved(r, ReturnType.SIMPLE);
    FirmEventColumns cols = new FirmEventColumns(rs, 1, 1);
    FirmEventMapper mapper = mapper(rs, cols);
    assertThat(mapper.map(0)).isTrue();
    // Only 0:0 (window 1) keeps it; day 1's AR is NaN and so is its rank score.
    assertThat(mapper.mask()).containsExactly(0b010L);
    assertThat(cols.car[0][0]).isNaN();
    assertThat(cols.car[1][0]).isCloseTo(0.04, within(1e-15));
    assertThat(cols.car[2][0]).isNaN();
    assertThat(mapper.scores()[6]).isNaN();
    // Six valid values: −0.03 (1), −0.01 (2), −0.005 (3), 0.015 (4), 0.03 (5), 0.04 (6); U = K/7 −
    // ½.
    assertThat(mapper.scores()[5]).isCloseTo(6.0 / 7 - 0.5, within(1e-15));
    assertThat(mapper.scores()[1]).isCloseTo(1.0 / 7 - 0.5, within(1e-15));
  }
}
