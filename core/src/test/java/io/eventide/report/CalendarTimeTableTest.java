package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.io.internal.CsvTable;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.EventStudy;
import io.eventide.study.StudySpecification;
import io.eventide.study.SyntheticPanels;
import io.eventide.timeseries.ReturnType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code calendar_time.csv} and its Tablesaw view come from one definition and hold the {@link
 * CalendarTimePortfolio}'s values: every cell of the file, of the view and of the Java object
 * agree, for a fitted portfolio and for one with too few dates (empty estimates). The values
 * themselves are pinned in {@code CalendarTimePortfolioTest}.
 */
class CalendarTimeTableTest {

  @TempDir Path out;

  private static CalendarTimePortfolio portfolio(int events, EventWindow window) {
    LocalDate[] dates = SyntheticPanels.sessions(400);
    List<Listing> universe = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      universe.add(Listing.of(SyntheticPanels.ticker(i), Exchange.NYSE, "MKT"));
    }
    ReturnPanel panel =
        ReturnPanel.of(universe, SyntheticPanels.prices(3, 400, 3L), ReturnType.SIMPLE);
    List<Event> evs = new ArrayList<>();
    for (int e = 0; e < events; e++) {
      evs.add(
          Event.of(
              "e" + e,
              Announcement.on(dates[260 + 9 * e]),
              List.of(SyntheticPanels.ticker(e % 3))));
    }
    return CalendarTimePortfolio.run(
        EventStudy.of(StudySpecification.builder().eventWindows(window).build()).run(panel, evs));
  }

  /** Bit-equal, NaN equal to NaN. */
  private static void same(double actual, double expected) {
    assertThat(Double.valueOf(actual)).isEqualTo(Double.valueOf(expected));
  }

  private void check(CalendarTimePortfolio ct) {
    Path file = StudyFiles.writeCalendarTime(out, ct);
    assertThat(file.getFileName().toString()).isEqualTo(StudyFiles.CALENDAR_TIME);
    Table view = StudyTables.calendarTime(ct);
    TableFileCheck.assertViewIsFile(view, file);
    assertThat(view.columnNames())
        .containsExactly("model", "term", "coef", "se", "t", "p", "days", "nw_lag", "r2");
    List<CalendarTimePortfolio.Term> terms = ct.terms();
    assertThat(view.rowCount()).isEqualTo(terms.size()).isEqualTo(2);
    CsvTable csv = TableFileCheck.read(file);
    for (int i = 0; i < terms.size(); i++) {
      CalendarTimePortfolio.Term t = terms.get(i);
      assertThat(view.stringColumn("model").get(i)).isEqualTo("market");
      assertThat(view.stringColumn("term").get(i)).isEqualTo(t.name());
      same(view.doubleColumn("coef").getDouble(i), t.coefficient());
      same(view.doubleColumn("se").getDouble(i), t.standardError());
      same(view.doubleColumn("t").getDouble(i), t.t());
      same(view.doubleColumn("p").getDouble(i), t.p());
      assertThat(view.intColumn("days").getInt(i)).isEqualTo(ct.days());
      assertThat(view.intColumn("nw_lag").getInt(i)).isEqualTo(ct.lag());
      same(view.doubleColumn("r2").getDouble(i), ct.r2());
      if (ct.regression().fit().isEmpty()) {
        for (int c = 2; c <= 5; c++) {
          assertThat(csv.cell(i + 1, c)).isEmpty();
        }
        assertThat(csv.cell(i + 1, 8)).isEmpty();
      }
    }
    assertThat(view.stringColumn("term").asList()).containsExactly("alpha", "beta");
  }

  @Test
  void aFittedPortfolioIsTheSameInTheFileTheViewAndTheObject() {
    CalendarTimePortfolio ct = portfolio(12, EventWindow.of(-2, 2));
    assertThat(ct.regression().fit()).isPresent();
    assertThat(ct.days()).isEqualTo(60); // 12 events of 5 days, 9 sessions apart
    check(ct);
  }

  @Test
  void withTooFewDatesTheEstimatesAreEmptyCells() {
    // One event held 0..1: T = 2 < k + 2 = 4.
    CalendarTimePortfolio ct = portfolio(1, EventWindow.of(0, 1));
    assertThat(ct.days()).isEqualTo(2);
    assertThat(ct.regression().fit()).isEmpty();
    check(ct);
  }
}
