/**
 * The cross-sectional test statistics of {@code spec/STATISTICS.md} section 3, each an immutable
 * calculator over a {@link io.eventide.study.WindowSample}, run together by a {@link
 * io.eventide.inference.TestSuite}. Undefined statistics are {@code NaN} results with a reason,
 * never exceptions.
 */
package io.eventide.inference;
