package io.eventide.examples.cli;

import io.eventide.inference.BootstrappedSkewnessAdjustedTTest;
import io.eventide.inference.Measure;
import io.eventide.inference.PValueAdjustment;
import io.eventide.inference.TestSuite;
import io.eventide.io.PriceDirectory;
import io.eventide.market.ReturnPanel;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of {@code eventide study} for tests beyond the eleven and long horizons ({@code
 * docs/cli.md}, "Methods beyond the textbook"): {@code --adjust}, {@code --bhar-benchmark}, {@code
 * --bootstrap}, {@code --seed}; and the reading of {@code --tests} with the generalized rank ids. A
 * picocli mixin, so that {@code StudyCommand} only calls it at four points.
 */
public final class StudyTestOptions {

  @Option(
      names = "--adjust",
      paramLabel = "METHOD",
      description =
          "holm|bh: adjusted p-values across the windows of each test and measure, last column"
              + " p_adjusted of tests.csv (default: none, the column is empty)")
  String adjust;

  @Option(
      names = "--bhar-benchmark",
      paramLabel = "model|TICKER",
      defaultValue = "model",
      description =
          "BHAR against the model's expected returns (default) or the buy-and-hold return of a"
              + " reference listing whose price file TICKER.csv is in --prices")
  String bharBenchmark;

  @Option(
      names = "--bootstrap",
      paramLabel = "B",
      description =
          "add rows skew-t-boot (measure BHAR) to tests.csv: the skewness-adjusted t with a p-value"
              + " from B resamples of N/4 BHARs (Lyon, Barber & Tsai 1999); at least 1")
  Integer bootstrap;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "seed of the --bootstrap resamples (default: ${DEFAULT-VALUE})")
  long seed;

  /**
   * Checks the values that need no data, so that bad usage ends before anything is read.
   *
   * @throws IllegalArgumentException naming the flag and the value
   */
  void validate() {
    if (bootstrap != null && bootstrap < 1) {
      throw new IllegalArgumentException(
          "--bootstrap "
              + bootstrap
              + ": the number of resamples must be at least 1 (Lyon, Barber & Tsai use 1000)");
    }
    if (adjust != null) {
      adjustment();
    }
  }

  private PValueAdjustment adjustment() {
    try {
      return PValueAdjustment.of(adjust);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--adjust '" + adjust + "': expected holm or bh", e);
    }
  }

  /**
   * @param ids the ids of {@code --tests}, empty for the default
   * @return the suite: the standard eleven by default
   * @throws IllegalArgumentException naming {@code --tests}, the value and the known ids
   */
  static TestSuite suite(List<String> ids) {
    if (ids.isEmpty()) {
      return TestSuite.standard();
    }
    for (String id : ids) {
      if (!TestSuite.knownIds().contains(id.strip())) {
        throw new IllegalArgumentException(
            "Unknown --tests id '"
                + id
                + "'; known ids: "
                + String.join(", ", TestSuite.knownIds()));
      }
    }
    try {
      return TestSuite.byIds(ids);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--tests " + String.join(",", ids) + ": " + e.getMessage(), e);
    }
  }

  /**
   * @return the reference ticker of {@code --bhar-benchmark}, or null for the model
   */
  private String referenceTicker() {
    String v = bharBenchmark.strip();
    return v.toLowerCase(Locale.ROOT).equals("model") ? null : v;
  }

  /**
   * @param b the specification under construction
   */
  void applyTo(StudySpecification.Builder b) {
    b.bharBenchmark(referenceTicker());
  }

  /**
   * Adds the reference listing's prices to the panel when {@code --bhar-benchmark} names one.
   *
   * @param panel the panel
   * @param prices the {@code --prices} folder
   * @return the panel, with the reference
   * @throws IllegalArgumentException naming the flag, the value and the missing file
   */
  ReturnPanel withReference(ReturnPanel panel, Path prices) {
    String ticker = referenceTicker();
    if (ticker == null || panel.returnsOf(ticker).isPresent()) {
      return panel;
    }
    PriceDirectory dir = PriceDirectory.of(prices);
    DatedSeries series =
        dir.read(ticker)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--bhar-benchmark "
                            + ticker
                            + ": no price file "
                            + dir.fileOf(ticker)
                            + "; give a ticker with a price file in --prices, or model"));
    return panel.withReference(ticker, series);
  }

  /**
   * The tests' rows with the bootstrapped rows appended and the p-values adjusted, as asked.
   *
   * @param result the study
   * @param rows the suite's rows
   * @return the rows of {@code tests.csv}
   */
  StudyTests finish(StudyResult result, StudyTests rows) {
    StudyTests out = rows;
    if (bootstrap != null) {
      out =
          out.plus(
              StudyTests.run(
                  result,
                  TestSuite.of(BootstrappedSkewnessAdjustedTTest.of(bootstrap, seed)),
                  Measure.BHAR));
    }
    return adjusted(out);
  }

  /**
   * @param rows tests
   * @return the rows with the p-values of {@code --adjust}, when given
   */
  StudyTests adjusted(StudyTests rows) {
    return adjust == null ? rows : rows.withAdjustedPValues(adjustment());
  }
}
