/**
 * Internals of the readers, public only so that {@code io.eventide.io} and {@code
 * io.eventide.report} can share them; not part of Eventide's API, and they may change in any
 * release: CSV framing and tokenizing ({@link io.eventide.io.internal.CsvTable}), the one-pass
 * byte-level scanner of price files ({@link io.eventide.io.internal.CsvScanner}), cell parsing
 * ({@link io.eventide.io.internal.Cells}), reading a whole file as UTF-8 ({@link
 * io.eventide.io.internal.SourceText}) and file-name safety ({@link
 * io.eventide.io.internal.SafePaths}).
 */
package io.eventide.io.internal;
