/**
 * The cross-sectional test statistics of {@code docs/statistics.md} section 3, each an immutable
 * calculator over a {@link io.eventide.inference.Sample} (a study window's {@link
 * io.eventide.inference.CarSample}, or a plain {@link io.eventide.inference.ValueSample} of BHARs,
 * a user's own values or a backtest's trade returns), run together by a {@link
 * io.eventide.inference.TestSuite}. Undefined statistics are {@code NaN} results with a reason,
 * never exceptions.
 *
 * <p>A leaf: it imports nothing else of Eventide, so anything above it (a study, a backtest, a
 * user's code) can test its own samples.
 */
package io.eventide.inference;
