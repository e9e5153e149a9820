package io.eventide.examples.cli;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.io.EventFileReader;
import io.eventide.io.ExchangeFileReader;
import io.eventide.io.FactorFileReader;
import io.eventide.io.PriceDirectory;
import io.eventide.io.UniverseFileReader;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.NormalReturnModel;
import io.eventide.report.CaarChart;
import io.eventide.report.StudyFiles;
import io.eventide.report.StudySummary;
import io.eventide.study.EventStudy;
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
      names = "--factors",
      paramLabel = "FILE",
      description = "Ken French daily factor file(s), needed by ff3/carhart4/ff5")
  List<Path> factors = new ArrayList<>();

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

  @Override
  public Integer call() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out " + out + " is a file; give a folder (created if missing) for the output files");
    }
    testOptions.validate();
    StudySpecification.Builder b = specification().toBuilder();
    answers.apply(b, events);
    StudySpecification spec = b.build();
    if (!spec.model().factorNames().isEmpty() && factors.isEmpty()) {
      throw new IllegalArgumentException(
          "Model "
              + spec.model().id()
              + " needs factors "
              + spec.model().factorNames()
              + "; give --factors FILE with the Ken French daily files");
    }
    // The panel owns the return type: it computes the returns the study reads.
    ReturnType type = returnType(returns);
    TestSuite suite = StudyTestOptions.suite(tests);
    List<Listing> listings = UniverseFileReader.read(universe, exchangeRegistry());
    List<Event> evs = EventFileReader.read(events);
    StudyResult result =
        compute(
            spec, listings, evs, prices(listings), type, factorSet(), suite.needsEstimationSar());
    StudyTests results = testOptions.finish(result, StudyTests.run(result, suite));
    List<Path> written = new ArrayList<>(StudyFiles.write(out, result, results));
    if (plot) {
      Path png = out.resolve("caar.png");
      CaarChart.writePng(result, png);
      written.add(png);
    }
    written.addAll(
        answers.write(out, result, results, suite, plot, command.commandLine().getErr()));
    java.io.PrintWriter w = command.commandLine().getOut();
    w.print(StudySummary.of(result, results));
    w.println("Wrote " + written.size() + " files to " + out);
    w.flush();
    return EventideCommand.OK;
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
   * @param factors the factors of {@code --factors}, or {@code null}
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
      FactorSet factors,
      boolean keepEstimationSar) {
    ReturnPanel panel = ReturnPanel.of(listings, prices, type);
    if (factors != null) {
      panel = panel.withFactors(factors);
    }
    panel = testOptions.withReference(panel, this.prices);
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
   * @return {@code --threads}, or {@code null} if not given
   */
  protected Integer threads() {
    return threads;
  }

  private Map<String, DatedSeries> prices(List<Listing> listings) {
    PriceDirectory.Prices found = PriceDirectory.of(prices).readUniverse(listings);
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

  private FactorSet factorSet() {
    if (factors.isEmpty()) {
      return null;
    }
    List<FactorSet> sets = new ArrayList<>();
    for (Path f : factors) {
      sets.add(FactorFileReader.read(f));
    }
    return FactorSet.merge(sets);
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
