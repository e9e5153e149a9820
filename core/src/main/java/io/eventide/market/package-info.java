/**
 * Listings (ticker, exchange, benchmark), the panel of listing and benchmark returns on each
 * listing's calendar, factor sets with the risk-free rate, and the calendar-time regression on them
 * that the study's calendar-time portfolio and the backtest's calendar-time alpha share.
 */
package io.eventide.market;
