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

  /**
   * Each mapped firm-event's estimation residuals, kept only for {@link Conventions#STATA_ESTUDY}'s
   * r̄ over every pair of a sample; null otherwise.
   */
  double[][] estimationResiduals;

  FirmEventColumns(ResolvedStudy resolved, int k) {
    this.size = resolved.size;
    this.k = k;
    this.windows = resolved.layout.windowCount;
    this.spanLen = resolved.layout.spanLen;
    event = resolved.event;
    listing = resolved.listing;
    ticker = resolved.ticker;
    dayZero = resolved.dayZero;
    outcome = resolved.outcome.clone();
    reason = resolved.reason.clone();
    observations = new int[size];
    parameters = nanArray(size * k);
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
    expected = new double[spanLen][];
    ar = new double[spanLen][];
    sar = new double[spanLen][];
    for (int d = 0; d < spanLen; d++) {
      expected[d] = nanArray(size);
      ar[d] = nanArray(size);
      sar[d] = nanArray(size);
    }
  }

  private static double[] nanArray(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
