package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every test of the standard suite keeps, on ordinary and awkward samples. */
class EventStudyTestContractTest {

  private static final Set<String> BHAR_TESTS = Set.of("cs-t", "skew-t", "sign-z", "wilcoxon");

  /** Tests whose formula needs N − 1 (or N − 2) in a denominator. */
  private static final Set<String> NEED_TWO = Set.of("cs-t", "bmp-t", "kp-bmp-t", "skew-t");

  static Stream<EventStudyTest> tests() {
    return TestSuite.standard().tests().stream();
  }

  /** Ordinary and awkward samples; none may make a test throw. */
  static List<Sample> fixtures() {
    return List.of(
        Samples.cars(0.02, -0.01, 0.05, 0.03, -0.02),
        Samples.cars(),
        Samples.cars(0.02),
        Samples.cars(0.02, -0.01),
        Samples.cars(0.03, 0.03, 0.03, 0.03),
        Samples.cars(0.0, 0.0, 0.0),
        Samples.cars(0.02, Double.NaN, 0.05),
        Samples.cars(0.02, Double.POSITIVE_INFINITY, 0.05),
        Samples.car(0.02, -0.01, 0.05).df(100, 2, 50).build(),
        Samples.car(0.02, -0.01, 0.05).rbar(-0.6).build(),
        Samples.car(0.02, -0.01, 0.05).rbar(Double.NaN).build(),
        Samples.car(0.02, -0.01, 0.05).share(0, 0, 0).build(),
        Samples.car(0.02, -0.01, 0.05).aar(Double.NaN, 0.01, Double.NaN).build(),
        Samples.car(0.02, -0.01, 0.05).ranks(new double[] {0, 0, 0}, 1, 2).build(),
        Samples.car(1e300, -1e300, 1e300).build(),
        Samples.bhar(0.2, -0.1, 0.5, 0.05),
        Samples.bhar(),
        Samples.random(7, 25, false),
        Samples.random(8, 40, true));
  }

  @ParameterizedTest
  @MethodSource("tests")
  void appliesToCarAndToBharOnlyForTheFourUnstandardizedTests(EventStudyTest test) {
    assertThat(test.appliesTo(Samples.cars(0.01))).isTrue();
    assertThat(test.appliesTo(Samples.bhar(0.01))).isEqualTo(BHAR_TESTS.contains(test.id()));
    assertThat(test.appliesTo(Sample.of(0.01))).isEqualTo(BHAR_TESTS.contains(test.id()));
  }

  @ParameterizedTest
  @MethodSource("tests")
  void statisticEqualsTestStatisticAndResultsAreConsistent(EventStudyTest test) {
    for (Sample sample : fixtures()) {
      double statistic = test.statistic(sample);
      TestResult result = test.test(sample);
      assertThat(Double.compare(result.statistic(), statistic))
          .as(
              "%s on %s: statistic() %s vs test() %s",
              test.id(), sample, statistic, result.statistic())
          .isZero();
      assertThat(result.testId()).isEqualTo(test.id());
      assertThat(result.n()).isEqualTo(sample.size());
      if (Double.isNaN(statistic)) {
        assertThat(result.undefinedReason()).as("%s on %s", test.id(), sample).isNotBlank();
        assertThat(result.pValue()).isNaN();
      } else {
        assertThat(result.undefinedReason()).isEmpty();
        assertThat(statistic).isFinite();
        assertThat(result.pValue()).isBetween(0.0, 1.0);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("tests")
  void emptySampleIsUndefinedWithAReason(EventStudyTest test) {
    for (Sample empty : List.of(Samples.cars(), Samples.bhar())) {
      if (!test.appliesTo(empty)) {
        continue;
      }
      TestResult r = test.test(empty);
      assertThat(test.statistic(empty)).isNaN();
      assertThat(r.isDefined()).isFalse();
      assertThat(r.n()).isZero();
      assertThat(r.undefinedReason()).startsWith("N = 0");
    }
  }

  /**
   * N = 1 is undefined for the tests with N − 1 in a denominator (the sample standard deviation);
   * the others are defined by their formula for one firm-event.
   */
  @ParameterizedTest
  @MethodSource("tests")
  void singleFirmEventIsUndefinedExactlyWhereTheFormulaNeedsTwo(EventStudyTest test) {
    TestResult r = test.test(Samples.cars(0.02));
    if (NEED_TWO.contains(test.id())) {
      assertThat(r.statistic()).isNaN();
      assertThat(r.undefinedReason()).startsWith("N = 1: ").contains("N ≥ ");
    } else {
      assertThat(r.isDefined()).as(r.undefinedReason()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("tests")
  void nanInputsGiveNanWithAReason(EventStudyTest test) {
    // firm-event 0 has every per-firm input NaN; Ū is NaN on a window day
    double[] ranks = Samples.DEFAULT_RANKS.clone();
    ranks[6] = Double.NaN;
    Sample sample =
        Samples.car(Double.NaN, -0.01, 0.05)
            .scar(Double.NaN, -0.5, 2.5)
            .df(Double.NaN, 100, 100)
            .share(Double.NaN, 0.5, 0.5)
            .aar(Double.NaN, Double.NaN, Double.NaN)
            .ranks(ranks, 5, 7)
            .build();
    TestResult r = test.test(sample);
    assertThat(r.statistic()).isNaN();
    assertThat(r.undefinedReason()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("tests")
  void bharSampleIsUndefinedForTheStandardizedTests(EventStudyTest test) {
    Sample bhar = Samples.bhar(0.2, -0.1, 0.5, 0.05);
    TestResult r = test.test(bhar);
    if (BHAR_TESTS.contains(test.id())) {
      assertThat(r.isDefined()).as(r.undefinedReason()).isTrue();
    } else {
      assertThat(r.statistic()).isNaN();
      assertThat(r.undefinedReason())
          .isEqualTo(test.id() + " applies to CAR samples only; this is a BHAR sample");
    }
  }

  @Property(tries = 1000)
  void reorderingTheFirmEventsLeavesEveryStatisticUnchanged(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 90) int n,
      @ForAll boolean coarse,
      @ForAll long permutationSeed) {
    Sample sample = Samples.random(seed, n, coarse);
    Sample permuted = Samples.permuted(sample, permutationSeed);
    for (EventStudyTest test : TestSuite.standard().tests()) {
      double a = test.statistic(sample);
      double b = test.statistic(permuted);
      if (Double.isNaN(a)) {
        assertThat(b).as(test.id()).isNaN();
      } else {
        assertThat(b).as(test.id()).isCloseTo(a, within(1e-10 * Math.max(1.0, Math.abs(a))));
      }
    }
  }

  @Property(tries = 1000)
  void pValuesAreInTheUnitIntervalAndResultsMatchStatistic(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 90) int n, @ForAll boolean coarse) {
    Sample sample = Samples.random(seed, n, coarse);
    for (TestResult r : TestSuite.standard().run(sample)) {
      EventStudyTest test = TestSuite.byIds(List.of(r.testId())).tests().get(0);
      assertThat(Double.compare(r.statistic(), test.statistic(sample))).isZero();
      if (r.isDefined()) {
        assertThat(r.pValue()).as(r.testId()).isBetween(0.0, 1.0);
      } else {
        // only too few firm-events, all-zero or all-equal coarse CARs can make a random sample fail
        assertThat(r.undefinedReason())
            .as(r.testId() + " with N = " + n)
            .containsAnyOf("N = 0", "N = 1", "N = 2", "N' = 0", "zero variance");
      }
    }
  }
}
