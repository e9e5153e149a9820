package io.eventide.model;

import java.util.List;

/**
 * A model of a listing's normal (expected) return, fitted on its estimation window ({@code
 * spec/STATISTICS.md} section 2).
 *
 * <table>
 *   <caption>The models</caption>
 *   <tr><th>model</th><th>expected return</th><th>k</th></tr>
 *   <tr><td>{@link MarketAdjustedModel}</td><td>{@code R_mt}</td><td>0</td></tr>
 *   <tr><td>{@link ConstantMeanModel}</td><td>{@code μ̂}</td><td>1</td></tr>
 *   <tr><td>{@link MarketModel}</td><td>{@code α̂ + β̂ R_mt}</td><td>2</td></tr>
 *   <tr><td>{@link FactorModel}</td><td>{@code RF_t + α̂ + Σ b̂_j F_jt}</td><td>f + 1</td></tr>
 * </table>
 */
public sealed interface NormalReturnModel
    permits MarketAdjustedModel, ConstantMeanModel, MarketModel, FactorModel {

  /**
   * @return the model's command-line id ({@code market}, {@code constant-mean}, ...)
   */
  String id();

  /**
   * @return k, the number of estimated parameters
   */
  int parameterCount();

  /**
   * @return the parameter names in output order: {@code alpha,beta} (market), {@code alpha}
   *     (constant-mean), none (market-adjusted), {@code alpha,b_<factor>...} (factor models)
   */
  List<String> parameterNames();

  /**
   * @return the factor names a factor model needs, in column order; empty for other models
   */
  default List<String> factorNames() {
    return List.of();
  }

  /**
   * A fitter for one thread: it reuses scratch space across fits and returns immutable fits.
   *
   * @return a new fitter
   */
  ModelFitter fitter();
}
