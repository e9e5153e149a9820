package io.eventide.examples.cli;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.event.FirmCharacteristics;
import io.eventide.io.CharacteristicsFileReader;
import io.eventide.io.FactorFileReader;
import io.eventide.market.CalendarTimeModel;
import io.eventide.market.FactorSet;
import io.eventide.market.ReturnPanel;
import io.eventide.report.CrossSectionTable;
import io.eventide.report.StudyFiles;
import io.eventide.study.CalendarTimePortfolio;
import io.eventide.study.Conventions;
import io.eventide.study.CrossSection;
import io.eventide.study.StudyMeasure;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code eventide study} for factor sets per exchange, the cross-sectional
 * regression, the calendar-time portfolio and the peers' conventions ({@code docs/cli.md}, "answers
 * a quant needs" and "methods beyond the textbook"): {@code --factors [EXCH=]FILE}, {@code
 * --characteristics FILE}, {@code --calendar-time MODEL} and {@code --conventions PRESET}. A
 * picocli mixin, so that {@link StudyCommand} only calls it.
 */
public final class StudyMethodOptions {

  @Option(
      names = "--factors",
      paramLabel = "[EXCH=]FILE",
      description =
          "Ken French daily factor file(s), needed by ff3/carhart4/ff5. A plain FILE serves the US"
              + " exchanges (NYSE, NASDAQ, NYSE American, NYSE Arca); EXCH=FILE serves the"
              + " listings of exchange EXCH (code or MIC) and, for a US exchange, replaces the plain"
              + " files there. Repeat to combine files (factors from the first file that has them)."
              + " A factor-model firm-event whose exchange has no set: outcome NO_FACTORS")
  List<String> factors = new ArrayList<>();

  @Option(
      names = "--characteristics",
      paramLabel = "FILE",
      description =
          "CSV event_id,ticker,<numeric columns>: also write cross_section.csv, the OLS of each"
              + " window's CAR on a constant and those columns (HC1 and event-clustered errors)")
  Path characteristics;

  @Option(
      names = "--calendar-time",
      paramLabel = "MODEL",
      description =
          "market|ff3|carhart4|ff5: also write calendar_time.csv, the equal-weighted daily"
              + " portfolio of the firm-events in their longest window regressed on the market"
              + " (the benchmark every listing shares) or the plain --factors, Newey-West errors")
  String calendarTime;

  @Option(
      names = "--conventions",
      paramLabel = "PRESET",
      defaultValue = "spec",
      description =
          "spec|estudy2|stata-estudy: the peers' conventions of docs/statistics.md section 3b"
              + " (default: ${DEFAULT-VALUE})")
  String conventions;

  @Option(
      names = "--measure",
      paramLabel = "MEASURE",
      defaultValue = "returns",
      description =
          "returns|volume|volatility: abnormal returns, abnormal log volume (Campbell & Wasley"
              + " 1996; every price file needs a Volume column) or abnormal return variance"
              + " (Beaver 1968), docs/statistics.md (default: ${DEFAULT-VALUE})")
  String measure = "returns";

  /**
   * Sets the conventions of {@code --conventions} on a specification.
   *
   * @param builder the study's specification
   * @throws IllegalArgumentException for an unknown preset
   */
  void applyTo(StudySpecification.Builder builder) {
    StudyMeasure m;
    try {
      m = StudyMeasure.of(measure);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown --measure '" + measure + "'; expected returns, volume or volatility");
    }
    if (m == StudyMeasure.VOLUME && !builder.build().model().factorNames().isEmpty()) {
      throw new IllegalArgumentException(
          "--model "
              + builder.build().model().id()
              + " is a factor model of returns and cannot run with --measure volume; use market,"
              + " constant-mean or market-adjusted");
    }
    builder.measure(m);
    try {
      builder.conventions(Conventions.of(conventions));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown --conventions '" + conventions + "'; expected spec, estudy2 or stata-estudy");
    }
  }

  /**
   * Gives the panel the factor sets of {@code --factors}.
   *
   * @param panel the panel
   * @param registry the exchanges an {@code EXCH=} prefix may name
   * @return the panel with its factor sets
   * @throws IllegalArgumentException for an unknown exchange
   */
  ReturnPanel withFactors(ReturnPanel panel, ExchangeRegistry registry) {
    List<FactorSet> plain = new ArrayList<>();
    Map<Exchange, List<FactorSet>> byExchange = new LinkedHashMap<>();
    readFactors(registry, plain, byExchange);
    ReturnPanel out = panel;
    if (!plain.isEmpty()) {
      out = out.withFactors(FactorSet.merge(plain));
    }
    for (Map.Entry<Exchange, List<FactorSet>> e : byExchange.entrySet()) {
      out = out.withFactors(e.getKey(), FactorSet.merge(e.getValue()));
    }
    return out;
  }

  /** Reads the files of {@code --factors}: plain ones in order, and those of each exchange. */
  private void readFactors(
      ExchangeRegistry registry, List<FactorSet> plain, Map<Exchange, List<FactorSet>> byExchange) {
    for (String spec : factors) {
      int eq = spec.indexOf('=');
      Exchange exchange = eq > 0 ? registry.find(spec.substring(0, eq).strip()).orElse(null) : null;
      if (eq > 0 && exchange == null && !java.nio.file.Files.exists(Path.of(spec))) {
        throw new IllegalArgumentException(
            "--factors "
                + spec
                + ": '"
                + spec.substring(0, eq)
                + "' is not a known exchange; expected FILE, or EXCH=FILE with EXCH "
                + registry.known());
      }
      if (exchange == null) {
        plain.add(FactorFileReader.read(Path.of(spec)));
      } else {
        byExchange
            .computeIfAbsent(exchange, e -> new ArrayList<>())
            .add(FactorFileReader.read(Path.of(spec.substring(eq + 1).strip())));
      }
    }
  }

  /**
   * Checks {@code --calendar-time} before anything is read.
   *
   * @return the model, or null when the flag is not given
   * @throws IllegalArgumentException for an unknown model, or a factor model without {@code
   *     --factors}
   */
  CalendarTimeModel calendarTimeModel() {
    if (calendarTime == null) {
      return null;
    }
    CalendarTimeModel m;
    try {
      m = CalendarTimeModel.of(calendarTime);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown --calendar-time '" + calendarTime + "'; expected market, ff3, carhart4 or ff5");
    }
    if (m != CalendarTimeModel.MARKET && factors.isEmpty()) {
      throw new IllegalArgumentException(
          "--calendar-time "
              + m.id()
              + " needs factors "
              + m.factors()
              + "; give --factors FILE with a Ken French daily file");
    }
    return m;
  }

  /**
   * The calendar-time portfolio of {@code --calendar-time}, on the plain {@code --factors} files
   * (merged in the order given: RF and each factor from the first file that has it); the {@code
   * EXCH=FILE} sets serve the firm-events' own models only.
   *
   * @param result the study
   * @param registry the exchanges an {@code EXCH=} prefix may name
   * @return the portfolio, or null when the flag is not given
   * @throws IllegalArgumentException for bad usage: no shared benchmark under {@code market}, a
   *     factor model without a plain factor file or whose files lack a factor
   */
  CalendarTimePortfolio calendarTime(StudyResult result, ExchangeRegistry registry) {
    CalendarTimeModel m = calendarTimeModel();
    if (m == null) {
      return null;
    }
    List<FactorSet> plain = new ArrayList<>();
    readFactors(registry, plain, new LinkedHashMap<>());
    FactorSet set = plain.isEmpty() ? null : FactorSet.merge(plain);
    if (m != CalendarTimeModel.MARKET && set == null) {
      throw new IllegalArgumentException(
          "--calendar-time "
              + m.id()
              + " needs a plain --factors FILE (the portfolio spans every exchange of the study);"
              + " the EXCH=FILE sets serve only the firm-events' own models");
    }
    try {
      return CalendarTimePortfolio.run(result, m, set);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--calendar-time " + m.id() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code calendar_time.csv} and prints one line on the regression.
   *
   * @param out the output folder
   * @param portfolio the portfolio, or null when the flag is not given
   * @param stdout standard output
   * @return the files written
   */
  static List<Path> writeCalendarTime(
      Path out, CalendarTimePortfolio portfolio, PrintWriter stdout) {
    if (portfolio == null) {
      return List.of();
    }
    stdout.println(
        String.format(
            java.util.Locale.ROOT,
            "Calendar-time portfolio (%s, window %s): %d firm-events on %d dates; T = %d, L = %d,"
                + " alpha = %.6g per day (t = %.3f, p = %.4f), R2 = %.4f",
            portfolio.model().id(),
            portfolio.window(),
            portfolio.firmEvents(),
            portfolio.dates().size(),
            portfolio.days(),
            portfolio.lag(),
            portfolio.alpha(),
            portfolio.terms().get(0).t(),
            portfolio.terms().get(0).p(),
            portfolio.r2()));
    return List.of(StudyFiles.writeCalendarTime(out, portfolio));
  }

  /**
   * Writes {@code cross_section.csv} when {@code --characteristics} is given, printing the counts
   * of firm-events left out of each window's regression, and a note on standard error for rows
   * whose firm-event is not in the study.
   *
   * @param out the output folder
   * @param result the study
   * @param stdout standard output
   * @param stderr standard error
   * @return the files written
   */
  List<Path> writeCrossSection(
      Path out, StudyResult result, PrintWriter stdout, PrintWriter stderr) {
    if (characteristics == null) {
      return List.of();
    }
    FirmCharacteristics chars = CharacteristicsFileReader.read(characteristics);
    CrossSection cs = CrossSection.run(result, chars);
    if (!cs.unmatchedRows().isEmpty()) {
      FirmCharacteristics.Key first = cs.unmatchedRows().get(0);
      stderr.println(
          "eventide: note: "
              + characteristics
              + " has "
              + cs.unmatchedRows().size()
              + " row(s) for firm-events not in the study, ignored (first: event "
              + first.eventId()
              + ", ticker "
              + first.ticker()
              + ")");
      stderr.flush();
    }
    stdout.println("Cross-section (" + String.join(", ", chars.names()) + "):");
    for (CrossSection.WindowRegression w : cs.windows()) {
      stdout.println(
          "  window "
              + w.window()
              + ": n = "
              + w.fit().n()
              + " firm-events in "
              + w.fit().clusters()
              + " events; left out "
              + w.withoutRow()
              + " without a row, "
              + w.withMissingValue()
              + " with an empty cell"
              + (w.fit().undefinedReason().isEmpty()
                  ? ""
                  : "; undefined: " + w.fit().undefinedReason()));
    }
    return List.of(CrossSectionTable.write(out, cs));
  }
}
