package io.eventide.report;

import io.eventide.report.OutputTables.FirmEventRow;
import io.eventide.report.OutputTables.LeftOut;
import io.eventide.report.internal.CsvWriter;
import io.eventide.report.internal.FirmEventFiles;
import io.eventide.report.internal.FirmEventFiles.Layout;
import io.eventide.study.Outcome;
import io.eventide.study.internal.FirmEventFormulas;
import io.eventide.study.internal.MappedFirmEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * The implementation of {@link FirmEventFiles}: a firm-event mapped elsewhere, seen through the
 * cursor the local files read ({@link FirmEventRow}), written by the same columns ({@link
 * OutputTables}) and the same row rules. Installed into {@link FirmEventFiles} when this class is
 * initialised.
 */
final class FirmEventFilesKernel implements FirmEventFiles.Kernel {

  static {
    FirmEventFiles.install(new FirmEventFilesKernel());
  }

  private FirmEventFilesKernel() {}

  @Override
  public List<String> header(String fileName, Layout layout) {
    return switch (fileName) {
      case "firm_events.csv" -> names(OutputTables.firmEventColumns(layout.parameterNames()));
      case "abnormal_returns.csv" -> names(OutputTables.ABNORMAL_RETURN_COLUMNS);
      case "car.csv" -> names(OutputTables.carColumns(labels(layout)));
      case "left_out.csv" -> names(OutputTables.LEFT_OUT_COLUMNS);
      default -> throw new IllegalArgumentException("No per-firm-event file " + fileName);
    };
  }

  @Override
  public FirmEventFiles.RowWriter writer(Layout layout) {
    List<Column<FirmEventRow>> firmEventColumns =
        OutputTables.firmEventColumns(layout.parameterNames());
    String[] labels = labels(layout);
    List<Column<FirmEventRow>> carColumns = OutputTables.carColumns(labels);
    return (row, sections) -> {
      MappedRow cursor = new MappedRow(layout, row);
      writeRow(sections.apply(0), firmEventColumns, cursor);
      if (row.outcome() != Outcome.OK) {
        LeftOut out =
            new LeftOut(row.eventId(), row.ticker(), row.outcome().name(), "", row.reason());
        writeRow(sections.apply(3), OutputTables.LEFT_OUT_COLUMNS, out);
        return;
      }
      OutputTables.abnormalReturnRows(
          cursor,
          layout.spanFrom(),
          layout.spanTo(),
          r -> writeRow(sections.apply(1), OutputTables.ABNORMAL_RETURN_COLUMNS, r));
      OutputTables.carRows(cursor, labels.length, r -> writeRow(sections.apply(2), carColumns, r));
      // left_out.csv after the firm-events left out: the OK ones absent from a window, as
      // StudyResult.windowExclusions() finds them.
      for (int w = 0; w < labels.length; w++) {
        if (Double.isNaN(cursor.carOf(w))) {
          LeftOut out =
              new LeftOut(
                  row.eventId(), row.ticker(), Outcome.OK.name(), labels[w], cursor.missingDay(w));
          writeRow(sections.apply(4 + w), OutputTables.LEFT_OUT_COLUMNS, out);
        }
      }
    };
  }

  private static <R> void writeRow(CsvWriter out, List<Column<R>> columns, R row) {
    for (Column<R> c : columns) {
      c.writeCell(out, row);
    }
    out.endRow();
  }

  private static List<String> names(List<? extends Column<?>> columns) {
    return columns.stream().map(Column::name).toList();
  }

  private static String[] labels(Layout layout) {
    return layout.windowLabels().toArray(new String[0]);
  }

  /** One mapped firm-event as the columns read it. */
  private static final class MappedRow extends FirmEventRow {
    private final Layout layout;
    private final MappedFirmEvent m;

    MappedRow(Layout layout, MappedFirmEvent m) {
      this.layout = layout;
      this.m = m;
    }

    /** Day 0's session index, from the first estimation day's. */
    private long dayZeroIndex() {
      return (long) m.estimationStart() - layout.estimationFrom();
    }

    private int d(int day) {
      return day - layout.spanFrom();
    }

    @Override
    String eventId() {
      return m.eventId();
    }

    @Override
    String ticker() {
      return m.ticker();
    }

    @Override
    String exchange() {
      return layout.exchange(m.ticker());
    }

    @Override
    LocalDate dayZero() {
      return m.calendar() == null ? null : layout.session(m.calendar(), dayZeroIndex());
    }

    @Override
    Outcome outcome() {
      return m.outcome();
    }

    @Override
    String reason() {
      return m.reason();
    }

    @Override
    int observations() {
      return m.observations();
    }

    @Override
    int parameterCount() {
      return layout.parameterCount();
    }

    @Override
    double sigma() {
      return FirmEventFormulas.sigma(m.residualVariance());
    }

    @Override
    double parameter(int j) {
      return m.parameters()[j];
    }

    @Override
    LocalDate date(int day) {
      LocalDate date = layout.session(m.calendar(), dayZeroIndex() + day);
      if (date == null) {
        throw new IllegalStateException(
            "Day " + day + " of " + m.eventId() + "/" + m.ticker() + " is off its calendar");
      }
      return date;
    }

    @Override
    double returnOn(int day) {
      return m.returns()[d(day)];
    }

    @Override
    double expectedReturn(int day) {
      return m.expected()[d(day)];
    }

    @Override
    double abnormalReturn(int day) {
      return m.ar()[d(day)];
    }

    @Override
    double standardizedAbnormalReturn(int day) {
      return m.sar()[d(day)];
    }

    @Override
    double carOf(int w) {
      return m.car()[w];
    }

    @Override
    double carVariance(int w) {
      return m.carVariance()[w];
    }

    @Override
    double scar(int w) {
      return FirmEventFormulas.scar(m.car()[w], m.carVariance()[w]);
    }

    @Override
    double pValue(int w) {
      return FirmEventFormulas.pValue(scar(w), m.observations() - layout.parameterCount());
    }

    @Override
    double bhar(int w) {
      return m.bhar()[w];
    }

    /** Why it is absent from study window {@code w}, as {@code StudyResult.windowExclusions()}. */
    String missingDay(int w) {
      return FirmEventFormulas.missingDay(
          layout.windowFrom(w),
          layout.windowTo(w),
          this::abnormalReturn,
          this::returnOn,
          day -> layout.session(m.calendar(), dayZeroIndex() + day),
          layout.volume());
    }
  }
}
