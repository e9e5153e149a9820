package io.eventide.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.inference.NaiveNeweyWest;
import io.eventide.market.FactorSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The calendar-time alpha through a whole backtest ({@code docs/backtest.md} section 7), against a
 * naive calculation written here: the daily returns {@code r_D = E_D / E_D' − 1} rebuilt from the
 * equity series ({@code E_0 = 1} before the first date), the regression's dates those from a
 * trade's entry date to its exit date (a leg open during the date), the market return the
 * benchmark's close over its previous close, and the regression by {@link NaiveNeweyWest} (Commons
 * Math OLS and the Newey-West sandwich written out over every pair of rows).
 *
 * <p>Panel: 400 seeded weekday sessions of SPX and three NYSE listings on it, with opens; 16 events
 * nine sessions apart (direction alternating), each on one or two listings, held 3 sessions: the
 * backtest has flat dates between the trades, which are valuation dates but not in the regression.
 */
class CalendarTimeAlphaTest {

  static final int SESSIONS = 400;
  static final String[] TICKERS = {"AAA", "BBB", "CCC"};

  static long[] days() {
    long[] d = new long[SESSIONS];
    LocalDate x = LocalDate.of(2021, 1, 4);
    for (int i = 0; i < SESSIONS; i++) {
      while (x.getDayOfWeek().getValue() > 5) {
        x = x.plusDays(1);
      }
      d[i] = x.toEpochDay();
      x = x.plusDays(1);
    }
    return d;
  }

  /** SPX with σ 1% a day; listings with β 0.7..1.3, σ 2%; opens a half-day move from the close. */
  static Fixture fixture() {
    long[] days = days();
    SplittableRandom rnd = new SplittableRandom(2024);
    double[] m = new double[SESSIONS];
    double[][] close = new double[TICKERS.length + 1][SESSIONS];
    double[][] open = new double[TICKERS.length + 1][SESSIONS];
    double[] level = {4000, 50, 80, 120};
    double[] beta = {1, 0.7, 1.0, 1.3};
    for (int t = 0; t < SESSIONS; t++) {
      m[t] = 0.0002 + 0.01 * (rnd.nextDouble() - 0.5) * 3.4;
      for (int i = 0; i < level.length; i++) {
        double r = i == 0 ? m[t] : 0.0001 + beta[i] * m[t] + 0.02 * (rnd.nextDouble() - 0.5) * 3.4;
        open[i][t] = level[i] * (1 + r / 2);
        level[i] *= 1 + r;
        close[i][t] = level[i];
      }
    }
    Fixture f = new Fixture().bars("SPX", days, open[0], close[0]);
    for (int i = 0; i < TICKERS.length; i++) {
      f.bars(TICKERS[i], days, open[i + 1], close[i + 1]).listing(TICKERS[i], Exchange.NYSE, "SPX");
    }
    for (int e = 0; e < 16; e++) {
      LocalDate on = LocalDate.ofEpochDay(days[260 + 9 * e]);
      String[] affected =
          e % 3 == 0
              ? new String[] {TICKERS[e % 3], TICKERS[(e + 1) % 3]}
              : new String[] {TICKERS[e % 3]};
      f.event(
          String.format(java.util.Locale.ROOT, "e%02d", e),
          on.toString(),
          e % 2 == 0 ? 1 : -1,
          affected);
    }
    return f;
  }

  /** The regression's rows rebuilt from the result: dates, r_D and whether a leg is open. */
  record Rows(List<LocalDate> dates, List<Double> returns) {}

  static Rows activeRows(BacktestResult r) {
    List<LocalDate> dates = new ArrayList<>();
    List<Double> returns = new ArrayList<>();
    double prev = 1.0;
    for (DailyPoint p : r.daily()) {
      double ret = p.equity() / prev - 1;
      prev = p.equity();
      boolean active =
          r.trades().stream()
              .anyMatch(t -> !p.date().isBefore(t.entryDate()) && !p.date().isAfter(t.exitDate()));
      if (active) {
        dates.add(p.date());
        returns.add(ret);
      }
    }
    return new Rows(dates, returns);
  }

  static double closeReturn(Fixture f, String ticker, LocalDate d) {
    var bars = f.bars.get(ticker);
    long[] days = bars.epochDays();
    int i = java.util.Arrays.binarySearch(days, d.toEpochDay());
    return bars.close(i) / bars.close(i - 1) - 1;
  }

  @Test
  void marketAlphaMatchesANaiveRegressionOnTheEquitySeries() {
    Fixture f = fixture();
    BacktestResult r = Backtest.of(Strategy.builder().hold(3).build()).run(f.data());
    assertThat(r.trades()).hasSizeGreaterThan(15);
    Rows rows = activeRows(r);
    int n = rows.dates().size();
    assertThat(n).isLessThan(r.daily().size()).isGreaterThan(40);
    double[] y = new double[n];
    double[][] x = new double[n][1];
    for (int i = 0; i < n; i++) {
      y[i] = rows.returns().get(i);
      x[i][0] = closeReturn(f, "SPX", rows.dates().get(i));
    }
    NaiveNeweyWest nw = NaiveNeweyWest.fit(y, x);
    double alpha = nw.coefficients()[0];
    assertThat(r.metric("alpha")).isCloseTo(alpha, within(1e-12 * Math.abs(alpha) + 1e-17));
    assertThat(r.metric("alpha_annual"))
        .isCloseTo(252 * alpha, within(1e-12 * 252 * Math.abs(alpha) + 1e-15));
    assertThat(r.metric("alpha_t")).isCloseTo(nw.t()[0], within(1e-9 * Math.abs(nw.t()[0])));
    assertThat(r.metric("alpha_p")).isCloseTo(nw.p()[0], within(1e-10));
    assertThat(r.metric("beta")).isCloseTo(nw.coefficients()[1], within(1e-10));
    assertThat(r.metric("r2")).isCloseTo(nw.r2(), within(1e-12));
    assertThat(r.metric("alpha_days")).isEqualTo(n);
    assertThat(r.metric("nw_lag")).isEqualTo(nw.lag());
    assertThat(nw.lag()).isEqualTo(3); // floor(4 · (n/100)^(2/9)) for 40 < n < 100
    CalendarTimeAlpha a = r.alpha().orElseThrow();
    assertThat(a.benchmark()).isEqualTo("SPX");
    assertThat(a.factors()).containsExactly("Mkt-RF");
    assertThat(a.fit().standardErrors()[0])
        .isCloseTo(nw.standardErrors()[0], within(1e-10 * nw.standardErrors()[0]));
  }

  @Test
  void ff3AlphaSubtractsRfAndDropsDatesWithoutFactors() {
    Fixture f = fixture();
    long[] days = days();
    // Factors and RF on every session but each 13th (those dates have no factor row).
    SplittableRandom rnd = new SplittableRandom(3);
    List<Long> kept = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      if (i % 13 != 5) {
        kept.add(days[i]);
      }
    }
    long[] fd = kept.stream().mapToLong(Long::longValue).toArray();
    double[][] cols = new double[3][fd.length];
    double[] rf = new double[fd.length];
    for (int i = 0; i < fd.length; i++) {
      for (int j = 0; j < 3; j++) {
        cols[j][i] = 0.01 * (rnd.nextDouble() - 0.5);
      }
      rf[i] = 0.0001 + 0.00005 * rnd.nextDouble();
    }
    FactorSet set = FactorSet.of(List.of("Mkt-RF", "SMB", "HML"), fd, cols, rf);
    BacktestResult r =
        Backtest.of(Strategy.builder().hold(3).alphaModel(AlphaModel.FF3).build())
            .run(f.data().withFactors(set));
    Rows rows = activeRows(r);
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    int dropped = 0;
    for (int i = 0; i < rows.dates().size(); i++) {
      int k = java.util.Arrays.binarySearch(fd, rows.dates().get(i).toEpochDay());
      if (k < 0) {
        dropped++;
        continue;
      }
      y.add(rows.returns().get(i) - rf[k]);
      x.add(new double[] {cols[0][k], cols[1][k], cols[2][k]});
    }
    assertThat(dropped).isPositive();
    NaiveNeweyWest nw =
        NaiveNeweyWest.fit(
            y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
    assertThat(r.metric("alpha"))
        .isCloseTo(nw.coefficients()[0], within(1e-12 * Math.abs(nw.coefficients()[0]) + 1e-17));
    assertThat(r.metric("alpha_t")).isCloseTo(nw.t()[0], within(1e-9 * Math.abs(nw.t()[0])));
    assertThat(r.metric("alpha_p")).isCloseTo(nw.p()[0], within(1e-10));
    String[] names = {"b_Mkt-RF", "b_SMB", "b_HML"};
    for (int j = 0; j < 3; j++) {
      assertThat(r.metric(names[j])).as(names[j]).isCloseTo(nw.coefficients()[j + 1], within(1e-9));
    }
    assertThat(r.metrics()).doesNotContainKey("beta");
    assertThat(r.metric("r2")).isCloseTo(nw.r2(), within(1e-12));
    assertThat(r.metric("alpha_days")).isEqualTo(y.size());
    assertThat(r.metric("nw_lag")).isEqualTo(nw.lag());
  }

  @Test
  void aFactorModelNeedsItsFactors() {
    long[] d = days();
    double[][] cols = new double[3][d.length];
    FactorSet ff3 = FactorSet.of(List.of("Mkt-RF", "SMB", "HML"), d, cols, new double[d.length]);
    Backtest carhart =
        Backtest.of(Strategy.builder().hold(3).alphaModel(AlphaModel.CARHART4).build());
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> carhart.run(fixture().data().withFactors(ff3)))
        .withMessage(
            "Alpha model carhart4 needs factor Mom; the factor files have [Mkt-RF, SMB, HML]");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> carhart.run(fixture().data()))
        .withMessage("Alpha model carhart4 needs factor files with [Mkt-RF, SMB, HML, Mom]");
  }

  @Test
  void fewerThanKPlusTwoDaysGiveNoAlpha() {
    // One trade held 1 session: entered at an open, out at the next close, 2 dates < k + 2 = 4.
    Fixture f = fixture();
    f.events.clear();
    f.event("one", LocalDate.ofEpochDay(days()[300]).toString(), 1, "AAA");
    BacktestResult r = Backtest.of(Strategy.builder().hold(1).build()).run(f.data());
    assertThat(r.trades()).hasSize(1);
    assertThat(activeRows(r).dates()).hasSize(2);
    assertThat(r.alpha()).isEmpty();
    for (String m :
        List.of(
            "alpha", "alpha_annual", "alpha_t", "alpha_p", "beta", "r2", "alpha_days", "nw_lag")) {
      assertThat(r.metric(m)).as(m).isNaN();
    }
  }
}
