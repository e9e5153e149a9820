/**
 * JMH benchmarks of the regression kernels and the event-study engine, raced against Commons Math
 * on the same synthetic data, and {@link io.eventide.benchmarks.LargeStudyRun}, the large-study
 * runner. How to run them and what they showed: {@code benchmarks/RESULTS.md}.
 */
package io.eventide.benchmarks;
