package io.eventide.benchmarks;

import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.report.StudyFiles;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing {@code abnormal_returns.csv} (11 rows of 8 cells per firm-event with the default event
 * span {@code -5:5}) of a market-model study on the {@link StudyBenchmark} panel ({@code firmEvents
 * / 1000} announcements, each hitting all 1,000 listings), as UTF-8 into a stream that discards it,
 * so the disk is not measured.
 *
 * <p>{@code studyFiles} is the library's writer ({@link StudyFiles#write(String, StudyResult,
 * StudyTests, Writer)}); {@code previousWriter} writes the same text the way the writer did before
 * it used {@code ShortestDecimal}: a {@code String} per cell ({@code Double.toString} and {@code
 * BigDecimal} for numbers, {@code LocalDate.toString}, a regular expression for text that starts
 * with a sign) through a {@code BufferedWriter}. Run with {@code -prof gc}: the allocation per
 * operation divided by the rows shows what each row costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class AbnormalReturnsWriteBenchmark {

  private static final Pattern SAFE_SIGNED =
      Pattern.compile("[+-]?\\d+(\\.\\d+)?(:[+-]?\\d+(\\.\\d+)?)?");

  /** Firm-events: announcements × 1,000 listings. */
  @Param({"100000"})
  public int firmEvents;

  StudyResult result;
  StudyTests tests;

  /** Runs the study once. */
  @Setup
  public void setUp() {
    SyntheticData.Market market =
        SyntheticData.market(StudyBenchmark.LISTINGS, StudyBenchmark.SESSIONS, StudyBenchmark.SEED);
    result =
        EventStudy.of(StudySpecification.builder().build())
            .run(market.panel(), market.eventsOnEverySession(firmEvents / StudyBenchmark.LISTINGS));
    tests = StudyTests.run(result, TestSuite.standard());
  }

  private static Writer discard() {
    return new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * @return the study (JMH sinks it)
   */
  @Benchmark
  public StudyResult studyFiles() {
    StudyFiles.write("abnormal_returns.csv", result, tests, discard());
    return result;
  }

  /**
   * @return the rows written
   * @throws IOException never (the stream discards)
   */
  @Benchmark
  public long previousWriter() throws IOException {
    EventWindow span = result.specification().eventSpan();
    long rows = 0;
    try (Writer w = new BufferedWriter(discard())) {
      w.write("event_id,ticker,rel_day,date,ret,expected,ar,sar\n");
      for (FirmEventResult r : result.firmEvents()) {
        if (r.outcome() != Outcome.OK) {
          continue;
        }
        for (int d = span.fromInclusive(); d <= span.toInclusive(); d++) {
          w.write(text(r.eventId()));
          w.write("," + text(r.ticker()));
          w.write("," + Long.toString(d));
          LocalDate date = r.date(d).orElseThrow();
          w.write("," + date.toString());
          w.write("," + DoubleFormatBenchmark.previousFormat(r.returnOn(d)));
          w.write("," + DoubleFormatBenchmark.previousFormat(r.expectedReturn(d)));
          w.write("," + DoubleFormatBenchmark.previousFormat(r.abnormalReturn(d)));
          w.write("," + DoubleFormatBenchmark.previousFormat(r.standardizedAbnormalReturn(d)));
          w.write("\n");
          rows++;
        }
      }
    }
    return rows;
  }

  /** The previous text cell: neutralise a formula start, quote a separator. */
  private static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    char first = s.charAt(0);
    if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t')
        && !SAFE_SIGNED.matcher(s).matches()) {
      s = "'" + s;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
