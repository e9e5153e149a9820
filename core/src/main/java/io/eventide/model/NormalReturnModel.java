package io.eventide.model;

import io.eventide.model.internal.ModelFitter;
import java.util.List;

/**
 * A model of a listing's normal (expected) return, fitted on its estimation window ({@code
 * docs/statistics.md} section 2).
 *
 * <table>
 *   <caption>The models</caption>
 *   <tr><th>model</th><th>expected return</th><th>k</th></tr>
 *   <tr><td>{@link MarketAdjustedModel}</td><td>{@code R_mt}</td><td>0</td></tr>
 *   <tr><td>{@link ConstantMeanModel}</td><td>{@code μ̂}</td><td>1</td></tr>
 *   <tr><td>{@link MarketModel}</td><td>{@code α̂ + β̂ R_mt}</td><td>2</td></tr>
 *   <tr><td>{@link FactorModel}</td><td>{@code RF_t + α̂ + Σ b̂_j F_jt}</td><td>f + 1</td></tr>
 *   <tr><td>{@link ScholesWilliamsModel}</td><td>{@code α̂_SW + β̂_SW R_mt}</td><td>2</td></tr>
 *   <tr><td>{@link DimsonModel}</td><td>{@code α̂ + Σ_{j=−K..K} b̂_j R_m,t+j}</td>
 *       <td>2K + 2</td></tr>
 *   <tr><td>{@link GarchModel}</td><td>{@code α̂ + β̂ R_mt}, GARCH(1,1) errors</td><td>5</td></tr>
 * </table>
 *
 * <p>The last three are section 3c's models for thin trading and time-varying volatility.
 *
 * <p>{@link #of(String)} finds a built-in model by the id the command line uses.
 */
public sealed interface NormalReturnModel
    permits MarketAdjustedModel,
        ConstantMeanModel,
        MarketModel,
        FactorModel,
        ScholesWilliamsModel,
        DimsonModel,
        GarchModel {

  /**
   * The built-in model of an id, as the command line's {@code --model} names it ({@code
   * docs/cli.md}): {@code market}, {@code constant-mean}, {@code market-adjusted}, {@code ff3}
   * (Fama-French three factors), {@code carhart4}, {@code ff5} (Fama-French five factors), {@code
   * scholes-williams}, {@code dimson} (one lead and one lag, {@link DimsonModel#of(int)} for
   * others), {@code garch} (the market model with GARCH(1,1) errors). The id is stripped of
   * surrounding blanks and otherwise matched exactly, as {@code TestSuite.byIds} matches test ids.
   *
   * @param id a model id
   * @return the model
   * @throws IllegalArgumentException for an unknown id, with a message listing the known ones
   */
  static NormalReturnModel of(String id) {
    String key = id == null ? "null" : id.strip();
    switch (key) {
      case "market":
        return MarketModel.of();
      case "constant-mean":
        return ConstantMeanModel.of();
      case "market-adjusted":
        return MarketAdjustedModel.of();
      case "ff3":
        return FactorModel.famaFrench3();
      case "carhart4":
        return FactorModel.carhart4();
      case "ff5":
        return FactorModel.famaFrench5();
      case "scholes-williams":
        return ScholesWilliamsModel.of();
      case "dimson":
        return DimsonModel.of(DimsonModel.DEFAULT_LAGS);
      case "garch":
        return GarchModel.of();
      default:
        throw new IllegalArgumentException(
            "Unknown model id '" + id + "'; known ids: " + String.join(", ", ids()));
    }
  }

  /**
   * @return the ids {@link #of(String)} knows, in the order of the command line's documentation
   */
  static List<String> ids() {
    return List.of(
        "market",
        "constant-mean",
        "market-adjusted",
        "ff3",
        "carhart4",
        "ff5",
        "scholes-williams",
        "dimson",
        "garch");
  }

  /**
   * @return the model's command-line id ({@code market}, {@code constant-mean}, ...)
   */
  String id();

  /**
   * @return k, the number of estimated parameters
   */
  int parameterCount();

  /**
   * The columns a fit reports, in output order: the k estimated parameters, then for some models
   * values derived from them. {@code alpha,beta} (market, Scholes-Williams), {@code alpha}
   * (constant-mean), none (market-adjusted), {@code alpha,b_<factor>...} (factor models), {@code
   * alpha,beta,b_lag-K..b_lag+K} (Dimson: {@code beta} is the sum of the 2K + 1 slopes, so k = 2K +
   * 2 of its 2K + 3 columns are parameters), {@code alpha,beta,omega,arch,garch,loglik} (GARCH: the
   * five parameters and the maximised log-likelihood).
   *
   * @return the column names
   */
  List<String> parameterNames();

  /**
   * @return the factor names a factor model needs, in column order; empty for other models
   */
  default List<String> factorNames() {
    return List.of();
  }

  /**
   * A fitter for one thread: it reuses scratch space across fits and returns immutable fits, of
   * this model's {@link ModelFit} record. Internal: its type lives in {@code
   * io.eventide.model.internal}.
   *
   * @return a new fitter
   */
  ModelFitter fitter();
}
