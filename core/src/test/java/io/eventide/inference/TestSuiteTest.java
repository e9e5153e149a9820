package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestSuiteTest {

  private static final List<String> STANDARD_IDS =
      List.of(
          "cs-t",
          "cda-t",
          "patell-z",
          "adj-patell-z",
          "bmp-t",
          "kp-bmp-t",
          "skew-t",
          "rank-z",
          "sign-z",
          "gsign-z",
          "wilcoxon");

  @Test
  void standardHoldsTheElevenTestsInSpecOrder() {
    TestSuite suite = TestSuite.standard();
    assertThat(suite.ids()).isEqualTo(STANDARD_IDS);
    assertThat(suite.tests())
        .extracting(t -> t.getClass().getSimpleName())
        .containsExactly(
            "CrossSectionalTTest",
            "CrudeDependenceAdjustmentTest",
            "PatellTest",
            "AdjustedPatellTest",
            "BmpTest",
            "KolariPynnonenBmpTest",
            "SkewnessAdjustedTTest",
            "RankTest",
            "SignTest",
            "GeneralizedSignTest",
            "WilcoxonSignedRankTest");
    assertThat(suite).hasToString("TestSuite" + STANDARD_IDS);
  }

  @Test
  void runGivesOneResultPerApplicableTestInOrder() {
    Sample car = Samples.cars(0.02, -0.01, 0.05, 0.03, -0.02);
    List<TestResult> results = TestSuite.standard().run(car);
    assertThat(results).extracting(TestResult::testId).isEqualTo(STANDARD_IDS);
    assertThat(results).allMatch(TestResult::isDefined);

    List<TestResult> bhar = TestSuite.standard().run(Samples.bhar(0.2, -0.1, 0.5, 0.05));
    assertThat(bhar)
        .extracting(TestResult::testId)
        .containsExactly("cs-t", "skew-t", "sign-z", "wilcoxon");
  }

  @Test
  void runNeverThrowsOnAnEmptySample() {
    assertThat(TestSuite.standard().run(Samples.cars()))
        .hasSize(11)
        .allSatisfy(r -> assertThat(r.undefinedReason()).startsWith("N = 0"));
  }

  @Test
  void byIdsKeepsTheGivenOrder() {
    TestSuite suite = TestSuite.byIds(List.of("wilcoxon", " cs-t ", "patell-z"));
    assertThat(suite.ids()).containsExactly("wilcoxon", "cs-t", "patell-z");
    assertThat(suite.tests().get(1)).isSameAs(CrossSectionalTTest.withDefaults());
    assertThat(TestSuite.byIds(STANDARD_IDS)).isEqualTo(TestSuite.standard());
    assertThat(TestSuite.byIds(List.of()).tests()).isEmpty();
  }

  @Test
  void byIdsNamesAnUnknownIdAndListsTheKnownOnes() {
    assertThatThrownBy(() -> TestSuite.byIds(List.of("cs-t", "patel-z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown test id 'patel-z'; known ids: cs-t, cda-t, patell-z, adj-patell-z,"
                + " bmp-t, kp-bmp-t, skew-t, rank-z, sign-z, gsign-z, wilcoxon, grank-t, grank-z");
  }

  @Test
  void repeatedIdsAreRejected() {
    assertThatThrownBy(() -> TestSuite.byIds(List.of("cs-t", "cs-t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Test id 'cs-t' appears twice in the suite");
    assertThatThrownBy(() -> TestSuite.of(SignTest.withDefaults(), SignTest.withDefaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ofKeepsTheOrderAndIsImmutable() {
    TestSuite suite = TestSuite.of(SignTest.withDefaults(), BmpTest.withDefaults());
    assertThat(suite.ids()).containsExactly("sign-z", "bmp-t");
    assertThatThrownBy(() -> suite.tests().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(suite.run(Samples.bhar(0.1, 0.2)))
        .extracting(TestResult::testId)
        .containsExactly("sign-z");
  }
}
