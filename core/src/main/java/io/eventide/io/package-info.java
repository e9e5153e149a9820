/**
 * Readers of real-world price, factor, event and universe files (layouts detected from the file
 * itself, errors that name file, line, column and value) and safe CSV writers.
 */
package io.eventide.io;
