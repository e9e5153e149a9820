package io.eventide.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.EventWindow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked trades ({@code docs/backtest.md} sections 3-6): every number below is computed in the
 * test from the prices written here, by the formulas of the document.
 */
class HandWorkedBacktestTest {

  // Ten NYSE sessions (2024-01-15 is a holiday).
  static final long[] DAYS =
      Fixture.days(
          "2024-01-02",
          "2024-01-03",
          "2024-01-04",
          "2024-01-05",
          "2024-01-08",
          "2024-01-09",
          "2024-01-10",
          "2024-01-11",
          "2024-01-12",
          "2024-01-16");
  static final double[] A_OPEN = {100, 102, 103, 106, 107, 111, 109, 104, 103, 101};
  static final double[] A_CLOSE = {101, 104, 105, 108, 110, 112, 106, 103, 100, 99};
  static final double[] M_OPEN = {4000, 4020, 4030, 4060, 4070, 4110, 4100, 4090, 4075, 4080};
  static final double[] M_CLOSE = {4010, 4040, 4050, 4080, 4100, 4120, 4095, 4085, 4070, 4090};

  static Fixture fixture() {
    return new Fixture()
        .bars("AAA", DAYS, A_OPEN, A_CLOSE)
        .bars("SPX", DAYS, M_OPEN, M_CLOSE)
        .listing("AAA", Exchange.NYSE, "SPX");
  }

  @Test
  void longAtTheNextOpenUnhedgedWithCosts() {
    // Date-only announcement on 2024-01-03: decision at 24:00 New York, first price after it is
    // the open of 2024-01-04 (103). Hold 2: exit at the close of 2024-01-08 (110).
    BacktestData data = fixture().event("e1", "2024-01-03", 1).data();
    BacktestResult r = Backtest.of(Strategy.builder().hold(2).build()).run(data);
    Trade t = r.trades().get(0);
    double n = 0.10; // f · E_0
    double q = n / 103;
    double gross = q * (110 - 103);
    double cost = 10e-4 * (q * 103 + q * 110);
    assertThat(t.entryKind()).isEqualTo(PriceKind.OPEN);
    assertThat(t.entryDate()).isEqualTo(LocalDate.parse("2024-01-04"));
    assertThat(t.entryPrice()).isEqualTo(103);
    assertThat(t.exitDate()).isEqualTo(LocalDate.parse("2024-01-08"));
    assertThat(t.exitPrice()).isEqualTo(110);
    assertThat(t.exitReason()).isEqualTo(ExitReason.HOLD);
    assertThat(t.quantity()).isCloseTo(q, within(1e-15));
    assertThat(t.pnlGross()).isCloseTo(gross, within(1e-15));
    assertThat(t.cost()).isCloseTo(cost, within(1e-15));
    assertThat(t.pnl()).isCloseTo(gross - cost, within(1e-15));
    assertThat(t.netReturn()).isCloseTo((gross - cost) / n, within(1e-14));
    // Valuation dates 01-04, 01-05, 01-08: cash 1 − q·103 − entry cost, plus q · close.
    List<DailyPoint> d = r.daily();
    assertThat(d).hasSize(3);
    double e1 = 1 - q * 103 - 10e-4 * q * 103 + q * 105;
    double e2 = 1 - q * 103 - 10e-4 * q * 103 + q * 108;
    double e3 = 1 + gross - cost;
    assertThat(d.get(0).equity()).isCloseTo(e1, within(1e-15));
    assertThat(d.get(1).equity()).isCloseTo(e2, within(1e-15));
    assertThat(d.get(2).equity()).isCloseTo(e3, within(1e-15));
    assertThat(d.get(0).dailyReturn()).isCloseTo(e1 - 1, within(1e-15));
    assertThat(d.get(1).dailyReturn()).isCloseTo(e2 / e1 - 1, within(1e-15));
    assertThat(d.get(0).grossExposure()).isCloseTo(q * 105 / e1, within(1e-15));
    assertThat(d.get(1).openTrades()).isEqualTo(1);
    assertThat(d.get(2).openTrades()).isZero();
    assertThat(r.metric("total_return")).isCloseTo(e3 - 1, within(1e-15));
    assertThat(r.metric("trades")).isEqualTo(1);
    assertThat(r.metric("hit_rate")).isEqualTo(1);
    assertThat(r.metric("exposure")).isCloseTo(2.0 / 3, within(1e-15));
    // turnover: fills |q·103| + |q·110| over 2 · mean(E), times 252 / T (T = 3)
    double meanE = (e1 + e2 + e3) / 3;
    assertThat(r.metric("turnover"))
        .isCloseTo((q * 103 + q * 110) / (2 * meanE) * 252 / 3, within(1e-12));
  }

  @Test
  void shortAtACloseHedgedWithCostsAndBorrow() {
    // Announcement at 12:00 New York on 2024-01-10, entry rule close: the close of 01-10 (106).
    // Hold 2: exit at the close of 01-12 (100). Hedge: β̂ of the market model on estimation days
    // -5..-1 (sessions 01-03 .. 01-09, simple returns), computed here.
    BacktestData data = fixture().event("e1", "2024-01-10T12:00-05:00", -1).data();
    Strategy s =
        Strategy.builder()
            .entry(EntryRule.CLOSE)
            .hold(2)
            .hedge(Hedge.MARKET)
            .estimation(EventWindow.of(-5, -1))
            .minEstimation(3)
            .costs(CostModel.flat(10))
            .borrowBps(50)
            .build();
    BacktestResult r = Backtest.of(s).run(data);
    Trade t = r.trades().get(0);
    double[] ra = new double[5];
    double[] rm = new double[5];
    for (int i = 0; i < 5; i++) {
      ra[i] = A_CLOSE[i + 1] / A_CLOSE[i] - 1;
      rm[i] = M_CLOSE[i + 1] / M_CLOSE[i] - 1;
    }
    double ma = 0;
    double mm = 0;
    for (int i = 0; i < 5; i++) {
      ma += ra[i] / 5;
      mm += rm[i] / 5;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < 5; i++) {
      sxy += (rm[i] - mm) * (ra[i] - ma);
      sxx += (rm[i] - mm) * (rm[i] - mm);
    }
    double beta = sxy / sxx;
    assertThat(t.beta()).isCloseTo(beta, within(1e-12));
    double n = 0.10;
    double q = -n / 106;
    double qh = beta * n / 4095; // −side · β · N / B_entry, hedge at the benchmark's close
    double gross = q * (100 - 106) + qh * (4070 - 4095);
    double fills =
        Math.abs(q) * 106 + Math.abs(q) * 100 + Math.abs(qh) * 4095 + Math.abs(qh) * 4070;
    double borrow = 50e-4 * Math.abs(q) * 106 * 2 / 252;
    double cost = 10e-4 * fills + borrow;
    assertThat(t.entryKind()).isEqualTo(PriceKind.CLOSE);
    assertThat(t.entryDate()).isEqualTo(LocalDate.parse("2024-01-10"));
    assertThat(t.exitDate()).isEqualTo(LocalDate.parse("2024-01-12"));
    assertThat(t.hedgeTicker()).isEqualTo("SPX");
    assertThat(t.hedgeEntryPrice()).isEqualTo(4095);
    assertThat(t.hedgeExitPrice()).isEqualTo(4070);
    assertThat(t.hedgeQuantity()).isCloseTo(qh, within(1e-15));
    assertThat(t.pnlGross()).isCloseTo(gross, within(1e-15));
    assertThat(t.cost()).isCloseTo(cost, within(1e-15));
    assertThat(t.pnl()).isCloseTo(gross - cost, within(1e-15));
    assertThat(r.finalEquity()).isCloseTo(1 + gross - cost, within(1e-15));
    // the decision is written with New York's offset
    assertThat(r.candidates().get(0).decision().orElseThrow())
        .isEqualTo(OffsetDateTime.parse("2024-01-10T12:00-05:00"));
    // entry day: the stock leg marked at its entry close, the hedge too: equity = 1 − costs of
    // the two entry fills
    double e0 = 1 - 10e-4 * (Math.abs(q) * 106 + Math.abs(qh) * 4095);
    assertThat(r.daily().get(0).equity()).isCloseTo(e0, within(1e-15));
    double net0 = (q * 106 + qh * 4095) / e0;
    assertThat(r.daily().get(0).netExposure()).isCloseTo(net0, within(1e-15));
  }

  @Test
  void anAfterCloseAnnouncementEntersAtTheNextOpenNotItsClose() {
    // 16:30 New York on 01-05, after the close: the first price after is the open of 01-08.
    BacktestData data = fixture().event("e1", "2024-01-05T16:30-05:00", 1).data();
    Trade t = Backtest.of(Strategy.builder().hold(1).build()).run(data).trades().get(0);
    assertThat(t.entryDate()).isEqualTo(LocalDate.parse("2024-01-08"));
    assertThat(t.entryKind()).isEqualTo(PriceKind.OPEN);
    assertThat(t.entryPrice()).isEqualTo(107);
    assertThat(t.exitDate()).isEqualTo(LocalDate.parse("2024-01-09"));
  }

  @Test
  void stopLossExitsAtTheFirstCloseAtOrBelowMinusX() {
    // Long at the open of 01-09 (111); closes 112 (+0.9%), 106 (−4.5%): a 3% stop exits at 106.
    BacktestData data = fixture().event("e1", "2024-01-08", 1).data();
    Trade t =
        Backtest.of(Strategy.builder().hold(5).stopLoss(0.03).build()).run(data).trades().get(0);
    assertThat(t.exitReason()).isEqualTo(ExitReason.STOP_LOSS);
    assertThat(t.exitPrice()).isEqualTo(106);
    assertThat(t.exitDate()).isEqualTo(LocalDate.parse("2024-01-10"));
  }

  @Test
  void endOfDataExitsAtTheLastClose() {
    BacktestData data = fixture().event("e1", "2024-01-10", 1).data();
    Trade t = Backtest.of(Strategy.builder().hold(5).build()).run(data).trades().get(0);
    assertThat(t.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
    assertThat(t.exitPrice()).isEqualTo(99);
  }

  @Test
  void outcomesForUnknownTickersMissingEntriesAndTheGrossCap() {
    Fixture f = fixture().event("a", "2024-01-03", 1, "ZZZ").event("b", "2024-01-16", 1);
    for (int i = 0; i < 12; i++) {
      f.event("c" + (char) ('a' + i), "2024-01-03", 1);
    }
    BacktestResult r = Backtest.of(Strategy.builder().hold(1).build()).run(f.data());
    assertThat(r.candidates().get(0).outcome()).isEqualTo(TradeOutcome.UNKNOWN_TICKER);
    assertThat(r.candidates().get(1).outcome()).isEqualTo(TradeOutcome.NO_ENTRY_PRICE);
    // twelve 10% entries at one open against a cap of 1.0: the first ten (in id order) fit
    // exactly (the tolerance of 1e-9), the last two do not
    long ok = r.candidates().stream().filter(Candidate::traded).count();
    assertThat(ok).isEqualTo(10);
    assertThat(r.candidates().get(12).outcome()).isEqualTo(TradeOutcome.GROSS_CAP);
    assertThat(r.candidates().get(13).outcome()).isEqualTo(TradeOutcome.GROSS_CAP);
    assertThat(r.metric("skipped")).isEqualTo(4);
  }
}
