package io.eventide.report;

import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Writes a study's output files into a folder, exactly as the command line's contract lays them out
 * (docs/cli.md): {@code firm_events.csv}, {@code abnormal_returns.csv}, {@code car.csv}, {@code
 * tests.csv}, {@code caar.csv}, {@code aar.csv}; and, as extensions, {@code left_out.csv} and
 * {@code overlaps.csv}; with groups, {@code group_tests.csv}; with a calendar-time portfolio,
 * {@code calendar_time.csv}.
 *
 * <p>Extensions to the contract's columns are appended at the end of a row, never inserted: {@code
 * reason} in {@code firm_events.csv} (why a firm-event was left out) and in {@code tests.csv} (why
 * a statistic is undefined). Left-out firm-events have no rows in {@code abnormal_returns.csv} or
 * {@code car.csv}; an OK firm-event missing a day of a window has no {@code car.csv} row for that
 * window ({@code left_out.csv} says which day). {@code expected} is the model's {@code E[R_t]},
 * written even on a day whose return is missing.
 *
 * <p>Each file is written from its table's single column definition, which {@link StudyTables}
 * views as well, so a file's header is exactly the matching Tablesaw table's column names. Rows are
 * streamed to the file as they are read from the results.
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
          "overlaps.csv",
          "caar.csv",
          "aar.csv");

  /** The file of the tests per group, written by {@link #writeGroupTests}. */
  public static final String GROUP_TESTS = "group_tests.csv";

  /** The file of the calendar-time portfolio, written by {@link #writeCalendarTime}. */
  public static final String CALENDAR_TIME = "calendar_time.csv";

  /**
   * {@link #FILE_NAMES} in the order a parallel write starts them: the files that take longest
   * first (one row per firm-event and day; the overlaps, found again per listing; one row per
   * firm-event and window; one per firm-event), so that no thread is left with a long file at the
   * end.
   */
  private static final List<String> LARGEST_FIRST =
      List.of(
          "abnormal_returns.csv",
          "overlaps.csv",
          "car.csv",
          "firm_events.csv",
          "left_out.csv",
          "tests.csv",
          "caar.csv",
          "aar.csv");

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
    createFolder(folder);
    List<Path> out = new ArrayList<>();
    for (String name : FILE_NAMES) {
      out.add(table(name, study, tests).writeCsv(folder));
    }
    return List.copyOf(out);
  }

  /**
   * Writes every file as {@link #write(Path, StudyResult, StudyTests)} does, each file a task on
   * {@code executor} (largest first), and waits for all of them. Each file's bytes are those of the
   * sequential write: a file is written by one task from the same immutable results.
   *
   * @param folder the output folder
   * @param study the study's results
   * @param tests the tests run on it
   * @param executor runs the tasks (for example a pool of two threads; the caller shuts it down)
   * @return the files written, in the order of {@link #FILE_NAMES}
   * @throws UncheckedIOException if a file cannot be written (the first failure in the order of
   *     {@link #FILE_NAMES}; the other tasks still finish)
   */
  public static List<Path> write(
      Path folder, StudyResult study, StudyTests tests, Executor executor) {
    return join(writeAsync(folder, study, CompletableFuture.completedFuture(tests), executor));
  }

  /**
   * Starts writing every file, each file a task on {@code executor} (largest first), before the
   * tests are known: only {@code tests.csv} waits for them. So the files of a command line are
   * written while its tests run. The bytes are those of {@link #write(Path, StudyResult,
   * StudyTests)}.
   *
   * @param folder the output folder, created now if missing
   * @param study the study's results
   * @param tests completes with the tests run on the study (exceptionally: {@code tests.csv} is not
   *     written, and the result completes exceptionally once the other files are written)
   * @param executor runs the tasks (the caller shuts it down)
   * @return completes with the files written, in the order of {@link #FILE_NAMES}, once all are
   *     written; or exceptionally with the first failure in that order
   * @throws UncheckedIOException if the folder cannot be created
   */
  public static CompletableFuture<List<Path>> writeAsync(
      Path folder, StudyResult study, CompletionStage<StudyTests> tests, Executor executor) {
    createFolder(folder);
    Map<String, CompletableFuture<Path>> tasks = new LinkedHashMap<>();
    for (String name : LARGEST_FIRST) {
      tasks.put(
          name,
          name.equals("tests.csv")
              ? tests
                  .thenApplyAsync(t -> table(name, study, t).writeCsv(folder), executor)
                  .toCompletableFuture()
              : CompletableFuture.supplyAsync(
                  () -> table(name, study, null).writeCsv(folder), executor));
    }
    return CompletableFuture.allOf(tasks.values().toArray(new CompletableFuture<?>[0]))
        .handle(
            (ignored, anyFailure) -> {
              List<Path> out = new ArrayList<>();
              for (String name : FILE_NAMES) {
                out.add(tasks.get(name).join()); // throws the first failure in this order
              }
              return List.copyOf(out);
            });
  }

  /**
   * The value of a {@link #writeAsync} result, waiting for it; its failure rethrown unwrapped (an
   * {@link UncheckedIOException} stays one, so its message reaches the user).
   *
   * @param files a result of {@link #writeAsync}
   * @return the files written
   */
  public static List<Path> join(CompletableFuture<List<Path>> files) {
    try {
      return files.join();
    } catch (CompletionException e) {
      Throwable failure = e.getCause() == null ? e : e.getCause();
      while (failure instanceof CompletionException && failure.getCause() != null) {
        failure = failure.getCause();
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(failure);
    }
  }

  private static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create output folder " + folder + ": " + e, e);
    }
  }

  /**
   * Writes one of the files to a writer rather than a folder: to compress it, send it or pipe it.
   * The rows are streamed from the results through a buffer of fixed size ({@value
   * io.eventide.report.internal.CsvWriter#BUFFER_CHARS} characters), so even {@code
   * abnormal_returns.csv} of a million firm-events is never held in memory. The writer is closed at
   * the end.
   *
   * @param fileName one of {@link #FILE_NAMES}
   * @param study the study's results
   * @param tests the tests run on it (read only for {@code tests.csv})
   * @param out where to write the file's text
   * @throws IllegalArgumentException if the name is not one of {@link #FILE_NAMES}
   * @throws UncheckedIOException if writing fails
   */
  public static void write(String fileName, StudyResult study, StudyTests tests, Writer out) {
    table(fileName, study, tests).writeCsv(out);
  }

  private static TableDefinition<?> table(String fileName, StudyResult study, StudyTests tests) {
    return switch (fileName) {
      case "firm_events.csv" -> OutputTables.firmEvents(study);
      case "abnormal_returns.csv" -> OutputTables.abnormalReturns(study);
      case "car.csv" -> OutputTables.cars(study);
      case "tests.csv" -> OutputTables.tests(tests);
      case "left_out.csv" -> OutputTables.leftOut(study);
      case "overlaps.csv" -> OutputTables.overlaps(study);
      case "caar.csv" -> OutputTables.caar(study);
      case "aar.csv" -> OutputTables.aar(study);
      default ->
          throw new IllegalArgumentException(
              "No study file " + fileName + "; the files are " + FILE_NAMES);
    };
  }

  /**
   * Writes {@code tests.csv} alone, from tests however they were computed (for example finished
   * from merged sums on Spark, without a {@link StudyResult}).
   *
   * @param folder an existing output folder
   * @param tests the tests
   * @return the file written
   */
  public static Path writeTests(Path folder, StudyTests tests) {
    return OutputTables.tests(tests).writeCsv(folder);
  }

  /**
   * Writes {@code overlaps.csv} from the resolved study, before or without computing it: the same
   * bytes as the file {@link #write} writes for the study computed from it (the overlaps follow
   * from the day 0s and calendars alone). Streamed one listing at a time.
   *
   * @param folder an existing output folder
   * @param resolved the resolved study
   * @return the file written
   */
  public static Path writeOverlaps(Path folder, ResolvedStudy resolved) {
    return OutputTables.overlaps(resolved).writeCsv(folder);
  }

  /**
   * Writes {@code caar.csv} and {@code aar.csv} from a study's means, however they were computed
   * ({@link StudyMeans#of(StudyResult)} gives the files {@link #write} writes).
   *
   * @param folder an existing output folder
   * @param means the means
   * @return the two files written
   */
  public static List<Path> writeMeans(Path folder, StudyMeans means) {
    return List.of(
        OutputTables.caar(means).writeCsv(folder), OutputTables.aar(means).writeCsv(folder));
  }

  /**
   * Writes {@code group_tests.csv}: {@code group,window,measure,test,statistic,p_value,n,reason},
   * the rows of {@code tests.csv} for each group's firm-events.
   *
   * @param folder an existing output folder
   * @param groups each group's tests, as {@link StudyTests#runGroups} returns them
   * @return the file written
   */
  public static Path writeGroupTests(Path folder, Map<String, StudyTests> groups) {
    return OutputTables.groupTests(List.copyOf(groups.entrySet())).writeCsv(folder);
  }

  /**
   * Writes {@code calendar_time.csv}: {@code model,term,coef,se,t,p,days,nw_lag,r2}, the
   * calendar-time portfolio's regression ({@code --calendar-time}).
   *
   * @param folder an existing output folder
   * @param portfolio the portfolio and its regression
   * @return the file written
   */
  public static Path writeCalendarTime(Path folder, CalendarTimePortfolio portfolio) {
    return OutputTables.calendarTime(portfolio).writeCsv(folder);
  }
}
