/**
 * Internal, not part of the public API: everything here may change without notice.
 *
 * <p>Kernels of the study's map that other layers reuse as they are: {@link
 * io.eventide.study.internal.RankKernel} (the rank scores of the Corrado test) and {@link
 * io.eventide.study.internal.ClusterCorrelation} (the Kolari-Pynnönen cross-correlations of a
 * cluster); the simulation of {@code docs/simulation.md} uses them so that its samples are built
 * exactly as a study builds them.
 *
 * <p>And the study's map and mergeable reductions opened to engines that run them elsewhere (the
 * {@code eventide-spark} module): {@link io.eventide.study.internal.StudyPartitions}, {@link
 * io.eventide.study.internal.MappedFirmEvent}, {@link io.eventide.study.internal.PartialSums}, and
 * the values derived from a firm-event's stored ones ({@link
 * io.eventide.study.internal.FirmEventFormulas}) that its output rows share with {@code
 * FirmEventResult}. See {@code docs/spark.md}.
 */
package io.eventide.study.internal;
