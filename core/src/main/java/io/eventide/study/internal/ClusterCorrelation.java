package io.eventide.study.internal;

import io.eventide.calendar.TradingCalendar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sum of the cross-correlations {@code r_ij} of one cluster's pairs (the firm-events of one
 * event), per test window, for the Kolari-Pynnönen mean cross-correlation r̄ ({@code
 * docs/statistics.md} section 3): {@code r_ij} is the Pearson correlation of the estimation
 * residuals of firm-events i and j on the calendar dates where both have one, 0 when fewer than
 * {@value #MIN_COMMON_DATES} dates are common; a pair counts in a window when both firm-events are
 * in that window's sample.
 *
 * <p>Two ways to the same sums. Complete members (a residual on every estimation day, at least
 * {@value #MIN_COMMON_DATES} days) on one calendar and estimation range form a group; within a
 * group, with standardized vectors {@code z = (ε − ε̄) / ‖ε − ε̄‖} so that {@code r_ij = z_i ·
 * z_j}, {@code Σ_{i<j} r_ij = (‖Σz‖² − Σ‖z‖²) / 2}: O(N·M) instead of O(N²·M). The pairs of one
 * calendar and estimation range with a gappy member are formed together by {@link GappedPairs} (a
 * Gram product of the zero-filled residuals with exact per-pair corrections for the missing days).
 * Every other pair (two calendars, or shifted estimation ranges) is correlated directly on its
 * common dates, with one pass of sums. A member with fewer than {@value #MIN_COMMON_DATES}
 * residuals pairs with nobody: its pairs count 0.
 *
 * <p>Use: {@link #clear()}, then {@link #add} each member of the cluster in canonical order, then
 * {@link #addTo(double[])}. A complete member keeps only its {@code source} (for the study, its
 * fit), from which its residuals are recomputed once if it pairs with a member outside its group;
 * others keep a copy of their residuals. Scratch lives in the instance; one instance per thread.
 *
 * @param <S> what a complete member's residuals are recomputed from
 */
public final class ClusterCorrelation<S> {

  /** Pairs with fewer common estimation dates count as uncorrelated. */
  public static final int MIN_COMMON_DATES = 30;

  /** Recomputes a complete member's estimation residuals. */
  @FunctionalInterface
  public interface Recompute<S> {
    /**
     * @param source the member's source, as given to {@link ClusterCorrelation#add}
     * @param e0 the first estimation session
     * @param out receives the residuals of sessions {@code e0 .. e0 + out.length - 1}
     */
    void residuals(S source, int e0, double[] out);
  }

  private final int estLen;
  private final int windowCount;
  private final Recompute<S> recompute;
  private final double[] vector;
  private final List<Member<S>> members = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();
  private final GappedPairs gapped;
  private double[][] blockRows = new double[0][];
  private int[] blockPatterns = new int[0];

  /**
   * @param estLen the estimation window's length in sessions
   * @param windowCount the number of test windows
   * @param recompute how to recompute a complete member's residuals from its source
   */
  public ClusterCorrelation(int estLen, int windowCount, Recompute<S> recompute) {
    this.estLen = estLen;
    this.windowCount = windowCount;
    this.recompute = recompute;
    this.vector = new double[estLen];
    this.gapped = new GappedPairs(estLen, MIN_COMMON_DATES);
  }

  /** Forgets the current cluster. */
  public void clear() {
    members.clear();
    groups.clear();
    blocks.clear();
  }

  /**
   * Adds a member of the current cluster.
   *
   * @param calendar the listing's calendar
   * @param e0 the session index of its first estimation day
   * @param resid its estimation residuals ({@code NaN} where missing; read now, not kept)
   * @param m the number of residuals present
   * @param residSum the sum of the residuals present
   * @param mask the windows whose sample holds the member, one bit per window (copied)
   * @param source what its residuals can be recomputed from (kept for a complete member)
   */
  public void add(
      TradingCalendar calendar,
      int e0,
      double[] resid,
      int m,
      double residSum,
      long[] mask,
      S source) {
    boolean complete = complete(m, estLen);
    Member<S> member =
        complete
            ? new Member<>(calendar, e0, null, source, mask.clone(), true, m)
            : new Member<>(calendar, e0, resid.clone(), null, mask.clone(), false, m);
    members.add(member);
    if (!complete) {
      return;
    }
    Group group = group(calendar, e0);
    member.group = groups.indexOf(group);
    ZPattern zp = group.pattern(member.mask, estLen);
    zp.squares += addStandardized(resid, m, residSum, zp.sum);
  }

  /**
   * Adds a complete member's standardized residuals {@code z = (ε − ε̄) / ‖ε − ε̄‖} into {@code
   * sum}, element by element.
   *
   * @param resid the residuals, one per estimation day, none missing
   * @param m their number
   * @param residSum their sum
   * @param sum the running {@code Σz}
   * @return {@code ‖z‖²} (1 up to rounding)
   */
  static double addStandardized(double[] resid, int m, double residSum, double[] sum) {
    double mean = residSum / m;
    double ss = 0;
    for (int tau = 0; tau < sum.length; tau++) {
      double dv = resid[tau] - mean;
      ss += dv * dv;
    }
    double norm = Math.sqrt(ss);
    double zz = 0;
    for (int tau = 0; tau < sum.length; tau++) {
      double z = (resid[tau] - mean) / norm;
      sum[tau] += z;
      zz += z * z;
    }
    return zz;
  }

  /**
   * Whether a member is complete: a residual on every estimation day, and at least {@value
   * #MIN_COMMON_DATES} days.
   *
   * @param m the number of residuals present
   * @param estLen the estimation window's length
   * @return whether its pairs inside its group reduce to {@code Σz} and {@code Σ‖z‖²}
   */
  public static boolean complete(int m, int estLen) {
    return m == estLen && estLen >= MIN_COMMON_DATES;
  }

  /**
   * The pairs of one group's complete members, per window: {@code (‖Σz‖² − Σ‖z‖²) / 2} over the
   * window patterns holding the window, patterns in the order given.
   *
   * @param masks each pattern's windows
   * @param sums each pattern's {@code Σz}
   * @param squares each pattern's {@code Σ‖z‖²}
   * @param count the number of patterns
   * @param vector scratch of the estimation window's length
   * @param pairSum receives the sums, one per window
   */
  static void addGroupPairs(
      List<long[]> masks,
      List<double[]> sums,
      double[] squares,
      int count,
      double[] vector,
      double[] pairSum) {
    for (int w = 0; w < pairSum.length; w++) {
      Arrays.fill(vector, 0.0);
      double sq = 0;
      boolean any = false;
      for (int p = 0; p < count; p++) {
        if (has(masks.get(p), w)) {
          addInto(vector, sums.get(p));
          sq += squares[p];
          any = true;
        }
      }
      if (any) {
        double total = 0;
        for (double v : vector) {
          total += v * v;
        }
        pairSum[w] += 0.5 * (total - sq);
      }
    }
  }

  /**
   * Adds the current cluster's {@code Σ r_ij}, over the pairs in each window's sample, into {@code
   * pairSum[w]}.
   *
   * @param pairSum one sum per test window
   */
  public void addTo(double[] pairSum) {
    if (members.size() < 2) {
      return;
    }
    for (Group g : groups) {
      int pc = g.patterns.size();
      List<long[]> masks = new ArrayList<>(pc);
      List<double[]> sums = new ArrayList<>(pc);
      double[] squares = new double[pc];
      for (int p = 0; p < pc; p++) {
        ZPattern zp = g.patterns.get(p);
        masks.add(zp.mask);
        sums.add(zp.sum);
        squares[p] = zp.squares;
      }
      addGroupPairs(masks, sums, squares, pc, vector, pairSum);
    }
    formBlocks();
    for (Block blk : blocks) {
      if (blk.firstComplete > 0 && blk.members.size() > 1) {
        addGapped(blk, pairSum);
      }
    }
    int n = members.size();
    for (int i = 0; i < n; i++) {
      Member<S> a = members.get(i);
      if (a.m < MIN_COMMON_DATES) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        Member<S> b = members.get(j);
        if (b.m < MIN_COMMON_DATES || a.block == b.block) {
          continue;
        }
        double r = pearson(a, b);
        if (r != 0) {
          for (int w = 0; w < windowCount; w++) {
            if (has(a.mask, w) && has(b.mask, w)) {
              pairSum[w] += r;
            }
          }
        }
      }
    }
  }

  /**
   * Sorts the members that have at least {@value #MIN_COMMON_DATES} residuals into blocks of one
   * calendar and estimation range, members with gaps first, in canonical order within each kind.
   */
  private void formBlocks() {
    blocks.clear();
    for (int pass = 0; pass < 2; pass++) {
      for (Member<S> m : members) {
        if (m.m < MIN_COMMON_DATES || m.complete == (pass == 0)) {
          continue;
        }
        Block blk = null;
        for (int q = 0; q < blocks.size() && blk == null; q++) {
          Block c = blocks.get(q);
          if (c.calendar == m.calendar && c.e0 == m.e0) {
            blk = c;
          }
        }
        if (blk == null) {
          blk = new Block(m.calendar, m.e0);
          blocks.add(blk);
        }
        m.block = blocks.indexOf(blk);
        blk.members.add(m);
        if (!m.complete) {
          blk.firstComplete++;
        }
      }
    }
  }

  /** The pairs of a block with at least one gappy member, through {@link GappedPairs}. */
  private void addGapped(Block blk, double[] pairSum) {
    int nb = blk.members.size();
    if (blockRows.length < nb) {
      blockRows = new double[Math.max(nb, blockRows.length * 2)][];
      blockPatterns = new int[blockRows.length];
    }
    List<long[]> masks = new ArrayList<>();
    for (int q = 0; q < nb; q++) {
      Member<S> m = blk.members.get(q);
      blockRows[q] = residuals(m);
      int p = 0;
      while (p < masks.size() && !Arrays.equals(masks.get(p), m.mask)) {
        p++;
      }
      if (p == masks.size()) {
        masks.add(m.mask);
      }
      blockPatterns[q] = p;
    }
    int pc = masks.size();
    double[] sums = new double[pc * pc];
    gapped.addPairs(blockRows, nb, blk.firstComplete, blockPatterns, pc, sums);
    Arrays.fill(blockRows, 0, nb, null);
    for (int pa = 0; pa < pc; pa++) {
      for (int pb = 0; pb < pc; pb++) {
        double v = sums[pa * pc + pb];
        if (v != 0) {
          long[] ma = masks.get(pa);
          long[] mb = masks.get(pb);
          for (int w = 0; w < windowCount; w++) {
            if (has(ma, w) && has(mb, w)) {
              pairSum[w] += v;
            }
          }
        }
      }
    }
  }

  /**
   * Pearson correlation of two residual series on their common calendar dates; 0 below {@value
   * #MIN_COMMON_DATES}. One pass of sums: residuals are centred by construction (their mean over
   * the estimation window is zero for every model with an intercept, and small otherwise), so
   * {@code Σab − ΣaΣb/n} loses no digits.
   */
  private double pearson(Member<S> a, Member<S> b) {
    double[] ra = residuals(a);
    double[] rb = residuals(b);
    int n = 0;
    double sa = 0;
    double sb = 0;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    if (a.calendar == b.calendar) {
      int shift = b.e0 - a.e0;
      int lo = Math.max(0, shift);
      int hi = Math.min(estLen, estLen + shift);
      for (int tau = lo; tau < hi; tau++) {
        double x = ra[tau];
        double y = rb[tau - shift];
        if (x == x && y == y) {
          n++;
          sa += x;
          sb += y;
          saa += x * x;
          sbb += y * y;
          sab += x * y;
        }
      }
    } else {
      int u = 0;
      for (int tau = 0; tau < estLen && u < estLen; tau++) {
        long day = a.calendar.sessionEpochDay(a.e0 + tau);
        while (u < estLen && b.calendar.sessionEpochDay(b.e0 + u) < day) {
          u++;
        }
        if (u < estLen && b.calendar.sessionEpochDay(b.e0 + u) == day) {
          double x = ra[tau];
          double y = rb[u];
          if (x == x && y == y) {
            n++;
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
          }
        }
      }
    }
    return n < MIN_COMMON_DATES ? 0 : pearson(n, sa, sb, saa, sbb, sab);
  }

  /**
   * Pearson's r from the one-pass sums of n pairs: {@code (Σab − Σa·Σb/n) / √((Σa² − (Σa)²/n)(Σb² −
   * (Σb)²/n))}, clamped to [−1, 1]; 0 when either variance is not positive.
   */
  static double pearson(int n, double sa, double sb, double saa, double sbb, double sab) {
    double cov = sab - sa * (sb / n);
    double va = saa - sa * (sa / n);
    double vb = sbb - sb * (sb / n);
    double den = Math.sqrt(va * vb);
    // A correlation lies in [−1, 1]; one-pass sums of nearly identical series can round past it.
    return den > 0 ? Math.max(-1.0, Math.min(1.0, cov / den)) : 0;
  }

  /** The estimation residuals, recomputed from the source on first use for a complete member. */
  private double[] residuals(Member<S> m) {
    if (m.resid == null) {
      m.resid = new double[estLen];
      recompute.residuals(m.source, m.e0, m.resid);
    }
    return m.resid;
  }

  private Group group(TradingCalendar calendar, int e0) {
    for (Group g : groups) {
      if (g.calendar == calendar && g.e0 == e0) {
        return g;
      }
    }
    Group g = new Group(calendar, e0);
    groups.add(g);
    return g;
  }

  private static void addInto(double[] target, double[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  /**
   * @param mask one bit per window
   * @param w a window index
   * @return whether the mask holds window {@code w}
   */
  public static boolean has(long[] mask, int w) {
    return (mask[w >>> 6] & (1L << (w & 63))) != 0;
  }

  /** A cluster member kept until the cluster's cross-correlations are formed. */
  private static final class Member<S> {
    final TradingCalendar calendar;
    final int e0;
    final long[] mask;
    final boolean complete;
    final S source;
    final int m;
    double[] resid;
    int group = -1;
    int block = -1;

    Member(
        TradingCalendar calendar,
        int e0,
        double[] resid,
        S source,
        long[] mask,
        boolean complete,
        int m) {
      this.m = m;
      this.calendar = calendar;
      this.e0 = e0;
      this.resid = resid;
      this.source = source;
      this.mask = mask;
      this.complete = complete;
    }
  }

  /** Complete members of one cluster on one calendar and estimation range. */
  private static final class Group {
    final TradingCalendar calendar;
    final int e0;
    final List<ZPattern> patterns = new ArrayList<>();

    Group(TradingCalendar calendar, int e0) {
      this.calendar = calendar;
      this.e0 = e0;
    }

    ZPattern pattern(long[] mask, int estLen) {
      for (ZPattern p : patterns) {
        if (Arrays.equals(p.mask, mask)) {
          return p;
        }
      }
      ZPattern p = new ZPattern(mask, estLen);
      patterns.add(p);
      return p;
    }
  }

  /** The members of one cluster on one calendar and estimation range, gappy members first. */
  private final class Block {
    final TradingCalendar calendar;
    final int e0;
    final List<Member<S>> members = new ArrayList<>();
    int firstComplete;

    Block(TradingCalendar calendar, int e0) {
      this.calendar = calendar;
      this.e0 = e0;
    }
  }

  /** Summed standardized residual vectors of the members of a group sharing one window set. */
  private static final class ZPattern {
    final long[] mask;
    final double[] sum;
    double squares;

    ZPattern(long[] mask, int estLen) {
      this.mask = mask;
      this.sum = new double[estLen];
    }
  }
}
