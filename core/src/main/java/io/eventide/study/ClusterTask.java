package io.eventide.study;

import io.eventide.calendar.TradingCalendar;
import io.eventide.model.ModelFit;
import io.eventide.model.internal.ModelFitter;
import io.eventide.timeseries.ReturnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The map and the first step of the reduce for a run of consecutive clusters (a cluster is the
 * firm-events of one event): fits each firm-event's model, writes its AR, SAR, CAR, Var(CAR), BHAR
 * into the shared columns, and accumulates what the tests need into {@link WindowAccumulators}.
 *
 * <p>Per firm-event it allocates only its outputs (the estimation residuals, kept until its
 * cluster's cross-correlations are formed); scratch space lives in the task. Firm-events are
 * processed in canonical order, so the sums are the same whatever thread runs the task.
 */
final class ClusterTask implements Callable<WindowAccumulators> {

  /** Pairs with fewer common estimation dates count as uncorrelated (STATISTICS.md, r̄). */
  static final int MIN_COMMON_DATES = 30;

  private final StudyLayout layout;
  private final FirmEventColumns cols;
  private final ListingData[] listings;
  private final int[] clusterStarts;
  private final int firstCluster;
  private final int endCluster;
  private final int minEstimation;
  private final ReturnType returnType;
  private final int cleaningRadius;
  private final ModelFitter fitter;

  // Scratch, sized once per task.
  private final double[] rankValues;
  private final RankKernel ranker;
  private final double[] scores;
  private final long[] mask;
  private final boolean[] excluded;
  private final double[] vector;
  private final double[] residScratch;
  private final List<Pattern> patterns = new ArrayList<>();
  private final List<Member> members = new ArrayList<>();
  private final List<ZGroup> groups = new ArrayList<>();

  ClusterTask(
      StudyLayout layout,
      FirmEventColumns cols,
      ListingData[] listings,
      int[] clusterStarts,
      int firstCluster,
      int endCluster,
      int minEstimation,
      ReturnType returnType,
      int cleaningRadius,
      ModelFitter fitter) {
    this.layout = layout;
    this.cols = cols;
    this.listings = listings;
    this.clusterStarts = clusterStarts;
    this.firstCluster = firstCluster;
    this.endCluster = endCluster;
    this.minEstimation = minEstimation;
    this.returnType = returnType;
    this.cleaningRadius = cleaningRadius;
    this.fitter = fitter;
    rankValues = new double[layout.combinedLen];
    ranker = new RankKernel(layout.combinedLen);
    scores = new double[layout.combinedLen];
    mask = new long[layout.maskWords];
    excluded = cleaningRadius >= 0 ? new boolean[layout.estLen] : null;
    vector = new double[layout.estLen];
    residScratch = new double[layout.estLen];
  }

  @Override
  public WindowAccumulators call() {
    WindowAccumulators acc = new WindowAccumulators(layout);
    for (int c = firstCluster; c < endCluster; c++) {
      members.clear();
      groups.clear();
      for (int fe = clusterStarts[c]; fe < clusterStarts[c + 1]; fe++) {
        if (cols.outcome[fe] == null) {
          map(fe);
        }
      }
      crossCorrelations(acc);
    }
    for (Pattern p : patterns) {
      for (int w = 0; w < layout.windowCount; w++) {
        if (p.has(w)) {
          WindowAccumulators.addInto(acc.aarSum[w], p.aarSum);
          WindowAccumulators.addInto(acc.aarCount[w], p.aarCount);
          WindowAccumulators.addInto(acc.rankSum[w], p.rankSum);
          WindowAccumulators.addInto(acc.rankCount[w], p.rankCount);
        }
      }
    }
    // Nothing of the chunk outlives it but the accumulators: the last cluster's residuals go.
    patterns.clear();
    members.clear();
    groups.clear();
    return acc;
  }

  /** Maps one resolved firm-event (its day 0 and ranges are known to fit the calendar). */
  private void map(int fe) {
    ListingData ld = listings[cols.listing[fe]];
    int d0 = cols.dayZero[fe];
    int e0 = d0 + layout.estFrom;
    int e1 = d0 + layout.estTo + 1;
    boolean[] excl = null;
    if (excluded != null) {
      excl = markExcluded(ld, fe, e0);
    }
    ModelFit fit = fitter.fit(ld.inputs, e0, e1, excl);
    int m = fit.observations();
    cols.observations[fe] = m;
    if (m < minEstimation) {
      leaveOut(
          fe,
          "M = "
              + m
              + " valid estimation days in "
              + ld.calendar.session(e0)
              + ".."
              + ld.calendar.session(e1 - 1)
              + "; at least "
              + minEstimation
              + " required");
      return;
    }
    if (!fit.isUsable()) {
      leaveOut(fe, fit.failureReason());
      return;
    }
    cols.outcome[fe] = Outcome.OK;
    int k = cols.k;
    for (int j = 0; j < k; j++) {
      cols.parameters[fe * k + j] = fit.parameter(j);
    }
    cols.residualVariance[fe] = fit.residualVariance();

    // Estimation residuals: the first part of the rank test's combined window.
    final int estLen = layout.estLen;
    double[] resid = residScratch;
    fit.abnormal(e0, e0 + estLen, resid, 0);
    if (excl != null) {
      for (int tau = 0; tau < estLen; tau++) {
        if (excl[tau]) {
          resid[tau] = Double.NaN;
        }
      }
    }
    System.arraycopy(resid, 0, rankValues, 0, estLen);
    int positive = 0;
    double residSum = 0;
    for (int tau = 0; tau < estLen; tau++) {
      double e = resid[tau];
      if (e > 0) {
        positive++;
      }
      if (e == e) {
        residSum += e;
      }
    }
    cols.positiveShare[fe] = (double) positive / m;

    // Event span: AR and SAR, the second part of the combined window.
    int s0 = d0 + layout.spanFrom;
    for (int d = 0; d < layout.spanLen; d++) {
      int t = s0 + d;
      double e = fit.expected(t);
      double a = ld.returns[t] - e;
      cols.expected[d][fe] = e;
      cols.ar[d][fe] = a;
      cols.sar[d][fe] = a / Math.sqrt(fit.forecastVariance(t));
      rankValues[estLen + d] = a;
    }

    // Windows: CAR, Var(CAR), BHAR where every AR is present.
    Arrays.fill(mask, 0L);
    boolean any = false;
    for (int w = 0; w < layout.windowCount; w++) {
      int from = layout.windowFrom[w] - layout.spanFrom;
      int to = layout.windowTo[w] - layout.spanFrom;
      double car = 0;
      for (int d = from; d <= to; d++) {
        car += cols.ar[d][fe];
      }
      if (car != car) {
        continue;
      }
      int a = d0 + layout.windowFrom[w];
      int b = d0 + layout.windowTo[w];
      cols.car[w][fe] = car;
      cols.carVariance[w][fe] = fit.carVariance(a, b);
      cols.bhar[w][fe] = bhar(ld, fit, a, b);
      mask[w >>> 6] |= 1L << (w & 63);
      any = true;
    }
    if (!any) {
      return;
    }

    ranker.scores(rankValues, layout.combinedLen, scores);
    Pattern p = pattern();
    for (int tau = 0; tau < estLen; tau++) {
      double e = resid[tau];
      if (e == e) {
        p.aarSum[tau] += e;
        p.aarCount[tau]++;
      }
    }
    for (int c = 0; c < layout.combinedLen; c++) {
      double u = scores[c];
      if (u == u) {
        p.rankSum[c] += u;
        p.rankCount[c]++;
      }
    }

    boolean complete = m == estLen && estLen >= MIN_COMMON_DATES;
    // A complete member keeps only its fit: its residuals are needed again only if it pairs with a
    // member outside its group, and are then recomputed once. Others keep a copy.
    Member member =
        complete
            ? new Member(fe, ld.calendar, e0, null, fit, mask.clone(), true)
            : new Member(fe, ld.calendar, e0, resid.clone(), null, mask.clone(), false);
    members.add(member);
    if (complete) {
      // Standardized residual vector z = (ε − ε̄) / ‖ε − ε̄‖, so that r_ij = z_i · z_j.
      double mean = residSum / m;
      double ss = 0;
      for (int tau = 0; tau < estLen; tau++) {
        double dv = resid[tau] - mean;
        ss += dv * dv;
      }
      double norm = Math.sqrt(ss);
      ZGroup group = zGroup(ld.calendar, e0);
      member.group = groups.indexOf(group);
      ZPattern zp = group.pattern(member.mask, estLen);
      double zz = 0;
      for (int tau = 0; tau < estLen; tau++) {
        double z = (resid[tau] - mean) / norm;
        zp.sum[tau] += z;
        zz += z * z;
      }
      zp.squares += zz;
    }
  }

  private double bhar(ListingData ld, ModelFit fit, int a, int b) {
    double[] r = ld.returns;
    if (returnType == ReturnType.SIMPLE) {
      double pr = 1;
      double pe = 1;
      for (int t = a; t <= b; t++) {
        pr *= 1 + r[t];
        pe *= 1 + fit.expected(t);
      }
      return pr - pe;
    }
    double sr = 0;
    double se = 0;
    for (int t = a; t <= b; t++) {
      sr += r[t];
      se += fit.expected(t);
    }
    return Math.exp(sr) - Math.exp(se);
  }

  private boolean[] markExcluded(ListingData ld, int fe, int e0) {
    Arrays.fill(excluded, false);
    int r = cleaningRadius;
    for (int q = 0; q < ld.eventDayZeros.length; q++) {
      // Skip this firm-event's own entry only: another event with the same day 0 still counts.
      if (ld.eventFirmEvents[q] == fe) {
        continue;
      }
      int other = ld.eventDayZeros[q];
      int lo = Math.max(other - r - e0, 0);
      int hi = Math.min(other + r - e0, layout.estLen - 1);
      for (int tau = lo; tau <= hi; tau++) {
        excluded[tau] = true;
      }
    }
    return excluded;
  }

  private void leaveOut(int fe, String why) {
    cols.outcome[fe] = Outcome.INSUFFICIENT_ESTIMATION;
    cols.reason[fe] = why;
  }

  private Pattern pattern() {
    for (Pattern p : patterns) {
      if (Arrays.equals(p.mask, mask)) {
        return p;
      }
    }
    Pattern p = new Pattern(mask.clone(), layout);
    patterns.add(p);
    return p;
  }

  private ZGroup zGroup(TradingCalendar calendar, int e0) {
    for (ZGroup g : groups) {
      if (g.calendar == calendar && g.e0 == e0) {
        return g;
      }
    }
    ZGroup g = new ZGroup(calendar, e0);
    groups.add(g);
    return g;
  }

  /**
   * Adds this cluster's Σ r_ij over the pairs in each window's sample: complete members of one
   * group through their summed standardized vectors (Σ_{i≠j} z_i·z_j = ‖Σz‖² − Σ‖z‖², O(N·M)),
   * every other pair through its Pearson correlation on common dates.
   */
  private void crossCorrelations(WindowAccumulators acc) {
    if (members.size() < 2) {
      return;
    }
    int estLen = layout.estLen;
    for (ZGroup g : groups) {
      for (int w = 0; w < layout.windowCount; w++) {
        Arrays.fill(vector, 0.0);
        double squares = 0;
        boolean any = false;
        for (ZPattern zp : g.patterns) {
          if (has(zp.mask, w)) {
            WindowAccumulators.addInto(vector, zp.sum);
            squares += zp.squares;
            any = true;
          }
        }
        if (any) {
          double total = 0;
          for (int tau = 0; tau < estLen; tau++) {
            total += vector[tau] * vector[tau];
          }
          acc.pairSum[w] += 0.5 * (total - squares);
        }
      }
    }
    int n = members.size();
    for (int i = 0; i < n; i++) {
      Member a = members.get(i);
      for (int j = i + 1; j < n; j++) {
        Member b = members.get(j);
        if (a.complete && b.complete && a.group == b.group) {
          continue;
        }
        double r = pearson(a, b);
        if (r != 0) {
          for (int w = 0; w < layout.windowCount; w++) {
            if (has(a.mask, w) && has(b.mask, w)) {
              acc.pairSum[w] += r;
            }
          }
        }
      }
    }
  }

  /**
   * Pearson correlation of two residual series on their common calendar dates; 0 below 30. One pass
   * of sums: residuals are centred by construction (their mean over the estimation window is zero
   * for every model with an intercept, and small otherwise), so {@code Σab − ΣaΣb/n} loses no
   * digits.
   */
  private double pearson(Member a, Member b) {
    int estLen = layout.estLen;
    double[] ra = a.residuals(layout.estLen);
    double[] rb = b.residuals(layout.estLen);
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
    if (n < MIN_COMMON_DATES) {
      return 0;
    }
    double cov = sab - sa * (sb / n);
    double va = saa - sa * (sa / n);
    double vb = sbb - sb * (sb / n);
    double den = Math.sqrt(va * vb);
    // A correlation lies in [−1, 1]; one-pass sums of nearly identical series can round past it.
    return den > 0 ? Math.max(-1.0, Math.min(1.0, cov / den)) : 0;
  }

  static boolean has(long[] mask, int w) {
    return (mask[w >>> 6] & (1L << (w & 63))) != 0;
  }

  /** The firm-events that share one set of windows, and their summed contributions. */
  private static final class Pattern {
    final long[] mask;
    final double[] aarSum;
    final int[] aarCount;
    final double[] rankSum;
    final int[] rankCount;

    Pattern(long[] mask, StudyLayout layout) {
      this.mask = mask;
      aarSum = new double[layout.estLen];
      aarCount = new int[layout.estLen];
      rankSum = new double[layout.combinedLen];
      rankCount = new int[layout.combinedLen];
    }

    boolean has(int w) {
      return ClusterTask.has(mask, w);
    }
  }

  /** A cluster member kept until the cluster's cross-correlations are formed. */
  private static final class Member {
    final int fe;
    final TradingCalendar calendar;
    final int e0;
    final long[] mask;
    final boolean complete;
    private final ModelFit fit;
    private double[] resid;
    int group = -1;

    Member(
        int fe,
        TradingCalendar calendar,
        int e0,
        double[] resid,
        ModelFit fit,
        long[] mask,
        boolean complete) {
      this.fe = fe;
      this.calendar = calendar;
      this.e0 = e0;
      this.resid = resid;
      this.fit = fit;
      this.mask = mask;
      this.complete = complete;
    }

    /** The estimation residuals, recomputed from the fit on first use for a complete member. */
    double[] residuals(int estLen) {
      if (resid == null) {
        resid = new double[estLen];
        fit.abnormal(e0, e0 + estLen, resid, 0);
      }
      return resid;
    }
  }

  /** Complete members of one cluster on one calendar and estimation range. */
  private static final class ZGroup {
    final TradingCalendar calendar;
    final int e0;
    final List<ZPattern> patterns = new ArrayList<>();

    ZGroup(TradingCalendar calendar, int e0) {
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
