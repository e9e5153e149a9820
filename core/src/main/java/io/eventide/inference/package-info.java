/**
 * The cross-sectional test statistics of {@code spec/STATISTICS.md} section 3, each an immutable
 * calculator over a {@link io.eventide.study.WindowSample}.
 */
package io.eventide.inference;
