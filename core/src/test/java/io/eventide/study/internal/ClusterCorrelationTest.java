package io.eventide.study.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.study.SyntheticPanels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

/**
 * The cluster's {@code Σ r_ij} per window against Commons Math's {@link PearsonsCorrelation}: for
 * every pair, the residuals on the calendar dates where both have one are handed to Commons Math;
 * pairs with fewer than 30 such dates count 0; a pair counts in a window when both members are in
 * it.
 */
class ClusterCorrelationTest {

  private static final int EST_LEN = 40;
  private static final int WINDOWS = 3;
  private static final LocalDate[] DAYS = SyntheticPanels.sessions(120);
  private static final TradingCalendar NY = TradingCalendar.of("NY", Exchange.NYSE, DAYS);

  /** Every eighth NYSE date left out, and a few Saturdays added: dates only partly shared. */
  private static final TradingCalendar HK = hk();

  private static TradingCalendar hk() {
    List<LocalDate> d = new ArrayList<>();
    for (int i = 0; i < DAYS.length; i++) {
      if (i % 8 != 7) {
        d.add(DAYS[i]);
      }
      if (i % 10 == 4 && DAYS[i].getDayOfWeek().getValue() == 5) {
        d.add(DAYS[i].plusDays(1));
      }
    }
    return TradingCalendar.of("HK", Exchange.HKEX, d.toArray(new LocalDate[0]));
  }

  private static int crossCalendarPairs;

  /** A member as the test holds it. */
  private record M(TradingCalendar cal, int e0, double[] resid, long mask) {}

  private static double[] residuals(SplittableRandom rnd, double common, double[] shared) {
    double[] r = new double[EST_LEN];
    for (int t = 0; t < EST_LEN; t++) {
      r[t] = 0.001 + common * shared[t] + 0.01 * SyntheticPanels.gaussian(rnd);
    }
    return r;
  }

  private static double[] withGaps(double[] r, int... days) {
    double[] out = r.clone();
    for (int d : days) {
      out[d] = Double.NaN;
    }
    return out;
  }

  /** Σ r_ij per window, with Commons Math's Pearson on the common dates. */
  private static double[] expected(List<M> members) {
    double[] sums = new double[WINDOWS];
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        M a = members.get(i);
        M b = members.get(j);
        List<double[]> pairs = new ArrayList<>();
        for (int s = 0; s < EST_LEN; s++) {
          LocalDate day = a.cal.session(a.e0 + s);
          for (int u = 0; u < EST_LEN; u++) {
            if (b.cal.session(b.e0 + u).equals(day)
                && !Double.isNaN(a.resid[s])
                && !Double.isNaN(b.resid[u])) {
              pairs.add(new double[] {a.resid[s], b.resid[u]});
            }
          }
        }
        double r = 0;
        if (a.cal != b.cal && pairs.size() >= 30) {
          crossCalendarPairs++;
        }
        if (pairs.size() >= 30) {
          double[] x = new double[pairs.size()];
          double[] y = new double[pairs.size()];
          for (int q = 0; q < x.length; q++) {
            x[q] = pairs.get(q)[0];
            y[q] = pairs.get(q)[1];
          }
          r = new PearsonsCorrelation().correlation(x, y);
        }
        for (int w = 0; w < WINDOWS; w++) {
          if ((a.mask & b.mask & (1L << w)) != 0) {
            sums[w] += r;
          }
        }
      }
    }
    return sums;
  }

  private static double[] engine(List<M> members) {
    ClusterCorrelation<double[]> cc =
        new ClusterCorrelation<>(
            EST_LEN, WINDOWS, (source, e0, out) -> System.arraycopy(source, 0, out, 0, out.length));
    double[] sums = new double[WINDOWS];
    // Two clusters in a row: clear() must forget the first.
    cc.add(NY, 0, members.get(0).resid, EST_LEN, 0.0, new long[] {7}, members.get(0).resid);
    cc.clear();
    for (M m : members) {
      int n = 0;
      double sum = 0;
      for (double v : m.resid) {
        if (v == v) {
          n++;
          sum += v;
        }
      }
      cc.add(m.cal, m.e0, m.resid, n, sum, new long[] {m.mask}, m.resid.clone());
    }
    cc.addTo(sums);
    return sums;
  }

  @Test
  void completeMembersMatchPearson() {
    SplittableRandom rnd = new SplittableRandom(11);
    double[] shared = residuals(rnd, 0, new double[EST_LEN]);
    List<M> members = new ArrayList<>();
    // One group (NY, e0 = 10) in three window sets, a second group shifted by 4 sessions (36
    // common dates), and a complete member on HK.
    members.add(new M(NY, 10, residuals(rnd, 1.0, shared), 0b111));
    members.add(new M(NY, 10, residuals(rnd, 0.5, shared), 0b111));
    members.add(new M(NY, 10, residuals(rnd, 2.0, shared), 0b011));
    members.add(new M(NY, 10, residuals(rnd, -1.0, shared), 0b101));
    members.add(new M(NY, 14, residuals(rnd, 1.0, shared), 0b111));
    members.add(new M(NY, 14, residuals(rnd, 0.3, shared), 0b001));
    members.add(new M(HK, 5, residuals(rnd, 1.0, shared), 0b111));

    crossCalendarPairs = 0;
    double[] want = expected(members);
    assertThat(want[0]).isNotZero();
    assertThat(crossCalendarPairs).isPositive();
    assertThat(engine(members)).containsExactly(want, within(1e-13));
  }

  @Test
  void membersWithGapsMatchPearsonOnCommonDates() {
    SplittableRandom rnd = new SplittableRandom(12);
    double[] shared = residuals(rnd, 0, new double[EST_LEN]);
    List<M> members = new ArrayList<>();
    members.add(new M(NY, 20, residuals(rnd, 1.0, shared), 0b111));
    members.add(new M(NY, 20, withGaps(residuals(rnd, 0.8, shared), 0, 7, 19), 0b111));
    members.add(new M(NY, 22, withGaps(residuals(rnd, 1.5, shared), 3, 4, 5, 30), 0b011));
    // Shares only 25 dates with the NY members at 20: those pairs count 0.
    members.add(new M(NY, 35, residuals(rnd, 1.0, shared), 0b111));
    // Many gaps: fewer than 30 values at all.
    members.add(new M(NY, 20, withGaps(residuals(rnd, 1.0, shared), range(0, 12)), 0b111));
    members.add(new M(HK, 13, withGaps(residuals(rnd, 0.7, shared), 1, 2, 39), 0b110));

    crossCalendarPairs = 0;
    double[] want = expected(members);
    assertThat(want[1]).isNotZero();
    assertThat(crossCalendarPairs).isPositive();
    assertThat(engine(members)).containsExactly(want, within(1e-13));
  }

  @Test
  void aClusterOfOneHasNoPairs() {
    SplittableRandom rnd = new SplittableRandom(13);
    List<M> one = List.of(new M(NY, 0, residuals(rnd, 0, new double[EST_LEN]), 0b111));
    assertThat(engine(one)).containsExactly(0.0, 0.0, 0.0);
  }

  private static int[] range(int from, int to) {
    int[] out = new int[to - from];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }
}
