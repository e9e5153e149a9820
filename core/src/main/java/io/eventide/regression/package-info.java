/**
 * Allocation-free ordinary least squares kernels on {@code double[]} ranges: one regressor (the
 * market model) and k regressors (factor models). Kernels never see a date.
 */
package io.eventide.regression;
