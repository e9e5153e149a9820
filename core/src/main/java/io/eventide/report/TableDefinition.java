package io.eventide.report;

import io.eventide.io.internal.SafePaths;
import io.eventide.report.internal.CsvWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * One output table, defined once: its name, its columns in order, and its rows in order. {@link
 * StudyFiles} writes it as {@code <name>.csv} and {@link StudyTables} views it as a Tablesaw table
 * named {@code <name>}, both from this definition, so the two cannot drift apart.
 *
 * <p>Rows are streamed: the row source hands each row to the writer and keeps nothing, and a row
 * may be a cursor that the source moves (so a table of millions of rows does not allocate one
 * object per row). A consumer must therefore not keep a row after it returns.
 *
 * @param name the table's name ({@code firm_events}); the file is {@code <name>.csv}
 * @param columns the columns, in order
 * @param rows the rows, in order
 * @param <R> the row type
 */
record TableDefinition<R>(String name, List<Column<R>> columns, Rows<R> rows) {

  /**
   * Streams a table's rows.
   *
   * @param <R> the row type
   */
  @FunctionalInterface
  interface Rows<R> {
    /**
     * @param action receives each row in order; must not keep it
     */
    void forEach(Consumer<? super R> action);
  }

  TableDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rows, "rows");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Table " + name + " needs at least one column");
    }
  }

  /**
   * @return the column names, in order: the CSV header
   */
  List<String> header() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column<R> c : columns) {
      names.add(c.name());
    }
    return names;
  }

  /**
   * @return {@code <name>.csv}
   */
  String fileName() {
    return name + ".csv";
  }

  /**
   * Writes the table as {@code <name>.csv} in a folder, overwriting it: the header, then a row per
   * row of the source.
   *
   * @param folder an existing folder
   * @return the file written
   * @throws java.io.UncheckedIOException if writing fails
   */
  Path writeCsv(Path folder) {
    Path file = SafePaths.resolveInside(folder, fileName());
    try (CsvWriter w = CsvWriter.create(file, header())) {
      writeRows(w);
    }
    return file;
  }

  /**
   * Writes the table's CSV text to a writer and closes it.
   *
   * @param out where to write
   * @throws java.io.UncheckedIOException if writing fails
   */
  void writeCsv(Writer out) {
    try (CsvWriter w = CsvWriter.to(out, header())) {
      writeRows(w);
    }
  }

  private void writeRows(CsvWriter w) {
    @SuppressWarnings("unchecked")
    Column<R>[] cols = columns.toArray(new Column[0]);
    rows.forEach(
        row -> {
          for (Column<R> c : cols) {
            c.writeCell(w, row);
          }
          w.endRow();
        });
  }

  /**
   * @return a new Tablesaw table named {@code name}, one column per column, one row per row
   */
  Table toTable() {
    List<Column.Filling<R>> fillings = new ArrayList<>(columns.size());
    for (Column<R> c : columns) {
      fillings.add(c.newFilling());
    }
    @SuppressWarnings("unchecked")
    Consumer<R>[] appenders = new Consumer[fillings.size()];
    tech.tablesaw.columns.Column<?>[] out = new tech.tablesaw.columns.Column<?>[fillings.size()];
    for (int i = 0; i < appenders.length; i++) {
      appenders[i] = fillings.get(i).append();
      out[i] = fillings.get(i).column();
    }
    rows.forEach(
        row -> {
          for (Consumer<R> a : appenders) {
            a.accept(row);
          }
        });
    return Table.create(name, out);
  }
}
