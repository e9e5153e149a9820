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
   * @return the overlaps, ordered by the events' order in {@code events}, then by the other event's
   *     relative day, then by the other event's order in {@code events}
   */
  public static List<Overlap> find(
      List<Event> events,
      String ticker,
      TradingCalendar calendar,
      EventWindow estimation,
      List<EventWindow> eventWindows) {
    List<Overlap> out = new ArrayList<>();
    scan(
        events,
        ticker,
        calendar,
        estimation,
        eventWindows,
        (event, other, otherDayZero, rel, region) ->
            out.add(
                new Overlap(
                    event.id(), ticker, other.id(), calendar.session(otherDayZero), rel, region)));
    return List.copyOf(out);
  }

  /**
   * The number of overlaps {@link #find} lists, found the same way without making them.
   *
   * @param events the events (any order)
   * @param ticker the listing
   * @param calendar the listing's calendar
   * @param estimation the estimation window
   * @param eventWindows the event windows
   * @return {@code find(...).size()}
   */
  public static long count(
      List<Event> events,
      String ticker,
      TradingCalendar calendar,
      EventWindow estimation,
      List<EventWindow> eventWindows) {
    long[] n = {0};
    scan(
        events,
        ticker,
        calendar,
        estimation,
        eventWindows,
        (event, other, otherDayZero, rel, region) -> n[0]++);
    return n[0];
  }

  /** Receives each overlap {@link #scan} finds. */
  private interface Found {
    void accept(Event event, Event other, int otherDayZero, int rel, Overlap.Region region);
  }

  private static void scan(
      List<Event> events,
      String ticker,
      TradingCalendar calendar,
      EventWindow estimation,
      List<EventWindow> eventWindows,
      Found found) {
    int lo = estimation.fromInclusive();
    int hi = estimation.toInclusive();
    for (EventWindow w : eventWindows) {
      lo = Math.min(lo, w.fromInclusive());
      hi = Math.max(hi, w.toInclusive());
    }
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
    int n = relevant.size();
    // Positions sorted by day 0 (then input order), so each firm-event finds its neighbours by
    // binary search: O(n log n) plus the overlaps found.
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        (a, b) -> {
          int c = Integer.compare(day0s.get(a), day0s.get(b));
          return c != 0 ? c : Integer.compare(a, b);
        });
    int[] sortedDays = new int[n];
    for (int q = 0; q < n; q++) {
      sortedDays[q] = day0s.get(order[q]);
    }
    for (int i = 0; i < n; i++) {
      int d0 = day0s.get(i);
      for (int q = firstAtLeast(sortedDays, d0 + lo); q < n && sortedDays[q] <= d0 + hi; q++) {
        int j = order[q];
        if (j == i || relevant.get(j).id().equals(relevant.get(i).id())) {
          continue;
        }
        int rel = sortedDays[q] - d0;
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
          found.accept(relevant.get(i), relevant.get(j), sortedDays[q], rel, region);
        }
      }
    }
  }

  private static int firstAtLeast(int[] a, int v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
