package io.eventide.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.study.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example runs, and says what its javadoc promises. */
class ExamplesTest {

  private static String printed(java.util.function.Consumer<PrintWriter> example) {
    StringWriter sw = new StringWriter();
    example.accept(new PrintWriter(sw));
    return sw.toString();
  }

  @Test
  void julyStudy() {
    JulyTwentyTwentyThreeStudy.Outcome o = JulyTwentyTwentyThreeStudy.run();
    assertThat(o.study().count(Outcome.OK)).isEqualTo(21);
    assertThat(printed(JulyTwentyTwentyThreeStudy::print)).contains("Window 0:0   N = 21");
  }

  @Test
  void chinaPolicyBacktest() {
    List<io.eventide.backtest.BacktestResult> r = ChinaPolicyBacktest.run();
    assertThat(r).extracting(io.eventide.backtest.BacktestResult::hold).containsExactly(1, 5, 10);
    for (io.eventide.backtest.BacktestResult x : r) {
      // the accounting identity on the real sample
      double sum = x.trades().stream().mapToDouble(io.eventide.backtest.Trade::pnl).sum();
      assertThat(x.finalEquity() - 1).isCloseTo(sum, org.assertj.core.api.Assertions.within(1e-12));
      // only tightening (short) and easing (long) events are traded, every trade hedged
      assertThat(x.trades()).allMatch(io.eventide.backtest.Trade::isHedged);
      assertThat(x.metric("trades")).isPositive();
    }
    assertThat(printed(ChinaPolicyBacktest::print)).contains("hold  5:").contains("overstate");
  }

  @Test
  void dayZeroAcrossExchanges() {
    List<DayZeroAcrossExchanges.Row> rows = DayZeroAcrossExchanges.rows();
    assertThat(rows).hasSize(22);
    // The Ant fine (20:10 Beijing, Friday 7 July 2023): NYSE that day, HKEX the Monday after.
    assertThat(rows)
        .contains(
            new DayZeroAcrossExchanges.Row(
                "pboc-ant-fine", "2023-07-07T20:10:00+08:00", "2023-07-07", "2023-07-10"));
    // The Didi app removal, Sunday 4 July 2021: HKEX Monday 5 July; NYSE closed for
    // Independence Day, so Tuesday 6 July.
    assertThat(rows)
        .contains(
            new DayZeroAcrossExchanges.Row(
                "cac-didi-app-removal", "2021-07-04", "2021-07-06", "2021-07-05"));
    assertThat(printed(DayZeroAcrossExchanges::print)).contains("pboc-ant-fine").contains(" *");
  }

  @Test
  void crackdownFactorModelStudy() {
    List<CrackdownFactorModelStudy.ModelRun> runs = CrackdownFactorModelStudy.run();
    assertThat(runs)
        .extracting(CrackdownFactorModelStudy.ModelRun::model)
        .containsExactly("market", "carhart4");
    for (CrackdownFactorModelStudy.ModelRun r : runs) {
      // Tightening rows that name a US listing of the sample (or every listing): Ant IPO halt
      // (BABA), platform antitrust draft (all 4), Alibaba probe (BABA), common prosperity (all 4):
      // 1 + 4 + 1 + 4 = 10 firm-events, the same under both models.
      assertThat(r.study().sample(EventWindow.of(0, 0), Measure.CAR).size()).isEqualTo(10);
    }
    assertThat(runs.get(1).study().firmEvent(0).parameterNames())
        .containsExactly("alpha", "b_Mkt-RF", "b_SMB", "b_HML", "b_Mom");
    assertThat(printed(CrackdownFactorModelStudy::print)).contains("carhart4").contains("kp-bmp-t");
  }
}
