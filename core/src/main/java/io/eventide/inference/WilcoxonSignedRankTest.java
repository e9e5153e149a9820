package io.eventide.inference;

import static io.eventide.inference.SampleMath.VALUES;

import java.util.Arrays;

/**
 * The Wilcoxon signed-rank test: are the large abnormal returns mostly positive (or mostly
 * negative)? Uses the sizes of the CARs through their ranks, not only their signs.
 *
 * <pre>
 *   W⁺ = Σ_{i: CAR_i &gt; 0} rank(|CAR_i|),   W⁻ = N'(N' + 1)/2 − W⁺,   N' = #{CAR_i ≠ 0}
 * </pre>
 *
 * <p>The statistic is W⁺: ranks of {@code |CAR_i|} among the N' non-zero values (zeros dropped),
 * ascending from 1, average ranks for ties. The p-value is two-sided:
 *
 * <ul>
 *   <li>N' ≤ 30, exact: {@code min(1, 2 P(W ≥ max(W⁺, W⁻)))} under the permutation distribution
 *       given the ranks: W is the sum of the N' (average) ranks, each counted with probability ½.
 *       Without ties this is the classical null distribution (the sum of a random subset of {1, …,
 *       N'}), as Commons Math's {@code WilcoxonSignedRankTest}, R and scipy compute it; with ties
 *       the half-integer average ranks are doubled to integers and the distribution of their subset
 *       sums is counted exactly;
 *   <li>N' &gt; 30, normal approximation with continuity correction: {@code z = (max(W⁺, W⁻) − μ −
 *       ½)/σ}, {@code μ = N'(N' + 1)/4}, {@code σ² = N'(N' + 1)(2N' + 1)/24} (no tie correction),
 *       and {@code p = min(1, 2 Φ(−z))}. Since {@code max(W⁺, W⁻) ≥ μ}, z is the upper tail; when
 *       {@code max − μ < ½} the corrected z is negative and p is capped at 1.
 * </ul>
 *
 * <p>Applies to every sample (CAR, BHAR, any plain {@link ValueSample}).
 *
 * <p>Undefined ({@code NaN}, with a reason): N = 0; N' = 0 (every value is zero); a {@code NaN} or
 * infinite value. N = 1 is defined (p = 1).
 *
 * <p>Allocation and cost: for N ≤ {@value #PAIRWISE_MAX} the ranks are counted pairwise in place
 * (O(N²), no allocation); above, one sorted copy of the absolute values is made (O(N log N)).
 *
 * <p>Wilcoxon (1945), Biometrics Bulletin 1, 80–83; {@code docs/statistics.md} section 3, id {@code
 * wilcoxon}.
 */
public final class WilcoxonSignedRankTest extends AbstractEventStudyTest {

  /** The id. */
  public static final String ID = "wilcoxon";

  /** Largest N' with an exact p-value. */
  public static final int EXACT_MAX = 30;

  /** Largest N ranked pairwise without allocation. */
  static final int PAIRWISE_MAX = 64;

  private static final WilcoxonSignedRankTest DEFAULT = new WilcoxonSignedRankTest();

  private WilcoxonSignedRankTest() {
    super(ID, true, true);
  }

  /**
   * @return the test (exact for N' ≤ 30, else normal with continuity correction; two-sided)
   */
  public static WilcoxonSignedRankTest withDefaults() {
    return DEFAULT;
  }

  @Override
  public double statistic(Sample sample) {
    if (sample instanceof ValueSample v && !v.zeroMedianUnderNull()) {
      return Double.NaN; // its null is a zero mean only: a zero-median test does not apply
    }
    double[] v = SampleMath.array(sample, VALUES);
    int n = v.length;
    int nonZero = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (!Double.isFinite(x)) {
        return Double.NaN;
      }
      if (x != 0.0) {
        nonZero++;
      }
    }
    if (nonZero == 0) {
      return Double.NaN;
    }
    return positiveRankSum(v);
  }

  @Override
  double statistic(SampleSummary summary) {
    if (summary.values.nonFiniteAt >= 0 || summary.nonZero() == 0) {
      return Double.NaN;
    }
    double w = summary.positiveRankSum();
    if (Double.isNaN(w)) {
      throw new IllegalStateException(
          "W⁺ of this summary (N' = "
              + summary.nonZero()
              + ") is not set: rank the whole sample and set it with withPositiveRankSum");
    }
    return w;
  }

  /**
   * W⁺ of finite values: the sum of the ranks of the positive ones among the non-zero {@code |x|}.
   *
   * @param v the values (zeros are skipped)
   * @return W⁺
   */
  static double positiveRankSum(double[] v) {
    return v.length <= PAIRWISE_MAX ? positiveRankSumPairwise(v) : positiveRankSumSorted(v);
  }

  /** W⁺ by counting, for each positive value, the non-zero values below and equal in size. */
  private static double positiveRankSumPairwise(double[] v) {
    int n = v.length;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x > 0.0) {
        int below = 0;
        int equal = 0;
        for (int j = 0; j < n; j++) {
          double a = Math.abs(v[j]);
          if (a != 0.0) {
            if (a < x) {
              below++;
            } else if (a == x) {
              equal++;
            }
          }
        }
        // ranks below+1 .. below+equal, averaged
        sum += below + (equal + 1) / 2.0;
      }
    }
    return sum;
  }

  /**
   * W⁺ from one sorted array: each non-zero value becomes the key {@code bits(|x|) << 1 | (x > 0)}
   * with its top bit flipped, so that signed {@code long} order is the unsigned order of the bits
   * of {@code |x|} (which, for a non-negative double, is the order of {@code |x|}), with the sign
   * in the lowest bit. One pass over the sorted keys then finds each tie group of {@code |x|} and
   * adds its average rank once per positive member. Ranks are half-integers, so the sum is exact
   * for any realistic N.
   */
  private static double positiveRankSumSorted(double[] v) {
    int n = v.length;
    long[] keys = new long[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x != 0.0) {
        keys[m++] =
            ((Double.doubleToRawLongBits(Math.abs(x)) << 1) | (x > 0.0 ? 1L : 0L)) ^ Long.MIN_VALUE;
      }
    }
    Arrays.sort(keys, 0, m);
    double sum = 0.0;
    int lo = 0;
    while (lo < m) {
      long magnitude = (keys[lo] ^ Long.MIN_VALUE) >>> 1;
      int hi = lo;
      int positives = 0;
      while (hi < m && (keys[hi] ^ Long.MIN_VALUE) >>> 1 == magnitude) {
        positives += (int) (keys[hi] & 1L);
        hi++;
      }
      // ranks lo+1 .. hi, averaged
      sum += positives * ((lo + 1 + hi) / 2.0);
      lo = hi;
    }
    return sum;
  }

  /**
   * @return N', the number of non-zero values
   */
  static int nonZero(Sample sample) {
    double[] v = SampleMath.array(sample, VALUES);
    int count = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0.0) {
        count++;
      }
    }
    return count;
  }

  @Override
  double pValue(double statistic, Sample sample) {
    return pValue(statistic, nonZero(sample), SampleMath.array(sample, VALUES));
  }

  @Override
  double pValue(double statistic, SampleSummary summary) {
    return pValue(statistic, summary.nonZero(), summary.kept);
  }

  /**
   * @param statistic W⁺
   * @param nPrime N'
   * @param values the values (zeros skipped); read only when N' ≤ 30, for the tie pattern
   * @return the two-sided p-value
   */
  private static double pValue(double statistic, int nPrime, double[] values) {
    double total = nPrime * (nPrime + 1.0) / 2.0;
    double max = Math.max(statistic, total - statistic);
    if (nPrime <= EXACT_MAX) {
      int[] doubled = doubledRanks(values);
      return doubled == null ? exactPValue(max, nPrime) : exactPValueTied(max, doubled);
    }
    double mu = nPrime * (nPrime + 1.0) / 4.0;
    double sigma = Math.sqrt(nPrime * (nPrime + 1.0) * (2.0 * nPrime + 1.0) / 24.0);
    return SampleMath.twiceUpperNormal((max - mu - 0.5) / sigma);
  }

  /**
   * {@code min(1, 2 P(W ≥ w))} for W the sum of a uniformly random subset of {1, …, n}.
   *
   * @param w the observed {@code max(W⁺, W⁻)}
   * @param n N', at most {@value #EXACT_MAX}
   * @return the exact two-sided p-value
   */
  static double exactPValue(double w, int n) {
    long[] counts = NullDistribution.COUNTS[n];
    int from = (int) Math.ceil(w);
    long atLeast = 0;
    for (int s = Math.max(from, 0); s < counts.length; s++) {
      atLeast += counts[s];
    }
    return Math.min(1.0, 2.0 * atLeast / (double) (1L << n));
  }

  /**
   * Twice the average ranks of the non-zero {@code |x_i|}, or null when there are no ties (the
   * untied table then applies).
   */
  static int[] doubledRanks(double[] v) {
    double[] a = new double[v.length];
    int m = 0;
    for (double x : v) {
      if (x != 0.0) {
        a[m++] = Math.abs(x);
      }
    }
    Arrays.sort(a, 0, m);
    int[] doubled = new int[m];
    boolean tied = false;
    int lo = 0;
    while (lo < m) {
      int hi = lo + 1;
      while (hi < m && a[hi] == a[lo]) {
        hi++;
      }
      tied |= hi - lo > 1;
      // ranks lo+1 .. hi; twice their average is lo + 1 + hi
      for (int i = lo; i < hi; i++) {
        doubled[i] = lo + 1 + hi;
      }
      lo = hi;
    }
    return tied ? doubled : null;
  }

  /**
   * {@code min(1, 2 P(W ≥ w))} for W the sum of a random subset of the given (average) ranks, each
   * rank in or out with probability ½; counted exactly on the doubled ranks, which are integers.
   *
   * @param w the observed {@code max(W⁺, W⁻)}
   * @param doubledRanks twice the ranks
   * @return the exact two-sided p-value
   */
  static double exactPValueTied(double w, int[] doubledRanks) {
    int total = 0;
    for (int r : doubledRanks) {
      total += r;
    }
    long[] counts = new long[total + 1];
    counts[0] = 1L;
    int reach = 0;
    for (int r : doubledRanks) {
      for (int s = reach; s >= 0; s--) {
        counts[s + r] += counts[s];
      }
      reach += r;
    }
    long twiceW = Math.round(2 * w);
    long atLeast = 0;
    for (long s = Math.max(twiceW, 0); s <= total; s++) {
      atLeast += counts[(int) s];
    }
    return Math.min(1.0, 2.0 * atLeast / (double) (1L << doubledRanks.length));
  }

  @Override
  String undefinedReason(SampleSummary sample) {
    String r =
        SampleMath.firstOf(
            SampleMath.sizeReason(sample.size(), 1, "the signed-rank test"),
            SampleMath.nonFiniteReason(sample, VALUES));
    return r.isEmpty()
        ? "N' = 0: all N = " + sample.size() + " values are zero, so there is nothing to rank"
        : r;
  }

  /** The untied null distribution, built once on first use. */
  private static final class NullDistribution {

    /** {@code COUNTS[n][s]}: the number of subsets of {1, …, n} whose sum is s. */
    static final long[][] COUNTS = build();

    private static long[][] build() {
      long[][] counts = new long[EXACT_MAX + 1][];
      counts[0] = new long[] {1L};
      for (int n = 1; n <= EXACT_MAX; n++) {
        long[] previous = counts[n - 1];
        long[] current = new long[n * (n + 1) / 2 + 1];
        for (int s = 0; s < current.length; s++) {
          long without = s < previous.length ? previous[s] : 0L;
          long with = s >= n && s - n < previous.length ? previous[s - n] : 0L;
          current[s] = without + with;
        }
        counts[n] = current;
      }
      return counts;
    }
  }
}
