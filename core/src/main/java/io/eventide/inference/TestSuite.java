package io.eventide.inference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, ordered list of tests run together on each window.
 *
 * <p>{@link #standard()} holds the eleven tests of {@code docs/statistics.md} section 3 in the
 * spec's order. {@link #run(Sample)} runs, in order, the tests that apply to the sample: all eleven
 * on a {@link CarSample}, the four that need only the values (cs-t, skew-t, sign-z, wilcoxon) on a
 * {@link ValueSample} such as a study's BHARs or a user's own values:
 *
 * <pre>
 *   List&lt;TestResult&gt; results = TestSuite.standard().run(Sample.of(myCars));
 * </pre>
 */
public final class TestSuite {

  private static final TestSuite STANDARD =
      new TestSuite(
          List.of(
              CrossSectionalTTest.withDefaults(),
              CrudeDependenceAdjustmentTest.withDefaults(),
              PatellTest.withDefaults(),
              AdjustedPatellTest.withDefaults(),
              BmpTest.withDefaults(),
              KolariPynnonenBmpTest.withDefaults(),
              SkewnessAdjustedTTest.withDefaults(),
              RankTest.withDefaults(),
              SignTest.withDefaults(),
              GeneralizedSignTest.withDefaults(),
              WilcoxonSignedRankTest.withDefaults()));

  /**
   * Tests beyond the standard eleven that {@link #byIds} knows ({@code docs/statistics.md},
   * "Generalized rank tests").
   */
  private static final List<EventStudyTest> EXTENSIONS =
      List.of(GeneralizedRankTTest.withDefaults(), GeneralizedRankZTest.withDefaults());

  private final List<EventStudyTest> tests;

  private TestSuite(List<EventStudyTest> tests) {
    Set<String> seen = new HashSet<>();
    for (EventStudyTest test : tests) {
      Objects.requireNonNull(test, "test");
      if (!seen.add(test.id())) {
        throw new IllegalArgumentException(
            "Test id '" + test.id() + "' appears twice in the suite");
      }
    }
    this.tests = List.copyOf(tests);
  }

  /**
   * @return the eleven tests: cs-t, cda-t, patell-z, adj-patell-z, bmp-t, kp-bmp-t, skew-t, rank-z,
   *     sign-z, gsign-z, wilcoxon
   */
  public static TestSuite standard() {
    return STANDARD;
  }

  /**
   * @param tests the tests, in the order to run them; ids must be distinct
   * @return the suite
   * @throws IllegalArgumentException if two tests share an id
   */
  public static TestSuite of(EventStudyTest... tests) {
    return new TestSuite(List.of(tests));
  }

  /**
   * The tests with the given ids, in the given order: the standard eleven and the generalized rank
   * tests {@code grank-t} and {@code grank-z} (which need a CAR sample carrying its standardized
   * estimation residuals, see {@link CarSample#withEstimationSar(double[][])}).
   *
   * @param ids ids such as {@code cs-t} (surrounding blanks ignored), each at most once
   * @return the suite
   * @throws IllegalArgumentException naming an unknown id and listing the known ones, or a repeated
   *     id
   */
  public static TestSuite byIds(List<String> ids) {
    Objects.requireNonNull(ids, "ids");
    Map<String, EventStudyTest> known = new LinkedHashMap<>();
    for (EventStudyTest test : STANDARD.tests) {
      known.put(test.id(), test);
    }
    for (EventStudyTest test : EXTENSIONS) {
      known.put(test.id(), test);
    }
    List<EventStudyTest> chosen = new ArrayList<>(ids.size());
    for (String id : ids) {
      String key = id == null ? "null" : id.strip();
      EventStudyTest test = known.get(key);
      if (test == null) {
        throw new IllegalArgumentException(
            "Unknown test id '" + id + "'; known ids: " + String.join(", ", known.keySet()));
      }
      chosen.add(test);
    }
    return new TestSuite(chosen);
  }

  /**
   * @return the ids {@link #byIds} accepts: the standard eleven, then {@code grank-t}, {@code
   *     grank-z}
   */
  public static List<String> knownIds() {
    List<String> ids = new ArrayList<>(STANDARD.ids());
    for (EventStudyTest test : EXTENSIONS) {
      ids.add(test.id());
    }
    return List.copyOf(ids);
  }

  /**
   * @return whether a test of this suite needs the standardized estimation residuals of {@link
   *     CarSample#withEstimationSar(double[][])} (the generalized rank tests)
   */
  public boolean needsEstimationSar() {
    for (EventStudyTest test : tests) {
      if (test instanceof GeneralizedRankTTest || test instanceof GeneralizedRankZTest) {
        return true;
      }
    }
    return false;
  }

  /**
   * @return the tests, in order (unmodifiable)
   */
  public List<EventStudyTest> tests() {
    return tests;
  }

  /**
   * @return the tests' ids, in order
   */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(tests.size());
    for (EventStudyTest test : tests) {
      ids.add(test.id());
    }
    return List.copyOf(ids);
  }

  /**
   * Runs the tests that apply to the sample, in order.
   *
   * @param sample the sample
   * @return one result per applicable test (unmodifiable); undefined statistics are results with a
   *     reason, never exceptions
   */
  public List<TestResult> run(Sample sample) {
    Objects.requireNonNull(sample, "sample");
    List<TestResult> results = new ArrayList<>(tests.size());
    for (EventStudyTest test : tests) {
      if (test.appliesTo(sample)) {
        results.add(test.test(sample));
      }
    }
    return List.copyOf(results);
  }

  /**
   * @return whether every test of this suite finishes from a {@link SampleSummary} ({@link
   *     EventStudyTest#supportsSummary()}): true for any choice of the standard eleven and the
   *     generalized rank tests
   */
  public boolean supportsSummaries() {
    for (EventStudyTest test : tests) {
      if (!test.supportsSummary()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs the tests that apply to a summarized sample, in order: the same results as {@link
   * #run(Sample)} on the sample, to the rounding of merged moments.
   *
   * @param summary the summary (see {@link EventStudyTest#test(SampleSummary)})
   * @return one result per applicable test (unmodifiable)
   * @throws UnsupportedOperationException if a test does not finish from a summary
   */
  public List<TestResult> run(SampleSummary summary) {
    Objects.requireNonNull(summary, "summary");
    List<TestResult> results = new ArrayList<>(tests.size());
    for (EventStudyTest test : tests) {
      if (!test.supportsSummary()) {
        throw new UnsupportedOperationException(
            test.id() + " does not finish from a sample summary; run it on the sample");
      }
      if (test.appliesTo(summary)) {
        results.add(test.test(summary));
      }
    }
    return List.copyOf(results);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestSuite s && tests.equals(s.tests);
  }

  @Override
  public int hashCode() {
    return tests.hashCode();
  }

  @Override
  public String toString() {
    return "TestSuite" + ids();
  }
}
