package io.eventide.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FactorSet}: validation, merging several files (the first file that has a factor or RF
 * wins; a date a file lacks is missing for its columns), selection, and placing columns on a
 * calendar. Values are small hand-made numbers, so every expected value is read off the inputs.
 */
class FactorSetTest {

  private static long day(String iso) {
    return LocalDate.parse(iso).toEpochDay();
  }

  /** FF3-like: Mkt-RF, SMB on 07-03, 07-05, 07-06 with RF. */
  private static FactorSet ff() {
    return FactorSet.of(
        List.of("Mkt-RF", "SMB"),
        new long[] {day("2023-07-03"), day("2023-07-05"), day("2023-07-06")},
        new double[][] {{0.0012, -0.0025, 0.0031}, {0.0001, 0.0002, 0.0003}},
        new double[] {0.00021, 0.00022, 0.00023});
  }

  /** Momentum-like: Mom and a second SMB on 07-05, 07-07, no RF. */
  private static FactorSet mom() {
    return FactorSet.of(
        List.of("Mom", "SMB"),
        new long[] {day("2023-07-05"), day("2023-07-07")},
        new double[][] {{-0.0068, 0.0040}, {0.9, 0.9}},
        null);
  }

  @Test
  void readsValuesByNameAndDate() {
    FactorSet f = ff();
    assertThat(f.names()).containsExactly("Mkt-RF", "SMB");
    assertThat(f.size()).isEqualTo(3);
    assertThat(f.date(1)).isEqualTo(LocalDate.of(2023, 7, 5));
    assertThat(f.value("Mkt-RF", 2)).isEqualTo(0.0031);
    assertThat(f.riskFree(0)).isEqualTo(0.00021);
    assertThat(f.hasRiskFree()).isTrue();
    assertThat(f).hasToString("FactorSet[Mkt-RF, SMB]+RF[3 dates, 2023-07-03..2023-07-06]");
    assertThat(FactorSet.of(List.of("Mom"), new long[0], new double[][] {{}}, null))
        .hasToString("FactorSet[Mom][0 dates]");
  }

  @Test
  void theInputArraysAreCopied() {
    long[] days = {day("2023-07-03")};
    double[][] cols = {{0.5}};
    double[] rf = {0.1};
    FactorSet f = FactorSet.of(List.of("X"), days, cols, rf);
    days[0] = 0;
    cols[0][0] = 9;
    rf[0] = 9;
    assertThat(f.date(0)).isEqualTo(LocalDate.of(2023, 7, 3));
    assertThat(f.value("X", 0)).isEqualTo(0.5);
    assertThat(f.riskFree(0)).isEqualTo(0.1);
  }

  @Test
  void mergeTakesEachColumnFromTheFirstSetThatHasIt() {
    FactorSet m = FactorSet.merge(List.of(ff(), mom()));
    // Union of dates: 07-03, 07-05, 07-06, 07-07.
    assertThat(m.size()).isEqualTo(4);
    assertThat(m.date(3)).isEqualTo(LocalDate.of(2023, 7, 7));
    assertThat(m.names()).containsExactly("Mkt-RF", "SMB", "Mom");
    // SMB comes from ff (0.0002 on 07-05), not mom's 0.9; ff lacks 07-07: NaN there.
    assertThat(m.value("SMB", 1)).isEqualTo(0.0002);
    assertThat(m.value("SMB", 3)).isNaN();
    // Mom exists on 07-05 and 07-07 only.
    assertThat(m.value("Mom", 0)).isNaN();
    assertThat(m.value("Mom", 1)).isEqualTo(-0.0068);
    assertThat(m.value("Mom", 3)).isEqualTo(0.0040);
    // RF from ff, the only set with RF; missing on 07-07.
    assertThat(m.riskFree(2)).isEqualTo(0.00023);
    assertThat(m.riskFree(3)).isNaN();
    // In the other order, SMB is mom's, and RF still comes from ff.
    FactorSet other = FactorSet.merge(List.of(mom(), ff()));
    assertThat(other.names()).containsExactly("Mom", "SMB", "Mkt-RF");
    assertThat(other.value("SMB", 1)).isEqualTo(0.9);
    assertThat(other.riskFree(0)).isEqualTo(0.00021);
    // One set merges to itself; none is an error.
    FactorSet one = ff();
    assertThat(FactorSet.merge(List.of(one))).isSameAs(one);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorSet.merge(List.of()))
        .withMessage("No factor sets to merge");
  }

  @Test
  void selectKeepsChosenFactorsInTheChosenOrder() {
    FactorSet s = ff().select(List.of("SMB", "Mkt-RF"));
    assertThat(s.names()).containsExactly("SMB", "Mkt-RF");
    assertThat(s.value("SMB", 0)).isEqualTo(0.0001);
    assertThat(s.riskFree(1)).isEqualTo(0.00022);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ff().select(List.of("HML")))
        .withMessage("No factor 'HML'; the set has [Mkt-RF, SMB]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ff().value("Mom", 0))
        .withMessage("No factor 'Mom'; the set has [Mkt-RF, SMB]");
  }

  @Test
  void alignToACalendarLeavesMissingDatesNaN() {
    long[] sessions = {day("2023-07-03"), day("2023-07-04"), day("2023-07-06"), day("2023-07-10")};
    assertThat(ff().alignTo("Mkt-RF", sessions))
        .containsExactly(0.0012, Double.NaN, 0.0031, Double.NaN);
    assertThat(ff().riskFreeAlignedTo(sessions))
        .containsExactly(0.00021, Double.NaN, 0.00023, Double.NaN);
  }

  @Test
  void aSetWithoutRiskFreeSaysSo() {
    assertThat(mom().hasRiskFree()).isFalse();
    assertThatIllegalStateException()
        .isThrownBy(() -> mom().riskFree(0))
        .withMessage("Factor set [Mom, SMB] has no RF");
    assertThatIllegalStateException()
        .isThrownBy(() -> mom().riskFreeAlignedTo(new long[1]))
        .withMessage("Factor set [Mom, SMB] has no RF");
  }

  @Test
  void invalidSetsAreRefusedWithTheReason() {
    long[] two = {day("2023-07-03"), day("2023-07-05")};
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorSet.of(List.of("A", "B"), two, new double[][] {{1, 2}}, null))
        .withMessage("Factor set has 2 names but 1 columns");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorSet.of(List.of("RF"), two, new double[][] {{1, 2}}, null))
        .withMessage("RF is given separately, not as a factor");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> FactorSet.of(List.of("A", "A"), two, new double[][] {{1, 2}, {1, 2}}, null))
        .withMessage("Factor names repeat: [A, A]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorSet.of(List.of("A"), two, new double[][] {{1}}, null))
        .withMessage("Factor A has 1 values for 2 dates");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> FactorSet.of(List.of("A"), two, new double[][] {{1, 2}}, new double[] {0.1}))
        .withMessage("RF has 1 values for 2 dates");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                FactorSet.of(
                    List.of("A"), new long[] {two[1], two[0]}, new double[][] {{1, 2}}, null))
        .withMessage("Factor dates not strictly increasing at 2023-07-03");
  }
}
