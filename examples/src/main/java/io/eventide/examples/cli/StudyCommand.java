package io.eventide.examples.cli;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.io.EventFileReader;
import io.eventide.io.ExchangeFileReader;
import io.eventide.io.PriceDirectory;
import io.eventide.io.UniverseFileReader;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.report.CaarChart;
import io.eventide.report.StudyFiles;
import io.eventide.report.StudySummary;
import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventide study}: reads prices, a universe and events, runs the study and writes the files
 * of {@code docs/cli.md} into {@code --out}, printing a summary.
 */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Run an event study and write firm_events.csv, abnormal_returns.csv, car.csv,"
            + " tests.csv, caar.csv, aar.csv (and left_out.csv, overlaps.csv) into --out.")
public class StudyCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  /** The volumes of a {@code --measure volume} study, read in {@link #call()}; else null. */
  private Map<String, DatedSeries> volumes;

  /** --factors [EXCH=]FILE, --characteristics FILE and --conventions PRESET. */
  @Mixin StudyMethodOptions methods;

  @Option(
      names = "--prices",
      required = true,
      paramLabel = "DIR",
      description = "folder of <TICKER>.csv price files (any supported layout)")
  Path prices;

  @Option(
      names = "--universe",
      required = true,
      paramLabel = "FILE",
      description = "CSV: ticker,exchange,benchmark")
  Path universe;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "CSV: event_id,announced[,affected][,any other columns]")
  Path events;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "output folder, created if missing; existing files overwritten")
  Path out;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "market",
      description =
          "market|constant-mean|market-adjusted|ff3|carhart4|ff5|scholes-williams|dimson|garch"
              + " (default: ${DEFAULT-VALUE})")
  String model;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(
      names = "--estimation",
      paramLabel = "A:B",
      defaultValue = "-250:-11",
      description = "estimation window (default: ${DEFAULT-VALUE})")
  String estimation;

  @Option(
      names = "--windows",
      paramLabel = "A:B,...",
      defaultValue = "-1:1,0:0,0:1,-5:5",
      description = "event windows (default: ${DEFAULT-VALUE})")
  String windows;

  @Option(
      names = "--min-estimation",
      paramLabel = "N",
      defaultValue = "100",
      description = "minimum valid estimation days (default: ${DEFAULT-VALUE})")
  int minEstimation;

  @Option(
      names = "--returns",
      paramLabel = "TYPE",
      defaultValue = "simple",
      description = "simple|log (default: ${DEFAULT-VALUE})")
  String returns;

  @Option(names = "--plot", description = "also write caar.png and caar.svg")
  boolean plot;

  @Option(
      names = "--clean",
      paramLabel = "K",
      description =
          "leave out of estimation windows the sessions within ±K of other events'"
              + " day 0 on the same listing (default: off)")
  Integer clean;

  @Option(
      names = "--tests",
      paramLabel = "ID,...",
      split = ",",
      description =
          "tests to run: the eleven of docs/statistics.md (the default) and grank-t, grank-z")
  List<String> tests = new ArrayList<>();

  @Option(
      names = "--exchanges",
      paramLabel = "FILE",
      description =
          "CSV code,zone,open,close[,mic]: exchanges beyond the built-in ones (IANA zone, HH:MM"
              + " local times); a built-in's code redefines it (with a note)")
  Path exchanges;

  @Mixin StudyTestOptions testOptions = new StudyTestOptions();

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "threads for the study (default: available processors)")
  Integer threads;

  @Mixin AnswerOptions answers = new AnswerOptions();

  /**
   * The system property ({@code -Deventide.timings=true}) that makes {@code eventide study} print
   * one line of phase timings to standard error (docs/cli.md section 9).
   */
  static final String TIMINGS_PROPERTY = "eventide.timings";

  @Override
  public Integer call() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out " + out + " is a file; give a folder (created if missing) for the output files");
    }
    testOptions.validate();
    methods.calendarTimeModel();
    StudySpecification.Builder b = specification().toBuilder();
    answers.apply(b, events);
    StudySpecification spec = b.build();
    if (spec.measure() != StudyMeasure.RETURNS && testOptions.bootstrap != null) {
      throw new IllegalArgumentException(
          "--bootstrap "
              + testOptions.bootstrap
              + " bootstraps the BHAR test, and a --measure "
              + spec.measure().id()
              + " study has no BHAR; drop --bootstrap or measure returns");
    }
    if (!spec.model().factorNames().isEmpty() && methods.factors.isEmpty()) {
      throw new IllegalArgumentException(
          "Model "
              + spec.model().id()
              + " needs factors "
              + spec.model().factorNames()
              + "; give --factors FILE (US exchanges) or --factors EXCH=FILE with the Ken French"
              + " daily files");
    }
    // The panel owns the return type: it computes the returns the study reads.
    ReturnType type = returnType(returns);
    TestSuite suite = StudyTestOptions.suite(tests);
    long readStartMillis = System.currentTimeMillis();
    long t0 = System.nanoTime();
    ExchangeRegistry registry = exchangeRegistry();
    List<Listing> listings = UniverseFileReader.read(universe, registry);
    List<Event> evs = EventFileReader.read(events);
    Map<String, DatedSeries> closes = prices(listings);
    volumes = spec.measure() == StudyMeasure.VOLUME ? volumes(closes) : null;
    long t1 = System.nanoTime();
    Integer computedElsewhere = runWhole(spec, listings, evs, closes, type, registry, suite);
    if (computedElsewhere != null) {
      return computedElsewhere;
    }
    StudyResult result =
        compute(spec, listings, evs, closes, type, registry, suite.needsEstimationSar());
    long t2 = System.nanoTime();
    // The files are written on the study's threads, each file a task, from here on: those that
    // do not need the tests while the tests run; tests.csv and the summary once they are known.
    // The same bytes as one after the other.
    // The calendar-time portfolio first: its bad usage must stop the command before any file.
    CalendarTimePortfolio calendarTime = methods.calendarTime(result, registry);
    ExecutorService pool = outputPool();
    List<Path> written;
    String summary;
    StudyTests results;
    long t3;
    try {
      CompletableFuture<StudyTests> testsKnown = new CompletableFuture<>();
      CompletableFuture<List<Path>> files = writeFiles(out, result, testsKnown, pool);
      try {
        results = testOptions.finish(result, StudyTests.run(result, suite));
      } catch (RuntimeException | Error e) {
        testsKnown.completeExceptionally(e);
        throw e;
      }
      testsKnown.complete(results);
      t3 = System.nanoTime();
      StudyTests tests = results;
      Future<String> summaryTask = pool.submit(() -> StudySummary.of(result, tests));
      written = new ArrayList<>(StudyFiles.join(files));
      summary = join(summaryTask);
    } finally {
      pool.shutdown();
    }
    if (plot) {
      Path png = out.resolve("caar.png");
      CaarChart.writePng(result, png);
      written.add(png);
    }
    written.addAll(
        answers.write(out, result, results, suite, plot, command.commandLine().getErr()));
    long t4 = System.nanoTime();
    if (Boolean.getBoolean(TIMINGS_PROPERTY)) {
      // For the end-to-end benchmark runner (docs/cli.md section 9): when reading began, on the
      // wall clock, and how long each phase took.
      java.io.PrintWriter err = command.commandLine().getErr();
      err.printf(
          Locale.ROOT,
          "eventide-timings read_start_epoch_ms=%d read_ms=%.3f study_ms=%.3f tests_ms=%.3f"
              + " write_ms=%.3f%n",
          readStartMillis,
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          (t4 - t3) / 1e6);
      err.flush();
    }
    java.io.PrintWriter w = command.commandLine().getOut();
    w.print(summary);
    written.addAll(methods.writeCrossSection(out, result, w, command.commandLine().getErr()));
    written.addAll(StudyMethodOptions.writeCalendarTime(out, calendarTime, w));
    w.println("Wrote " + written.size() + " files to " + out);
    w.flush();
    return EventideCommand.OK;
  }

  /** A pool of {@code --threads} (default: available processors) daemon threads for the output. */
  private ExecutorService outputPool() {
    return Executors.newFixedThreadPool(
        threadCount(),
        r -> {
          Thread t = new Thread(r, "eventide-output");
          t.setDaemon(true);
          return t;
        });
  }

  /** {@code --threads}, or the available processors. */
  private int threadCount() {
    return Math.max(1, threads != null ? threads : Runtime.getRuntime().availableProcessors());
  }

  /** The task's value, or the exception it threw (unwrapped, so its message reaches the user). */
  private static <T> T join(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the output", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * The built-in exchanges plus those of {@code --exchanges}, with a note on standard error for
   * each built-in the file redefines.
   */
  private ExchangeRegistry exchangeRegistry() {
    if (exchanges == null) {
      return ExchangeRegistry.builtIns();
    }
    ExchangeRegistry registry = ExchangeFileReader.read(exchanges);
    java.io.PrintWriter err = command.commandLine().getErr();
    for (Exchange builtIn : registry.redefinedBuiltIns()) {
      err.println(
          "eventide: note: "
              + exchanges
              + " redefines the built-in exchange "
              + builtIn.describe()
              + " as "
              + registry.lookup(builtIn.code()).describe());
    }
    err.flush();
    return registry;
  }

  /**
   * The footer of {@code eventide study --help}: the built-in exchanges a universe may name.
   *
   * @return the footer lines
   */
  public static String[] exchangesFooter() {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("Built-in exchanges: code, MIC, zone, session (a universe names one by code or");
    lines.add("MIC, in any case; define others with --exchanges FILE):");
    for (Exchange e : Exchange.builtIns()) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-19s %-5s %-17s %s-%s",
              e.code(),
              e.mic().orElse(""),
              e.zone().getId(),
              e.sessionOpen(),
              e.sessionClose()));
    }
    return lines.toArray(new String[0]);
  }

  StudySpecification specification() {
    List<EventWindow> ws = new ArrayList<>();
    for (String w : windows.split(",")) {
      ws.add(EventWindow.parse(w));
    }
    StudySpecification.Builder b =
        StudySpecification.builder()
            .model(modelOptions.model(model))
            .estimationWindow(EventWindow.parse(estimation))
            .eventWindows(ws)
            .minEstimation(minEstimation);
    if (clean != null) {
      b.cleanEstimation(clean);
    }
    testOptions.applyTo(b);
    if (methods != null) {
      methods.applyTo(b);
    }
    return b.build();
  }

  /**
   * Computes the study on the inputs read from the flags. This command runs {@link EventStudy} on
   * {@code --threads} threads; another engine (the {@code eventide-spark} module) overrides this
   * and nothing else, so that it takes exactly these flags and writes exactly these files.
   *
   * @param spec the specification from the flags
   * @param listings the universe
   * @param events the events
   * @param prices adjusted closes by ticker, benchmarks included
   * @param type the return type
   * @param registry the exchanges, for the {@code EXCH=} prefix of {@code --factors}
   * @param keepEstimationSar whether the tests need the standardized estimation residuals ({@link
   *     EventStudy#withEstimationSar()}: {@code --tests grank-t} or {@code grank-z})
   * @return the results
   */
  protected StudyResult compute(
      StudySpecification spec,
      List<Listing> listings,
      List<Event> events,
      Map<String, DatedSeries> prices,
      ReturnType type,
      ExchangeRegistry registry,
      boolean keepEstimationSar) {
    ReturnPanel panel = panel(listings, prices, type, registry);
    EventStudy study = EventStudy.of(spec);
    if (keepEstimationSar) {
      study = study.withEstimationSar();
    }
    if (threads != null) {
      study = study.withParallelism(threads);
    }
    return study.run(panel, events);
  }

  /**
   * Starts writing the files of {@link StudyFiles#FILE_NAMES} into the output folder, while the
   * tests run. This command writes them from the result with {@link StudyFiles#writeAsync}, each
   * file a task on {@code pool} and only {@code tests.csv} waiting for the tests; another engine
   * (the {@code eventide-spark} module) overrides this to write the per-firm-event files where its
   * firm-events are, the same bytes.
   *
   * @param out the output folder
   * @param result the study's result, as {@link #compute} returned it
   * @param tests completes with the tests run on it (exceptionally if they failed)
   * @param pool the command's output threads
   * @return completes with the files written, in the order of {@link StudyFiles#FILE_NAMES}
   */
  protected CompletableFuture<List<Path>> writeFiles(
      Path out, StudyResult result, CompletionStage<StudyTests> tests, Executor pool) {
    return StudyFiles.writeAsync(out, result, tests, pool);
  }

  /**
   * The panel of a study: the listings on their benchmarks' calendars, the factor sets of {@code
   * --factors} (plain or per exchange) and the reference listing of {@code --bhar-benchmark}.
   *
   * @param listings the universe
   * @param prices the price series read for it
   * @param type the return type
   * @param registry the exchanges an {@code EXCH=} prefix of {@code --factors} may name
   * @return the panel
   */
  protected ReturnPanel panel(
      List<Listing> listings,
      Map<String, DatedSeries> prices,
      ReturnType type,
      ExchangeRegistry registry) {
    if (volumes != null) {
      return methods.withFactors(ReturnPanel.ofLogVolume(listings, prices, volumes), registry);
    }
    ReturnPanel panel = methods.withFactors(ReturnPanel.of(listings, prices, type), registry);
    return testOptions.withReference(panel, this.prices);
  }

  /**
   * The volumes of a volume study: every listing and benchmark with a price file, read again for
   * its Volume column; a file without one is bad input ({@code InputException}, exit 2).
   */
  private Map<String, DatedSeries> volumes(Map<String, DatedSeries> closes) {
    PriceDirectory dir = PriceDirectory.of(prices);
    Map<String, DatedSeries> out = new java.util.LinkedHashMap<>();
    for (String ticker : closes.keySet()) {
      dir.readVolume(ticker).ifPresent(v -> out.put(ticker, v));
    }
    return out;
  }

  /**
   * Runs the whole study another way, from the inputs read to the files written and the summary
   * printed, or returns {@code null} to let this command compute it. This command returns {@code
   * null}; {@code eventide-spark study --distributed} overrides it to finish the tests on Spark's
   * executors without the study's columns.
   *
   * @param spec the specification
   * @param listings the universe
   * @param events the events
   * @param prices the price series read
   * @param type the return type
   * @param registry the exchanges
   * @param suite the tests of {@code --tests}
   * @return the exit code, or {@code null}
   */
  protected Integer runWhole(
      StudySpecification spec,
      List<Listing> listings,
      List<Event> events,
      Map<String, DatedSeries> prices,
      ReturnType type,
      ExchangeRegistry registry,
      TestSuite suite) {
    return null;
  }

  /**
   * @return the flags given that read the study's columns after the tests ({@code --bootstrap},
   *     {@code --characteristics}, {@code --calendar-time}, {@code --report}, {@code --plot}), in
   *     that order
   */
  protected List<String> flagsReadingColumns() {
    List<String> given = new ArrayList<>();
    if (testOptions.bootstrap != null) {
      given.add("--bootstrap");
    }
    if (methods.characteristics != null) {
      given.add("--characteristics");
    }
    if (methods.calendarTime != null) {
      given.add("--calendar-time");
    }
    if (answers.report) {
      given.add("--report");
    }
    if (plot) {
      given.add("--plot");
    }
    return given;
  }

  /**
   * @param tests the suite's rows
   * @return the rows with the p-values of {@code --adjust} when given (the rows of {@code
   *     tests.csv} without {@code --bootstrap})
   */
  protected StudyTests adjusted(StudyTests tests) {
    return testOptions.adjusted(tests);
  }

  /**
   * @return {@code --out}, the output folder
   */
  protected Path outputFolder() {
    return out;
  }

  /**
   * @return the command line's standard output
   */
  protected java.io.PrintWriter standardOutput() {
    return command.commandLine().getOut();
  }

  /**
   * @return the command line's standard error
   */
  protected java.io.PrintWriter standardError() {
    return command.commandLine().getErr();
  }

  /**
   * @return the volumes of a {@code --measure volume} study by ticker (every listing and benchmark
   *     with a price file), read before {@link #compute} is called; {@code null} for another study
   */
  protected Map<String, DatedSeries> volumes() {
    return volumes;
  }

  /**
   * @return {@code --threads}, or {@code null} if not given
   */
  protected Integer threads() {
    return threads;
  }

  private Map<String, DatedSeries> prices(List<Listing> listings) {
    PriceDirectory.Prices found = PriceDirectory.of(prices).readUniverse(listings, threadCount());
    AnswerOptions.noteMissingPrices(found, prices, listings, command.commandLine().getErr());
    for (Listing l : listings) {
      Path missing = found.missing().get(l.benchmark());
      if (missing != null) {
        throw new IllegalArgumentException(
            "Benchmark "
                + l.benchmark()
                + " of "
                + l.ticker()
                + " ("
                + universe
                + ") has no price file "
                + missing);
      }
    }
    return found.found();
  }

  static NormalReturnModel model(String id) {
    String key = id.strip().toLowerCase(Locale.ROOT);
    List<String> known = NormalReturnModel.ids();
    if (!known.contains(key)) {
      throw new IllegalArgumentException(
          "Unknown --model '"
              + id
              + "'; expected "
              + String.join(", ", known.subList(0, known.size() - 1))
              + " or "
              + known.get(known.size() - 1));
    }
    return NormalReturnModel.of(key);
  }

  static ReturnType returnType(String id) {
    switch (id.strip().toLowerCase(Locale.ROOT)) {
      case "simple":
        return ReturnType.SIMPLE;
      case "log":
        return ReturnType.LOG;
      default:
        throw new IllegalArgumentException(
            "Unknown --returns '" + id + "'; expected simple or log");
    }
  }
}
