package io.eventide.study;

import java.util.Arrays;

/**
 * The per-firm-event outputs of the map, stored by column in the study's canonical order (event id,
 * then ticker). The resolution's columns (event, listing, ticker, day 0) are shared with the {@link
 * ResolvedStudy} and only read; outcomes and reasons start as the resolution's. Each firm-event's
 * other slots are written once, by the task that maps it; nothing else writes them.
 */
final class FirmEventColumns {

  final int size;
  final int k;

  /** Parameter columns per firm-event: k, plus derived columns ({@code NormalReturnModel}). */
  final int width;

  final int windows;
  final int spanLen;
  final int[] event;
  final int[] listing;
  final String[] ticker;
  final int[] dayZero;
  final Outcome[] outcome;
  final String[] reason;
  final int[] observations;
  final double[] parameters;
  final double[] residualVariance;
  final double[] positiveShare;
  final double[][] car;
  final double[][] carVariance;
  final double[][] bhar;
  final double[][] expected;
  final double[][] ar;
  final double[][] sar;

  /** Each firm-event's event direction (±1) when the study signs by direction; else null. */
  final double[] sign;

  /** Each firm-event's group index, or null when the study is ungrouped. */
  final int[] group;

  /** The groups' labels, sorted; empty when ungrouped. */
  final java.util.List<String> groupLabels;

  /**
   * Each mapped firm-event's estimation residuals, kept only for {@link Conventions#STATA_ESTUDY}'s
   * r̄ over every pair of a sample; null otherwise.
   */
  double[][] estimationResiduals;

  /**
   * {@code SAR_iτ = ε̂_iτ / s_i} over the estimation window, firm-event i at {@code i * estLen},
   * {@code NaN} where missing; null unless the study keeps them ({@code
   * EventStudy.withEstimationSar()}).
   */
  final double[] estimationSar;

  final int estLen;

  FirmEventColumns(ResolvedStudy resolved, int k, int width) {
    this(resolved, k, width, false);
  }

  FirmEventColumns(ResolvedStudy resolved, int k, int width, boolean keepEstimationSar) {
    this.size = resolved.size;
    this.k = k;
    this.width = width;
    this.windows = resolved.layout.windowCount;
    this.spanLen = resolved.layout.spanLen;
    event = resolved.event;
    listing = resolved.listing;
    ticker = resolved.ticker;
    dayZero = resolved.dayZero;
    outcome = resolved.outcome.clone();
    reason = resolved.reason.clone();
    observations = new int[size];
    parameters = nanArray(size * width);
    residualVariance = nanArray(size);
    positiveShare = nanArray(size);
    car = new double[windows][];
    carVariance = new double[windows][];
    bhar = new double[windows][];
    for (int w = 0; w < windows; w++) {
      car[w] = nanArray(size);
      carVariance[w] = nanArray(size);
      bhar[w] = nanArray(size);
    }
    group = resolved.group;
    groupLabels = resolved.groupLabels;
    if (resolved.spec.signedByDirection()) {
      sign = new double[size];
      for (int i = 0; i < size; i++) {
        sign[i] = resolved.events.get(event[i]).direction();
      }
    } else {
      sign = null;
    }
    expected = new double[spanLen][];
    ar = new double[spanLen][];
    sar = new double[spanLen][];
    for (int d = 0; d < spanLen; d++) {
      expected[d] = nanArray(size);
      ar[d] = nanArray(size);
      sar[d] = nanArray(size);
    }
    estLen = resolved.layout.estLen;
    estimationSar = keepEstimationSar ? nanArray(Math.multiplyExact(size, estLen)) : null;
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
