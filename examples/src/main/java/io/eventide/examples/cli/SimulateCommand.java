package io.eventide.examples.cli;

import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.report.RejectionChart;
import io.eventide.report.SimulationFiles;
import io.eventide.report.SimulationSummary;
import io.eventide.simulation.Design;
import io.eventide.simulation.Simulation;
import io.eventide.simulation.SimulationException;
import io.eventide.simulation.SimulationPanel;
import io.eventide.simulation.SimulationProgress;
import io.eventide.simulation.SimulationResult;
import io.eventide.simulation.SimulationSpecification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventide simulate}: specification and power of the tests by simulation on a real panel
 * ({@code docs/simulation.md}, {@code docs/cli.md}). Writes {@code rejections.csv} (and {@code
 * rejections.png} with {@code --plot}) into {@code --out} and prints a summary; shows progress on
 * standard error when the process has a terminal. Bad input is one line naming the flag and value,
 * exit 2.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Specification and power of the tests by simulation on a real panel (Brown & Warner"
            + " 1985, Kolari & Pynnönen 2010): writes rejections.csv into --out.")
public final class SimulateCommand implements Callable<Integer> {

  /** Builder parameter names of {@link SimulationException} to the flags that set them. */
  private static final Map<String, String> FLAGS =
      Map.ofEntries(
          Map.entry("samples", "--samples"),
          Map.entry("size", "--size"),
          Map.entry("seed", "--seed"),
          Map.entry("shifts", "--shifts"),
          Map.entry("designs", "--designs"),
          Map.entry("windows", "--windows"),
          Map.entry("estimation", "--estimation"),
          Map.entry("span", "--span"),
          Map.entry("minValid", "--min-valid"),
          Map.entry("tests", "--tests"),
          Map.entry("alpha", "--alpha"),
          Map.entry("threads", "--threads"),
          Map.entry("market", "--market"),
          Map.entry("prices", "--prices"));

  @Spec CommandSpec command;

  @Option(
      names = "--prices",
      required = true,
      paramLabel = "DIR",
      description = "folder of <TICKER>.csv price files (any supported layout)")
  Path prices;

  @Option(
      names = "--market",
      required = true,
      paramLabel = "TICKER",
      description =
          "<TICKER>.csv in --prices: the market and the calendar; every other file is a candidate")
  String market;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "output folder, created if missing; existing files overwritten")
  Path out;

  @Option(
      names = "--samples",
      paramLabel = "S",
      defaultValue = "1000",
      description = "samples per design (default: ${DEFAULT-VALUE})")
  String samples;

  @Option(
      names = "--size",
      paramLabel = "N",
      defaultValue = "50",
      description = "firm-events per sample (default: ${DEFAULT-VALUE})")
  String size;

  @Option(
      names = "--seed",
      paramLabel = "X",
      defaultValue = "1985",
      description = "64-bit integer seed (default: ${DEFAULT-VALUE})")
  String seed;

  @Option(
      names = "--shifts",
      paramLabel = "D,...",
      defaultValue = "0,0.005,0.01,0.02",
      description = "returns added to each day-0 return (default: ${DEFAULT-VALUE})")
  String shifts;

  @Option(
      names = "--designs",
      paramLabel = "D,...",
      defaultValue = "nonclustered,clustered",
      description = "nonclustered and/or clustered (default: ${DEFAULT-VALUE})")
  String designs;

  @Option(
      names = "--variance",
      paramLabel = "on|off",
      defaultValue = "on",
      description = "the event-induced variance variant (default: ${DEFAULT-VALUE})")
  String variance;

  @Option(
      names = "--windows",
      paramLabel = "A:B,...",
      defaultValue = "0:0,-1:1",
      description = "reported windows (default: ${DEFAULT-VALUE})")
  String windows;

  @Option(
      names = "--estimation",
      paramLabel = "A:B",
      defaultValue = "-250:-11",
      description = "estimation window (default: ${DEFAULT-VALUE})")
  String estimation;

  @Option(
      names = "--span",
      paramLabel = "A:B",
      defaultValue = "-5:5",
      description = "event span (default: ${DEFAULT-VALUE})")
  String span;

  @Option(
      names = "--min-valid",
      paramLabel = "M",
      defaultValue = "200",
      description =
          "valid estimation returns an eligible firm-event needs (default: ${DEFAULT-VALUE})")
  String minValid;

  @Option(
      names = "--alpha",
      paramLabel = "A",
      defaultValue = "0.05",
      description = "a test rejects when its two-sided p < A (default: ${DEFAULT-VALUE})")
  String alpha;

  @Option(
      names = "--tests",
      paramLabel = "ID,...",
      description = "tests (default: all eleven of docs/statistics.md, in its order)")
  String tests;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "threads (default: available processors); never changes the output")
  String threads;

  @Option(names = "--plot", description = "also write rejections.png")
  boolean plot;

  @Override
  public Integer call() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out " + out + " is a file; give a folder (created if missing) for the output files");
    }
    try {
      return run();
    } catch (SimulationException e) {
      String flag = FLAGS.getOrDefault(e.parameter(), e.parameter());
      throw new IllegalArgumentException(flag + " " + e.value() + ": " + e.problem(), e);
    }
  }

  private int run() {
    int threadCount =
        threads == null
            ? Runtime.getRuntime().availableProcessors()
            : integer("--threads", threads, 1);
    Parsed flags = parseFlags();
    SimulationPanel panel = SimulationPanel.read(prices, market);
    SimulationSpecification spec = flags.build(panel);
    Progress progress =
        System.console() != null ? new Progress(command.commandLine().getErr()) : null;
    SimulationResult result =
        Simulation.run(spec, threadCount, progress != null ? progress : SimulationProgress.NONE);
    if (progress != null) {
      progress.finish();
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + out + ": " + e.getMessage(), e);
    }
    List<Path> written = new ArrayList<>();
    written.add(SimulationFiles.writeRejections(result, out));
    if (plot) {
      Path png = out.resolve("rejections.png");
      RejectionChart.writePng(result, png);
      written.add(png);
    }
    PrintWriter w = command.commandLine().getOut();
    w.print(SimulationSummary.text(result));
    w.println(
        "Wrote " + written.size() + (written.size() == 1 ? " file" : " files") + " to " + out);
    w.flush();
    return EventideCommand.OK;
  }

  /** Every flag parsed before the panel is read, so that a typo costs no reading. */
  private Parsed parseFlags() {
    Parsed p = new Parsed();
    p.samples = integer("--samples", samples, 1);
    p.size = integer("--size", size, 3);
    try {
      p.seed = Long.parseLong(seed.strip());
    } catch (NumberFormatException e) {
      throw bad("--seed", seed, "is not a 64-bit integer");
    }
    for (String s : shifts.split(",", -1)) {
      try {
        double d = Double.parseDouble(s.strip());
        if (!Double.isFinite(d) || s.strip().matches(".*[a-zA-Z].*")) {
          throw new NumberFormatException();
        }
        p.shifts.add(d);
      } catch (NumberFormatException e) {
        throw bad("--shifts", s, "is not a number (a return: 0.01 is one percentage point)");
      }
    }
    for (String s : designs.split(",", -1)) {
      try {
        p.designs.add(Design.parse(s));
      } catch (IllegalArgumentException e) {
        throw bad("--designs", s, "is not a design; known designs: nonclustered, clustered");
      }
    }
    p.variance =
        switch (variance.strip()) {
          case "on" -> true;
          case "off" -> false;
          default -> throw bad("--variance", variance, "is neither on nor off");
        };
    for (String s : windows.split(",", -1)) {
      p.windows.add(window("--windows", s));
    }
    p.estimation = window("--estimation", estimation);
    p.span = window("--span", span);
    p.minValid = integer("--min-valid", minValid, 5);
    try {
      p.alpha = Double.parseDouble(alpha.strip());
    } catch (NumberFormatException e) {
      throw bad("--alpha", alpha, "is not a number");
    }
    if (!(p.alpha > 0 && p.alpha < 1)) {
      throw bad("--alpha", alpha, "must lie strictly between 0 and 1");
    }
    if (tests != null) {
      try {
        p.tests = TestSuite.byIds(List.of(tests.split(",", -1)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--tests " + tests + ": " + e.getMessage(), e);
      }
    }
    return p;
  }

  private static IllegalArgumentException bad(String flag, String value, String problem) {
    return new IllegalArgumentException(flag + " " + value.strip() + ": " + problem);
  }

  private static int integer(String flag, String text, int min) {
    int v;
    try {
      v = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw bad(flag, text, "is not a whole number");
    }
    if (v < min) {
      throw bad(flag, text, "must be at least " + min);
    }
    return v;
  }

  private static EventWindow window(String flag, String text) {
    try {
      return EventWindow.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad(flag, text, "is not a window A:B of whole numbers with A ≤ B (e.g. -1:1)");
    }
  }

  /** The flags as values, until the panel is read. */
  private static final class Parsed {
    int samples;
    int size;
    long seed;
    List<Double> shifts = new ArrayList<>();
    List<Design> designs = new ArrayList<>();
    boolean variance;
    List<EventWindow> windows = new ArrayList<>();
    EventWindow estimation;
    EventWindow span;
    int minValid;
    double alpha;
    TestSuite tests = TestSuite.standard();

    SimulationSpecification build(SimulationPanel panel) {
      return SimulationSpecification.builder(panel)
          .samples(samples)
          .size(size)
          .seed(seed)
          .shifts(shifts)
          .designs(designs)
          .variance(variance)
          .windows(windows)
          .estimation(estimation)
          .span(span)
          .minValid(minValid)
          .alpha(alpha)
          .tests(tests)
          .build();
    }
  }

  /**
   * Samples done, elapsed time and time left, on one line of standard error, at most 4 a second.
   */
  private static final class Progress implements SimulationProgress {
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long last;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void samplesDone(long done, long total) {
      long now = System.nanoTime();
      if (done < total && now - last < 250_000_000L) {
        return;
      }
      last = now;
      double elapsed = (now - start) / 1e9;
      double rate = done / Math.max(elapsed, 1e-9);
      double left = (total - done) / Math.max(rate, 1e-9);
      err.printf(
          Locale.ROOT,
          "\rsimulate: %d/%d samples (%.0f%%), %.0f samples/s, %.1f s elapsed, about %.1f s left  ",
          done,
          total,
          100.0 * done / total,
          rate,
          elapsed,
          left);
      err.flush();
    }

    synchronized void finish() {
      err.println();
      err.flush();
    }
  }
}
