package io.eventide.study;

import io.eventide.event.Event;
import io.eventide.market.Listing;
import io.eventide.timeseries.ReturnType;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every firm-event of a study with its own results and nothing reduced across firm-events: the
 * output of {@link EventStudy#fit}, for callers that need each firm-event's day 0, outcome, fitted
 * parameters and abnormal returns but not the samples, r̄, rank scores or tests (a backtest's hedge
 * ratios and day-0 reactions, for example; {@code docs/architecture.md}, "The fit-only path").
 *
 * <p>Each {@link FirmEventResult} holds exactly the values, to the bit, that the same firm-event
 * has in the {@link StudyResult} of {@link EventStudy#run} on the same inputs: the fits, the
 * expected returns, AR, SAR, and per window CAR, Var(CAR) and BHAR are computed by the same code on
 * the same data; only the work that feeds the reductions (rank scores, the residual sums by day,
 * the cross-correlations of r̄) is skipped.
 *
 * <p>Immutable. Values are stored by column in the canonical order (event id, then ticker); the
 * views are made on demand.
 */
public final class FirmEventFits {

  private final StudySpecification spec;
  private final ReturnType returnType;
  private final List<Event> events;
  private final List<Listing> universe;
  private final int[] clusterStarts;
  private final FirmEventTable table;

  FirmEventFits(ResolvedStudy resolved, FirmEventColumns cols) {
    this.spec = resolved.spec;
    this.returnType = resolved.returnType;
    this.events = resolved.events;
    this.universe = resolved.universe;
    this.clusterStarts = resolved.clusterStarts;
    this.table = new FirmEventTable(spec, resolved.layout, events, resolved.listings, cols);
  }

  /**
   * @return the specification that was fitted
   */
  public StudySpecification specification() {
    return spec;
  }

  /**
   * @return the return type of the panel (it decides how BHAR compounds)
   */
  public ReturnType returnType() {
    return returnType;
  }

  /**
   * @return the events, sorted by id
   */
  public List<Event> events() {
    return events;
  }

  /**
   * @return the universe of listings, as given
   */
  public List<Listing> universe() {
    return universe;
  }

  /**
   * @return the number of firm-events, left-out ones included
   */
  public int size() {
    return table.cols().size;
  }

  /**
   * @param index position in canonical order
   * @return a view of that firm-event
   */
  public FirmEventResult firmEvent(int index) {
    Objects.checkIndex(index, size());
    return new FirmEventResult(table, index);
  }

  /**
   * @return every firm-event in canonical order (views made on access)
   */
  public List<FirmEventResult> firmEvents() {
    return new AbstractList<>() {
      @Override
      public FirmEventResult get(int index) {
        return firmEvent(index);
      }

      @Override
      public int size() {
        return FirmEventFits.this.size();
      }
    };
  }

  /**
   * Finds a firm-event by binary search in the canonical order: the event by id, then the ticker
   * among that event's firm-events.
   *
   * @param eventId an event id
   * @param ticker a ticker
   * @return the firm-event of that event on that listing, empty if the event does not have one
   */
  public Optional<FirmEventResult> find(String eventId, String ticker) {
    int e = binarySearchEvent(eventId);
    if (e < 0) {
      return Optional.empty();
    }
    int i =
        Arrays.binarySearch(table.cols().ticker, clusterStarts[e], clusterStarts[e + 1], ticker);
    return i < 0 ? Optional.empty() : Optional.of(new FirmEventResult(table, i));
  }

  private int binarySearchEvent(String id) {
    int lo = 0;
    int hi = events.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = events.get(mid).id().compareTo(id);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /**
   * @param outcome an outcome
   * @return how many firm-events have it
   */
  public int count(Outcome outcome) {
    int n = 0;
    for (Outcome o : table.cols().outcome) {
      if (o == outcome) {
        n++;
      }
    }
    return n;
  }

  /**
   * @return the firm-events that are not {@link Outcome#OK}, with their reasons
   */
  public List<FirmEventResult> leftOut() {
    List<FirmEventResult> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (table.cols().outcome[i] != Outcome.OK) {
        out.add(firmEvent(i));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "FirmEventFits["
        + spec
        + ", "
        + events.size()
        + " events, "
        + size()
        + " firm-events, "
        + count(Outcome.OK)
        + " OK]";
  }
}
