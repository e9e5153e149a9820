package io.eventide.study.internal;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Internal: r̄ under Stata's conventions ({@code Conventions.STATA_ESTUDY}, {@code
 * docs/statistics.md} section 3b) in mergeable pieces, for an engine that maps on partitions of
 * listings ({@link StudyPartitions}). Stata pairs every two firm-events of a window's sample, not
 * only those of one event, with the estimation residuals aligned on the relative day τ; {@code
 * r_ij} is the Pearson correlation over the days on which both have a residual, 0 when fewer than
 * {@value ClusterCorrelation#MIN_COMMON_DATES} or when either is constant there.
 *
 * <p>The sum over the pairs splits so:
 *
 * <ul>
 *   <li>members with a residual on every day share the same days, so with {@code z = (ε − ε̄) / ‖ε
 *       − ε̄‖} their pairs sum to {@code (‖Σz‖² − Σ‖z‖²) / 2}; {@code Σz} and {@code Σ‖z‖²} add
 *       across partitions ({@link #add}, {@link #merge});
 *   <li>every pair with a member that misses a day is correlated directly: each partition pairs its
 *       members with the list of every such member of the study ({@link #addIncompletePairs}), a
 *       pair of two of them once (in the partition of the later one, canonical order).
 * </ul>
 *
 * <p>The formula and the correlation are those of the local study's {@code AllPairsCorrelation}
 * (which calls {@link #pearson}); only the order of the sums differs, so the result agrees to the
 * rounding of floating-point addition. In a grouped study the same sums are kept per group, over
 * the pairs whose two members are in the group. Mutable, serializable.
 */
public final class AllPairsSums implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The canonical order of firm-events: event id, then ticker. */
  public static final Comparator<MappedFirmEvent> CANONICAL =
      Comparator.comparing(MappedFirmEvent::eventId).thenComparing(MappedFirmEvent::ticker);

  private final int windows;
  private final int estLen;
  private final boolean grouped;
  private final double[][] sumZ;
  private final double[] sumNorms;
  private final long[] members;
  private final double[] incompletePairs;
  private final TreeMap<String, AllPairsSums> groups = new TreeMap<>();

  /** Scratch: the member being added, centred and scaled. */
  private final double[] z;

  /**
   * Zero sums.
   *
   * @param windows the number of test windows
   * @param estimationLength the estimation window's length in sessions
   * @param grouped whether to keep the sums of each group too ({@link MappedFirmEvent#group()})
   */
  public AllPairsSums(int windows, int estimationLength, boolean grouped) {
    this.windows = windows;
    this.estLen = estimationLength;
    this.grouped = grouped;
    sumZ = new double[windows][estimationLength];
    sumNorms = new double[windows];
    members = new long[windows];
    incompletePairs = new double[windows];
    z = new double[estimationLength];
  }

  /**
   * @param fe a mapped firm-event
   * @return whether it is in a sample and has a residual on every estimation day
   */
  public static boolean complete(MappedFirmEvent fe) {
    if (!fe.inSample()) {
      return false;
    }
    for (double v : fe.residuals()) {
      if (v != v) {
        return false;
      }
    }
    return true;
  }

  /**
   * Counts a firm-event in the samples of its windows and, if it has a residual on every day, adds
   * its {@code z} and {@code ‖z‖²} to theirs; one not in any sample is skipped.
   *
   * @param fe a mapped firm-event
   */
  public void add(MappedFirmEvent fe) {
    if (!fe.inSample()) {
      return;
    }
    requireLength(fe);
    addOne(fe);
    if (grouped) {
      group(fe.group()).addOne(fe);
    }
  }

  private void addOne(MappedFirmEvent fe) {
    long[] mask = fe.windowMask();
    for (int w = 0; w < windows; w++) {
      if (ClusterCorrelation.has(mask, w)) {
        members[w]++;
      }
    }
    double[] e = fe.residuals();
    int len = e.length;
    boolean complete = true;
    double mean = 0;
    for (double v : e) {
      complete &= v == v;
      mean += v;
    }
    if (!complete) {
      return;
    }
    mean /= len;
    double ss = 0;
    for (int t = 0; t < len; t++) {
      z[t] = e[t] - mean;
      ss += z[t] * z[t];
    }
    if (!(ss > 0)) {
      return; // a constant series correlates with nothing: r = 0, z = 0
    }
    double inv = 1 / Math.sqrt(ss);
    double norm = 0;
    for (int t = 0; t < len; t++) {
      double v = z[t] * inv;
      z[t] = v;
      norm += v * v;
    }
    for (int w = 0; w < windows; w++) {
      if (ClusterCorrelation.has(mask, w)) {
        double[] s = sumZ[w];
        for (int t = 0; t < len; t++) {
          s[t] += z[t];
        }
        sumNorms[w] += norm;
      }
    }
  }

  /**
   * Adds {@code r_ij} of every pair of {@code b} with a member of {@code incomplete} that is not
   * complete, in each window whose sample holds both (and to their group's sums when both are in
   * one group). A pair of two incomplete members is added only when {@code b} comes after the other
   * in canonical order, so that each such pair is added once over all partitions.
   *
   * @param b a mapped firm-event of this partition
   * @param incomplete every in-sample firm-event of the study without a residual on every day, in
   *     canonical order ({@link #CANONICAL})
   */
  public void addIncompletePairs(MappedFirmEvent b, List<MappedFirmEvent> incomplete) {
    if (!b.inSample()) {
      return;
    }
    requireLength(b);
    boolean bComplete = complete(b);
    long[] mb = b.windowMask();
    for (MappedFirmEvent a : incomplete) {
      if (!bComplete && CANONICAL.compare(a, b) >= 0) {
        break; // the rest come at or after b: their pairs with b are added in their partitions
      }
      long[] ma = a.windowMask();
      boolean shared = false;
      for (int q = 0; q < mb.length && !shared; q++) {
        shared = (ma[q] & mb[q]) != 0;
      }
      if (!shared) {
        continue;
      }
      double r = pearson(a.residuals(), b.residuals());
      AllPairsSums g = grouped && a.group().equals(b.group()) ? group(b.group()) : null;
      for (int w = 0; w < windows; w++) {
        if (ClusterCorrelation.has(ma, w) && ClusterCorrelation.has(mb, w)) {
          incompletePairs[w] += r;
          if (g != null) {
            g.incompletePairs[w] += r;
          }
        }
      }
    }
  }

  private void requireLength(MappedFirmEvent fe) {
    if (fe.residuals().length != estLen) {
      throw new IllegalArgumentException(
          "Firm-event "
              + fe.eventId()
              + "/"
              + fe.ticker()
              + " has "
              + fe.residuals().length
              + " estimation residuals; the specification has "
              + estLen);
    }
  }

  /**
   * The sums of one group's firm-events, created empty on first use.
   *
   * @param label the group's label
   * @return its sums (live)
   */
  public AllPairsSums group(String label) {
    return groups.computeIfAbsent(label, k -> new AllPairsSums(windows, estLen, false));
  }

  /**
   * Adds another partition's sums to these, element by element (groups by label).
   *
   * @param other sums of the same shape
   * @return this
   */
  public AllPairsSums merge(AllPairsSums other) {
    if (other.windows != windows || other.estLen != estLen) {
      throw new IllegalArgumentException("The all-pairs sums are shaped for another study");
    }
    for (int w = 0; w < windows; w++) {
      double[] s = sumZ[w];
      double[] o = other.sumZ[w];
      for (int t = 0; t < estLen; t++) {
        s[t] += o[t];
      }
      sumNorms[w] += other.sumNorms[w];
      members[w] += other.members[w];
      incompletePairs[w] += other.incompletePairs[w];
    }
    for (Map.Entry<String, AllPairsSums> g : other.groups.entrySet()) {
      group(g.getKey()).merge(g.getValue());
    }
    return this;
  }

  /**
   * The sum of {@code r_ij} over every pair of each window's sample: {@code (‖Σz‖² − Σ‖z‖²) / 2}
   * plus the pairs with an incomplete member; 0 when the sample has fewer than two members or the
   * estimation window fewer than {@value ClusterCorrelation#MIN_COMMON_DATES} days.
   *
   * @return one sum per window
   */
  public double[] pairSums() {
    double[] out = new double[windows];
    if (estLen < ClusterCorrelation.MIN_COMMON_DATES) {
      return out;
    }
    for (int w = 0; w < windows; w++) {
      if (members[w] < 2) {
        continue;
      }
      double s2 = 0;
      for (double v : sumZ[w]) {
        s2 += v * v;
      }
      out[w] = (s2 - sumNorms[w]) / 2 + incompletePairs[w];
    }
    return out;
  }

  /**
   * Adds these pair sums (and each group's) to a study's partial sums, whose pair sums must hold
   * nothing else: under Stata's conventions they replace the clustered pairs.
   *
   * @param into the merged sums of the whole study
   */
  public void addTo(PartialSums into) {
    into.addPairSums(pairSums());
    for (Map.Entry<String, AllPairsSums> g : groups.entrySet()) {
      into.group(g.getKey()).addPairSums(g.getValue().pairSums());
    }
  }

  /**
   * The Pearson correlation of two residual series over the days on which both have a value; 0 when
   * fewer than {@value ClusterCorrelation#MIN_COMMON_DATES} such days or when either is constant on
   * them.
   *
   * @param x one series ({@code NaN} where missing)
   * @param y another of the same length
   * @return {@code r}
   */
  public static double pearson(double[] x, double[] y) {
    int m = 0;
    double sx = 0;
    double sy = 0;
    for (int t = 0; t < x.length; t++) {
      if (x[t] == x[t] && y[t] == y[t]) {
        m++;
        sx += x[t];
        sy += y[t];
      }
    }
    if (m < ClusterCorrelation.MIN_COMMON_DATES) {
      return 0;
    }
    double mx = sx / m;
    double my = sy / m;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int t = 0; t < x.length; t++) {
      if (x[t] == x[t] && y[t] == y[t]) {
        double dx = x[t] - mx;
        double dy = y[t] - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
      }
    }
    return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  }
}
