package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Holm and Benjamini–Hochberg against R's {@code p.adjust}, each value worked by hand below (R's
 * definitions: Holm {@code pmin(1, cummax((m − i + 1) p[o]))}, BH {@code pmin(1, cummin(m / i
 * p[o]))} from the largest down).
 */
class PValueAdjustmentTest {

  private static final double NAN = Double.NaN;

  /** m = 5 defined values (the NaN is not in the family), two tied at 0.04. */
  private static final double[] P = {0.01, 0.04, 0.03, 0.005, NAN, 0.04};

  @Test
  void holmMatchesPAdjustWorkedByHand() {
    // sorted: 0.005 (pos 3), 0.01 (0), 0.03 (2), 0.04 (1), 0.04 (5)
    // (m − l + 1) p_(l): 5·0.005 = 0.025, 4·0.01 = 0.04, 3·0.03 = 0.09, 2·0.04 = 0.08, 1·0.04 =
    // 0.04
    // running max:       0.025,           0.04,          0.09,          0.09,          0.09
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.04), "holm") = 0.040 0.090 0.090 0.025 0.090
    double[] a = PValueAdjustment.HOLM.adjust(P);
    assertThat(a[0]).isCloseTo(0.04, within(1e-15));
    assertThat(a[1]).isCloseTo(0.09, within(1e-15));
    assertThat(a[2]).isCloseTo(0.09, within(1e-15));
    assertThat(a[3]).isCloseTo(0.025, within(1e-15));
    assertThat(a[4]).isNaN();
    assertThat(a[5]).isEqualTo(a[1]); // ties get equal values
  }

  @Test
  void benjaminiHochbergMatchesPAdjustWorkedByHand() {
    // (m / l) p_(l): 5·0.005 = 0.025, 2.5·0.01 = 0.025, (5/3)·0.03 = 0.05, 1.25·0.04 = 0.05,
    //                1·0.04 = 0.04
    // running min from the largest down: l=5 0.04, l=4 0.04, l=3 0.04, l=2 0.025, l=1 0.025
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.04), "BH") = 0.025 0.040 0.040 0.025 0.040
    double[] a = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(P);
    assertThat(a[0]).isCloseTo(0.025, within(1e-15));
    assertThat(a[1]).isCloseTo(0.04, within(1e-15));
    assertThat(a[2]).isCloseTo(0.04, within(1e-15));
    assertThat(a[3]).isCloseTo(0.025, within(1e-15));
    assertThat(a[4]).isNaN();
    assertThat(a[5]).isEqualTo(a[1]);
  }

  @Test
  void capsAtOneAndLeavesTheInputAlone() {
    // Holm: 2·0.6 = 1.2 → 1; max(1.2, 1·0.7) → 1. BH: (2/2)·0.7 = 0.7; min(0.7, 2·0.6 = 1.2) = 0.7.
    double[] p = {0.7, 0.6};
    assertThat(PValueAdjustment.HOLM.adjust(p)).containsExactly(1.0, 1.0);
    assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p)).containsExactly(0.7, 0.7);
    assertThat(p).containsExactly(0.7, 0.6);
    // one value: unchanged; none: empty
    assertThat(PValueAdjustment.HOLM.adjust(new double[] {0.3})).containsExactly(0.3);
    assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(new double[] {NAN})).containsExactly(NAN);
    assertThat(PValueAdjustment.HOLM.adjust(new double[0])).isEmpty();
  }

  @Test
  void idsAndBadValues() {
    assertThat(PValueAdjustment.of(" Holm ")).isEqualTo(PValueAdjustment.HOLM);
    assertThat(PValueAdjustment.of("bh")).isEqualTo(PValueAdjustment.BENJAMINI_HOCHBERG);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PValueAdjustment.of("bonferroni"))
        .withMessage("Unknown p-value adjustment 'bonferroni'; expected holm or bh");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PValueAdjustment.HOLM.adjust(new double[] {0.1, 1.5}))
        .withMessage("p-value at position 1 is 1.5; p-values lie in [0, 1]");
  }
}
