package io.eventide.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.calendar.Exchange;
import io.eventide.event.EventWindow;
import org.junit.jupiter.api.Test;

/** Strategy validation messages and the cost model's parsing ({@code docs/cli.md} section 8). */
class StrategyAndCostsTest {

  @Test
  void costsByExchangeWithADefault() {
    CostModel c = CostModel.parse("8, hkex=25,XNYS=5", Exchange::parse);
    assertThat(c.bpsOf(Exchange.HKEX)).isEqualTo(25);
    assertThat(c.bpsOf(Exchange.NYSE)).isEqualTo(5);
    assertThat(c.bpsOf(Exchange.NASDAQ)).isEqualTo(8);
    assertThat(CostModel.parse("NYSE=5", Exchange::parse).bpsOf(Exchange.SSE)).isEqualTo(10);
    assertThatThrownBy(() -> CostModel.parse("NYSE=5,XNYS=6", Exchange::parse))
        .hasMessageContaining("names exchange NYSE twice");
    assertThatThrownBy(() -> CostModel.parse("5,6", Exchange::parse))
        .hasMessageContaining("two bare rates");
    assertThatThrownBy(() -> CostModel.parse("MOON=1", Exchange::parse))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MOON");
    assertThatThrownBy(() -> CostModel.parse("NYSE=abc", Exchange::parse))
        .hasMessageContaining("'abc' in 'NYSE=abc' is not a rate in basis points");
    assertThatThrownBy(() -> CostModel.flat(-1)).hasMessageContaining("0 or more");
  }

  @Test
  void buildRefusesWithWhatToChange() {
    assertThatThrownBy(() -> Strategy.builder().hold(0).build())
        .hasMessage("Holding period is 0 sessions; use 1 or more");
    assertThatThrownBy(() -> Strategy.builder().size(2).build())
        .hasMessage("Size is 2.0 of equity; use a fraction in (0, 1], e.g. 0.10");
    assertThatThrownBy(() -> Strategy.builder().maxGross(0).build())
        .hasMessageContaining("Gross cap is 0.0");
    assertThatThrownBy(() -> Strategy.builder().entryDelay(-1).build())
        .hasMessageContaining("Entry delay is -1");
    assertThatThrownBy(() -> Strategy.builder().maxEntryLag(-2).build())
        .hasMessageContaining("Maximum entry lag is -2");
    assertThatThrownBy(() -> Strategy.builder().borrowBps(-5).build())
        .hasMessageContaining("Borrow is -5.0");
    assertThatThrownBy(() -> Strategy.builder().stopLoss(0).build())
        .hasMessageContaining("Stop loss is 0.0");
    assertThatThrownBy(() -> Strategy.builder().takeProfit(-1).build())
        .hasMessageContaining("Take profit is -1.0");
    assertThatThrownBy(() -> Strategy.builder().estimation(EventWindow.of(-10, 0)).build())
        .hasMessageContaining("must end before day 0");
    Strategy s = Strategy.builder().hedge(Hedge.MARKET).stopLoss(0.05).build();
    assertThat(s.needsStudy()).isTrue();
    assertThat(s.withHold(3).hold()).isEqualTo(3);
    assertThat(s.withHold(3).stopLoss().getAsDouble()).isEqualTo(0.05);
    assertThat(Strategy.builder().build().needsStudy()).isFalse();
    assertThat(Strategy.builder().side(SideRule.REACTION).build().needsStudy()).isTrue();
    assertThat(s.toString()).contains("hedge=market").contains("stopLoss=0.05");
  }

  @Test
  void reactionTradesTheSignOfTheDayZeroAbnormalReturn() {
    // On the hand-worked data, 01-10 (close 106 after 112) falls far more than the market:
    // a negative day-0 abnormal return, so reaction goes short and reversal long, both decided
    // at the close of day 0 and entered at the next open (01-11, 104).
    Fixture f = HandWorkedBacktestTest.fixture().event("e1", "2024-01-10T09:00-05:00", 1);
    Strategy.Builder b =
        Strategy.builder().hold(1).estimation(EventWindow.of(-5, -1)).minEstimation(3);
    BacktestResult reaction = Backtest.of(b.side(SideRule.REACTION).build()).run(f.data());
    BacktestResult reversal = Backtest.of(b.side(SideRule.REVERSAL).build()).run(f.data());
    assertThat(reaction.candidates().get(0).side()).isEqualTo(-1);
    assertThat(reversal.candidates().get(0).side()).isEqualTo(1);
    Trade t = reaction.trades().get(0);
    assertThat(t.entryPrice()).isEqualTo(104);
    assertThat(t.entryKind()).isEqualTo(PriceKind.OPEN);
    // a study needing 8 estimation days of 9 available sessions before day 0 cannot run
    BacktestResult tooShort =
        Backtest.of(
                b.side(SideRule.REACTION)
                    .estimation(EventWindow.of(-8, -1))
                    .minEstimation(8)
                    .build())
            .run(f.data());
    assertThat(tooShort.candidates().get(0).outcome()).isEqualTo(TradeOutcome.OUT_OF_RANGE);
    assertThat(tooShort.metric("trades")).isZero();
    assertThat(tooShort.metric("sharpe")).isNaN();
  }
}
