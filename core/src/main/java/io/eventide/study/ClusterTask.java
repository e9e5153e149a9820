package io.eventide.study;

import io.eventide.model.ModelFit;
import io.eventide.study.internal.ClusterCorrelation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The map and the first step of the reduce for a run of consecutive clusters (a cluster is the
 * firm-events of one event): maps each resolved firm-event with a {@link FirmEventMapper}, sums its
 * estimation residuals and rank scores by day into the partial {@link WindowAccumulators}, and adds
 * each cluster's cross-correlations through a {@link ClusterCorrelation}.
 *
 * <p>Per firm-event it allocates only what its cluster's cross-correlations keep; scratch space
 * lives in the mapper and the correlation component. Firm-events are processed in canonical order,
 * so the sums are the same whatever thread runs the task.
 */
final class ClusterTask implements Callable<WindowAccumulators[]> {

  /**
   * Recomputes a complete member's residuals from its fit, times its sign (one instance, no
   * capture).
   */
  private static final ClusterCorrelation.Recompute<Source> FROM_FIT =
      (src, e0, out) -> {
        src.fit.abnormal(e0, e0 + out.length, out, 0);
        if (src.sign != 1.0) {
          for (int i = 0; i < out.length; i++) {
            out[i] *= src.sign;
          }
        }
      };

  /** What a complete member's residuals are recomputed from: its fit and its sign. */
  private record Source(ModelFit fit, double sign) {}

  private final StudyLayout layout;
  private final FirmEventColumns cols;
  private final ListingData[] listings;
  private final int[] clusterStarts;
  private final int firstCluster;
  private final int endCluster;
  private final FirmEventMapper mapper;
  private final ClusterCorrelation<Source> correlation;
  private final List<Pattern> patterns = new ArrayList<>();

  /** Group of each firm-event, or null when ungrouped; the number of groups. */
  private final int[] group;

  private final int groupCount;

  /** Correlations of the groups present in the current cluster, reused from cluster to cluster. */
  private final List<ClusterCorrelation<Source>> pool = new ArrayList<>();

  /** The pool index of each group in the current cluster, -1 when absent. */
  private final int[] poolOfGroup;

  /** The groups of the current cluster, in order of first appearance. */
  private final int[] clusterGroups;

  private int clusterGroupCount;

  ClusterTask(
      ResolvedStudy resolved,
      FirmEventColumns cols,
      int firstCluster,
      int endCluster,
      int cleaningRadius) {
    StudySpecification spec = resolved.spec;
    this.layout = resolved.layout;
    this.cols = cols;
    this.listings = resolved.listings;
    this.clusterStarts = resolved.clusterStarts;
    this.firstCluster = firstCluster;
    this.endCluster = endCluster;
    this.mapper =
        new FirmEventMapper(
            layout,
            cols,
            listings,
            spec.minEstimation(),
            resolved.returnType,
            cleaningRadius,
            spec.model().fitter());
    this.mapper.conventions(spec.conventions());
    this.mapper.measure(spec.measure());
    this.correlation = new ClusterCorrelation<>(layout.estLen, layout.windowCount, FROM_FIT);
    this.group = cols.group;
    this.groupCount = cols.groupLabels.size();
    this.poolOfGroup = new int[groupCount];
    java.util.Arrays.fill(poolOfGroup, -1);
    this.clusterGroups = new int[groupCount];
  }

  /**
   * @return the partial sums of all firm-events, then of each group in label order
   */
  @Override
  public WindowAccumulators[] call() {
    WindowAccumulators[] acc = new WindowAccumulators[1 + groupCount];
    for (int g = 0; g < acc.length; g++) {
      acc[g] = new WindowAccumulators(layout);
    }
    for (int c = firstCluster; c < endCluster; c++) {
      correlation.clear();
      for (int fe = clusterStarts[c]; fe < clusterStarts[c + 1]; fe++) {
        if (cols.outcome[fe] == null && mapper.map(fe)) {
          accumulate(fe);
        }
      }
      correlation.addTo(acc[0].pairSum);
      // r̄ of a group: only the pairs whose two firm-events are in the group.
      for (int q = 0; q < clusterGroupCount; q++) {
        int g = clusterGroups[q];
        ClusterCorrelation<Source> cc = pool.get(poolOfGroup[g]);
        cc.addTo(acc[1 + g].pairSum);
        cc.clear();
        poolOfGroup[g] = -1;
      }
      clusterGroupCount = 0;
    }
    for (Pattern p : patterns) {
      WindowAccumulators a = acc[1 + p.group];
      for (int w = 0; w < layout.windowCount; w++) {
        if (ClusterCorrelation.has(p.mask, w)) {
          WindowAccumulators.addInto(a.aarSum[w], p.aarSum);
          WindowAccumulators.addInto(a.aarCount[w], p.aarCount);
          WindowAccumulators.addInto(a.rankSum[w], p.rankSum);
          WindowAccumulators.addInto(a.rankCount[w], p.rankCount);
        }
      }
    }
    // Nothing of the chunk outlives it but the accumulators: the last cluster's residuals go.
    patterns.clear();
    correlation.clear();
    return acc;
  }

  /** Adds the firm-event the mapper just mapped to its window pattern and its cluster. */
  private void accumulate(int fe) {
    double[] resid = mapper.residuals();
    double[] scores = mapper.scores();
    long[] mask = mapper.mask();
    addTo(pattern(-1, mask), resid, scores);
    int d0 = cols.dayZero[fe];
    Source source = new Source(mapper.fit(), mapper.sign());
    var calendar = listings[cols.listing[fe]].calendar;
    correlation.add(
        calendar,
        d0 + layout.estFrom,
        resid,
        mapper.observations(),
        mapper.residualSum(),
        mask,
        source);
    if (group != null) {
      int g = group[fe];
      addTo(pattern(g, mask), resid, scores);
      groupCorrelation(g)
          .add(
              calendar,
              d0 + layout.estFrom,
              resid,
              mapper.observations(),
              mapper.residualSum(),
              mask,
              source);
    }
  }

  private void addTo(Pattern p, double[] resid, double[] scores) {
    for (int tau = 0; tau < layout.estLen; tau++) {
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
  }

  /** The correlation of group g in the current cluster, taken from the pool on first use. */
  private ClusterCorrelation<Source> groupCorrelation(int g) {
    if (poolOfGroup[g] < 0) {
      if (clusterGroupCount == pool.size()) {
        pool.add(new ClusterCorrelation<>(layout.estLen, layout.windowCount, FROM_FIT));
      }
      poolOfGroup[g] = clusterGroupCount;
      clusterGroups[clusterGroupCount++] = g;
    }
    return pool.get(poolOfGroup[g]);
  }

  private Pattern pattern(int group, long[] mask) {
    for (Pattern p : patterns) {
      if (p.group == group && Arrays.equals(p.mask, mask)) {
        return p;
      }
    }
    Pattern p = new Pattern(group, mask.clone(), layout);
    patterns.add(p);
    return p;
  }

  /** The firm-events that share one set of windows, and their summed contributions. */
  private static final class Pattern {
    final int group;
    final long[] mask;
    final double[] aarSum;
    final int[] aarCount;
    final double[] rankSum;
    final int[] rankCount;

    Pattern(int group, long[] mask, StudyLayout layout) {
      this.group = group;
      this.mask = mask;
      aarSum = new double[layout.estLen];
      aarCount = new int[layout.estLen];
      rankSum = new double[layout.combinedLen];
      rankCount = new int[layout.combinedLen];
    }
  }
}
