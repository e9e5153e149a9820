package io.eventide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The contenders of each fit benchmark compute the same thing: their checksums (Σ over 1,000 fits
 * of the parameters and s²) agree, so the benchmarks race like against like.
 */
class FitBenchmarksAgreementTest {

  private static final double RELATIVE = 1e-9;

  @Test
  void marketModelContendersAgree() {
    MarketModelFitBenchmark b = new MarketModelFitBenchmark();
    b.length = 250;
    b.setUp();

    double kernel = b.eventideKernel();
    // Each fit's β̂ is about 1 (β ~ U(0.5, 1.5)), so the sum is about 1,000.
    assertThat(kernel).isBetween(900.0, 1100.0);
    assertThat(b.eventideKernelSharedMoments()).isCloseTo(kernel, within(RELATIVE * kernel));
    assertThat(b.commonsSimpleRegression()).isCloseTo(kernel, within(RELATIVE * kernel));
    assertThat(b.commonsOlsBuildingArrays()).isCloseTo(kernel, within(RELATIVE * kernel));
    assertThat(b.commonsOlsPrebuiltArrays()).isCloseTo(kernel, within(RELATIVE * kernel));
    // The fit's floor forms the same sums without the shift of y (returns: no digits lost).
    assertThat(b.sufficientSumsFloor()).isCloseTo(kernel, within(RELATIVE * kernel));

    // The floor sums returns: 1,000 windows x 250 days x (E[y] + E[x]) is about 150.
    assertThat(b.readFloor()).isFinite();
    // The honest floor sums the same 500,000 values in another order (four lanes each): the same
    // total up to rounding (each of the 2,000 window sums is about 0.1 with errors near 1e-17).
    assertThat(b.readFloorLanes()).isCloseTo(b.readFloor(), within(1e-12));
  }

  @Test
  void factorModelContendersAgree() {
    FactorModelFitBenchmark b = new FactorModelFitBenchmark();
    b.length = 250;
    b.factors = 4;
    b.setUp();

    double kernel = b.eventideKernel();
    // Σ b̂: about 1 on the market, about 0 on the others.
    assertThat(kernel).isBetween(800.0, 1200.0);
    assertThat(b.eventideKernelSharedMoments()).isCloseTo(kernel, within(RELATIVE * kernel));
    assertThat(b.commonsOlsBuildingArrays()).isCloseTo(kernel, within(RELATIVE * kernel));
    assertThat(b.commonsOlsPrebuiltArrays()).isCloseTo(kernel, within(RELATIVE * kernel));
    assertThat(b.readFloor()).isFinite();
  }
}
