package io.eventide.io;

import io.eventide.timeseries.DatedSeries;
import java.time.LocalDate;
import java.util.Objects;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** Dated series from Tablesaw tables: prices or any other daily values held in a table. */
public final class SeriesTables {

  private SeriesTables() {}

  /**
   * A {@link DatedSeries} from a date column and a number column of a table: for prices, the
   * adjusted closes (as a price file's {@code adj_close}). A missing number is {@code NaN} (a
   * missing price), as in a price file.
   *
   * @param table the table
   * @param dateColumn the name of a date column, strictly increasing, none missing
   * @param valueColumn the name of a numeric column
   * @param name the series' name (a ticker)
   * @return the series
   * @throws IllegalArgumentException if a column is missing or of the wrong type, a date is
   *     missing, or the dates are not strictly increasing (naming the table, column, row and value)
   */
  public static DatedSeries fromTable(
      Table table, String dateColumn, String valueColumn, String name) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    String source = "Table " + table.name();
    if (!table.containsColumn(dateColumn) || !table.containsColumn(valueColumn)) {
      throw new IllegalArgumentException(
          source
              + " has no column "
              + (table.containsColumn(dateColumn) ? valueColumn : dateColumn)
              + "; its columns are "
              + table.columnNames());
    }
    if (!(table.column(dateColumn) instanceof DateColumn dates)) {
      throw new IllegalArgumentException(
          source
              + " column "
              + dateColumn
              + " is "
              + table.column(dateColumn).type()
              + ", not a date column");
    }
    if (!(table.column(valueColumn) instanceof NumericColumn<?> values)) {
      throw new IllegalArgumentException(
          source
              + " column "
              + valueColumn
              + " is "
              + table.column(valueColumn).type()
              + ", not a numeric column");
    }
    int n = table.rowCount();
    LocalDate[] d = new LocalDate[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      if (dates.isMissing(i)) {
        throw new IllegalArgumentException(
            source + " column " + dateColumn + " row " + i + ": the date is missing");
      }
      d[i] = dates.get(i);
      if (i > 0 && !d[i].isAfter(d[i - 1])) {
        throw new IllegalArgumentException(
            source
                + " column "
                + dateColumn
                + " row "
                + i
                + ": "
                + d[i]
                + " does not follow "
                + d[i - 1]
                + "; dates must be strictly increasing");
      }
      v[i] = values.isMissing(i) ? Double.NaN : values.getDouble(i);
    }
    return DatedSeries.of(name, d, v);
  }
}
