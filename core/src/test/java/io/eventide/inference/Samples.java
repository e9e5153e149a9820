package io.eventide.inference;

import java.util.Arrays;
import java.util.Random;

/**
 * Test fixtures: samples built from a few numbers, with neutral defaults for the inputs a test does
 * not look at, and the awkward cases every test must survive.
 */
final class Samples {

  /** Default {@code AAR_τ} over a 6-day estimation window (one empty day). */
  static final double[] DEFAULT_AAR = {0.01, -0.01, Double.NaN, 0.02, 0.0, -0.005};

  /**
   * Default {@code Ū_τ} over a combined window of 5 estimation days and the 3 days of a window such
   * as [−1, 1] (positions 5..7, so L = 3).
   */
  static final double[] DEFAULT_RANKS = {0.1, -0.2, 0.05, 0.0, -0.1, 0.3, 0.2, -0.05};

  private Samples() {}

  /**
   * @return a CAR sample builder with these CARs and neutral defaults for everything else
   */
  static Builder car(double... car) {
    return new Builder(car);
  }

  /**
   * @return a CAR sample with these CARs and the defaults
   */
  static CarSample cars(double... car) {
    return car(car).build();
  }

  /**
   * @return a values-only sample labelled BHAR, as a study makes one
   */
  static ValueSample bhar(double... bhar) {
    return ValueSample.of("BHAR", bhar);
  }

  /**
   * A random CAR sample with every input in its natural range.
   *
   * @param seed the seed
   * @param n N
   * @param coarse whether to round CARs to 0.01 (ties and zeros)
   * @return the sample
   */
  static CarSample random(long seed, int n, boolean coarse) {
    Random rnd = new Random(seed);
    double[] car = new double[n];
    double[] scar = new double[n];
    double[] df = new double[n];
    double[] share = new double[n];
    for (int i = 0; i < n; i++) {
      double sigma = 0.01 + 0.05 * rnd.nextDouble();
      double c = 0.01 + sigma * rnd.nextGaussian();
      car[i] = coarse ? Math.round(c * 100) / 100.0 : c;
      scar[i] = car[i] / sigma;
      df[i] = 3 + rnd.nextInt(300);
      share[i] = 0.3 + 0.4 * rnd.nextDouble();
    }
    double[] aar = new double[20];
    for (int t = 0; t < aar.length; t++) {
      aar[t] = t == 7 ? Double.NaN : 0.01 * rnd.nextGaussian();
    }
    double[] ranks = new double[30];
    for (int t = 0; t < ranks.length; t++) {
      ranks[t] = 0.2 * (rnd.nextDouble() - 0.5);
    }
    double rbar = -0.01 + 0.2 * rnd.nextDouble();
    // a window of L = 5 days, [−2, 2], at positions 22..26 of the combined window
    return CarSample.of(car, scar, df, share, rbar, aar, ranks, 22, 26);
  }

  /**
   * The same sample with its firm-events reordered (the per-firm-event arrays permuted together;
   * r̄, AAR and Ū are sample-level and unchanged).
   *
   * @param s a CAR or values-only sample
   * @param seed the permutation's seed
   * @return the permuted sample
   */
  static Sample permuted(Sample s, long seed) {
    int n = s.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random rnd = new Random(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    double[] car = new double[n];
    for (int i = 0; i < n; i++) {
      car[i] = s.value(order[i]);
    }
    if (!(s instanceof CarSample c)) {
      return ValueSample.of(s.label(), car);
    }
    double[] scar = new double[n];
    double[] df = new double[n];
    double[] share = new double[n];
    for (int i = 0; i < n; i++) {
      scar[i] = c.standardized(order[i]);
      df[i] = c.degreesOfFreedom(order[i]);
      share[i] = c.positiveEstimationShare(order[i]);
    }
    return CarSample.of(
        car,
        scar,
        df,
        share,
        c.meanCrossCorrelation(),
        c.estimationAar(),
        c.meanRankScores(),
        c.rankWindowFrom(),
        c.rankWindowTo());
  }

  /** A CAR sample under construction. */
  static final class Builder {
    private final double[] car;
    private double[] scar;
    private double[] df;
    private double[] share;
    private double rbar = 0.0;
    private double[] aar = DEFAULT_AAR;
    private double[] ranks = DEFAULT_RANKS;
    private int rankFrom = 5;
    private int rankTo = 7;

    private Builder(double[] car) {
      this.car = car.clone();
      // SCAR = CAR / 0.02, M_i − k = 100, positive share 0.5
      this.scar = new double[car.length];
      for (int i = 0; i < car.length; i++) {
        scar[i] = car[i] / 0.02;
      }
      this.df = new double[car.length];
      Arrays.fill(df, 100.0);
      this.share = new double[car.length];
      Arrays.fill(share, 0.5);
    }

    Builder scar(double... v) {
      scar = v.clone();
      return this;
    }

    Builder df(double... v) {
      df = v.clone();
      return this;
    }

    Builder share(double... v) {
      share = v.clone();
      return this;
    }

    Builder rbar(double r) {
      rbar = r;
      return this;
    }

    Builder aar(double... v) {
      aar = v.clone();
      return this;
    }

    /** Ū over the combined window and the window's positions in it (L = to − from + 1). */
    Builder ranks(double[] u, int from, int to) {
      ranks = u.clone();
      rankFrom = from;
      rankTo = to;
      return this;
    }

    CarSample build() {
      return CarSample.of(car, scar, df, share, rbar, aar, ranks, rankFrom, rankTo);
    }
  }
}
