package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link SampleSummary}: finishing a test from the summary of a whole sample gives the test's own
 * result on the sample bit for bit (the oracle is {@link EventStudyTest#test(Sample)}, whose values
 * the other test classes pin to independent sources), and the summary accumulated one firm-event at
 * a time or merged from any split gives it to 1e-12 relative, with the same n and reasons.
 */
class SampleSummaryTest {

  /** The standard eleven and the generalized rank tests. */
  private static final TestSuite STANDARD = TestSuite.byIds(TestSuite.knownIds());

  /** Random samples and the awkward cases of {@link Samples}'s kind. */
  private static List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    int[] sizes = {0, 1, 2, 3, 5, 12, 30, 31, 45, 64, 65, 200};
    for (int i = 0; i < sizes.length; i++) {
      for (boolean coarse : new boolean[] {false, true}) {
        CarSample c = Samples.random(1000 + i, sizes[i], coarse);
        out.add(c);
        out.add(c.withEstimationSar(sars(2000 + i, sizes[i], coarse)));
        out.add(Samples.bhar(c.values()));
        out.add(ValueSample.withZeroMeanOnly("CAVAR", c.values()));
      }
    }
    // zero variance, all tied, zeros (Wilcoxon drops them), all zero
    out.add(Samples.cars(0.02, 0.02, 0.02, 0.02));
    out.add(Samples.cars(0.01, -0.01, 0.01, -0.01, 0.0, 0.0, 0.01));
    out.add(Samples.cars(0.0, 0.0, 0.0));
    out.add(Samples.bhar(0.0, 0.0));
    // NaN and infinite inputs, M_i − k ≤ 2, shares outside [0, 1]
    out.add(Samples.cars(0.01, Double.NaN, 0.02));
    out.add(Samples.bhar(0.01, 0.03, Double.POSITIVE_INFINITY));
    out.add(Samples.car(0.01, 0.02, -0.01).scar(0.5, Double.NaN, -0.5).build());
    out.add(Samples.car(0.01, 0.02, -0.01).df(100, 2, 1).build());
    out.add(Samples.car(0.01, 0.02, -0.01).share(0.5, 1.5, -0.1).build());
    out.add(Samples.car(0.01, 0.02, -0.01).share(0.0, 0.0, 0.0).build());
    // r̄ out of range and 1 + (N − 1) r̄ ≤ 0; AAR with one day; Ū all zero
    out.add(Samples.car(0.01, 0.02, -0.01).rbar(1.5).build());
    out.add(Samples.car(0.01, 0.02, -0.01).rbar(-0.9).build());
    out.add(Samples.car(0.01, 0.02, -0.01).aar(0.01, Double.NaN).build());
    out.add(Samples.car(0.01, 0.02, -0.01).ranks(new double[] {0.0, 0.0, 0.0, 0.0}, 2, 3).build());
    return out;
  }

  @Test
  void finishingTheSummaryOfASampleIsTheTestOnTheSampleBitForBit() {
    int defined = 0;
    for (Sample s : samples()) {
      SampleSummary summary = SampleSummary.of(s);
      List<TestResult> expected = STANDARD.run(s);
      List<TestResult> actual = STANDARD.run(summary);
      assertThat(actual).as(s.toString()).isEqualTo(expected);
      defined += (int) expected.stream().filter(TestResult::isDefined).count();
    }
    assertThat(defined).isGreaterThan(200);
  }

  @Test
  void addingOneAtATimeOrMergingAnySplitGivesTheSameResultsTo1e12() {
    Random rnd = new Random(7);
    int compared = 0;
    for (Sample s : samples()) {
      List<TestResult> expected = STANDARD.run(s);
      for (int parts : new int[] {1, 2, 3, 7}) {
        SampleSummary merged = null;
        int from = 0;
        for (int p = 0; p < parts; p++) {
          int to = p == parts - 1 ? s.size() : from + rnd.nextInt(s.size() - from + 1);
          SampleSummary part = summaryOf(s, from, to);
          merged = merged == null ? part : merged.merge(part);
          from = to;
        }
        finishLike(merged, s);
        List<TestResult> actual = STANDARD.run(merged);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          TestResult x = expected.get(i);
          TestResult y = actual.get(i);
          String where = s + " in " + parts + " parts, " + x.testId();
          assertThat(y.testId()).as(where).isEqualTo(x.testId());
          assertThat(y.n()).as(where).isEqualTo(x.n());
          assertThat(y.undefinedReason()).as(where).isEqualTo(x.undefinedReason());
          if (x.isDefined()) {
            assertThat(y.statistic()).as(where).isCloseTo(x.statistic(), within(x.statistic()));
            assertThat(y.pValue()).as(where).isCloseTo(x.pValue(), within(x.pValue()));
            assertThat(y.degreesOfFreedom())
                .as(where)
                .isEqualTo(x.degreesOfFreedom(), Offset.offset(0.0));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(800);
  }

  /**
   * The merge rule itself on moments: a split merged equals the one-shot two-pass moments (the
   * mean, {@code Σ(x − x̄)²} and {@code Σ(x − x̄)³} computed directly) to 1e-12 relative.
   */
  @Test
  void mergedMomentsEqualTheTwoPassMoments() {
    Random rnd = new Random(3);
    for (int n : new int[] {2, 3, 10, 1000}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = 1e3 + rnd.nextGaussian() * (1 + rnd.nextDouble()) + (i % 5 == 0 ? 4.0 : 0.0);
      }
      SampleSummary.Moments all = SampleSummary.Moments.of(x);
      SampleSummary.Moments a = new SampleSummary.Moments();
      SampleSummary.Moments b = new SampleSummary.Moments();
      for (int i = 0; i < n; i++) {
        (i < n / 3 ? a : b).add(x[i]);
      }
      a.merge(b);
      assertThat(a.n).isEqualTo(n);
      assertThat(a.mean).isCloseTo(all.mean, within(all.mean));
      assertThat(a.m2).isCloseTo(all.m2, Offset.offset(1e-12 * Math.abs(all.m2)));
      // M3 can be near 0 by symmetry: relative to Σ|x − x̄|³
      double scale = 0;
      for (double v : x) {
        scale += Math.abs(Math.pow(v - all.mean, 3));
      }
      assertThat(a.m3).isCloseTo(all.m3, Offset.offset(1e-12 * scale));
    }
  }

  @Test
  void wilcoxonAboveThirtyNonZeroValuesNeedsTheWholeSampleRanked() {
    CarSample s = Samples.random(5, 40, false);
    SampleSummary merged = summaryOf(s, 0, 20).merge(summaryOf(s, 20, 40));
    merged.withSampleInputs(
        s.meanCrossCorrelation(),
        s.estimationAar(),
        s.meanRankScores(),
        s.rankWindowFrom(),
        s.rankWindowTo());
    assertThat(merged.hasPositiveRankSum()).isFalse();
    assertThatThrownBy(() -> WilcoxonSignedRankTest.withDefaults().test(merged))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withPositiveRankSum");
    // W⁺ ranked over the whole sample: the test's own statistic on it.
    double w = WilcoxonSignedRankTest.withDefaults().statistic(s);
    merged.withPositiveRankSum(w);
    assertThat(WilcoxonSignedRankTest.withDefaults().test(merged))
        .isEqualTo(WilcoxonSignedRankTest.withDefaults().test(s));
    // Up to 30 non-zero values the summary keeps them and ranks them itself.
    CarSample small = Samples.random(6, 30, true);
    SampleSummary parts = summaryOf(small, 0, 11).merge(summaryOf(small, 11, 30));
    finishLike(parts, small);
    assertThat(WilcoxonSignedRankTest.withDefaults().test(parts))
        .isEqualTo(WilcoxonSignedRankTest.withDefaults().test(small));
  }

  @Test
  void refusesMixedKindsAndMissingSampleInputs() {
    assertThatThrownBy(() -> SampleSummary.ofCars().merge(SampleSummary.ofValues("BHAR", true)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleSummary.ofCars().addValue(1.0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> SampleSummary.ofValues("BHAR", true).addCar(1, 1, 100, 0.5))
        .isInstanceOf(IllegalStateException.class);
    SampleSummary bare = SampleSummary.ofCars().addCar(0.01, 0.5, 100, 0.5);
    assertThatThrownBy(() -> PatellTest.withDefaults().test(bare))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("withSampleInputs");
    assertThat(TestSuite.byIds(TestSuite.knownIds()).supportsSummaries()).isTrue();
    TestSuite boot = TestSuite.of(BootstrappedSkewnessAdjustedTTest.of(100, 1L));
    assertThat(boot.supportsSummaries()).isFalse();
    assertThatThrownBy(() -> boot.run(SampleSummary.ofValues("x", true)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** Positions {@code from..to−1} of a sample added one at a time, as a map task adds them. */
  /**
   * The sums behind the tests are double-doubles ({@code Σ p̂_i}, Patell's sums, the means), so a
   * statistic does not depend on the order of its sums. The generalized sign test first: 200,000
   * shares {@code k/240} (the share of positive residuals of a 240-day estimation window, k uniform
   * in 100..140), N⁺ about N/2, merged from 1, 7 and 61 contiguous parts, give the sample's
   * statistic bit for bit. With plain double sums (tried by dropping the carried errors in both
   * engines) 7 parts gave −0.5638059139086123 against the one-pass −0.5638059139021696, 1.1e-11
   * apart: N⁺ − Σ p̂_i is near √N while both terms are near N/2.
   */
  @Test
  void largeSamplesGiveTheSameStatisticsWhateverTheSummationOrder() {
    int n = 200_000;
    java.util.SplittableRandom r = new java.util.SplittableRandom(42);
    double[] car = new double[n];
    double[] scar = new double[n];
    double[] dof = new double[n];
    double[] share = new double[n];
    for (int i = 0; i < n; i++) {
      car[i] = r.nextDouble(-0.05, 0.05);
      scar[i] = car[i] / 0.02;
      dof[i] = 238;
      share[i] = r.nextInt(100, 141) / 240.0;
    }
    CarSample s =
        CarSample.of(car, scar, dof, share, 0.0, new double[] {0.0, 0.0}, new double[1], 0, 0);
    GeneralizedSignTest test = GeneralizedSignTest.withDefaults();
    double expected = test.statistic(s);
    assertThat(expected).isFinite();
    // Patell's Σ SCAR and Σ (M−k)/(M−k−2) and the means are double-doubles too: patell-z is the
    // same bits; cs-t, bmp-t and skew-t (whose M2 and M3 merge by Chan's and Pébay's rules) agree
    // to 1e-13 relative (1.3e-14 seen).
    double patell = PatellTest.withDefaults().statistic(s);
    double csT = CrossSectionalTTest.withDefaults().statistic(s);
    double bmpT = BmpTest.withDefaults().statistic(s);
    double skewT = SkewnessAdjustedTTest.withDefaults().statistic(s);
    for (int parts : new int[] {1, 7, 61}) {
      SampleSummary merged = null;
      for (int p = 0; p < parts; p++) {
        SampleSummary part =
            summaryOf(s, (int) ((long) n * p / parts), (int) ((long) n * (p + 1) / parts));
        merged = merged == null ? part : merged.merge(part);
      }
      assertThat(test.statistic(merged)).as(parts + " parts").isEqualTo(expected);
      assertThat(PatellTest.withDefaults().statistic(merged)).as("patell-z").isEqualTo(patell);
      assertThat(CrossSectionalTTest.withDefaults().statistic(merged))
          .as("cs-t")
          .isCloseTo(csT, withinPercentage(1e-11));
      assertThat(BmpTest.withDefaults().statistic(merged))
          .as("bmp-t")
          .isCloseTo(bmpT, withinPercentage(1e-11));
      assertThat(SkewnessAdjustedTTest.withDefaults().statistic(merged))
          .as("skew-t")
          .isCloseTo(skewT, withinPercentage(1e-11));
    }
  }

  private static SampleSummary summaryOf(Sample s, int from, int to) {
    if (s instanceof CarSample c) {
      SampleSummary out = SampleSummary.ofCars();
      for (int i = from; i < to; i++) {
        out.addCar(
            c.value(i), c.standardized(i), c.degreesOfFreedom(i), c.positiveEstimationShare(i));
      }
      return out;
    }
    ValueSample v = (ValueSample) s;
    SampleSummary out = SampleSummary.ofValues(v.label(), v.zeroMedianUnderNull());
    for (int i = from; i < to; i++) {
      out.addValue(v.value(i));
    }
    return out;
  }

  /**
   * Attaches what a study attaches from its own sums, W⁺ as the whole-sample ranking gives, and the
   * generalized rank sums as the Spark engine's second pass makes them: {@code S_SCAR} from the
   * merged moments, each firm-event's own row ranked alone.
   */
  private static void finishLike(SampleSummary merged, Sample s) {
    if (s instanceof CarSample c && c.hasEstimationSar()) {
      double sScar = merged.scarStandardDeviation();
      double[][] rows = c.estimationSar();
      GeneralizedRankSums sums = new GeneralizedRankSums(SAR_DAYS);
      if (c.size() >= 2 && sScar > 0.0 && Double.isFinite(sScar)) {
        for (int i = 0; i < c.size(); i++) {
          sums.add(EstimationSar.of(new double[][] {rows[i]}), 0, c.standardized(i), sScar);
        }
      }
      merged.withGeneralizedRanks(sScar, sums);
    }
    if (s instanceof CarSample c) {
      merged.withSampleInputs(
          c.meanCrossCorrelation(),
          c.estimationAar(),
          c.meanRankScores(),
          c.rankWindowFrom(),
          c.rankWindowTo());
    }
    if (!merged.hasPositiveRankSum()) {
      merged.withPositiveRankSum(WilcoxonSignedRankTest.withDefaults().statistic(s));
    }
  }

  private static final int SAR_DAYS = 20;

  /** Random SAR rows, some days missing, coarse ones with ties. */
  private static double[][] sars(long seed, int n, boolean coarse) {
    Random rnd = new Random(seed);
    double[][] rows = new double[n][SAR_DAYS];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < SAR_DAYS; t++) {
        double v = rnd.nextGaussian();
        rows[i][t] = rnd.nextInt(10) == 0 ? Double.NaN : coarse ? Math.round(v * 4) / 4.0 : v;
      }
    }
    return rows;
  }

  private static Offset<Double> within(double v) {
    return Offset.offset(1e-12 * Math.max(Math.abs(v), Double.MIN_NORMAL));
  }
}
