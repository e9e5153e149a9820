package io.eventide.io;

import io.eventide.event.Event;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Events from a Tablesaw table, for a study built in a notebook or from a database query rather
 * than from a file.
 */
public final class Events {

  private Events() {}

  /**
   * Reads events from a table with the columns of an events file ({@link EventFileReader}): {@code
   * event_id}, {@code announced} (a date column, or text as in the file), and optionally {@code
   * affected} (tickers separated by {@code ;}), {@code title}, {@code category}, {@code direction}
   * and any others (kept in {@link Event#attributes()}). The table is written as CSV (dates in ISO
   * form, missing cells empty) and read by the same rules as a file, so a table and the file it was
   * loaded from give the same events and the same errors.
   *
   * @param table the table; its name is the source in error messages
   * @return the events in row order
   * @throws InputException naming the table, the line (row r is line r + 2, after the header) and
   *     the column of a bad cell
   */
  public static List<Event> fromTable(Table table) {
    Objects.requireNonNull(table, "table");
    StringWriter csv = new StringWriter();
    table.write().csv(csv);
    return EventFileReader.read(
        new StringReader(csv.toString()), "table " + (table.name() == null ? "" : table.name()));
  }
}
