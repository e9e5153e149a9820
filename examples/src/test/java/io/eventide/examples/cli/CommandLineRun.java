package io.eventide.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the command line of docs/cli.md ({@link
 * EventideCommand#commandLine(String...)}, as {@code main} builds it), with its exit code and its
 * captured standard output and error; the test fixture shared by the command-line tests.
 */
record CommandLineRun(int code, String out, String err) {

  /** Runs the command line with these arguments, capturing its output and error. */
  static CommandLineRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = EventideCommand.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CommandLineRun(code, out.toString(), err.toString());
  }

  /** Runs the command line with these arguments, capturing its output and error. */
  static CommandLineRun of(List<String> args) {
    return of(args.toArray(new String[0]));
  }

  /**
   * Copies the sample's files of these tickers ({@code <ticker>.csv}) from {@code full} to {@code
   * sample}, keeping the files from June 2021 on: header lines (empty or not starting with a
   * digit), and rows dated 2021-06-01 or later.
   */
  static void copyFromJune2021(Path full, Path sample, List<String> tickers) throws IOException {
    for (String t : tickers) {
      List<String> kept = new ArrayList<>();
      for (String line : Files.readAllLines(full.resolve(t + ".csv"), StandardCharsets.UTF_8)) {
        if (line.isEmpty()
            || !Character.isDigit(line.charAt(0))
            || line.substring(0, 10).compareTo("2021-06-01") >= 0) {
          kept.add(line);
        }
      }
      Files.write(sample.resolve(t + ".csv"), kept, StandardCharsets.UTF_8);
    }
  }
}
