package io.eventide.io;

import io.eventide.event.EventWindow;
import io.eventide.inference.TestResult;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import io.eventide.study.WindowExclusion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a study's output files into a folder, exactly as {@code spec/CLI.md} lays them out: {@code
 * firm_events.csv}, {@code abnormal_returns.csv}, {@code car.csv}, {@code tests.csv}; and, as
 * extensions, {@code left_out.csv} and {@code overlaps.csv}.
 *
 * <p>Extensions to the contract's columns are appended at the end of a row, never inserted: {@code
 * reason} in {@code firm_events.csv} (why a firm-event was left out) and in {@code tests.csv} (why
 * a statistic is undefined). Left-out firm-events have no rows in {@code abnormal_returns.csv} or
 * {@code car.csv}; an OK firm-event missing a day of a window has no {@code car.csv} row for that
 * window ({@code left_out.csv} says which day). {@code expected} is the model's {@code E[R_t]},
 * written even on a day whose return is missing.
 */
public final class StudyFiles {

  /** The files this writer produces, in the order written. */
  public static final List<String> FILE_NAMES =
      List.of(
          "firm_events.csv",
          "abnormal_returns.csv",
          "car.csv",
          "tests.csv",
          "left_out.csv",
          "overlaps.csv");

  private StudyFiles() {}

  /**
   * Writes every file, creating the folder if missing and overwriting existing files.
   *
   * @param folder the output folder
   * @param study the study's results
   * @param tests the tests run on it
   * @return the files written
   */
  public static List<Path> write(Path folder, StudyResult study, StudyTests tests) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output folder " + folder + ": " + e, e);
    }
    List<Path> out = new ArrayList<>();
    out.add(firmEvents(folder, study));
    out.add(abnormalReturns(folder, study));
    out.add(cars(folder, study));
    out.add(tests(folder, tests));
    out.add(leftOut(folder, study));
    out.add(overlaps(folder, study));
    return List.copyOf(out);
  }

  private static Path firmEvents(Path folder, StudyResult study) {
    List<String> header =
        new ArrayList<>(
            List.of("event_id", "ticker", "exchange", "day0", "outcome", "m", "k", "sigma"));
    header.addAll(study.specification().model().parameterNames());
    header.add("reason");
    Path file = SafePaths.resolveInside(folder, "firm_events.csv");
    try (CsvWriter w = CsvWriter.create(file, header)) {
      for (FirmEventResult r : study.firmEvents()) {
        w.text(r.eventId()).text(r.ticker()).text(r.exchange().map(Enum::name).orElse(""));
        if (r.dayZero().isPresent()) {
          w.date(r.dayZero().get());
        } else {
          w.empty();
        }
        w.text(r.outcome().name())
            .integer(r.observations())
            .integer(r.parameterCount())
            .number(r.sigma());
        for (double p : r.parameters()) {
          w.number(p);
        }
        w.text(r.reason()).endRow();
      }
    }
    return file;
  }

  private static Path abnormalReturns(Path folder, StudyResult study) {
    EventWindow span = study.specification().eventSpan();
    Path file = SafePaths.resolveInside(folder, "abnormal_returns.csv");
    try (CsvWriter w =
        CsvWriter.create(
            file,
            List.of("event_id", "ticker", "rel_day", "date", "ret", "expected", "ar", "sar"))) {
      for (FirmEventResult r : study.firmEvents()) {
        if (r.outcome() != Outcome.OK) {
          continue;
        }
        for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
          w.text(r.eventId())
              .text(r.ticker())
              .integer(d)
              .date(r.date(d).orElseThrow())
              .number(r.returnOn(d))
              .number(r.expectedReturn(d))
              .number(r.abnormalReturn(d))
              .number(r.standardizedAbnormalReturn(d))
              .endRow();
        }
      }
    }
    return file;
  }

  private static Path cars(Path folder, StudyResult study) {
    Path file = SafePaths.resolveInside(folder, "car.csv");
    try (CsvWriter w =
        CsvWriter.create(
            file,
            List.of("event_id", "ticker", "window", "car", "var_car", "scar", "p_value", "bhar"))) {
      for (FirmEventResult r : study.firmEvents()) {
        if (r.outcome() != Outcome.OK) {
          continue;
        }
        for (EventWindow win : study.windows()) {
          double car = r.car(win);
          if (Double.isNaN(car)) {
            continue;
          }
          w.text(r.eventId())
              .text(r.ticker())
              .text(win.toString())
              .number(car)
              .number(r.carVariance(win))
              .number(r.scar(win))
              .number(r.pValue(win))
              .number(r.bhar(win))
              .endRow();
        }
      }
    }
    return file;
  }

  private static Path tests(Path folder, StudyTests tests) {
    Path file = SafePaths.resolveInside(folder, "tests.csv");
    try (CsvWriter w =
        CsvWriter.create(
            file, List.of("window", "measure", "test", "statistic", "p_value", "n", "reason"))) {
      for (StudyTests.Row row : tests.rows()) {
        TestResult r = row.result();
        w.text(row.window().toString())
            .text(row.measure().name())
            .text(r.testId())
            .number(r.statistic())
            .number(r.pValue())
            .integer(r.n())
            .text(r.undefinedReason())
            .endRow();
      }
    }
    return file;
  }

  private static Path leftOut(Path folder, StudyResult study) {
    Path file = SafePaths.resolveInside(folder, "left_out.csv");
    try (CsvWriter w =
        CsvWriter.create(file, List.of("event_id", "ticker", "outcome", "window", "reason"))) {
      for (FirmEventResult r : study.leftOut()) {
        w.text(r.eventId())
            .text(r.ticker())
            .text(r.outcome().name())
            .empty()
            .text(r.reason())
            .endRow();
      }
      for (WindowExclusion e : study.windowExclusions()) {
        w.text(e.eventId())
            .text(e.ticker())
            .text(Outcome.OK.name())
            .text(e.window().toString())
            .text(e.reason())
            .endRow();
      }
    }
    return file;
  }

  private static Path overlaps(Path folder, StudyResult study) {
    Path file = SafePaths.resolveInside(folder, "overlaps.csv");
    try (CsvWriter w =
        CsvWriter.create(
            file,
            List.of("event_id", "ticker", "other_event_id", "other_day0", "rel_day", "region"))) {
      // Streamed a listing at a time: a large study has tens of millions of overlaps.
      study.forEachOverlap(
          o ->
              w.text(o.eventId())
                  .text(o.ticker())
                  .text(o.otherEventId())
                  .date(o.otherDayZero())
                  .integer(o.relativeDay())
                  .text(o.region().name())
                  .endRow());
    }
    return file;
  }
}
