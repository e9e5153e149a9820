/**
 * Internal: the study's map and mergeable reductions opened to engines that run them elsewhere (the
 * {@code eventide-spark} module). Not API: everything here may change without notice. See {@code
 * docs/spark.md}.
 */
package io.eventide.study.internal;
