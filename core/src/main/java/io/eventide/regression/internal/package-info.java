/**
 * Internal: allocation-free ordinary least squares kernels on {@code double[]} ranges, one
 * regressor (the market model) and k regressors (factor models), and the prefix sums of regressor
 * columns ({@link io.eventide.regression.internal.RegressorMoments}) that a study shares between
 * the listings of one calendar. Kernels never see a date.
 *
 * <p>Not part of the public API: an {@code internal} package may change in any release. It is
 * public only so that the model layer and the benchmarks can reach it.
 */
package io.eventide.regression.internal;
