package io.eventide.study;

import io.eventide.model.ModelFit;
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
final class ClusterTask implements Callable<WindowAccumulators> {

  /** Recomputes a complete member's residuals from its fit (one instance, no capture). */
  private static final ClusterCorrelation.Recompute<ModelFit> FROM_FIT =
      (fit, e0, out) -> fit.abnormal(e0, e0 + out.length, out, 0);

  private final StudyLayout layout;
  private final FirmEventColumns cols;
  private final ListingData[] listings;
  private final int[] clusterStarts;
  private final int firstCluster;
  private final int endCluster;
  private final FirmEventMapper mapper;
  private final ClusterCorrelation<ModelFit> correlation;
  private final List<Pattern> patterns = new ArrayList<>();

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
    this.correlation = new ClusterCorrelation<>(layout.estLen, layout.windowCount, FROM_FIT);
  }

  @Override
  public WindowAccumulators call() {
    WindowAccumulators acc = new WindowAccumulators(layout);
    for (int c = firstCluster; c < endCluster; c++) {
      correlation.clear();
      for (int fe = clusterStarts[c]; fe < clusterStarts[c + 1]; fe++) {
        if (cols.outcome[fe] == null && mapper.map(fe)) {
          accumulate(fe);
        }
      }
      correlation.addTo(acc.pairSum);
    }
    for (Pattern p : patterns) {
      for (int w = 0; w < layout.windowCount; w++) {
        if (ClusterCorrelation.has(p.mask, w)) {
          WindowAccumulators.addInto(acc.aarSum[w], p.aarSum);
          WindowAccumulators.addInto(acc.aarCount[w], p.aarCount);
          WindowAccumulators.addInto(acc.rankSum[w], p.rankSum);
          WindowAccumulators.addInto(acc.rankCount[w], p.rankCount);
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
    Pattern p = pattern(mask);
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
    int d0 = cols.dayZero[fe];
    correlation.add(
        listings[cols.listing[fe]].calendar,
        d0 + layout.estFrom,
        resid,
        mapper.observations(),
        mapper.residualSum(),
        mask,
        mapper.fit());
  }

  private Pattern pattern(long[] mask) {
    for (Pattern p : patterns) {
      if (Arrays.equals(p.mask, mask)) {
        return p;
      }
    }
    Pattern p = new Pattern(mask.clone(), layout);
    patterns.add(p);
    return p;
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
  }
}
