package io.eventide.study.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The scratch length of {@link GappedPairs}: the least length whose {@code double[]} (16 bytes of
 * header, 8 per element) fills whole 64-byte lines. The sums themselves are held to the pairwise
 * oracle by {@code GappedClusterCorrelationTest}.
 */
class GappedPairsTest {

  @Test
  void alignedLengthIsTheLeastLengthThatFillsWholeLines() {
    for (int n = 0; n <= 2_000; n++) {
      int len = GappedPairs.alignedLength(n);
      assertThat(len).as("n = %d", n).isBetween(n, n + 7);
      assertThat((16 + 8L * len) % 64).as("n = %d", n).isZero();
    }
    // by hand: 16 + 8 * 6 = 64, 16 + 8 * 1006 = 8,064 = 126 lines
    assertThat(GappedPairs.alignedLength(0)).isEqualTo(6);
    assertThat(GappedPairs.alignedLength(6)).isEqualTo(6);
    assertThat(GappedPairs.alignedLength(7)).isEqualTo(14);
    assertThat(GappedPairs.alignedLength(1_000)).isEqualTo(1_006);
  }
}
