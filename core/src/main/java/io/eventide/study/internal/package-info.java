/**
 * Kernels of the study's map that other layers reuse as they are: {@link
 * io.eventide.study.internal.RankKernel} (the rank scores of the Corrado test) and {@link
 * io.eventide.study.internal.ClusterCorrelation} (the Kolari-Pynnönen cross-correlations of a
 * cluster). Internal: not part of the public API; the simulation of {@code docs/simulation.md} uses
 * them so that its samples are built exactly as a study builds them.
 */
package io.eventide.study.internal;
