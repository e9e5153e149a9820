package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.Event;
import io.eventide.timeseries.DatedSeries;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * {@link Events#fromTable} and {@link SeriesTables#fromTable}. Sources: the real events catalogue
 * and BABA price file of {@code src/test/resources/data} (provenance in its SOURCES.md) read by the
 * file readers, against the same files loaded by Tablesaw's own CSV reader.
 */
class TableAdaptersTest {

  private static Path data(String relative) throws Exception {
    return Path.of(TableAdaptersTest.class.getResource("/data/" + relative).toURI());
  }

  @Test
  void eventsFromATableAreTheEventsOfTheFile() throws Exception {
    Path file = data("events/china_tech_policy_2020_2023.csv");
    // Tablesaw infers `direction` as an integer column; `announced` mixes dates and instants.
    Table table = Table.read().csv(CsvReadOptions.builder(file.toFile()).build());
    assertThat(table.column("direction").type()).isEqualTo(ColumnType.INTEGER);
    List<Event> fromTable = Events.fromTable(table);
    List<Event> fromFile = EventFileReader.read(file);
    assertThat(fromTable).hasSize(fromFile.size()).isEqualTo(fromFile);
    // A typed date column reads as the same text would.
    Table typed =
        Table.create(
            "typed",
            StringColumn.create("event_id", "a", "b"),
            DateColumn.create(
                "announced",
                new LocalDate[] {LocalDate.of(2023, 7, 10), LocalDate.of(2023, 7, 12)}),
            StringColumn.create("affected", "BABA;9988.HK", ""),
            tech.tablesaw.api.IntColumn.create("direction", new int[] {-1, 1}),
            StringColumn.create("note", "x, y", ""));
    assertThat(Events.fromTable(typed))
        .isEqualTo(
            EventFileReader.read(
                new java.io.StringReader(
                    "event_id,announced,affected,direction,note\n"
                        + "a,2023-07-10,BABA;9988.HK,-1,\"x, y\"\nb,2023-07-12,,1,\n"),
                "text"));
  }

  @Test
  void aBadCellOfATableNamesTheTableLineAndColumn() {
    Table t =
        Table.create(
            "mine",
            StringColumn.create("event_id", "a", "b"),
            StringColumn.create("announced", "2023-07-10", "someday"));
    assertThatThrownBy(() -> Events.fromTable(t))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("table mine")
        .hasMessageContaining("line 3")
        .hasMessageContaining("someday");
  }

  @Test
  void aSeriesFromADateAndANumberColumnIsThePriceFilesSeries() throws Exception {
    Path file = data("prices/BABA.csv");
    Table table = Table.read().csv(CsvReadOptions.builder(file.toFile()).build());
    DatedSeries fromTable = SeriesTables.fromTable(table, "Date", "Adj Close", "BABA");
    DatedSeries fromFile = PriceFileReader.read(file);
    assertThat(fromTable.size()).isEqualTo(fromFile.size());
    for (int i = 0; i < fromFile.size(); i++) {
      assertThat(fromTable.date(i)).isEqualTo(fromFile.date(i));
      assertThat(fromTable.value(i)).isEqualTo(fromFile.value(i));
    }
  }

  @Test
  void aSeriesTableWithMissingOrMisorderedCellsSaysWhere() {
    LocalDate d = LocalDate.of(2023, 7, 10);
    Table gap =
        Table.create(
            "p",
            DateColumn.create("date", new LocalDate[] {d, d.plusDays(1)}),
            DoubleColumn.create("close", new double[] {1.0, Double.NaN}));
    assertThat(SeriesTables.fromTable(gap, "date", "close", "X").value(1)).isNaN();
    Table back =
        Table.create(
            "p",
            DateColumn.create("date", new LocalDate[] {d, d}),
            DoubleColumn.create("close", new double[] {1.0, 2.0}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeriesTables.fromTable(back, "date", "close", "X"))
        .withMessage(
            "Table p column date row 1: 2023-07-10 does not follow 2023-07-10; dates must be"
                + " strictly increasing");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeriesTables.fromTable(back, "day", "close", "X"))
        .withMessage("Table p has no column day; its columns are [date, close]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeriesTables.fromTable(back, "close", "close", "X"))
        .withMessage("Table p column close is DOUBLE, not a date column");
  }
}
