/**
 * Normal-return models (market-adjusted, constant-mean, market, factor) and their fitted forms,
 * which give expected returns, forecast-error variances and CAR variances.
 */
package io.eventide.model;
