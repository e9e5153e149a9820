package io.eventide.report;

import io.eventide.backtest.BacktestResult;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Tablesaw views of a backtest's (or a sweep's) results, with exactly the columns of the files of
 * {@link BacktestFiles}.
 */
public final class BacktestTables {

  private BacktestTables() {}

  /**
   * @param results one result per holding period
   * @return the table {@code trades}: one row per candidate and holding period
   */
  public static Table trades(List<BacktestResult> results) {
    return BacktestOutput.trades(results).toTable();
  }

  /**
   * @param results one result per holding period
   * @return the table {@code daily}
   */
  public static Table daily(List<BacktestResult> results) {
    return BacktestOutput.daily(results).toTable();
  }

  /**
   * @param results one result per holding period
   * @return the table {@code metrics}: {@code hold, metric, value}
   */
  public static Table metrics(List<BacktestResult> results) {
    return BacktestOutput.metrics(results).toTable();
  }
}
