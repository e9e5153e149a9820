package io.eventide.inference;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the tests of {@link TestSuite} (the standard eleven, and with {@link
 * #withGeneralizedRanks} attached the generalized rank tests) need from a sample, as partial sums
 * that merge: the summary of a sample split in two parts is the merge of the two parts' summaries,
 * to the rounding of the merged moments ({@code docs/statistics.md}, "Mergeable summaries"). An
 * engine that maps firm-events on many machines adds each firm-event's values to a summary, merges
 * the summaries in a fixed order and finishes every test from the merged one ({@link
 * EventStudyTest#test(SampleSummary)}); {@link #of(Sample)} summarizes a whole sample at once and
 * gives the same results as the tests on the sample.
 *
 * <p>Per input kind (the values, and for a CAR sample SCAR): the count, mean, second and third
 * central moment sums {@code M2 = Σ(x − x̄)²}, {@code M3 = Σ(x − x̄)³}, added one value at a time
 * by Welford's update and merged by Chan, Golub and LeVeque's pairwise rule (Pébay 2008, equations
 * 2.1 and 2.3):
 *
 * <pre>
 *   n = n_a + n_b,  δ = x̄_b − x̄_a,  x̄ = x̄_a + δ n_b / n,
 *   M2 = M2_a + M2_b + δ² n_a n_b / n,
 *   M3 = M3_a + M3_b + δ³ n_a n_b (n_a − n_b) / n² + 3 δ (n_a M2_b − n_b M2_a) / n
 * </pre>
 *
 * <p>and whether all values are equal (so that zero variance stays an exact test) and the first
 * non-finite value. Plain sums and counts: {@code Σ SCAR_i}, {@code Σ (M_i − k)/(M_i − k − 2)} of
 * Patell, the positive and negative counts of the sign tests, {@code Σ p̂_i} of the generalized
 * sign test. For Wilcoxon's signed-rank test: N' and, while {@code N' ≤ 30}, the non-zero values
 * themselves (the exact p-value needs their tie pattern); above that the positive rank sum W⁺ is
 * set once the whole sample is ranked ({@link #withPositiveRankSum}), since ranks do not merge.
 *
 * <p>The per-sample inputs of a CAR sample that are already mergeable sums of the study (r̄, the
 * estimation-window AAR series and the mean rank scores) are attached before finishing ({@link
 * #withSampleInputs}).
 *
 * <p>Positions named in undefined-statistic reasons ("the firm-event at sample position i") count
 * the values in the order they were added and merged; {@link #inputsRegular()} says whether any
 * such reason can arise. Mutable (an accumulator), serializable; not thread-safe.
 */
public final class SampleSummary implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Largest N' whose non-zero values a summary keeps (Wilcoxon's exact p-value). */
  static final int KEPT_VALUES = WilcoxonSignedRankTest.EXACT_MAX;

  /** Count, moments, all-equal flag and first non-finite value of one input kind. */
  static final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;

    long n;
    double mean;
    double m2;
    double m3;
    double first = Double.NaN;
    boolean allEqual = true;
    long nonFiniteAt = -1;
    double nonFiniteValue;

    /** {@code Σx} as a double-double (for {@link #mean()}). */
    final CompensatedSum sum = new CompensatedSum();

    /**
     * @return the mean from the double-double {@code Σx} ({@link SampleMath#mean(double[])}, the
     *     same bits for a sample's summary), not the running Welford mean the merge rule uses
     */
    double mean() {
      return n == 0 ? Double.NaN : sum.value() / n;
    }

    void add(double x) {
      sum.add(x);
      if (nonFiniteAt < 0 && !Double.isFinite(x)) {
        nonFiniteAt = n;
        nonFiniteValue = x;
      }
      if (n == 0) {
        first = x;
      } else {
        allEqual &= x == first;
      }
      long n1 = n;
      n++;
      double delta = x - mean;
      double deltaN = delta / n;
      double term1 = delta * deltaN * n1;
      mean += deltaN;
      m3 += term1 * deltaN * (n - 2) - 3.0 * deltaN * m2;
      m2 += term1;
    }

    void merge(Moments o) {
      if (o.n == 0) {
        return;
      }
      if (nonFiniteAt < 0 && o.nonFiniteAt >= 0) {
        nonFiniteAt = n + o.nonFiniteAt;
        nonFiniteValue = o.nonFiniteValue;
      }
      sum.add(o.sum);
      if (n == 0) {
        n = o.n;
        mean = o.mean;
        m2 = o.m2;
        m3 = o.m3;
        first = o.first;
        allEqual = o.allEqual;
        return;
      }
      allEqual = allEqual && o.allEqual && o.first == first;
      double na = n;
      double nb = o.n;
      double total = na + nb;
      double delta = o.mean - mean;
      double m2a = m2;
      m3 =
          m3
              + o.m3
              + delta * delta * delta * na * nb * (na - nb) / (total * total)
              + 3.0 * delta * (na * o.m2 - nb * m2a) / total;
      m2 = m2a + o.m2 + delta * delta * na * nb / total;
      mean = mean + delta * nb / total;
      n += o.n;
    }

    /** Two-pass moments of a whole array, as the tests compute them on a sample. */
    static Moments of(double[] x) {
      Moments m = new Moments();
      m.n = x.length;
      if (x.length == 0) {
        return m;
      }
      m.first = x[0];
      for (int i = 0; i < x.length; i++) {
        m.allEqual &= x[i] == m.first;
        if (m.nonFiniteAt < 0 && !Double.isFinite(x[i])) {
          m.nonFiniteAt = i;
          m.nonFiniteValue = x[i];
        }
      }
      for (int i = 0; i < x.length; i++) {
        m.sum.add(x[i]);
      }
      m.mean = m.mean(); // SampleMath.mean(x), the same operations
      m.m2 = SampleMath.sumSquaredDeviations(x, m.mean);
      m.m3 = SampleMath.sumCubedDeviations(x, m.mean);
      return m;
    }

    /** {@code M2}, exactly 0 when all values are equal. */
    double sumSquares() {
      return n > 0 && allEqual ? 0.0 : m2;
    }

    /** {@code M3}, exactly 0 when all values are equal. */
    double sumCubes() {
      return n > 0 && allEqual ? 0.0 : m3;
    }
  }

  private final String label;
  private final boolean car;
  private final boolean zeroMedianUnderNull;

  final Moments values = new Moments();
  final Moments scar = new Moments();

  /** {@code Σ SCAR_i}, a double-double. */
  final CompensatedSum sumScar = new CompensatedSum();

  /** {@code Σ (M_i − k)/(M_i − k − 2)}, a double-double. */
  final CompensatedSum sumPatellVariance = new CompensatedSum();

  long badDofAt = -1;
  double badDofValue;

  long positive;
  long negative;

  /** {@code Σ p̂_i}, a double-double. */
  final CompensatedSum shareSum = new CompensatedSum();

  long badShareAt = -1;
  double badShareValue;

  /** The finite non-zero values while there are at most {@link #KEPT_VALUES}, else null. */
  double[] kept = new double[0];

  /** W⁺ once known, else {@code NaN}. */
  double positiveRankSum = Double.NaN;

  /**
   * {@code S_SCAR} and the generalized rank sums, when attached ({@link #withGeneralizedRanks}).
   */
  double scarStandardDeviation = Double.NaN;

  GeneralizedRankSums generalizedRanks;

  // Per-sample inputs of a CAR sample, attached before finishing.
  double meanCrossCorrelation = Double.NaN;
  double[] estimationAar;
  double[] estimationAarDays;
  double[] meanRankScores;
  int rankWindowFrom = -1;
  int rankWindowTo = -1;

  private SampleSummary(String label, boolean car, boolean zeroMedianUnderNull) {
    this.label = label;
    this.car = car;
    this.zeroMedianUnderNull = zeroMedianUnderNull;
  }

  /**
   * @return an empty summary of a CAR sample ({@link CarSample}): add firm-events with {@link
   *     #addCar}
   */
  public static SampleSummary ofCars() {
    return new SampleSummary(CarSample.LABEL, true, true);
  }

  /**
   * @param label what the values are, as reasons name them (for example {@code BHAR})
   * @param zeroMedianUnderNull as {@link ValueSample#zeroMedianUnderNull()}
   * @return an empty summary of a {@link ValueSample}: add values with {@link #addValue}
   */
  public static SampleSummary ofValues(String label, boolean zeroMedianUnderNull) {
    Objects.requireNonNull(label, "label");
    return new SampleSummary(label, false, zeroMedianUnderNull);
  }

  /**
   * The summary of a whole sample, its moments by the same two-pass kernels the tests use on the
   * sample (so that finishing a test from it gives the sample's result bit for bit), W⁺ ranked
   * directly, and for a CAR sample its r̄, AAR series and mean rank scores attached.
   *
   * @param sample a sample
   * @return its summary
   */
  public static SampleSummary of(Sample sample) {
    Objects.requireNonNull(sample, "sample");
    SampleSummary s;
    double[] v = SampleMath.array(sample, SampleMath.VALUES);
    if (sample instanceof CarSample c) {
      s = ofCars();
      for (int i = 0; i < v.length; i++) {
        s.addStandardized(c.scar[i], c.degreesOfFreedom[i], c.positiveEstimationShare[i], i);
      }
      s.scar.merge(Moments.of(c.scar));
      if (c.hasEstimationSar()) {
        double sScar = GeneralizedRanks.scarStandardDeviation(c.scar);
        s.withGeneralizedRanks(
            sScar,
            v.length >= 2 && sScar > 0.0 && Double.isFinite(sScar)
                ? GeneralizedRanks.sums(c, sScar)
                : new GeneralizedRankSums(c.estimationSar.days));
      }
      s.withSampleInputs(
          c.meanCrossCorrelation(),
          c.estimationAar,
          c.meanRankScores,
          c.rankWindowFrom(),
          c.rankWindowTo());
    } else {
      ValueSample vs = (ValueSample) sample;
      s = ofValues(vs.label(), vs.zeroMedianUnderNull());
    }
    for (double x : v) {
      s.countSignAndKeep(x);
    }
    s.values.merge(Moments.of(v));
    int nonZero = s.nonZero();
    if (s.values.nonFiniteAt < 0 && nonZero > 0) {
      s.positiveRankSum = WilcoxonSignedRankTest.positiveRankSum(v);
    }
    return s;
  }

  /**
   * Adds one firm-event of a CAR sample.
   *
   * @param car {@code CAR_i}
   * @param standardized {@code SCAR_i}
   * @param degreesOfFreedom {@code M_i − k}
   * @param positiveShare {@code (1/M_i) #{ε̂_iτ > 0}}
   * @return this
   */
  public SampleSummary addCar(
      double car, double standardized, double degreesOfFreedom, double positiveShare) {
    if (!this.car) {
      throw new IllegalStateException("This is a summary of " + label + " values, not of CARs");
    }
    addStandardized(standardized, degreesOfFreedom, positiveShare, values.n);
    scar.add(standardized);
    countSignAndKeep(car);
    values.add(car);
    return this;
  }

  /**
   * Adds one value of a value sample.
   *
   * @param x the value
   * @return this
   */
  public SampleSummary addValue(double x) {
    if (car) {
      throw new IllegalStateException("This is a summary of CARs; add them with addCar");
    }
    countSignAndKeep(x);
    values.add(x);
    return this;
  }

  private void addStandardized(double standardized, double dof, double share, long at) {
    sumScar.add(standardized);
    if (badDofAt < 0 && (!(dof > 2.0) || Double.isInfinite(dof))) {
      badDofAt = at;
      badDofValue = dof;
    }
    sumPatellVariance.add(dof / (dof - 2.0));
    if (badShareAt < 0 && !(share >= 0.0 && share <= 1.0)) {
      badShareAt = at;
      badShareValue = share;
    }
    shareSum.add(share);
  }

  private void countSignAndKeep(double x) {
    if (!Double.isFinite(x)) {
      return;
    }
    if (x > 0.0) {
      positive++;
    } else if (x < 0.0) {
      negative++;
    } else {
      return;
    }
    if (kept != null) {
      if (kept.length < KEPT_VALUES) {
        kept = Arrays.copyOf(kept, kept.length + 1);
        kept[kept.length - 1] = x;
      } else {
        kept = null;
      }
    }
  }

  /**
   * Merges another summary of the same kind into this one, as if its values followed this one's.
   *
   * @param other a summary of the same kind and label
   * @return this
   * @throws IllegalArgumentException if the kinds or labels differ
   */
  public SampleSummary merge(SampleSummary other) {
    if (other.car != car
        || !other.label.equals(label)
        || other.zeroMedianUnderNull != zeroMedianUnderNull) {
      throw new IllegalArgumentException(
          "Cannot merge a summary of " + other.label + " into one of " + label);
    }
    long offset = values.n;
    if (badDofAt < 0 && other.badDofAt >= 0) {
      badDofAt = offset + other.badDofAt;
      badDofValue = other.badDofValue;
    }
    if (badShareAt < 0 && other.badShareAt >= 0) {
      badShareAt = offset + other.badShareAt;
      badShareValue = other.badShareValue;
    }
    values.merge(other.values);
    scar.merge(other.scar);
    sumScar.add(other.sumScar);
    sumPatellVariance.add(other.sumPatellVariance);
    positive += other.positive;
    negative += other.negative;
    shareSum.add(other.shareSum);
    if (kept != null && other.kept != null && kept.length + other.kept.length <= KEPT_VALUES) {
      double[] k = Arrays.copyOf(kept, kept.length + other.kept.length);
      System.arraycopy(other.kept, 0, k, kept.length, other.kept.length);
      kept = k;
    } else {
      kept = null;
    }
    positiveRankSum = Double.NaN;
    scarStandardDeviation = Double.NaN;
    generalizedRanks = null;
    return this;
  }

  /**
   * Attaches the per-sample inputs of a CAR sample, as {@link CarSample#of} takes them.
   *
   * @param meanCrossCorrelation r̄
   * @param estimationAar {@code AAR_τ} per estimation day, {@code NaN} where empty (copied)
   * @param meanRankScores {@code Ū_τ} per combined-window day, {@code NaN} where empty (copied)
   * @param rankWindowFrom index in {@code meanRankScores} of the window's first day
   * @param rankWindowTo index in {@code meanRankScores} of the window's last day
   * @return this
   * @throws IllegalStateException if this is not a CAR summary
   */
  public SampleSummary withSampleInputs(
      double meanCrossCorrelation,
      double[] estimationAar,
      double[] meanRankScores,
      int rankWindowFrom,
      int rankWindowTo) {
    if (!car) {
      throw new IllegalStateException("Only a CAR summary has r̄, AAR and rank inputs");
    }
    if (rankWindowFrom < 0
        || rankWindowTo < rankWindowFrom
        || rankWindowTo >= meanRankScores.length) {
      throw new IllegalArgumentException(
          "Rank window positions " + rankWindowFrom + ".." + rankWindowTo + " out of range");
    }
    this.meanCrossCorrelation = meanCrossCorrelation;
    this.estimationAar = estimationAar.clone();
    this.estimationAarDays = SampleMath.present(estimationAar);
    this.meanRankScores = meanRankScores.clone();
    this.rankWindowFrom = rankWindowFrom;
    this.rankWindowTo = rankWindowTo;
    return this;
  }

  /**
   * {@code S_SCAR} from the merged moments of SCAR: {@code √(M2 / (N − 1))}, the sample standard
   * deviation the generalized rank tests standardize the window's SCAR by.
   *
   * @return it, or {@code NaN} for N &lt; 2 or a non-finite SCAR
   */
  public double scarStandardDeviation() {
    if (scar.n < 2 || scar.nonFiniteAt >= 0) {
      return Double.NaN;
    }
    return Math.sqrt(scar.sumSquares() / (scar.n - 1.0));
  }

  /**
   * Attaches what the generalized rank tests need: {@code S_SCAR} of the whole sample and the rank
   * sums of its firm-events computed with it (a second pass over the firm-events, since every
   * firm-event's ranks depend on {@code S_SCAR}).
   *
   * @param sScar {@code S_SCAR}
   * @param sums the sums of every firm-event of the sample, computed with {@code sScar}
   * @return this
   * @throws IllegalStateException if this is not a CAR summary
   */
  public SampleSummary withGeneralizedRanks(double sScar, GeneralizedRankSums sums) {
    if (!car) {
      throw new IllegalStateException("Only a CAR summary has generalized rank sums");
    }
    scarStandardDeviation = sScar;
    generalizedRanks = Objects.requireNonNull(sums, "sums");
    return this;
  }

  /**
   * Sets W⁺, the sum of the ranks of the positive values among the N' non-zero {@code |x_i|}
   * (average ranks for ties), ranked over the whole sample.
   *
   * @param w W⁺
   * @return this
   */
  public SampleSummary withPositiveRankSum(double w) {
    positiveRankSum = w;
    return this;
  }

  /**
   * @return whether W⁺ is known or can be ranked from the kept values (N' ≤ 30), or is not needed
   *     (N' = 0 or a non-finite value)
   */
  public boolean hasPositiveRankSum() {
    return !Double.isNaN(positiveRankSum)
        || kept != null
        || nonZero() == 0
        || values.nonFiniteAt >= 0;
  }

  /**
   * @return W⁺ if known, else ranked from the kept values, else {@code NaN}
   */
  double positiveRankSum() {
    if (!Double.isNaN(positiveRankSum)) {
      return positiveRankSum;
    }
    return kept == null ? Double.NaN : WilcoxonSignedRankTest.positiveRankSum(kept);
  }

  /**
   * @return N
   */
  public long size() {
    return values.n;
  }

  /**
   * @return N', the number of finite non-zero values
   */
  public int nonZero() {
    return Math.toIntExact(positive + negative);
  }

  /**
   * @return the mean of the values ({@code NaN} for N = 0)
   */
  public double mean() {
    return values.mean();
  }

  /**
   * @return {@code M2 = Σ(x − x̄)²} of the values (0 when all are equal)
   */
  public double sumSquaredDeviations() {
    return values.sumSquares();
  }

  /**
   * @return whether every input is in its domain (values and SCARs finite, {@code M_i − k} finite
   *     and above 2, shares in [0, 1]): when not, a test's reason names the first offender by its
   *     position in the order of adding and merging
   */
  public boolean inputsRegular() {
    return values.nonFiniteAt < 0 && scar.nonFiniteAt < 0 && badDofAt < 0 && badShareAt < 0;
  }

  /**
   * @return whether this is a summary of a CAR sample
   */
  public boolean isCar() {
    return car;
  }

  /**
   * @return the label of the values
   */
  public String label() {
    return label;
  }

  /**
   * @return as {@link ValueSample#zeroMedianUnderNull()} (true for CARs)
   */
  public boolean zeroMedianUnderNull() {
    return zeroMedianUnderNull;
  }

  /**
   * @return whether the per-sample inputs of a CAR sample are attached
   */
  boolean hasSampleInputs() {
    return meanRankScores != null;
  }

  /** N as an int, as a {@link TestResult} holds it. */
  int n() {
    return Math.toIntExact(values.n);
  }

  /** L, the window length. */
  int windowLength() {
    return rankWindowTo - rankWindowFrom + 1;
  }

  @Override
  public String toString() {
    return "SampleSummary[" + label + ", N=" + values.n + "]";
  }
}
