package io.eventide.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.model.internal.ModelInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The models' identities and parameters ({@code docs/cli.md}: ids and parameter columns), the
 * checks of {@link ModelInputs} and {@link FactorModel}, and a fit's accessors on a hand-sized
 * example.
 */
class ModelApiTest {

  @Test
  void idsParameterCountsAndNamesAreThoseOfTheCommandLine() {
    assertThat(MarketModel.of().id()).isEqualTo("market");
    assertThat(MarketModel.of().parameterNames()).containsExactly("alpha", "beta");
    assertThat(ConstantMeanModel.of()).hasToString("constant-mean");
    assertThat(ConstantMeanModel.of().parameterNames()).containsExactly("alpha");
    assertThat(MarketAdjustedModel.of()).hasToString("market-adjusted");
    assertThat(MarketAdjustedModel.of().parameterCount()).isZero();
    assertThat(MarketAdjustedModel.of().parameterNames()).isEmpty();
    assertThat(MarketAdjustedModel.of().factorNames()).isEmpty();
    FactorModel ff5 = FactorModel.famaFrench5();
    assertThat(ff5.id()).isEqualTo("ff5");
    assertThat(ff5.parameterCount()).isEqualTo(6);
    assertThat(ff5.parameterNames())
        .containsExactly("alpha", "b_Mkt-RF", "b_SMB", "b_HML", "b_RMW", "b_CMA");
    assertThat(ff5).hasToString("ff5[Mkt-RF, SMB, HML, RMW, CMA]");
    assertThat(FactorModel.carhart4().factorNames()).containsExactly("Mkt-RF", "SMB", "HML", "Mom");
    assertThat(FactorModel.of(List.of("F1")).id()).isEqualTo("factors");
  }

  @Test
  void factorModelsNeedDistinctFactorsAndTheirColumns() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorModel.of(List.of()))
        .withMessage("A factor model needs at least one factor");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorModel.of(List.of("A", "A")))
        .withMessage("Factor model lists a factor twice: [A, A]");
    ModelInputs oneColumn =
        ModelInputs.of(new double[3], null, new double[][] {new double[3]}, new double[3]);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FactorModel.famaFrench3().fitter().fit(oneColumn, 0, 3, null))
        .withMessage("Model ff3 needs 3 factor columns, got 1");
  }

  @Test
  void modelInputsCheckLengthsAndSayWhatIsMissing() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ModelInputs.of(new double[3], new double[2]))
        .withMessage("Market returns have 2 sessions, listing returns 3");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ModelInputs.of(new double[3], null, new double[][] {new double[2]}, new double[3]))
        .withMessage("A factor column has 2 sessions, listing returns 3");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ModelInputs.of(new double[3], null, new double[][] {new double[3]}, new double[2]))
        .withMessage("Factor inputs need RF on every session");
    ModelInputs marketOnly = ModelInputs.of(new double[] {0.01, 0.02, 0.03}, new double[3]);
    assertThat(marketOnly.size()).isEqualTo(3);
    assertThat(marketOnly.returnAt(2)).isEqualTo(0.03);
    assertThatIllegalStateException()
        .isThrownBy(() -> FactorModel.famaFrench3().fitter().fit(marketOnly, 0, 3, null))
        .withMessage("These model inputs have no factors");
    assertThatIllegalStateException()
        .isThrownBy(marketOnly::riskFree)
        .withMessage("These model inputs have no risk-free rate");
    ModelInputs factorsOnly =
        ModelInputs.of(new double[3], null, new double[][] {new double[3]}, new double[3]);
    assertThatIllegalStateException()
        .isThrownBy(() -> MarketModel.of().fitter().fit(factorsOnly, 0, 3, null))
        .withMessage("These model inputs have no market returns");
  }

  @Test
  void aFitsAccessorsOnAHandSizedExample() {
    // R = 0.01, 0.03, 0.02, 0.04 on R_m = 0.01, 0.02, 0.01, 0.03 (M = 4):
    // x̄ = 0.0175, ȳ = 0.025, Sxx = 0.000275, Sxy = 0.00035, β̂ = 14/11, α̂ = 0.025 − 14/11·0.0175
    // = 0.0027272727..., residuals −0.0054545, 0.0018182, 0.0045455, −0.0009091,
    // Σε̂² = 5.4545...e-5, s² = Σε̂²/(M − 2) = 2.7272...e-5.
    double[] r = {0.01, 0.03, 0.02, 0.04};
    double[] m = {0.01, 0.02, 0.01, 0.03};
    ModelFit fit = MarketModel.of().fitter().fit(ModelInputs.of(r, m), 0, 4, null);
    assertThat(fit.model()).isSameAs(MarketModel.of());
    assertThat(fit.observations()).isEqualTo(4);
    assertThat(fit.parameterCount()).isEqualTo(2);
    assertThat(fit.degreesOfFreedom()).isEqualTo(2);
    assertThat(fit.parameterNames()).containsExactly("alpha", "beta");
    assertThat(fit.parameters())
        .containsExactly(new double[] {0.03 / 11, 14.0 / 11}, within(1e-15));
    assertThat(fit.residualVariance()).isCloseTo(0.0003 / 11, within(1e-17));
    assertThat(fit.isUsable()).isTrue();
    // Leverage of session 3: 1/M + (0.03 − 0.0175)² / 0.000275 = 0.25 + 0.5681818...
    assertThat(fit.leverage(3)).isCloseTo(0.25 + 0.000156250 / 0.000275, within(1e-12));
    fit.parameters()[0] = 9;
    assertThat(fit.parameter(0)).isCloseTo(0.03 / 11, within(1e-15));
    assertThat(fit.toString())
        .startsWith("ModelFit[market, M=4, params=[0.0027272727272727")
        .endsWith("]");
    ModelFit unusable = MarketModel.of().fitter().fit(ModelInputs.of(r, new double[4]), 0, 4, null);
    assertThat(unusable.toString())
        .endsWith(
            ", unusable: the market return does not vary over"
                + " the estimation window (rank-deficient design)]");
    // Market-adjusted: no estimation error; constant-mean: 1/M.
    ModelFit adjusted = MarketAdjustedModel.of().fitter().fit(ModelInputs.of(r, m), 0, 4, null);
    assertThat(adjusted.leverage(0)).isZero();
    assertThat(adjusted.parameters()).isEmpty();
    ModelFit mean = ConstantMeanModel.of().fitter().fit(ModelInputs.of(r, m), 0, 4, null);
    assertThat(mean.leverage(0)).isEqualTo(0.25);
  }
}
