package io.eventide.spark;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.event.Event;
import io.eventide.examples.cli.EventideCommand;
import io.eventide.examples.cli.StudyCommand;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudySummary;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventide-spark study}: the command line's {@code eventide study} run on Spark ({@code
 * docs/spark.md} section 4). It is {@link StudyCommand} itself with the computation swapped, so it
 * takes every flag of {@code eventide study} (plus {@code --master}) and writes the same files;
 * {@code --threads N} sets the number of listing partitions.
 *
 * <pre>
 * java -jar spark/target/eventide-spark-local.jar study --master local[2] --prices DIR ...
 * spark-submit --class io.eventide.spark.SparkStudyCommand spark/target/eventide-spark.jar study ...
 * </pre>
 */
@Command(
    name = "eventide-spark",
    mixinStandardHelpOptions = true,
    version = "eventide-spark 0.1.0",
    description = "Eventide's command line on Apache Spark.",
    subcommands = {SparkStudyCommand.Study.class})
public final class SparkStudyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return EventideCommand.BAD_INPUT;
  }

  /** {@code study}: {@link StudyCommand}'s flags and files, computed by {@link SparkStudy}. */
  @Command(
      name = "study",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Run an event study on Spark and write firm_events.csv, abnormal_returns.csv, car.csv,"
              + " tests.csv (and left_out.csv, overlaps.csv) into --out. Flags as eventide"
              + " study; --threads N sets the number of listing partitions.")
  public static final class Study extends StudyCommand {

    @Option(
        names = "--master",
        paramLabel = "URL",
        description =
            "Spark master, e.g. local[2] or yarn (default: spark-submit's, else local[*])")
    String master;

    @Option(
        names = "--distributed",
        description =
            "finish the tests, group tests and means from sums merged on the executors: the"
                + " driver never holds the study's columns (a study too large for its memory);"
                + " the summary then counts what the day 0 table and left-out list would show."
                + " Not with --bootstrap, --characteristics, --calendar-time, --report, --plot")
    boolean distributed;

    /** The session, open from {@link #compute} to the end of the command. */
    private SparkSession spark;

    /** The result {@link #compute} returned, whose files {@link #writeFiles} writes. */
    private SparkStudyResult computed;

    @Override
    public Integer call() {
      List<String> reading = flagsReadingColumns();
      if (distributed && !reading.isEmpty()) {
        throw new IllegalArgumentException(
            "--distributed finishes the tests from merged sums and keeps the study's columns off"
                + " the driver, but "
                + String.join(", ", reading)
                + (reading.size() == 1 ? " reads them" : " read them")
                + "; drop --distributed or "
                + String.join(", ", reading));
      }
      try {
        return super.call();
      } finally {
        if (spark != null) {
          spark.stop();
          spark = null;
        }
      }
    }

    @Override
    protected CompletableFuture<List<Path>> writeFiles(
        Path out, StudyResult result, CompletionStage<StudyTests> tests, Executor pool) {
      // The per-firm-event files from the executors, the others from the driver: the same bytes,
      // once the tests are known (Spark's jobs run one after the other on this session anyway).
      return tests.thenApplyAsync(t -> computed.write(out, t), pool).toCompletableFuture();
    }

    @Override
    protected StudyResult compute(
        StudySpecification spec,
        List<Listing> listings,
        List<Event> events,
        Map<String, DatedSeries> prices,
        ReturnType type,
        ExchangeRegistry registry,
        boolean keepEstimationSar) {
      Prepared p = prepare(spec, listings, events, prices, type, registry);
      SparkStudy study = keepEstimationSar ? p.study().withEstimationSar() : p.study();
      computed = study.run(p.inputs());
      return computed.result();
    }

    @Override
    protected Integer runWhole(
        StudySpecification spec,
        List<Listing> listings,
        List<Event> events,
        Map<String, DatedSeries> prices,
        ReturnType type,
        ExchangeRegistry registry,
        TestSuite suite) {
      if (!distributed) {
        return null;
      }
      Prepared p = prepare(spec, listings, events, prices, type, registry);
      DistributedStudyResult d = p.study().runDistributed(p.inputs(), suite);
      StudyTests tests = adjusted(d.tests());
      PrintWriter err = standardError();
      d.driverFallback()
          .ifPresent(why -> err.println("eventide-spark: note: --distributed: " + why));
      if (d.count(Outcome.OK) == 0) {
        err.println(
            "eventide-spark: every one of the "
                + d.resolved().size()
                + " firm-events was left out, so there is no CAAR and no test; left_out.csv says"
                + " why for each");
      }
      err.flush();
      List<Path> written = d.write(outputFolder(), tests);
      PrintWriter w = standardOutput();
      w.print(StudySummary.ofMerged(d.resolved(), d::count, tests, d.means()));
      w.println("Wrote " + written.size() + " files to " + outputFolder());
      w.flush();
      return EventideCommand.OK;
    }

    /** The session, the study and its inputs, as both paths start. */
    private record Prepared(SparkStudy study, StudyInputs inputs) {}

    private Prepared prepare(
        StudySpecification spec,
        List<Listing> listings,
        List<Event> events,
        Map<String, DatedSeries> prices,
        ReturnType type,
        ExchangeRegistry registry) {
      // The panel the local command would build: its factor sets (plain and per exchange) and the
      // reference listing of --bhar-benchmark go to Spark as they are.
      ReturnPanel local = panel(listings, prices, type, registry);
      SparkSession.Builder builder = SparkSession.builder().appName("eventide study");
      if (master != null) {
        builder.master(master);
      } else if (!new SparkConf().contains("spark.master")) {
        builder.master("local[*]");
      }
      spark = builder.getOrCreate(); // stopped at the end of call(), after the files
      StudyInputs inputs =
          StudyInputs.of(
              spark, listings, events, prices, volumes(), type, local.factors().orElse(null));
      for (Exchange e : local.exchangesWithOwnFactors()) {
        inputs = inputs.withFactors(e, local.factorsFor(e).orElseThrow());
      }
      for (Map.Entry<String, DatedSeries> r : local.references().entrySet()) {
        inputs = inputs.withReference(r.getKey(), r.getValue());
      }
      SparkStudy study = SparkStudy.of(spark, spec);
      if (threads() != null) {
        study = study.withPartitions(threads());
      }
      return new Prepared(study, inputs);
    }
  }

  /**
   * @return the command line, with {@code eventide}'s error handling and the exchanges footer
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SparkStudyCommand());
    cl.getSubcommands()
        .get("study")
        .getCommandSpec()
        .usageMessage()
        .footer(StudyCommand.exchangesFooter());
    return EventideCommand.withErrorHandling(cl);
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    if (System.getProperty("log4j.configurationFile") == null
        && System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "classpath:eventide-spark-log4j2.properties");
    }
    System.exit(commandLine().execute(args));
  }
}
