package io.eventide.examples.cli;

import io.eventide.inference.TestSuite;
import io.eventide.io.PriceDirectory;
import io.eventide.market.Listing;
import io.eventide.report.CaarChart;
import io.eventide.report.Charts;
import io.eventide.report.StudyFiles;
import io.eventide.report.StudyReport;
import io.eventide.study.GroupBy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * The options of {@code eventide study} that turn numbers into answers ({@code docs/cli.md},
 * "answers a quant needs"): {@code --group-by}, {@code --sign-by}, {@code --report}; and the notes
 * on standard error that go with every run (a listing without a price file, a study where every
 * firm-event is left out).
 */
public final class AnswerOptions {

  @Option(
      names = "--group-by",
      paramLabel = "COLUMN",
      description =
          "tests, CAAR and charts per group: a column of the events file (category,"
              + " direction, ...) or 'exchange'; writes group_tests.csv")
  String groupBy;

  @Option(
      names = "--sign-by",
      paramLabel = "SIGN",
      description =
          "direction: multiply each firm-event's abnormal quantities by its event's direction"
              + " (+1/-1); a 0 or missing direction leaves it out (NO_DIRECTION)")
  String signBy;

  @Option(
      names = "--report",
      description =
          "also write report.html: one self-contained page (settings, CAAR and tests,"
              + " charts, day-0 table, confounding events, left-out firm-events)")
  boolean report;

  /**
   * Checks the flags against the events file and sets them on the specification.
   *
   * @param b the specification being built
   * @param events the events file (its header names the columns --group-by may use)
   */
  void apply(StudySpecification.Builder b, Path events) {
    if (signBy != null) {
      if (!signBy.strip().equalsIgnoreCase("direction")) {
        throw new IllegalArgumentException(
            "Unknown --sign-by '" + signBy + "'; expected direction");
      }
      List<String> header = header(events);
      if (!header.contains("direction")) {
        throw new IllegalArgumentException(
            "--sign-by direction needs a direction column in "
                + events
                + "; its columns are "
                + String.join(",", header));
      }
      b.signByDirection(true);
    }
    if (groupBy != null) {
      String column = groupBy.strip();
      if (column.equalsIgnoreCase("exchange")) {
        b.groupBy(GroupBy.exchange());
        return;
      }
      if (column.equals("announced") || column.equals("affected")) {
        throw new IllegalArgumentException(
            "--group-by "
                + column
                + " does not label groups (each event has its own); group by category,"
                + " direction, exchange or another column of "
                + events);
      }
      List<String> header = header(events);
      if (!header.contains(column)) {
        throw new IllegalArgumentException(
            "--group-by '"
                + groupBy
                + "' is not a column of "
                + events
                + "; its columns are "
                + String.join(",", header)
                + " (or use exchange)");
      }
      b.groupBy(GroupBy.column(column));
    }
  }

  /** The events file's header, as written (a byte-order mark and quotes removed). */
  private static List<String> header(Path events) {
    String first;
    try (Stream<String> lines = Files.lines(events, StandardCharsets.UTF_8)) {
      first = lines.findFirst().orElse("");
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
    if (first.startsWith("\uFEFF")) {
      first = first.substring(1);
    }
    List<String> out = new ArrayList<>();
    for (String c : first.split(",", -1)) {
      out.add(c.strip().replace("\"", ""));
    }
    return out;
  }

  /**
   * Writes what the flags ask for besides the standard files, and says plainly on standard error
   * when every firm-event was left out.
   *
   * @param out the output folder
   * @param result the study
   * @param tests its tests
   * @param suite the tests' suite (run again on each group)
   * @param plot whether --plot was given (caar.png, and now caar.svg)
   * @param err standard error
   * @return the files written
   */
  List<Path> write(
      Path out,
      StudyResult result,
      StudyTests tests,
      TestSuite suite,
      boolean plot,
      PrintWriter err) {
    List<Path> written = new ArrayList<>();
    if (result.count(Outcome.OK) == 0) {
      err.println(
          "eventide: every one of the "
              + result.size()
              + " firm-events was left out ("
              + outcomes(result)
              + "), so there is no CAAR, no test and no chart point; left_out.csv says why for"
              + " each");
      err.flush();
    }
    Map<String, StudyTests> groups = StudyTests.runGroups(result, suite);
    if (!groups.isEmpty()) {
      written.add(StudyFiles.writeGroupTests(out, groups));
    }
    if (plot) {
      Path svg = out.resolve("caar.svg");
      Charts.write(CaarChart.of(result), svg);
      written.add(svg);
    }
    if (report) {
      written.add(StudyReport.write(out, result, tests, groups));
    }
    return written;
  }

  private static String outcomes(StudyResult result) {
    List<String> parts = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      int n = result.count(o);
      if (n > 0) {
        parts.add(n + " " + o.name());
      }
    }
    return String.join(", ", parts);
  }

  /**
   * A note on standard error for each listing without a price file: the file looked for, and a file
   * whose name differs only in case when the folder has one ({@code baba} vs {@code BABA.csv}:
   * names are case-sensitive).
   *
   * @param found what the price folder held
   * @param folder the price folder
   * @param listings the universe
   * @param err standard error
   */
  static void noteMissingPrices(
      PriceDirectory.Prices found, Path folder, List<Listing> listings, PrintWriter err) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException | UncheckedIOException e) {
      // The folder was just read; if listing it fails now, the note goes without a hint.
    }
    for (Listing l : listings) {
      Path missing = found.missing().get(l.ticker());
      if (missing == null) {
        continue;
      }
      String wanted = missing.getFileName().toString();
      String hint = "";
      for (String n : names) {
        if (!n.equals(wanted)
            && n.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
          hint =
              "; the folder has "
                  + n
                  + " (file names are case-sensitive: write the ticker as "
                  + n.substring(0, n.length() - 4)
                  + ")";
        }
      }
      err.println(
          "eventide: note: no price file "
              + missing
              + " for "
              + l.ticker()
              + hint
              + "; its firm-events are left out with NO_PRICES");
    }
    err.flush();
  }
}
