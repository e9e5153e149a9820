/**
 * Everything that writes a study's results: the CSV files of the command line ({@link
 * io.eventide.report.StudyFiles}), Tablesaw views ({@link io.eventide.report.StudyTables}), text
 * summaries and charts.
 *
 * <p>Each output table (firm events, abnormal returns, CAR, tests, left out, overlaps) has one
 * column definition (name, type and accessor of every column, and the rows in order), read by both
 * the CSV writer and the Tablesaw view, so the file and the table cannot drift apart.
 */
package io.eventide.report;
