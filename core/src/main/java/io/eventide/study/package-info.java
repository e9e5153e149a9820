/**
 * The event study, in steps that can each be looked at on their own ({@code docs/architecture.md}):
 *
 * <ol>
 *   <li>specification: {@link io.eventide.study.StudySpecification}, what to compute in trading-day
 *       offsets (model, windows, minimum, cleaning);
 *   <li>resolved form: {@link io.eventide.study.ResolvedStudy}, made by {@link
 *       io.eventide.study.StudySpecification#resolve}: the firm-events in canonical order, each
 *       with its day 0 and session ranges on its listing's calendar or its outcome, and the
 *       clusters (events);
 *   <li>map: per firm-event, the fit, AR, SAR, CAR, Var(CAR), BHAR, rank scores and sign share
 *       (package-private {@code FirmEventMapper}), and per cluster the cross-correlations of r̄
 *       ({@code ClusterCorrelation});
 *   <li>reduce: partial sums merged in a fixed order into {@link io.eventide.study.StudyResult},
 *       whose window samples the tests run on.
 * </ol>
 *
 * <p>{@link io.eventide.study.EventStudy} only orchestrates: it resolves, cuts the clusters into
 * chunks, runs them on threads and merges in order, so results are bit-identical whatever the
 * number of threads. The return type (simple or log) has one owner, the {@code ReturnPanel} that
 * computed the returns; the specification does not repeat it.
 */
package io.eventide.study;
