package io.eventide.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * The eligible firm-events of a panel under a specification ({@code docs/simulation.md} section 2):
 * a pair (candidate i, session d) is eligible when d lies in the panel period, sessions {@code d +
 * A} and {@code d + s₁} exist, at least M_min sessions of {@code [d + A, d + B]} have both the
 * listing's and the market's return, and every session of {@code [d + s₀, d + s₁]} has both.
 *
 * <p>One pass of prefix counts per candidate: O(T) per listing.
 */
final class Eligibility {

  /** E_i: the eligible sessions of each candidate, ascending. */
  final int[][] sessionsOf;

  /** The candidates with at least one eligible session, in ticker order. */
  final int[] listings;

  /** L_d: the candidates eligible on each session, in ticker order. */
  final int[][] listingsOn;

  /** The sessions with at least N eligible candidates, ascending. */
  final int[] clusterDays;

  /** The number of eligible pairs. */
  final long pairs;

  /** The largest number of candidates eligible on one session. */
  final int largestDay;

  Eligibility(SimulationPanel panel, SimulationSpecification spec) {
    int t = panel.sessionCount();
    int a = spec.estimation().fromInclusive();
    int b = spec.estimation().toInclusive();
    int s0 = spec.span().fromInclusive();
    int s1 = spec.span().toInclusive();
    int spanLen = s1 - s0 + 1;
    int minValid = spec.minValid();
    double[] market = panel.marketReturnsInternal();
    int n = panel.candidateCount();
    long from = panel.panelFromEpochDay();
    long to = panel.panelToEpochDay();
    sessionsOf = new int[n][];
    int[] countOn = new int[t];
    int[] prefix = new int[t + 1];
    int[] scratch = new int[t];
    List<Integer> eligible = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < n; i++) {
      double[] r = panel.returnsInternal(i);
      for (int q = 0; q < t; q++) {
        boolean valid = !Double.isNaN(r[q]) && !Double.isNaN(market[q]);
        prefix[q + 1] = prefix[q] + (valid ? 1 : 0);
      }
      int m = 0;
      for (int d = Math.max(0, -a); d + s1 < t; d++) {
        long day = panel.sessionEpochDay(d);
        if (day < from || day > to) {
          continue;
        }
        if (prefix[d + b + 1] - prefix[d + a] < minValid) {
          continue;
        }
        if (prefix[d + s1 + 1] - prefix[d + s0] != spanLen) {
          continue;
        }
        scratch[m++] = d;
        countOn[d]++;
      }
      sessionsOf[i] = java.util.Arrays.copyOf(scratch, m);
      if (m > 0) {
        eligible.add(i);
        total += m;
      }
    }
    listings = eligible.stream().mapToInt(Integer::intValue).toArray();
    pairs = total;
    listingsOn = new int[t][];
    int[] fill = new int[t];
    for (int d = 0; d < t; d++) {
      listingsOn[d] = new int[countOn[d]];
    }
    for (int i = 0; i < n; i++) {
      for (int d : sessionsOf[i]) {
        listingsOn[d][fill[d]++] = i;
      }
    }
    int largest = 0;
    int days = 0;
    for (int d = 0; d < t; d++) {
      largest = Math.max(largest, countOn[d]);
      if (countOn[d] >= spec.size()) {
        days++;
      }
    }
    largestDay = largest;
    clusterDays = new int[days];
    int k = 0;
    for (int d = 0; d < t; d++) {
      if (countOn[d] >= spec.size()) {
        clusterDays[k++] = d;
      }
    }
  }
}
