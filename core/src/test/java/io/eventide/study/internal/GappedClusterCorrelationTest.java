package io.eventide.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.TradingCalendar;
import io.eventide.study.SyntheticPanels;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Clusters of the size a study meets (hundreds of members, a 250-day estimation window, 14
 * windows), with prices missing at random, against the pairwise code that the Gram-product path
 * replaced ({@link PairwiseClusterCorrelation}, kept verbatim as the oracle; it is itself held to
 * Commons Math's Pearson by {@code ClusterCorrelationTest}): every window's {@code Σ r_ij} agrees
 * to 1e-12 relative.
 *
 * <p>The clusters mix what a study produces: gappy and complete members on one calendar and
 * estimation range (more than one tile of 256 columns, row counts not a multiple of four), members
 * with fewer than 30 residuals, members whose estimation range is shifted by a few sessions, and
 * members on a second calendar; three window sets.
 */
class GappedClusterCorrelationTest {

  private static final int EST_LEN = 250;
  private static final int WINDOWS = 14;
  private static final LocalDate[] DAYS = SyntheticPanels.sessions(400);
  private static final TradingCalendar NY = TradingCalendar.of("NY", Exchange.NYSE, DAYS);
  private static final TradingCalendar HK = hk();

  private static TradingCalendar hk() {
    List<LocalDate> d = new ArrayList<>();
    for (int i = 0; i < DAYS.length; i++) {
      if (i % 9 != 4) {
        d.add(DAYS[i]);
      }
    }
    return TradingCalendar.of("HK", Exchange.HKEX, d.toArray(new LocalDate[0]));
  }

  private static final long[] MASKS = {(1L << WINDOWS) - 1, 0b1111, (1L << WINDOWS) - 1 - 2};

  private record M(TradingCalendar cal, int e0, double[] resid, long mask) {}

  /**
   * A member's residuals: a common factor with loading {@code load} plus noise; each missing price
   * blanks the two returns it ends and starts (as a gap in a price file does).
   */
  private static double[] residuals(
      SplittableRandom rnd, double[] factor, double load, double missing) {
    double[] r = new double[EST_LEN];
    for (int t = 0; t < EST_LEN; t++) {
      r[t] = load * factor[t] + 0.02 * SyntheticPanels.gaussian(rnd);
    }
    for (int t = 0; t < EST_LEN; t++) {
      if (rnd.nextDouble() < missing) {
        r[t] = Double.NaN;
        if (t + 1 < EST_LEN) {
          r[t + 1] = Double.NaN;
        }
      }
    }
    return r;
  }

  private static List<M> cluster(long seed, int size, double missing, double loading) {
    return cluster(seed, size, missing, loading, MASKS);
  }

  private static List<M> cluster(
      long seed, int size, double missing, double loading, long[] masks) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] factor = new double[EST_LEN];
    for (int t = 0; t < EST_LEN; t++) {
      factor[t] = 0.01 * SyntheticPanels.gaussian(rnd);
    }
    List<M> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double load = loading * (0.5 + rnd.nextDouble());
      long mask = masks[rnd.nextInt(masks.length)];
      int kind = rnd.nextInt(100);
      if (kind < 3) {
        out.add(new M(NY, 100, residuals(rnd, factor, load, 0), mask));
      } else if (kind < 5) {
        double[] r = residuals(rnd, factor, load, missing);
        for (int t = 0; t < EST_LEN - 20; t++) {
          r[t] = Double.NaN;
        }
        out.add(new M(NY, 100, r, mask));
      } else if (kind < 7) {
        out.add(new M(NY, 103, residuals(rnd, factor, load, missing), mask));
      } else if (kind < 9) {
        out.add(new M(HK, 90, residuals(rnd, factor, load, missing), mask));
      } else {
        out.add(new M(NY, 100, residuals(rnd, factor, load, missing), mask));
      }
    }
    return out;
  }

  private static double[] engine(List<M> members) {
    return engine(
        new ClusterCorrelation<>(
            EST_LEN, WINDOWS, (source, e0, out) -> System.arraycopy(source, 0, out, 0, out.length)),
        members);
  }

  private static double[] engine(ClusterCorrelation<double[]> cc, List<M> members) {
    cc.clear();
    double[] sums = new double[WINDOWS];
    for (M m : members) {
      add(m, (n, s) -> cc.add(m.cal, m.e0, m.resid, n, s, new long[] {m.mask}, m.resid.clone()));
    }
    cc.addTo(sums);
    return sums;
  }

  private static double[] oracle(List<M> members) {
    PairwiseClusterCorrelation<double[]> cc =
        new PairwiseClusterCorrelation<>(
            EST_LEN, WINDOWS, (source, e0, out) -> System.arraycopy(source, 0, out, 0, out.length));
    double[] sums = new double[WINDOWS];
    for (M m : members) {
      add(m, (n, s) -> cc.add(m.cal, m.e0, m.resid, n, s, new long[] {m.mask}, m.resid.clone()));
    }
    cc.addTo(sums);
    return sums;
  }

  private interface Adder {
    void add(int n, double sum);
  }

  private static void add(M m, Adder adder) {
    int n = 0;
    double sum = 0;
    for (double v : m.resid) {
      if (v == v) {
        n++;
        sum += v;
      }
    }
    adder.add(n, sum);
  }

  @ParameterizedTest(name = "{1} members, {2} of prices missing, loading {3}")
  @CsvSource({
    "21, 300, 0.01, 1.0",
    "22, 301, 0.002, 1.0",
    "23, 123, 0.05, 0.5",
    "24, 302, 0.01, 0.0",
    "25, 7, 0.01, 1.0",
  })
  void matchesThePairwiseOracle(long seed, int size, double missing, double loading) {
    List<M> members = cluster(seed, size, missing, loading);
    double[] want = oracle(members);
    double[] got = engine(members);
    for (int w = 0; w < WINDOWS; w++) {
      assertThat(want[w]).as("window %d has pairs", w).isNotZero();
      double tolerance = 1e-12 * Math.abs(want[w]);
      assertThat(Math.abs(got[w] - want[w]))
          .as("window %d: engine %s, oracle %s", w, got[w], want[w])
          .isLessThanOrEqualTo(tolerance);
    }
  }

  /**
   * Members without spread count 0 in every pair, as the oracle counts them, and pairs of equal
   * members count 1: residuals that are all 0.5 (a spread of exactly 0 while the pair's one-pass
   * covariance rounds to a few ulps, so that only the spread can rule the pair out) and members
   * equal to another one's residuals (a correlation that one-pass sums may round past 1, clamped),
   * each with gaps, among ordinary gappy members.
   */
  @org.junit.jupiter.api.Test
  void membersWithoutSpreadCountZeroAndEqualMembersCountOne() {
    List<M> members = new ArrayList<>(cluster(41, 120, 0.01, 1.0));
    for (int i = 0; i < 3; i++) {
      M m = members.get(i);
      double[] flat = m.resid.clone();
      for (int t = 0; t < EST_LEN; t++) {
        flat[t] = flat[t] == flat[t] ? 0.5 : flat[t];
      }
      members.set(i, new M(m.cal, m.e0, flat, m.mask));
    }
    for (int i = 10; i < 40; i += 2) {
      M source = members.get(i);
      members.set(i + 1, new M(source.cal, source.e0, source.resid.clone(), source.mask));
    }
    double[] want = oracle(members);
    double[] got = engine(members);
    for (int w = 0; w < WINDOWS; w++) {
      assertThat(want[w]).as("window %d has pairs", w).isNotZero();
      assertThat(Math.abs(got[w] - want[w]))
          .as("window %d: engine %s, oracle %s", w, got[w], want[w])
          .isLessThanOrEqualTo(1e-12 * Math.abs(want[w]));
    }
  }

  /**
   * A cluster with twelve window sets after one with a single window set on the same instance (and
   * thread): the per-window-set scratch must grow with the window sets, not only with the members
   * (it did not: an index out of bounds, found when the scratch began to be kept from one cluster
   * task to the next).
   */
  @org.junit.jupiter.api.Test
  void manyWindowSetsAfterOne() {
    long[] twelve = new long[12];
    for (int i = 0; i < twelve.length; i++) {
      twelve[i] = ((1L << WINDOWS) - 1) & ~(1L << i);
    }
    ClusterCorrelation<double[]> cc =
        new ClusterCorrelation<>(
            EST_LEN, WINDOWS, (source, e0, out) -> System.arraycopy(source, 0, out, 0, out.length));
    List<M> first = cluster(31, 40, 0.01, 1.0, new long[] {(1L << WINDOWS) - 1});
    List<M> second = cluster(32, 300, 0.01, 1.0, twelve);
    double[] firstWant = oracle(first);
    double[] firstGot = engine(cc, first);
    double[] want = oracle(second);
    double[] got = engine(cc, second);
    for (int w = 0; w < WINDOWS; w++) {
      assertThat(Math.abs(firstGot[w] - firstWant[w]))
          .as("first cluster, window %d", w)
          .isLessThanOrEqualTo(1e-12 * Math.abs(firstWant[w]));
      assertThat(want[w]).as("window %d has pairs", w).isNotZero();
      assertThat(Math.abs(got[w] - want[w]))
          .as("second cluster, window %d: engine %s, oracle %s", w, got[w], want[w])
          .isLessThanOrEqualTo(1e-12 * Math.abs(want[w]));
    }
  }
}
