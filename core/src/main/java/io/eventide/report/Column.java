package io.eventide.report;

import io.eventide.report.internal.CsvWriter;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;

/**
 * One column of an output table: its name, its type, and how to read its value from a row. The CSV
 * writer and the Tablesaw view both read it, so a file's header and cells and the table's columns
 * come from the same place.
 *
 * <p>Four types, one record each: {@link Text} (a CSV text cell, a Tablesaw {@code StringColumn};
 * {@code null} is an empty cell), {@link Decimal} (a CSV number, {@code NaN} an empty cell; a
 * {@code DoubleColumn}), {@link Int} (a CSV integer; an {@code IntColumn}) and {@link Date} (an ISO
 * date, {@code null} an empty cell; a {@code DateColumn}). The accessors return primitives where
 * the value is one, so a row is read without boxing.
 *
 * @param <R> the row type
 */
sealed interface Column<R> {

  /**
   * @return the column's name: the CSV header cell and the Tablesaw column name
   */
  String name();

  /**
   * Writes this column's cell of a row.
   *
   * @param out the CSV writer, positioned at this column's cell
   * @param row the row
   */
  void writeCell(CsvWriter out, R row);

  /**
   * @return an empty Tablesaw column of this name and type, with the appender that fills it
   */
  Filling<R> newFilling();

  /**
   * A Tablesaw column being filled a row at a time.
   *
   * @param column the column
   * @param append appends a row's value to it
   * @param <R> the row type
   */
  record Filling<R>(tech.tablesaw.columns.Column<?> column, Consumer<R> append) {}

  /**
   * A text column.
   *
   * @param name the name
   * @param value the accessor ({@code null} for an empty cell)
   * @param <R> the row type
   */
  record Text<R>(String name, Function<? super R, String> value) implements Column<R> {
    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void writeCell(CsvWriter out, R row) {
      out.text(value.apply(row));
    }

    @Override
    public Filling<R> newFilling() {
      StringColumn c = StringColumn.create(name);
      return new Filling<>(
          c,
          row -> {
            String v = value.apply(row);
            c.append(v == null ? "" : v);
          });
    }
  }

  /**
   * A column of real numbers.
   *
   * @param name the name
   * @param value the accessor ({@code NaN} for an undefined value)
   * @param <R> the row type
   */
  record Decimal<R>(String name, ToDoubleFunction<? super R> value) implements Column<R> {
    public Decimal {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void writeCell(CsvWriter out, R row) {
      out.number(value.applyAsDouble(row));
    }

    @Override
    public Filling<R> newFilling() {
      DoubleColumn c = DoubleColumn.create(name);
      return new Filling<>(c, row -> c.append(value.applyAsDouble(row)));
    }
  }

  /**
   * A column of integers.
   *
   * @param name the name
   * @param value the accessor
   * @param <R> the row type
   */
  record Int<R>(String name, ToIntFunction<? super R> value) implements Column<R> {
    public Int {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void writeCell(CsvWriter out, R row) {
      out.integer(value.applyAsInt(row));
    }

    @Override
    public Filling<R> newFilling() {
      IntColumn c = IntColumn.create(name);
      return new Filling<>(c, row -> c.append(value.applyAsInt(row)));
    }
  }

  /**
   * A column of dates.
   *
   * @param name the name
   * @param value the accessor ({@code null} for an empty cell)
   * @param <R> the row type
   */
  record Date<R>(String name, Function<? super R, LocalDate> value) implements Column<R> {
    public Date {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public void writeCell(CsvWriter out, R row) {
      out.date(value.apply(row));
    }

    @Override
    public Filling<R> newFilling() {
      DateColumn c = DateColumn.create(name);
      return new Filling<>(c, row -> c.append(value.apply(row)));
    }
  }
}
