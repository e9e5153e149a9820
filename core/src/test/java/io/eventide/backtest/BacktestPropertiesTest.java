package io.eventide.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.timeseries.PriceBars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The accounting identity and the four look-ahead guarantees of {@code docs/backtest.md} section 9,
 * on random portfolios ({@link RandomPortfolios}).
 */
class BacktestPropertiesTest {

  /**
   * Determinism across threads: a sweep of four holding periods gives the same candidates, trades,
   * daily series, metrics and trade tests (record equality: every double compared by its bits, up
   * to NaN's payload) on 1 thread and on 3, and each holding period equals its own single backtest.
   */
  @Property(tries = 200)
  void aSweepIsTheSameOnAnyNumberOfThreadsAndEqualsItsSingleRuns(@ForAll long seed) {
    RandomPortfolios rp = new RandomPortfolios(seed);
    BacktestData data = rp.fixture.data();
    java.util.List<Integer> holds = java.util.List.of(1, 2, 4, 7);
    java.util.List<BacktestResult> one =
        Backtest.of(rp.strategy).withParallelism(1).sweep(data, holds);
    java.util.List<BacktestResult> three =
        Backtest.of(rp.strategy).withParallelism(3).sweep(data, holds);
    assertThat(three).hasSize(4);
    for (int i = 0; i < holds.size(); i++) {
      BacktestResult a = one.get(i);
      BacktestResult b = three.get(i);
      BacktestResult single =
          Backtest.of(rp.strategy.withHold(holds.get(i))).withParallelism(2).run(data);
      for (BacktestResult other : java.util.List.of(b, single)) {
        assertThat(other.hold()).isEqualTo(holds.get(i));
        assertThat(other.candidates()).isEqualTo(a.candidates());
        assertThat(other.daily()).isEqualTo(a.daily());
        assertThat(other.metrics()).isEqualTo(a.metrics());
        assertThat(other.tradeTests()).isEqualTo(a.tradeTests());
        assertThat(other.alpha()).isEqualTo(a.alpha());
      }
    }
  }

  @Test
  void parallelismBelowOneIsRefused() {
    Backtest b = Backtest.of(Strategy.builder().build());
    assertThat(b.withParallelism(3).parallelism()).isEqualTo(3);
    assertThatThrownBy(() -> b.withParallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parallelism must be at least 1, got 0");
  }

  @Property(tries = 1000)
  void sumOfTradePnlIsFinalMinusInitialEquity(@ForAll long seed) {
    RandomPortfolios rp = new RandomPortfolios(seed);
    BacktestResult r = Backtest.of(rp.strategy).run(rp.fixture.data());
    Statistics.collect(r.trades().isEmpty() ? "no trade" : "trades");
    double sum = 0;
    for (Trade t : r.trades()) {
      sum += t.pnl();
      assertThat(t.pnl()).isCloseTo(t.pnlGross() - t.cost(), within(1e-15));
    }
    assertThat(r.finalEquity() - 1).isCloseTo(sum, within(1e-12));
    // every valuation date's return chains to its equity
    double e = 1;
    for (DailyPoint d : r.daily()) {
      e *= 1 + d.dailyReturn();
      assertThat(e).isCloseTo(d.equity(), within(1e-12));
    }
  }

  /** Multiplies every price (of every ticker) whose instant is after t by a random factor. */
  private static Map<String, PriceBars> perturbAfter(RandomPortfolios rp, Instant t, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, PriceBars> out = new LinkedHashMap<>();
    Map<String, Exchange> ex =
        Map.of(
            "SPX",
            Exchange.NYSE,
            "U1",
            Exchange.NYSE,
            "U2",
            Exchange.NASDAQ,
            "HSI",
            Exchange.HKEX,
            "H1",
            Exchange.HKEX,
            "H2",
            Exchange.HKEX);
    for (Map.Entry<String, PriceBars> e : rp.fixture.bars.entrySet()) {
      PriceBars b = e.getValue();
      Exchange x = ex.get(e.getKey());
      double[] o = b.opens();
      double[] c = b.closes();
      for (int i = 0; i < b.size(); i++) {
        LocalDate d = b.date(i);
        if (x.openOf(d).toInstant().isAfter(t) && !Double.isNaN(o[i])) {
          o[i] *= 0.5 + rnd.nextDouble();
        }
        if (x.closeOf(d).toInstant().isAfter(t) && !Double.isNaN(c[i])) {
          c[i] *= 0.5 + rnd.nextDouble();
        }
      }
      out.put(e.getKey(), PriceBars.of(e.getKey(), b.epochDays(), c, o, b.volumes()));
    }
    return out;
  }

  @Property(tries = 100)
  void pricesAfterATradesExitLeaveItsRowUnchanged(@ForAll long seed) {
    RandomPortfolios rp = new RandomPortfolios(seed);
    BacktestData data = rp.fixture.data();
    BacktestResult r = Backtest.of(rp.strategy).run(data);
    for (Candidate c : r.candidates()) {
      if (!c.traded()) {
        continue;
      }
      Instant exit = c.trade().get().exitInstant();
      BacktestData changed =
          new BacktestData(
              data.universe(), perturbAfter(rp, exit, seed), data.events(), data.factors());
      BacktestResult r2 = Backtest.of(rp.strategy).run(changed);
      assertThat(r2.candidates()).contains(c);
      break;
    }
  }

  @Property(tries = 100)
  void pricesAfterTLeaveEveryDecisionBeforeTUnchanged(@ForAll long seed) {
    RandomPortfolios rp = new RandomPortfolios(seed);
    BacktestData data = rp.fixture.data();
    SplittableRandom rnd = new SplittableRandom(seed);
    long from = rp.usDays[0];
    long to = rp.usDays[rp.usDays.length - 1];
    Instant t =
        LocalDate.ofEpochDay(from + rnd.nextLong(to - from + 1))
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant()
            .plusSeconds(rnd.nextInt(86_400));
    BacktestResult before = Backtest.of(rp.strategy).run(data);
    BacktestResult after =
        Backtest.of(rp.strategy)
            .run(
                new BacktestData(
                    data.universe(), perturbAfter(rp, t, seed + 1), data.events(), data.factors()));
    for (int i = 0; i < before.candidates().size(); i++) {
      Candidate a = before.candidates().get(i);
      Candidate b = after.candidates().get(i);
      assertThat(b.eventId()).isEqualTo(a.eventId());
      if (a.traded() && !a.trade().get().entryInstant().isAfter(t)) {
        Trade ta = a.trade().get();
        assertThat(b.outcome()).isEqualTo(TradeOutcome.OK);
        Trade tb = b.trade().get();
        assertThat(tb.entryInstant()).isEqualTo(ta.entryInstant());
        assertThat(tb.entryPrice()).isEqualTo(ta.entryPrice());
        assertThat(tb.notional()).isEqualTo(ta.notional());
        assertThat(tb.quantity()).isEqualTo(ta.quantity());
        if (!ta.exitInstant().isAfter(t)) {
          assertThat(tb).isEqualTo(ta);
        }
      }
      if ((a.outcome() == TradeOutcome.GROSS_CAP || a.outcome() == TradeOutcome.OVERLAP)
          && b.traded()
          && !b.trade().get().entryInstant().isAfter(t)) {
        throw new AssertionError("a skip before " + t + " became a trade: " + a + " / " + b);
      }
    }
  }

  @Property(tries = 100)
  void afterCloseAndDateOnlyAnnouncementsNeverFillAtTheirOwnClose(@ForAll long seed) {
    RandomPortfolios rp = new RandomPortfolios(seed);
    BacktestData data = rp.fixture.data();
    Strategy s = rp.strategy.toBuilder().side(SideRule.LONG).entryDelay(0).build();
    BacktestResult r = Backtest.of(s).run(data);
    Map<String, Event> byId = new LinkedHashMap<>();
    for (Event e : data.events()) {
      byId.put(e.id(), e);
    }
    for (Candidate c : r.candidates()) {
      if (!c.traded()) {
        continue;
      }
      Trade t = c.trade().get();
      Announcement a = byId.get(c.eventId()).announcement();
      Exchange ex = c.ticker().startsWith("H") ? Exchange.HKEX : Exchange.NYSE;
      if (a instanceof Announcement.OnDate od) {
        assertThat(t.entryDate()).isAfter(od.date());
      } else {
        Instant at = ((Announcement.AtInstant) a).at().toInstant();
        assertThat(t.entryInstant()).isAfter(at);
        LocalDate local = at.atZone(ex.zone()).toLocalDate();
        if (!at.isBefore(ex.closeOf(local).toInstant())) {
          assertThat(t.entryDate()).isAfter(local);
        }
      }
    }
  }

  @Test
  void aSignalReadingTheFutureFails() {
    Fixture f = HandWorkedBacktestTest.fixture().event("e1", "2024-01-05T12:00-05:00", 1);
    Signal peeks =
        (ev, ticker, view) -> view.close(ticker, LocalDate.parse("2024-01-05")) > 0 ? 1 : -1;
    assertThatThrownBy(() -> Backtest.of(Strategy.builder().signal(peeks).build()).run(f.data()))
        .isInstanceOf(LookAheadException.class)
        .hasMessageContaining("close of AAA on 2024-01-05");
    // the open of that day (09:30, before the noon decision) is known
    Signal honest =
        (ev, ticker, view) ->
            view.open(ticker, LocalDate.parse("2024-01-05"))
                    > view.close(ticker, LocalDate.parse("2024-01-04"))
                ? 1
                : -1;
    BacktestResult r = Backtest.of(Strategy.builder().signal(honest).build()).run(f.data());
    // open 106 > previous close 105: long
    assertThat(r.candidates().get(0).side()).isEqualTo(1);
    assertThat(r.candidates().get(0).trade().get().entryPrice()).isEqualTo(108);
  }
}
