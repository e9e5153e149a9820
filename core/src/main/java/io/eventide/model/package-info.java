/**
 * Normal-return models (market-adjusted, constant-mean, market, factor) and their fitted forms: the
 * sealed {@link io.eventide.model.ModelFit}, one record per model family, which gives expected
 * returns, forecast-error variances and CAR variances. What fitting needs (inputs, fitters, checks)
 * is in {@code io.eventide.model.internal}, not part of the public API.
 */
package io.eventide.model;
