package io.eventide.event;

import io.eventide.calendar.TradingCalendar;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds confounding events: for each event that affects a listing, the other events affecting the
 * same listing whose day 0 falls inside its estimation window or one of its event windows.
 *
 * <p>Positions are counted in sessions of the listing's calendar from the firm-event's day 0. An
 * event whose day 0 cannot be placed on the calendar is skipped here (the study reports it as
 * {@code OUT_OF_RANGE}). An event that falls in both an event window and the estimation window
 * (impossible when they do not overlap, as a study requires) is reported as {@link
 * Overlap.Region#EVENT}.
 */
public final class Confounding {

  private Confounding() {}

  /**
   * Lists the overlaps for one listing.
   *
   * @param events the events (any order)
   * @param ticker the listing
   * @param calendar the listing's calendar
   * @param estimation the estimation window
   * @param eventWindows the event windows
   * @return the overlaps, ordered by the events' order in {@code events} then by the other event's
   *     relative day
   */
  public static List<Overlap> find(
      List<Event> events,
      String ticker,
      TradingCalendar calendar,
      EventWindow estimation,
      List<EventWindow> eventWindows) {
    List<Event> relevant = new ArrayList<>();
    List<Integer> day0s = new ArrayList<>();
    for (Event e : events) {
      if (e.affects(ticker)) {
        int d0 = e.announcement().dayZero(calendar);
        if (d0 >= 0) {
          relevant.add(e);
          day0s.add(d0);
        }
      }
    }
    List<Overlap> out = new ArrayList<>();
    for (int i = 0; i < relevant.size(); i++) {
      int d0 = day0s.get(i);
      List<Overlap> mine = new ArrayList<>();
      for (int j = 0; j < relevant.size(); j++) {
        if (j == i || relevant.get(j).id().equals(relevant.get(i).id())) {
          continue;
        }
        int rel = day0s.get(j) - d0;
        Overlap.Region region = null;
        for (EventWindow w : eventWindows) {
          if (w.contains(rel)) {
            region = Overlap.Region.EVENT;
            break;
          }
        }
        if (region == null && estimation.contains(rel)) {
          region = Overlap.Region.ESTIMATION;
        }
        if (region != null) {
          mine.add(new Overlap(relevant.get(i).id(), ticker, relevant.get(j).id(),
              calendar.session(day0s.get(j)), rel, region));
        }
      }
      mine.sort((a, b) -> Integer.compare(a.relativeDay(), b.relativeDay()));
      out.addAll(mine);
    }
    return List.copyOf(out);
  }
}
