package io.eventide.backtest;

import io.eventide.calendar.Exchange;
import io.eventide.event.EventWindow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random small portfolios for the property tests: two US and two Hong Kong listings on their own
 * benchmarks (NYSE and HKEX calendars with different holidays), random walks with missing opens and
 * closes, random date-only and timed events, and a random strategy.
 */
final class RandomPortfolios {

  final Fixture fixture = new Fixture();
  final Strategy strategy;
  final long[] usDays;
  final long[] hkDays;

  RandomPortfolios(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = 40 + rnd.nextInt(30);
    usDays = sessions(rnd, n, LocalDate.of(2023, 1, 2));
    hkDays = sessions(rnd, n, LocalDate.of(2023, 1, 2));
    walk(rnd, "SPX", usDays, false);
    walk(rnd, "HSI", hkDays, false);
    walk(rnd, "U1", usDays, true);
    walk(rnd, "U2", usDays, true);
    walk(rnd, "H1", hkDays, true);
    walk(rnd, "H2", hkDays, true);
    fixture
        .listing("U1", Exchange.NYSE, "SPX")
        .listing("U2", Exchange.NASDAQ, "SPX")
        .listing("H1", Exchange.HKEX, "HSI")
        .listing("H2", Exchange.HKEX, "HSI");
    int events = 3 + rnd.nextInt(15);
    String[] tickers = {"U1", "U2", "H1", "H2"};
    for (int e = 0; e < events; e++) {
      LocalDate d = LocalDate.ofEpochDay(usDays[0] + 10 + rnd.nextInt(n + 5));
      int dir = rnd.nextInt(3) - 1;
      String when;
      if (rnd.nextBoolean()) {
        when = d.toString();
      } else {
        int hour = rnd.nextInt(24);
        int offset = rnd.nextBoolean() ? 8 : -5;
        when = d.atTime(hour, rnd.nextInt(4) * 15).atOffset(ZoneOffset.ofHours(offset)).toString();
      }
      List<String> affected = new ArrayList<>();
      for (String t : tickers) {
        if (rnd.nextInt(3) == 0) {
          affected.add(t);
        }
      }
      fixture.event(
          String.format("ev%02d", e),
          when,
          dir == 0 && rnd.nextBoolean() ? 1 : dir,
          affected.toArray(String[]::new));
    }
    Strategy.Builder b =
        Strategy.builder()
            .side(SideRule.values()[rnd.nextInt(SideRule.values().length)])
            .entry(EntryRule.values()[rnd.nextInt(3)])
            .entryDelay(rnd.nextInt(3))
            .maxEntryLag(rnd.nextInt(3))
            .hold(1 + rnd.nextInt(8))
            .size(0.05 + 0.5 * rnd.nextDouble())
            .maxGross(0.5 + 2 * rnd.nextDouble())
            .overlap(rnd.nextBoolean() ? OverlapPolicy.ALLOW : OverlapPolicy.SKIP)
            .hedge(rnd.nextBoolean() ? Hedge.NONE : Hedge.MARKET)
            .costs(
                new CostModel(rnd.nextInt(30), java.util.Map.of("HKEX", (double) rnd.nextInt(40))))
            .borrowBps(rnd.nextInt(300))
            .estimation(EventWindow.of(-8, -1))
            .minEstimation(4);
    if (rnd.nextBoolean()) {
      b.stopLoss(0.01 + 0.1 * rnd.nextDouble());
    }
    if (rnd.nextBoolean()) {
      b.takeProfit(0.01 + 0.1 * rnd.nextDouble());
    }
    strategy = b.build();
  }

  private static long[] sessions(SplittableRandom rnd, int n, LocalDate start) {
    long[] d = new long[n];
    LocalDate day = start;
    for (int i = 0; i < n; i++) {
      while (day.getDayOfWeek().getValue() > 5 || rnd.nextInt(12) == 0) {
        day = day.plusDays(1);
      }
      d[i] = day.toEpochDay();
      day = day.plusDays(1);
    }
    return d;
  }

  private void walk(SplittableRandom rnd, String ticker, long[] days, boolean gaps) {
    int n = days.length;
    double[] o = new double[n];
    double[] c = new double[n];
    double p = 50 + 100 * rnd.nextDouble();
    for (int i = 0; i < n; i++) {
      o[i] = p * Math.exp(0.01 * rnd.nextGaussian());
      p = o[i] * Math.exp(0.02 * rnd.nextGaussian());
      c[i] = p;
      if (gaps && rnd.nextInt(8) == 0) {
        o[i] = Double.NaN;
      }
      if (gaps && rnd.nextInt(12) == 0) {
        c[i] = Double.NaN;
        o[i] = Double.NaN;
      }
    }
    fixture.bars(ticker, days, o, c);
  }
}
