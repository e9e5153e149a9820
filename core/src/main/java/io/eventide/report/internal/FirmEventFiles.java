package io.eventide.report.internal;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.EventWindow;
import io.eventide.market.Listing;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudySpecification;
import io.eventide.study.internal.KernelSlot;
import io.eventide.study.internal.MappedFirmEvent;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Internal: the per-firm-event output files ({@code firm_events.csv}, {@code abnormal_returns.csv},
 * {@code car.csv}, {@code left_out.csv}) written one {@link MappedFirmEvent} at a time, for an
 * engine that maps firm-events elsewhere and writes their rows there ({@code docs/spark.md}). The
 * cells come from the same column definitions as {@code StudyFiles}' (one definition per table), so
 * a file assembled from these rows in canonical order is byte for byte the local one. Not API; it
 * may change without notice.
 *
 * <p>A firm-event's rows go to <em>sections</em>, each the rows of one file in canonical order
 * (event id, then ticker): 0 {@code firm_events.csv}, 1 {@code abnormal_returns.csv}, 2 {@code
 * car.csv}, 3 the firm-events left out ({@code left_out.csv}, first part), and {@code 4 + w} the OK
 * firm-events absent from study window {@code w} ({@code left_out.csv}, which lists them window by
 * window). A file is its header ({@link #header}) followed by its sections in order.
 */
public final class FirmEventFiles {

  /** The files, in the order of their first section. */
  public static final List<String> FILE_NAMES =
      List.of("firm_events.csv", "abnormal_returns.csv", "car.csv", "left_out.csv");

  /** What the report package implements; installed once by it. */
  public interface Kernel {
    /**
     * @see FirmEventFiles#header
     */
    List<String> header(String fileName, Layout layout);

    /**
     * @see FirmEventFiles#writer
     */
    RowWriter writer(Layout layout);
  }

  /** Writes firm-events' rows into their sections; made once per layout, used for many rows. */
  public interface RowWriter {
    /**
     * Writes one firm-event's rows, each to the writer of its section, which is asked for only when
     * a row goes there (so that a section without rows need not exist).
     *
     * @param row the firm-event (mapped, or left out at resolution)
     * @param sections the writer of a section, made with {@link CsvWriter#continuing} and the
     *     header of its file
     */
    void write(MappedFirmEvent row, IntFunction<CsvWriter> sections);
  }

  private static final KernelSlot<Kernel> KERNEL =
      new KernelSlot<>("file", "io.eventide.report.FirmEventFilesKernel", FirmEventFiles.class);

  private FirmEventFiles() {}

  /**
   * Called once by the report package; a second call fails.
   *
   * @param k the implementation
   */
  public static void install(Kernel k) {
    KERNEL.install(k);
  }

  private static Kernel kernel() {
    return KERNEL.get();
  }

  /**
   * @param layout the study's layout
   * @return the number of sections: 4 plus one per study window
   */
  public static int sections(Layout layout) {
    return 4 + layout.windowLabels.length;
  }

  /**
   * @param section a section
   * @return the file it belongs to
   */
  public static String fileOf(int section) {
    if (section < 0) {
      throw new IllegalArgumentException("No section " + section);
    }
    return FILE_NAMES.get(Math.min(section, 3));
  }

  /**
   * @param fileName one of {@link #FILE_NAMES}
   * @param layout the study's layout
   * @return the file's header, as {@code StudyFiles} writes it
   */
  public static List<String> header(String fileName, Layout layout) {
    if (!FILE_NAMES.contains(fileName)) {
      throw new IllegalArgumentException(
          "No per-firm-event file " + fileName + "; they are " + FILE_NAMES);
    }
    return kernel().header(fileName, layout);
  }

  /**
   * @param layout the study's layout
   * @return a writer of firm-events' rows ({@link RowWriter#write}), its column definitions made
   *     once
   */
  public static RowWriter writer(Layout layout) {
    return kernel().writer(Objects.requireNonNull(layout, "layout"));
  }

  /**
   * What formatting a firm-event's rows needs besides the row itself, small and serializable: the
   * model's parameter names and count, the estimation window's first day, the event span, the study
   * windows (labels and days), whether the study measures volume, every calendar's sessions (as
   * epoch days, by {@link TradingCalendar#name()}) and every listing's exchange code.
   */
  public static final class Layout implements Serializable {

    private static final long serialVersionUID = 1L;

    final List<String> parameterNames;
    final int parameterCount;
    final int estimationFrom;
    final int spanFrom;
    final int spanTo;
    final String[] windowLabels;
    final int[] windowFrom;
    final int[] windowTo;
    final int testWindows;
    final boolean volume;
    final HashMap<String, long[]> calendars;
    final HashMap<String, String> exchanges;

    private Layout(StudySpecification spec, List<Listing> universe, List<TradingCalendar> cals) {
      this.parameterNames = new ArrayList<>(spec.model().parameterNames());
      this.parameterCount = spec.model().parameterCount();
      this.estimationFrom = spec.estimationWindow().fromInclusive();
      this.spanFrom = spec.eventSpan().fromInclusive();
      this.spanTo = spec.eventSpan().toInclusive();
      List<EventWindow> windows = spec.eventWindows();
      this.windowLabels = new String[windows.size()];
      this.windowFrom = new int[windows.size()];
      this.windowTo = new int[windows.size()];
      for (int w = 0; w < windowLabels.length; w++) {
        windowLabels[w] = windows.get(w).toString();
        windowFrom[w] = windows.get(w).fromInclusive();
        windowTo[w] = windows.get(w).toInclusive();
      }
      this.testWindows = spec.testWindows().size();
      this.volume = spec.measure() == StudyMeasure.VOLUME;
      this.calendars = new HashMap<>();
      for (TradingCalendar c : cals) {
        calendars.put(c.name(), c.sessionEpochDays());
      }
      this.exchanges = new HashMap<>();
      for (Listing l : universe) {
        exchanges.put(l.ticker(), l.exchange().code());
      }
    }

    /**
     * @param spec the study's specification
     * @param universe its listings
     * @param calendars the calendars of its listings (a panel's {@code calendars()})
     * @return the layout
     */
    public static Layout of(
        StudySpecification spec, List<Listing> universe, List<TradingCalendar> calendars) {
      return new Layout(spec, universe, calendars);
    }

    /**
     * @return the model's parameter names, the last columns of {@code firm_events.csv} but one
     */
    public List<String> parameterNames() {
      return parameterNames;
    }

    /**
     * @return k, the model's parameter count
     */
    public int parameterCount() {
      return parameterCount;
    }

    /**
     * @return the estimation window's first relative day
     */
    public int estimationFrom() {
      return estimationFrom;
    }

    /**
     * @return the event span's first relative day
     */
    public int spanFrom() {
      return spanFrom;
    }

    /**
     * @return the event span's last relative day
     */
    public int spanTo() {
      return spanTo;
    }

    /**
     * @return the study windows' labels ({@code -1:1}), in the specification's order
     */
    public List<String> windowLabels() {
      return List.of(windowLabels);
    }

    /**
     * @param w a study window
     * @return its first relative day
     */
    public int windowFrom(int w) {
      return windowFrom[w];
    }

    /**
     * @param w a study window
     * @return its last relative day
     */
    public int windowTo(int w) {
      return windowTo[w];
    }

    /**
     * @return the number of test windows: the length of a row's CAR array
     */
    public int testWindows() {
      return testWindows;
    }

    /**
     * @return whether the study measures volume (the reasons of {@code left_out.csv} say so)
     */
    public boolean volume() {
      return volume;
    }

    /**
     * @param ticker a ticker
     * @return its listing's exchange code, empty if the universe does not list it
     */
    public String exchange(String ticker) {
      return exchanges.getOrDefault(ticker, "");
    }

    /**
     * @param calendar a calendar's name
     * @param index a session index, possibly off the calendar
     * @return the session's date, {@code null} if off the calendar
     * @throws IllegalArgumentException if the layout has no such calendar
     */
    public LocalDate session(String calendar, long index) {
      long[] days = calendars.get(calendar);
      if (days == null) {
        throw new IllegalArgumentException(
            "No calendar named " + calendar + "; the study has " + calendars.keySet());
      }
      return index >= 0 && index < days.length ? LocalDate.ofEpochDay(days[(int) index]) : null;
    }
  }
}
