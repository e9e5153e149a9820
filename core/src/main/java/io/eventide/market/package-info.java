/**
 * Listings (ticker, exchange, benchmark), the panel of listing and benchmark returns on each
 * listing's calendar, and factor sets with the risk-free rate.
 */
package io.eventide.market;
