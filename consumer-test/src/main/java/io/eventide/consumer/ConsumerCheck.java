package io.eventide.consumer;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.MarketModel;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Runs as a user's program on the runtime class path that eventide-core's POM gives a user, and
 * fails (exit 1) if a JUnit class is loadable there or if a small study does not recover the
 * abnormal return planted in it.
 *
 * <p>The data: 300 weekdays of a market whose daily return follows a fixed linear congruential
 * sequence in [-1%, 1%], and a stock with {@code R = 0.0002 + 1.5 R_m + u}, u from the same
 * sequence in [-0.1%, 0.1%], and 4% added on day 0. The abnormal return on day 0 is then 4% plus
 * u and the fitted parameters' error, each well under 0.25%, so the study must report CAR(0:0)
 * within 0.005 of 0.04.
 */
public final class ConsumerCheck {

  private ConsumerCheck() {}

  /**
   * Runs the check.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (String name :
        List.of("org.junit.jupiter.api.Test", "org.junit.platform.commons.util.ClassUtils")) {
      try {
        Class.forName(name, false, ConsumerCheck.class.getClassLoader());
        fail("JUnit class " + name + " is on the runtime class path of an eventide-core user");
      } catch (ClassNotFoundException expected) {
        // as it must be
      }
    }
    int n = 300;
    LocalDate[] dates = new LocalDate[n];
    double[] market = new double[n];
    double[] stock = new double[n];
    LocalDate d = LocalDate.of(2024, 1, 1);
    long seed = 12345;
    market[0] = 100;
    stock[0] = 50;
    int dayZero = 280;
    for (int i = 0; i < n; i++) {
      while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
        d = d.plusDays(1);
      }
      dates[i] = d;
      d = d.plusDays(1);
      if (i > 0) {
        seed = (seed * 6364136223846793005L + 1442695040888963407L);
        double rm = ((seed >>> 11) / (double) (1L << 53) - 0.5) * 0.02;
        seed = (seed * 6364136223846793005L + 1442695040888963407L);
        double noise = ((seed >>> 11) / (double) (1L << 53) - 0.5) * 0.002;
        double ri = 0.0002 + 1.5 * rm + noise + (i == dayZero ? 0.04 : 0.0);
        market[i] = market[i - 1] * (1 + rm);
        stock[i] = stock[i - 1] * (1 + ri);
      }
    }
    ReturnPanel panel =
        ReturnPanel.of(
            List.of(Listing.of("ACME", Exchange.NYSE, "MKT")),
            Map.of(
                "ACME", DatedSeries.of("ACME", dates, stock),
                "MKT", DatedSeries.of("MKT", dates, market)),
            ReturnType.SIMPLE);
    StudySpecification spec =
        StudySpecification.builder()
            .model(MarketModel.of())
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(EventWindow.of(0, 0))
            .minEstimation(100)
            .build();
    List<Event> events =
        List.of(Event.of("E1", Announcement.parse(dates[dayZero].toString()), List.of("ACME")));
    StudyResult result = EventStudy.of(spec).run(panel, events);
    FirmEventResult fe = result.firmEvents().get(0);
    if (fe.outcome() != Outcome.OK) {
      fail("firm-event left out: " + fe.outcome() + " " + fe.reason());
    }
    double car = fe.car(EventWindow.of(0, 0));
    if (!(Math.abs(car - 0.04) < 0.005)) {
      fail("CAR(0:0) = " + car + ", expected 0.04 +- 0.005");
    }
    StudyTests.run(result, TestSuite.standard());
    System.out.println("eventide-core consumer check: no JUnit at runtime; CAR(0:0) = " + car);
  }

  private static void fail(String message) {
    System.err.println("eventide-core consumer check FAILED: " + message);
    System.exit(1);
  }
}
