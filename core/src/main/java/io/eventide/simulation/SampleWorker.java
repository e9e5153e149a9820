package io.eventide.simulation;

import io.eventide.calendar.TradingCalendar;
import io.eventide.inference.CarSample;
import io.eventide.inference.EventStudyTest;
import io.eventide.inference.TestResult;
import io.eventide.model.MarketModel;
import io.eventide.model.ModelFit;
import io.eventide.model.internal.ModelFitter;
import io.eventide.study.internal.ClusterCorrelation;
import io.eventide.study.internal.RankKernel;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws and studies one sample at a time ({@code docs/simulation.md} sections 3 to 6): the draws
 * from the sample's own stream, one market-model fit per firm-event, then for each variant the
 * day-0 abnormal returns changed, the CAR sample of each window built as a study builds it (rank
 * scores by the study's {@link RankKernel}, r̄ by its {@link ClusterCorrelation}) and the tests of
 * {@code io.eventide.inference} run on it. Scratch space is sized once; one instance per thread.
 */
final class SampleWorker {

  private static final ClusterCorrelation.Recompute<ModelFit> FROM_FIT =
      (fit, e0, out) -> fit.abnormal(e0, e0 + out.length, out, 0);

  private final SimulationPanel panel;
  private final Eligibility eligibility;
  private final long seed;
  private final int n;
  private final int estFrom;
  private final int estLen;
  private final int spanFrom;
  private final int spanLen;
  private final int combinedLen;
  private final int[] windowFrom;
  private final int[] windowTo;
  private final double[] shifts;
  private final boolean variance;
  private final List<EventStudyTest> tests;
  private final double alpha;
  private final TradingCalendar calendar;

  private final ModelFitter fitter = MarketModel.of().fitter();
  private final RankKernel ranker;
  private final ClusterCorrelation<ModelFit> correlation;
  private final long[] allWindows;
  private final double[] pairSum;

  private final int[] pool;
  final int[] listing;
  final int[] dayZero;
  final double[] u;
  private final ModelFit[] fits;
  private final double[][] resid;
  private final double[][] ar;
  private final double[][] carVariance;
  private final double[] dof;
  private final double[] positive;
  private final double[] varianceAdd;
  private final double[] aarSum;
  private final int[] aarCount;
  private final double[] estimationAar;
  private final double[] rankValues;
  private final double[] scores;
  private final double[] rankSum;
  private final int[] rankCount;
  private final double[] meanRank;
  private final double[] car;
  private final double[] scar;

  /** Sees every sample a worker tests, with the results (for tests of the simulation itself). */
  @FunctionalInterface
  interface Observer {
    /**
     * @param variant the variant's index in output order
     * @param window the window's index
     * @param sample the CAR sample the tests ran on
     * @param results one result per test, in order
     */
    void tested(int variant, int window, CarSample sample, List<TestResult> results);
  }

  /** Told of every tested sample, or {@code null}. */
  Observer observer;

  /** The last sample's r̄. */
  double meanCrossCorrelation;

  /** The last sample's firm-events whose fit is unusable (their statistics are undefined). */
  int unusableFits;

  SampleWorker(SimulationPanel panel, Eligibility eligibility, SimulationSpecification spec) {
    this.panel = panel;
    this.eligibility = eligibility;
    this.seed = spec.seed();
    this.n = spec.size();
    this.estFrom = spec.estimation().fromInclusive();
    this.estLen = spec.estimation().length();
    this.spanFrom = spec.span().fromInclusive();
    this.spanLen = spec.span().length();
    this.combinedLen = estLen + spanLen;
    int w = spec.windows().size();
    windowFrom = new int[w];
    windowTo = new int[w];
    for (int j = 0; j < w; j++) {
      windowFrom[j] = spec.windows().get(j).fromInclusive();
      windowTo[j] = spec.windows().get(j).toInclusive();
    }
    shifts = spec.shifts().stream().mapToDouble(Double::doubleValue).toArray();
    variance = spec.variance();
    tests = spec.tests().tests();
    alpha = spec.alpha();
    long[] days = new long[panel.sessionCount()];
    for (int t = 0; t < days.length; t++) {
      days[t] = panel.sessionEpochDay(t);
    }
    calendar = TradingCalendar.of(panel.marketTicker(), io.eventide.calendar.Exchange.NYSE, days);
    ranker = new RankKernel(combinedLen);
    correlation = new ClusterCorrelation<>(estLen, w, FROM_FIT);
    allWindows = new long[(w + 63) >>> 6];
    for (int j = 0; j < w; j++) {
      allWindows[j >>> 6] |= 1L << (j & 63);
    }
    pairSum = new double[w];
    pool = new int[panel.candidateCount()];
    listing = new int[n];
    dayZero = new int[n];
    u = new double[n];
    fits = new ModelFit[n];
    resid = new double[n][estLen];
    ar = new double[n][spanLen];
    carVariance = new double[n][w];
    dof = new double[n];
    positive = new double[n];
    varianceAdd = new double[n];
    aarSum = new double[estLen];
    aarCount = new int[estLen];
    estimationAar = new double[estLen];
    rankValues = new double[combinedLen];
    scores = new double[combinedLen];
    rankSum = new double[combinedLen];
    rankCount = new int[combinedLen];
    meanRank = new double[combinedLen];
    car = new double[n];
    scar = new double[n];
  }

  /**
   * The random stream of one (design, sample): {@link SplittableRandom} seeded with SplitMix64
   * mixes of the seed, the design number and the sample index, chained so that no two of the three
   * numbers can trade places or cancel.
   *
   * @param seed the run's seed
   * @param design the design number
   * @param sample the sample index s
   * @return the stream
   */
  static SplittableRandom stream(long seed, int design, long sample) {
    long h = mix64(seed + 0x9E3779B97F4A7C15L);
    h = mix64(h ^ mix64(design + 0x3C6EF372FE94F82AL));
    h = mix64(h ^ mix64(sample + 0xDAA66D2C7DDF743FL));
    return new SplittableRandom(h);
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser, as in SplitMix64 (Steele et al. 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Draws sample s of a design into {@link #listing}, {@link #dayZero} and {@link #u}, in the order
   * of {@code docs/simulation.md} section 7.
   */
  void draw(Design design, int s) {
    SplittableRandom rng = stream(seed, design.number(), s);
    int[] from;
    if (design == Design.NONCLUSTERED) {
      from = eligibility.listings;
      pickListings(rng, from);
      for (int k = 0; k < n; k++) {
        int[] e = eligibility.sessionsOf[listing[k]];
        dayZero[k] = e[rng.nextInt(e.length)];
      }
    } else {
      int[] days = eligibility.clusterDays;
      int d = days[rng.nextInt(days.length)];
      pickListings(rng, eligibility.listingsOn[d]);
      Arrays.fill(dayZero, d);
    }
    for (int k = 0; k < n; k++) {
      u[k] = rng.nextDouble();
    }
  }

  /** N distinct listings by a partial Fisher-Yates shuffle of the ordered candidates. */
  private void pickListings(SplittableRandom rng, int[] candidates) {
    int m = candidates.length;
    System.arraycopy(candidates, 0, pool, 0, m);
    for (int k = 0; k < n; k++) {
      int j = k + rng.nextInt(m - k);
      int x = pool[j];
      pool[j] = pool[k];
      pool[k] = x;
      listing[k] = x;
    }
  }

  /**
   * Draws and studies sample s of a design, adding its rejections into {@code counts}, indexed
   * {@code (variant × windows + window) × tests + test}, variants in output order.
   */
  void run(Design design, int s, int[] counts) {
    draw(design, s);
    fitAll();
    meanCrossCorrelation = design == Design.CLUSTERED ? crossCorrelation() : 0.0;
    int v = 0;
    for (double delta : shifts) {
      study(delta, false, counts, v++);
    }
    if (variance) {
      study(0.0, true, counts, v);
    }
  }

  /**
   * The rejection rule of {@code docs/simulation.md} section 6: a defined two-sided p-value
   * strictly below α; an undefined statistic does not reject.
   *
   * @param r a test's result
   * @param alpha α
   * @return whether the test rejects
   */
  static boolean rejects(TestResult r, double alpha) {
    return r.isDefined() && r.pValue() < alpha;
  }

  /** One fit per firm-event and everything that does not depend on the variant. */
  private void fitAll() {
    Arrays.fill(aarSum, 0.0);
    Arrays.fill(aarCount, 0);
    unusableFits = 0;
    double[] market = panel.marketReturnsInternal();
    for (int k = 0; k < n; k++) {
      double[] r = panel.returnsInternal(listing[k]);
      int d0 = dayZero[k];
      int e0 = d0 + estFrom;
      ModelFit fit = fitter.fit(panel.inputs(listing[k]), e0, e0 + estLen, null);
      fits[k] = fit;
      if (!fit.isUsable()) {
        unusableFits++;
      }
      int m = fit.observations();
      double[] e = resid[k];
      fit.abnormal(e0, e0 + estLen, e, 0);
      int pos = 0;
      for (int tau = 0; tau < estLen; tau++) {
        double x = e[tau];
        if (x > 0) {
          pos++;
        }
        if (x == x) {
          aarSum[tau] += x;
          aarCount[tau]++;
        }
      }
      positive[k] = (double) pos / m;
      dof[k] = m - fit.parameterCount();
      int s0 = d0 + spanFrom;
      for (int d = 0; d < spanLen; d++) {
        ar[k][d] = r[s0 + d] - fit.expected(s0 + d);
      }
      for (int w = 0; w < windowFrom.length; w++) {
        carVariance[k][w] = fit.carVariance(d0 + windowFrom[w], d0 + windowTo[w]);
      }
      // The variance device: the listing's own raw return on valid estimation day ⌊u·M⌋, demeaned.
      int j = (int) Math.floor(u[k] * m);
      double sum = 0;
      double pick = Double.NaN;
      int valid = 0;
      for (int t = e0; t < e0 + estLen; t++) {
        if (!Double.isNaN(r[t]) && !Double.isNaN(market[t])) {
          if (valid == j) {
            pick = r[t];
          }
          sum += r[t];
          valid++;
        }
      }
      varianceAdd[k] = pick - sum / valid;
    }
    for (int tau = 0; tau < estLen; tau++) {
      estimationAar[tau] = aarCount[tau] > 0 ? aarSum[tau] / aarCount[tau] : Double.NaN;
    }
  }

  /**
   * r̄ of one cluster of N firm-events, every one in every window's sample, as a study forms it.
   */
  private double crossCorrelation() {
    correlation.clear();
    for (int k = 0; k < n; k++) {
      double[] e = resid[k];
      double sum = 0;
      for (double x : e) {
        if (x == x) {
          sum += x;
        }
      }
      correlation.add(
          calendar, dayZero[k] + estFrom, e, fits[k].observations(), sum, allWindows, fits[k]);
    }
    Arrays.fill(pairSum, 0.0);
    correlation.addTo(pairSum);
    // Every firm-event is in every window's sample, so every window has the same sum.
    return Math.max(-1.0, Math.min(1.0, pairSum[0] / (n * (n - 1.0) / 2.0)));
  }

  /** One variant: day-0 ARs changed, then every window's sample tested. */
  private void study(double delta, boolean device, int[] counts, int variant) {
    int day0 = -spanFrom;
    Arrays.fill(rankSum, 0.0);
    Arrays.fill(rankCount, 0);
    for (int k = 0; k < n; k++) {
      System.arraycopy(resid[k], 0, rankValues, 0, estLen);
      System.arraycopy(ar[k], 0, rankValues, estLen, spanLen);
      rankValues[estLen + day0] += device ? varianceAdd[k] : delta;
      ranker.scores(rankValues, combinedLen, scores);
      for (int c = 0; c < combinedLen; c++) {
        double x = scores[c];
        if (x == x) {
          rankSum[c] += x;
          rankCount[c]++;
        }
      }
    }
    for (int c = 0; c < combinedLen; c++) {
      meanRank[c] = rankCount[c] > 0 ? rankSum[c] / rankCount[c] : Double.NaN;
    }
    int windows = windowFrom.length;
    int testCount = tests.size();
    for (int w = 0; w < windows; w++) {
      int from = windowFrom[w] - spanFrom;
      int to = windowTo[w] - spanFrom;
      for (int k = 0; k < n; k++) {
        double[] a = ar[k];
        double c = 0;
        for (int d = from; d <= to; d++) {
          c += d == day0 ? a[d] + (device ? varianceAdd[k] : delta) : a[d];
        }
        car[k] = c;
        scar[k] = c / Math.sqrt(carVariance[k][w]);
      }
      CarSample sample =
          CarSample.of(
              car,
              scar,
              dof,
              positive,
              meanCrossCorrelation,
              estimationAar,
              meanRank,
              estLen + from,
              estLen + to);
      int base = (variant * windows + w) * testCount;
      TestResult[] results = observer != null ? new TestResult[testCount] : null;
      for (int t = 0; t < testCount; t++) {
        TestResult r = tests.get(t).test(sample);
        if (rejects(r, alpha)) {
          counts[base + t]++;
        }
        if (results != null) {
          results[t] = r;
        }
      }
      if (observer != null) {
        observer.tested(variant, w, sample, List.of(results));
      }
    }
  }
}
