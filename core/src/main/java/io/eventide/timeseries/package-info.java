/**
 * Dense daily series on a calendar: {@code double[]} inside, {@code NaN} marks a missing value.
 * Simple and log returns are computed here from prices on a trading calendar.
 */
package io.eventide.timeseries;
