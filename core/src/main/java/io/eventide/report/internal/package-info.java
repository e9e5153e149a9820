/**
 * Internals of the writers, public only so that {@code io.eventide.report} can use them; not part
 * of Eventide's API, and they may change in any release: {@link
 * io.eventide.report.internal.CsvWriter}, the safe CSV cell writer.
 */
package io.eventide.report.internal;
