package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.io.internal.CsvTable;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Each output table has one definition, read by both {@link StudyFiles} and {@link StudyTables}:
 * for every file, the Tablesaw view has the file's header as its column names, the file's rows as
 * its rows, and the same value in every cell (a number read back from the file equals the table's
 * double to the last bit, an empty cell is the table's missing value).
 *
 * <p>The study: listings G and H against M on 260 seeded random weekday prices; H has no price on
 * sessions 201 and 202, so it is absent from the windows around event {@code e1} (day 0 = session
 * 200) that include day +1 (window exclusions); {@code e1} also names {@code X}, which the universe
 * does not list (a left-out firm-event); {@code e2} on session 203 puts each event's day 0 inside
 * the other's {@code -5:5} window (overlaps).
 */
class OutputTablesTest {

  @TempDir static Path out;
  static StudyResult study;
  static StudyTests tests;
  static Map<String, Table> views;

  @BeforeAll
  static void runAndWrite() {
    LocalDate[] dates = new LocalDate[260];
    LocalDate d = LocalDate.of(2022, 1, 3);
    for (int i = 0; i < dates.length; i++) {
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
      dates[i] = d;
      d = d.plusDays(1);
    }
    SplittableRandom rnd = new SplittableRandom(17);
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    for (String t : List.of("M", "G", "H")) {
      double[] p = new double[dates.length];
      double v = 20;
      for (int i = 0; i < p.length; i++) {
        v *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
        p[i] = t.equals("H") && (i == 201 || i == 202) ? Double.NaN : v;
      }
      prices.put(t, DatedSeries.of(t, dates, p));
    }
    ReturnPanel panel =
        ReturnPanel.of(
            List.of(Listing.of("G", Exchange.NYSE, "M"), Listing.of("H", Exchange.NYSE, "M")),
            prices,
            ReturnType.SIMPLE);
    study =
        EventStudy.of(
                StudySpecification.builder().estimationWindow(EventWindow.of(-150, -11)).build())
            .run(
                panel,
                List.of(
                    Event.of("e1", Announcement.on(dates[200]), List.of("G", "H", "X")),
                    Event.of("e2", Announcement.on(dates[203]), List.of("G", "H"))));
    tests = StudyTests.run(study, TestSuite.standard());
    StudyFiles.write(out, study, tests);
    views = new LinkedHashMap<>();
    views.put("firm_events.csv", StudyTables.firmEvents(study));
    views.put("abnormal_returns.csv", StudyTables.abnormalReturns(study));
    views.put("car.csv", StudyTables.cars(study));
    views.put("tests.csv", StudyTables.tests(tests));
    views.put("left_out.csv", StudyTables.leftOut(study));
    views.put("overlaps.csv", StudyTables.overlaps(study));
    views.put("caar.csv", StudyTables.caar(study));
    views.put("aar.csv", StudyTables.aar(study));
  }

  /**
   * caar.csv recomputed from car.csv by the textbook formulas (mean, s/√N, Student t quantile of
   * Commons Math with N − 1 df); aar.csv's caar is the running sum of its aar column.
   */
  @Test
  void caarAndAarFilesFollowFromTheCarsByTheTextbookFormulas() throws IOException {
    CsvTable car = read("car.csv");
    CsvTable caar = read("caar.csv");
    assertThat(caar.header(0).names())
        .containsExactly("group", "window", "measure", "n", "caar", "se", "t", "ci_low", "ci_high");
    // 4 study windows x 2 measures, no groups.
    assertThat(caar.rows() - 1).isEqualTo(8);
    for (int row = 1; row < caar.rows(); row++) {
      String window = caar.cell(row, 1);
      int valueColumn = caar.cell(row, 2).equals("CAR") ? 3 : 7;
      List<Double> v = new java.util.ArrayList<>();
      for (int r = 1; r < car.rows(); r++) {
        if (car.cell(r, 2).equals(window)) {
          v.add(Double.parseDouble(car.cell(r, valueColumn)));
        }
      }
      int n = v.size();
      double mean = v.stream().mapToDouble(Double::doubleValue).sum() / n;
      double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
      double se = Math.sqrt(ss / (n - 1) / n);
      double q =
          new org.apache.commons.math3.distribution.TDistribution(n - 1.0)
              .inverseCumulativeProbability(0.975);
      assertThat(caar.cell(row, 0)).isEmpty();
      assertThat(Integer.parseInt(caar.cell(row, 3))).as(window).isEqualTo(n);
      assertThat(Double.parseDouble(caar.cell(row, 4))).isCloseTo(mean, within(1e-15));
      assertThat(Double.parseDouble(caar.cell(row, 5))).isCloseTo(se, within(1e-15));
      assertThat(Double.parseDouble(caar.cell(row, 6))).isCloseTo(mean / se, within(1e-9));
      assertThat(Double.parseDouble(caar.cell(row, 7))).isCloseTo(mean - q * se, within(1e-14));
      assertThat(Double.parseDouble(caar.cell(row, 8))).isCloseTo(mean + q * se, within(1e-14));
    }
    CsvTable aar = read("aar.csv");
    assertThat(aar.header(0).names())
        .containsExactly("group", "rel_day", "n", "aar", "caar", "se", "ci_low", "ci_high");
    assertThat(aar.rows() - 1).isEqualTo(11);
    double running = 0;
    for (int row = 1; row < aar.rows(); row++) {
      running += Double.parseDouble(aar.cell(row, 3));
      assertThat(Integer.parseInt(aar.cell(row, 1))).isEqualTo(row - 6);
      assertThat(Double.parseDouble(aar.cell(row, 4))).isCloseTo(running, within(1e-15));
    }
    // n of a day = the abnormal_returns.csv rows of that day with an AR. H has no return on
    // sessions 201 to 203: days +1..+3 of e1 and -2..0 of e2 miss it.
    CsvTable ar = read("abnormal_returns.csv");
    int[] counted = new int[11];
    for (int r = 1; r < ar.rows(); r++) {
      if (!ar.cell(r, 6).isEmpty()) {
        counted[Integer.parseInt(ar.cell(r, 2)) + 5]++;
      }
    }
    for (int row = 1; row < aar.rows(); row++) {
      assertThat(Integer.parseInt(aar.cell(row, 2))).isEqualTo(counted[row - 1]);
    }
    assertThat(counted[5]).isEqualTo(3);
    assertThat(counted[0]).isEqualTo(4);
  }

  private static CsvTable read(String file) throws IOException {
    return CsvTable.parse(file, Files.readString(out.resolve(file), StandardCharsets.UTF_8));
  }

  @Test
  void everyFileHasAViewNamedLikeIt() {
    assertThat(views.keySet()).containsExactlyElementsOf(StudyFiles.FILE_NAMES);
    views.forEach((file, table) -> assertThat(table.name() + ".csv").as(file).isEqualTo(file));
  }

  @Test
  void theViewsColumnNamesAreTheCsvHeader() throws IOException {
    for (Map.Entry<String, Table> e : views.entrySet()) {
      List<String> header =
          List.of(
              Files.readAllLines(out.resolve(e.getKey()), StandardCharsets.UTF_8)
                  .get(0)
                  .split(","));
      assertThat(e.getValue().columnNames()).as(e.getKey()).isEqualTo(header);
    }
  }

  @Test
  void firmEventsFollowTheCsvContractWithTheReasonLast() {
    assertThat(views.get("firm_events.csv").columnNames())
        .containsExactly(
            "event_id",
            "ticker",
            "exchange",
            "day0",
            "outcome",
            "m",
            "k",
            "sigma",
            "alpha",
            "beta",
            "reason");
  }

  @Test
  void everyTableHasRowsAndTheStudyHasEveryKindOfRow() {
    assertThat(study.count(Outcome.UNKNOWN_TICKER)).isEqualTo(1);
    assertThat(study.windowExclusions()).isNotEmpty();
    assertThat(study.overlaps()).isNotEmpty();
    views.forEach((file, table) -> assertThat(table.rowCount()).as(file).isPositive());
  }

  @Test
  void theViewsHoldTheFilesRowsAndCells() throws IOException {
    for (Map.Entry<String, Table> e : views.entrySet()) {
      String file = e.getKey();
      Table table = e.getValue();
      CsvTable csv = read(file);
      assertThat(csv.rows() - 1).as(file).isEqualTo(table.rowCount());
      for (int c = 0; c < table.columnCount(); c++) {
        ColumnType type = table.column(c).type();
        for (int row = 0; row < table.rowCount(); row++) {
          String cell = csv.cell(row + 1, c);
          String where = file + " row " + (row + 1) + " column " + table.column(c).name();
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
}
