package io.eventide.inference;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Shared kernels of the tests: moments over a primitive array (a {@link Sample}'s values, a {@link
 * CarSample}'s per-firm-event inputs or its estimation-window AAR series), the two-sided p-values,
 * and the plain-words reasons for undefined statistics.
 *
 * <p>Moment kernels loop over the array with primitive locals and allocate nothing in the loop.
 * Means are double-double sums divided by N ({@link #mean(double[])}, {@link CompensatedSum}), so
 * that a mean merged from parts of a sample in any order is the sample's; sums of squared
 * deviations use the corrected two-pass form {@code Σd² − (Σd)²/N}, {@code d = x − m}, as Commons
 * Math's {@code Variance} does. {@code NaN} inputs propagate to {@code NaN}.
 */
final class SampleMath {

  /** {@code CAR_i} or {@code BHAR_i}. */
  static final int VALUES = 0;

  /** {@code SCAR_i}. */
  static final int STANDARDIZED = 1;

  /** {@code M_i − k}. */
  static final int DEGREES_OF_FREEDOM = 2;

  /** {@code (1/M_i) #{ε̂_iτ > 0}}. */
  static final int POSITIVE_SHARE = 3;

  /** N(0, 1) without a random generator: only its distribution function is used. */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0.0, 1.0);

  private SampleMath() {}

  /**
   * The sample's own array of one input kind, not a copy: kernels only read it.
   *
   * @param sample the sample; a {@link CarSample} for every kind but {@link #VALUES}
   * @param kind one of {@link #VALUES}, {@link #STANDARDIZED}, {@link #DEGREES_OF_FREEDOM}, {@link
   *     #POSITIVE_SHARE}
   * @return the inputs of that kind, one per firm-event
   */
  static double[] array(Sample sample, int kind) {
    if (kind == VALUES) {
      return sample instanceof CarSample c ? c.car : ((ValueSample) sample).values;
    }
    CarSample c = (CarSample) sample;
    switch (kind) {
      case STANDARDIZED:
        return c.scar;
      case DEGREES_OF_FREEDOM:
        return c.degreesOfFreedom;
      case POSITIVE_SHARE:
        return c.positiveEstimationShare;
      default:
        throw new IllegalArgumentException("Unknown input kind " + kind);
    }
  }

  /**
   * The rounding error of {@code s = a + b} (Knuth's TwoSum, branch-free and valid for any order of
   * magnitude): {@code a + b = s + error} exactly. {@link CompensatedSum} carries these errors.
   *
   * @param a a term
   * @param b a term
   * @param s {@code a + b} as rounded
   * @return the error, {@code (a + b) − s} exactly
   */
  static double twoSumError(double a, double b, double s) {
    double bVirtual = s - a;
    double aVirtual = s - bVirtual;
    return (a - aVirtual) + (b - bVirtual);
  }

  /**
   * @param x values, {@code NaN} where missing
   * @return the values that are not {@code NaN}, in order (a new array)
   */
  static double[] present(double[] x) {
    int d = 0;
    for (double a : x) {
      if (!Double.isNaN(a)) {
        d++;
      }
    }
    double[] out = new double[d];
    int j = 0;
    for (double a : x) {
      if (!Double.isNaN(a)) {
        out[j++] = a;
      }
    }
    return out;
  }

  /**
   * Sample mean, the sum carried as a double-double ({@link CompensatedSum}) and divided by N, so
   * that a mean merged from parts of a sample in any order ({@link SampleSummary}) is the sample's,
   * even when it is small against the values (a CAAR near 0 over a million firm-events).
   *
   * @return the mean; {@code NaN} for N = 0 or a {@code NaN} input
   */
  static double mean(double[] x) {
    int n = x.length;
    if (n == 0) {
      return Double.NaN;
    }
    CompensatedSum sum = new CompensatedSum();
    for (int i = 0; i < n; i++) {
      sum.add(x[i]);
    }
    return sum.value() / n;
  }

  /**
   * Sum of squared deviations from {@code mean}, corrected two-pass: {@code Σd² − (Σd)²/N}.
   *
   * @return exactly 0 when all N values are equal (so that "zero variance" is an exact test);
   *     {@code NaN} for N = 0 or a {@code NaN} input
   */
  static double sumSquaredDeviations(double[] x, double mean) {
    int n = x.length;
    if (n == 0) {
      return Double.NaN;
    }
    double first = x[0];
    boolean allEqual = true;
    double sum = 0.0;
    double sumSquares = 0.0;
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      allEqual &= xi == first;
      double d = xi - mean;
      sum += d;
      sumSquares += d * d;
    }
    return allEqual ? 0.0 : sumSquares - sum * sum / n;
  }

  /**
   * The sample standard deviation {@code s = √(Σ(x − mean)² / (N − 1))}, or {@code NaN} when the
   * sum of squares is not {@link #isRegular regular} (zero variance, overflow, NaN input): the
   * shared first step of cs-t, bmp-t and skew-t.
   *
   * @param x the values (N ≥ 2 is the caller's check)
   * @param mean their mean
   * @return s, or {@code NaN}
   */
  static double sampleStandardDeviation(double[] x, double mean) {
    double ss = sumSquaredDeviations(x, mean);
    return isRegular(ss) ? Math.sqrt(ss / (x.length - 1)) : Double.NaN;
  }

  /**
   * The one-sample t ratio {@code mean √N / s} of cs-t (on CAR) and bmp-t (on SCAR).
   *
   * @param x the values, N ≥ 2
   * @return the ratio, {@code NaN} when s is undefined or the ratio not finite
   */
  static double tRatio(double[] x) {
    double mean = mean(x);
    return tRatio(x.length, mean, sumSquaredDeviations(x, mean));
  }

  /**
   * The one-sample t ratio from moments: {@code mean √N / s}, {@code s = √(M2 / (N − 1))}; the
   * final formula of cs-t and bmp-t on a sample and on a {@link SampleSummary}.
   *
   * @param n N
   * @param mean the mean
   * @param sumSquares {@code M2 = Σ(x − mean)²}
   * @return the ratio, {@code NaN} when N &lt; 2, M2 is not {@link #isRegular regular} or the ratio
   *     is not finite
   */
  static double tRatio(long n, double mean, double sumSquares) {
    if (n < 2) {
      return Double.NaN;
    }
    double sd = isRegular(sumSquares) ? Math.sqrt(sumSquares / (n - 1)) : Double.NaN;
    return finiteOrNaN(mean * Math.sqrt(n) / sd);
  }

  /**
   * @param m moments of a summary
   * @return {@link #tRatio(long, double, double)} of them
   */
  static double tRatio(SampleSummary.Moments m) {
    return tRatio(m.n, m.mean(), m.sumSquares());
  }

  /**
   * @return {@code Σ (x_i − mean)³}; {@code NaN} for N = 0 or a {@code NaN} input
   */
  static double sumCubedDeviations(double[] x, double mean) {
    int n = x.length;
    if (n == 0) {
      return Double.NaN;
    }
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
      double d = x[i] - mean;
      sum += d * d * d;
    }
    return sum;
  }

  /**
   * Whether a sum of squares can be used as a variance: a positive, finite, normal double. A sum
   * that overflowed (|deviations| above about 1e154) or underflowed into the subnormal range (below
   * about 1e-154) has lost the value or its precision, and the statistic is reported undefined
   * rather than wrong.
   *
   * @param sumSquares a sum of squared deviations
   * @return whether {@code MIN_NORMAL ≤ sumSquares < ∞}
   */
  static boolean isRegular(double sumSquares) {
    return sumSquares >= Double.MIN_NORMAL && sumSquares < Double.POSITIVE_INFINITY;
  }

  /**
   * @return {@code x} if finite, else {@code NaN}
   */
  static double finiteOrNaN(double x) {
    return Double.isFinite(x) ? x : Double.NaN;
  }

  /**
   * Two-sided p-value from Student t, in the symmetric form {@code 2 F(−|t|)} that keeps its
   * precision in the far tail.
   *
   * @param t the statistic
   * @param degreesOfFreedom d, positive
   * @return {@code 2 F_d(−|t|)}
   */
  static double twoSidedT(double t, double degreesOfFreedom) {
    return 2.0 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(-Math.abs(t));
  }

  /**
   * Two-sided p-value from N(0, 1): {@code 2 Φ(−|z|)}.
   *
   * @param z the statistic
   * @return the p-value
   */
  static double twoSidedNormal(double z) {
    return 2.0 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z));
  }

  /**
   * Upper tail of N(0, 1) at {@code z} times two, capped at 1: {@code min(1, 2 Φ(−z))}. For
   * statistics already oriented so that large values are extreme (Wilcoxon's {@code max(W⁺, W⁻)}).
   *
   * @param z the statistic
   * @return the p-value
   */
  static double twiceUpperNormal(double z) {
    return Math.min(1.0, 2.0 * STANDARD_NORMAL.cumulativeProbability(-z));
  }

  // ---- reasons -------------------------------------------------------------------------------

  /** Reason for N = 0. */
  static final String EMPTY = "N = 0: no firm-event has a valid value in the window";

  /**
   * @param n the sample size
   * @param min the least N the test needs
   * @param what what needs it, for example "the sample standard deviation"
   * @return "N = 1: the sample standard deviation needs N ≥ 2", or "" if {@code n >= min}
   */
  static String sizeReason(long n, int min, String what) {
    if (n == 0) {
      return EMPTY;
    }
    return n < min ? "N = " + n + ": " + what + " needs N ≥ " + min : "";
  }

  /**
   * @return the moments of one input kind ({@link #VALUES} or {@link #STANDARDIZED}) of a summary
   */
  static SampleSummary.Moments moments(SampleSummary s, int kind) {
    return kind == VALUES ? s.values : s.scar;
  }

  /**
   * @return a sentence naming the first non-finite input of that kind, or "" if all are finite
   */
  static String nonFiniteReason(SampleSummary s, int kind) {
    SampleSummary.Moments m = moments(s, kind);
    if (m.nonFiniteAt >= 0) {
      return label(s, kind)
          + " of the firm-event at sample position "
          + m.nonFiniteAt
          + " is "
          + m.nonFiniteValue;
    }
    return "";
  }

  /**
   * @return "zero variance: ..." if the inputs of that kind are all equal (s = 0); a sentence
   *     saying the variance is out of double range if it is not {@link #isRegular}; else ""
   */
  static String varianceReason(SampleSummary s, int kind) {
    SampleSummary.Moments m = moments(s, kind);
    if (m.n == 0) {
      return "";
    }
    double ss = m.sumSquares();
    if (ss == 0.0 && m.allEqual) {
      return "zero variance: all N = "
          + m.n
          + " values of "
          + label(s, kind)
          + " equal "
          + m.first
          + ", so the sample standard deviation is 0";
    }
    if (!isRegular(ss)) {
      return "the sum of squared deviations of "
          + label(s, kind)
          + " is "
          + ss
          + ", outside the normal range of double precision (values of extreme magnitude)";
    }
    return "";
  }

  /**
   * @return the name of an input kind in reasons
   */
  static String label(SampleSummary sample, int kind) {
    switch (kind) {
      case VALUES:
        return sample.label();
      case STANDARDIZED:
        return "SCAR";
      case DEGREES_OF_FREEDOM:
        return "M_i − k";
      default:
        return "the positive share of estimation residuals";
    }
  }

  /**
   * @return the first non-empty reason, or ""
   */
  static String firstOf(String... reasons) {
    for (String r : reasons) {
      if (!r.isEmpty()) {
        return r;
      }
    }
    return "";
  }
}
