/**
 * Event-driven backtests: trade the firm-events of a study without look-ahead, with costs, borrow
 * and a market hedge, and judge them with the study's statistics ({@code docs/backtest.md}).
 *
 * <p>A {@link io.eventide.backtest.Strategy} is data (side rule or user {@link
 * io.eventide.backtest.Signal}, entry, delay, lag, hold, stops, sizing, gross cap, overlap, hedge,
 * costs, borrow); {@link io.eventide.backtest.Backtest} runs it on {@link
 * io.eventide.backtest.BacktestData} and gives a {@link io.eventide.backtest.BacktestResult}: every
 * candidate with its outcome, the trades, the daily equity, the metrics, the trade tests and the
 * calendar-time alpha.
 */
package io.eventide.backtest;
