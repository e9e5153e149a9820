package io.eventide.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Hong Kong leg and a US leg open together, with a Hong Kong holiday on 2024-01-04 that New York
 * trades ({@code docs/backtest.md} section 6): the valuation dates are the union of both calendars,
 * and on the holiday the Hong Kong leg keeps its last close.
 */
class CrossExchangeValuationTest {

  @Test
  void unionOfCalendarsAndMarksAcrossAHoliday() {
    long[] us = Fixture.days("2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08");
    long[] hk = Fixture.days("2024-01-02", "2024-01-03", "2024-01-05", "2024-01-08");
    Fixture f =
        new Fixture()
            .bars("SPX", us, new double[] {10, 11, 12, 13, 14}, new double[] {10, 11, 12, 13, 14})
            .bars("BABA", us, new double[] {80, 81, 84, 85, 86}, new double[] {80, 82, 83, 88, 87})
            .bars("HSI", hk, new double[] {20, 21, 22, 23}, new double[] {20, 21, 22, 23})
            .bars("9988.HK", hk, new double[] {78, 79, 81, 80}, new double[] {78, 80, 77, 79})
            .listing("BABA", Exchange.NYSE, "SPX")
            .listing("9988.HK", Exchange.HKEX, "HSI")
            .event("e1", "2024-01-02", 1);
    Strategy s = Strategy.builder().hold(2).costs(new CostModel(10, Map.of("HKEX", 25.0))).build();
    BacktestResult r = Backtest.of(s).run(f.data());
    // Both enter at the open of 2024-01-03 (Hong Kong 79 at 09:30 HKT, New York 81 at 09:30 EST),
    // each sized on E_0 = 1: N = 0.1. Hong Kong holds 2 sessions of its calendar: exit at the
    // close of 01-08 (79); New York: exit at the close of 01-05 (88).
    Trade hkTrade = r.candidates().get(0).trade().orElseThrow();
    Trade usTrade = r.candidates().get(1).trade().orElseThrow();
    assertThat(r.candidates().get(0).ticker()).isEqualTo("9988.HK");
    assertThat(hkTrade.entryPrice()).isEqualTo(79);
    assertThat(hkTrade.exitDate()).isEqualTo(LocalDate.parse("2024-01-08"));
    assertThat(usTrade.entryPrice()).isEqualTo(81);
    assertThat(usTrade.exitDate()).isEqualTo(LocalDate.parse("2024-01-05"));
    double qh = 0.1 / 79;
    double qu = 0.1 / 81;
    double ch = 25e-4 * 0.1; // Hong Kong entry cost, 25 bps
    double cu = 10e-4 * 0.1;
    double pnlU = qu * (88 - 81) - 10e-4 * (qu * 81 + qu * 88);
    double pnlH = qh * (79 - 79) - 25e-4 * (qh * 79 + qh * 79);
    List<DailyPoint> d = r.daily();
    assertThat(d)
        .extracting(DailyPoint::date)
        .containsExactly(
            LocalDate.parse("2024-01-03"),
            LocalDate.parse("2024-01-04"),
            LocalDate.parse("2024-01-05"),
            LocalDate.parse("2024-01-08"));
    double e1 = 1 + qh * (80 - 79) - ch + qu * (82 - 81) - cu;
    // 01-04: Hong Kong closed, its leg keeps the close of 01-03 (80); New York at 83
    double e2 = 1 + qh * (80 - 79) - ch + qu * (83 - 81) - cu;
    // 01-05: New York exits (realized), Hong Kong at 77
    double e3 = 1 + qh * (77 - 79) - ch + pnlU;
    double e4 = 1 + pnlH + pnlU;
    assertThat(d.get(0).equity()).isCloseTo(e1, within(1e-15));
    assertThat(d.get(1).equity()).isCloseTo(e2, within(1e-15));
    assertThat(d.get(2).equity()).isCloseTo(e3, within(1e-15));
    assertThat(d.get(3).equity()).isCloseTo(e4, within(1e-15));
    assertThat(d.get(1).openTrades()).isEqualTo(2);
    assertThat(d.get(1).grossExposure()).isCloseTo((qh * 80 + qu * 83) / e2, within(1e-15));
    assertThat(d.get(2).openTrades()).isEqualTo(1);
    // no benchmark shared by every traded listing: no alpha
    assertThat(r.alpha()).isEmpty();
    assertThat(r.metric("alpha")).isNaN();
  }
}
