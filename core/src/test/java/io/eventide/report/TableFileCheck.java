package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.io.internal.CsvTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Test fixture: a Tablesaw view and the CSV file written from the same table definition hold the
 * same header, rows and cells (a number read back from the file equals the view's double to the
 * last bit; an empty cell is the view's missing value).
 */
final class TableFileCheck {

  private TableFileCheck() {}

  /** Reads a CSV file written by a report class. */
  static CsvTable read(Path file) {
    try {
      return CsvTable.parse(
          file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code table} is {@code file}: name, header, rows and every cell. */
  static void assertViewIsFile(Table table, Path file) {
    assertThat(table.name() + ".csv").isEqualTo(file.getFileName().toString());
    CsvTable csv = read(file);
    List<String> header = List.of(csv.row(0));
    assertThat(table.columnNames()).as(file + " header").isEqualTo(header);
    assertThat(csv.rows() - 1).as(file + " rows").isEqualTo(table.rowCount());
    for (int c = 0; c < table.columnCount(); c++) {
      ColumnType type = table.column(c).type();
      for (int row = 0; row < table.rowCount(); row++) {
        String cell = csv.cell(row + 1, c);
        String where = file.getFileName() + " row " + (row + 1) + " column " + header.get(c);
        if (type == ColumnType.DOUBLE) {
          double v = table.doubleColumn(c).getDouble(row);
          if (cell.isEmpty()) {
            assertThat(v).as(where).isNaN();
          } else {
            assertThat(Double.parseDouble(cell)).as(where).isEqualTo(v);
          }
        } else if (type == ColumnType.INTEGER) {
          assertThat(Integer.parseInt(cell)).as(where).isEqualTo(table.intColumn(c).getInt(row));
        } else if (type == ColumnType.LOCAL_DATE) {
          LocalDate v = table.dateColumn(c).get(row);
          assertThat(cell.isEmpty() ? null : LocalDate.parse(cell)).as(where).isEqualTo(v);
        } else {
          assertThat(type).as(where).isEqualTo(ColumnType.STRING);
          assertThat(cell).as(where).isEqualTo(table.stringColumn(c).get(row));
        }
      }
    }
  }
}
