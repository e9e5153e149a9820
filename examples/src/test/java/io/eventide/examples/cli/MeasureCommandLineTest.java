package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventide study --measure returns|volume|volatility} on the bundled sample (the July 2023
 * study, whose price files all have a Volume column): the measure names of {@code tests.csv} and
 * {@code caar.csv}, the contract's columns unchanged (BHAR empty), each window's value the sum of
 * the firm-event's daily values in {@code abnormal_returns.csv}; and the bad input and usage of
 * {@code docs/cli.md}: a price file without a Volume column, a factor model with volume, an unknown
 * measure and {@code --bootstrap} without BHAR each end with exit 2, one line and nothing written.
 */
class MeasureCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;

  @BeforeAll
  static void exportSample() {
    sample = tmp.resolve("sample");
    assertThat(CommandLineRun.of("sample", "--out", sample.toString()).code()).isZero();
  }

  private static CommandLineRun study(Path prices, Path out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                prices.toString(),
                "--universe",
                sample.resolve("universe.csv").toString(),
                "--events",
                sample.resolve("events.csv").toString(),
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return CommandLineRun.of(a);
  }

  private static List<String[]> rows(Path file) throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(l.split(",", -1));
    }
    return out;
  }

  /** Each window's value in car.csv is the sum of its days' ar in abnormal_returns.csv. */
  private static void windowsSumTheDailyValues(Path out) throws IOException {
    Map<String, Double> ar = new HashMap<>();
    List<String[]> daily = rows(out.resolve("abnormal_returns.csv"));
    assertThat(daily.get(0))
        .containsExactly("event_id", "ticker", "rel_day", "date", "ret", "expected", "ar", "sar");
    for (String[] r : daily.subList(1, daily.size())) {
      if (!r[6].isEmpty()) {
        ar.put(r[0] + "/" + r[1] + "/" + r[2], Double.parseDouble(r[6]));
      }
    }
    List<String[]> car = rows(out.resolve("car.csv"));
    assertThat(car.get(0))
        .containsExactly(
            "event_id", "ticker", "window", "car", "var_car", "scar", "p_value", "bhar");
    int checked = 0;
    for (String[] r : car.subList(1, car.size())) {
      assertThat(r[7]).as("BHAR is not defined").isEmpty();
      if (r[3].isEmpty()) {
        continue;
      }
      String[] ab = r[2].split(":");
      double sum = 0;
      for (int d = Integer.parseInt(ab[0]); d <= Integer.parseInt(ab[1]); d++) {
        sum += ar.get(r[0] + "/" + r[1] + "/" + d);
      }
      assertThat(Double.parseDouble(r[3])).isCloseTo(sum, within(1e-12 * Math.max(1, sum)));
      checked++;
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void volumeReportsCavolOnEveryTest() throws IOException {
    Path out = tmp.resolve("volume");
    CommandLineRun r = study(sample, out, "--measure", "volume");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("abnormal log volume").contains("mean CAVOL");
    List<String[]> tests = rows(out.resolve("tests.csv"));
    assertThat(tests.subList(1, tests.size())).allSatisfy(t -> assertThat(t[1]).isEqualTo("CAVOL"));
    assertThat(tests.stream().filter(t -> t[0].equals("-1:1")).map(t -> t[2]))
        .containsExactly(
            "cs-t",
            "cda-t",
            "patell-z",
            "adj-patell-z",
            "bmp-t",
            "kp-bmp-t",
            "skew-t",
            "rank-z",
            "sign-z",
            "gsign-z",
            "wilcoxon");
    assertThat(rows(out.resolve("caar.csv")).subList(1, 5))
        .allSatisfy(t -> assertThat(t[2]).isEqualTo("CAVOL"));
    windowsSumTheDailyValues(out);
    // The log volume of day 0 is ln(1 + V) of the listing's file: BABA on 2023-07-13 (the CAC's
    // generative-AI measures), Volume 24,290,000... read from the exported file itself.
    String babaDay0 = volumeOn(sample.resolve("BABA.csv"), "2023-07-13");
    List<String[]> daily = rows(out.resolve("abnormal_returns.csv"));
    String[] row =
        daily.stream()
            .filter(
                d ->
                    d[0].equals("cac-generative-ai-interim-measures")
                        && d[1].equals("BABA")
                        && d[2].equals("0"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(row[4]))
        .isCloseTo(Math.log1p(Double.parseDouble(babaDay0)), within(1e-12));
  }

  private static String volumeOn(Path file, String date) throws IOException {
    List<String[]> r = rows(file);
    int col = List.of(r.get(0)).indexOf("Volume");
    for (String[] x : r) {
      if (x[0].startsWith(date)) {
        return x[col];
      }
    }
    throw new AssertionError(date);
  }

  @Test
  void volatilityReportsCavarOnTheTestsOfAMeanOnly() throws IOException {
    Path out = tmp.resolve("volatility");
    CommandLineRun r = study(sample, out, "--measure", "volatility", "--adjust", "holm");
    assertThat(r.code()).as(r.err()).isZero();
    List<String[]> tests = rows(out.resolve("tests.csv"));
    assertThat(tests.subList(1, tests.size())).allSatisfy(t -> assertThat(t[1]).isEqualTo("CAVAR"));
    assertThat(tests.stream().filter(t -> t[0].equals("-5:5")).map(t -> t[2]))
        .containsExactly("cs-t", "skew-t");
    assertThat(tests.stream().filter(t -> t[0].equals("-5:5")).map(t -> t[7]))
        .allSatisfy(p -> assertThat(p).isNotEmpty());
    windowsSumTheDailyValues(out);
  }

  @Test
  void aPriceFileWithoutVolumeIsBadInput() throws IOException {
    Path prices = tmp.resolve("novolume");
    Files.createDirectories(prices);
    try (var files = Files.list(sample)) {
      for (Path f : files.toList()) {
        Files.copy(f, prices.resolve(f.getFileName()));
      }
    }
    // HSI, the Hong Kong listings' benchmark, reduced to Date,Close.
    List<String> hsi = new ArrayList<>();
    for (String[] r : rows(sample.resolve("HSI.csv"))) {
      hsi.add(r[0] + "," + r[4]);
    }
    Path file = prices.resolve("HSI.csv");
    Files.write(file, hsi, StandardCharsets.UTF_8);
    Path out = tmp.resolve("novolume-out");
    CommandLineRun r = study(prices, out, "--measure", "volume");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "eventide: "
                + file
                + " line 1: has no Volume column (Volume, Vol., 交易量 or 成交量); a volume study"
                + " needs the traded volume of every listing and benchmark (header: Date,Close)"
                + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(out).doesNotExist();
    // The same files serve a returns study.
    assertThat(study(prices, tmp.resolve("novolume-returns")).code()).isZero();
  }

  @Test
  void badMeasureUsageExitsTwoWithOneLine() {
    String[][] cases = {
      {
        "--measure=turnover",
        "",
        "Unknown --measure 'turnover'; expected returns, volume or volatility"
      },
      {
        "--measure=volume",
        "--model=ff3",
        "--model ff3 is a factor model of returns and cannot run with --measure volume; use"
            + " market, constant-mean or market-adjusted"
      },
      {
        "--measure=volume",
        "--bootstrap=99",
        "--bootstrap 99 bootstraps the BHAR test, and a --measure volume study has no BHAR; drop"
            + " --bootstrap or measure returns"
      },
      {
        "--measure=volatility",
        "--bhar-benchmark=SPX",
        "BHAR benchmark SPX is set, but a volatility study has no BHAR; drop the BHAR benchmark or"
            + " measure returns"
      },
    };
    int i = 0;
    for (String[] c : cases) {
      Path out = tmp.resolve("bad" + i++);
      CommandLineRun r = c[1].isEmpty() ? study(sample, out, c[0]) : study(sample, out, c[0], c[1]);
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("eventide: " + c[2] + System.lineSeparator());
      assertThat(r.out()).isEmpty();
      assertThat(out).doesNotExist();
    }
  }
}
