/**
 * Readers of real-world price, factor, event and universe files: layouts detected from the file
 * itself, errors ({@link io.eventide.io.InputException}) that name file, line, column and value.
 *
 * <p>This package only reads; everything that writes a study's results is in {@code
 * io.eventide.report}. It depends on {@code timeseries}, {@code calendar}, {@code market} and
 * {@code event} only. The CSV framing, cell parsing and path safety shared by the readers are
 * internals in {@code io.eventide.io.internal}.
 */
package io.eventide.io;
