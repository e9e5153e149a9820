/**
 * Internals of the writers, public only so that {@code io.eventide.report} can use them; not part
 * of Eventide's API, and they may change in any release: {@link
 * io.eventide.report.internal.CsvWriter}, the safe CSV cell writer; {@link
 * io.eventide.report.internal.FirmEventFiles}, the per-firm-event files written one mapped
 * firm-event at a time by an engine that maps elsewhere ({@code docs/spark.md}).
 */
package io.eventide.report.internal;
