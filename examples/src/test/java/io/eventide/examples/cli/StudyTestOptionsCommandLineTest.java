package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.inference.PValueAdjustment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tests grank-t,grank-z}, {@code --adjust}, {@code --bhar-benchmark}, {@code --bootstrap}
 * and {@code --seed} of {@code eventide study} on the bundled sample ({@code eventide sample}): the
 * rows of {@code tests.csv}, the adjusted column recomputed from the written p-values, the same
 * bytes on one and two threads, and one-line errors with exit 2 for bad values.
 */
class StudyTestOptionsCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;

  /** The study with every option, on one thread. */
  static Path all;

  @BeforeAll
  static void exportSampleAndRunTheStudy() {
    sample = tmp.resolve("sample");
    assertThat(CommandLineRun.of(List.of("sample", "--out", sample.toString())).code()).isZero();
    all = tmp.resolve("all");
    List<String> a = study(all, ALL);
    a.addAll(List.of("--threads", "1"));
    CommandLineRun r = CommandLineRun.of(a);
    assertThat(r.code()).as(r.err()).isZero();
  }

  private static List<String> study(Path out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                sample.resolve("universe.csv").toString(),
                "--events",
                sample.resolve("events.csv").toString(),
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a;
  }

  private static final String[] ALL = {
    "--tests",
    "cs-t,grank-t,grank-z",
    "--adjust",
    "holm",
    "--bootstrap",
    "200",
    "--seed",
    "3",
    "--bhar-benchmark",
    "SPX"
  };

  @Test
  void writesGrankBootstrapAndAdjustedRows() throws IOException {
    List<String> lines = Files.readAllLines(all.resolve("tests.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("window,measure,test,statistic,p_value,n,reason,p_adjusted");
    List<String[]> rows = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      rows.add(l.split(",", -1));
    }
    // 14 windows: CAR × (cs-t, grank-t, grank-z) = 42, BHAR × cs-t = 14, skew-t-boot (BHAR) = 14
    assertThat(rows).hasSize(70);
    assertThat(rows.stream().filter(c -> c[2].equals("skew-t-boot")))
        .hasSize(14)
        .allSatisfy(c -> assertThat(c[1]).isEqualTo("BHAR"));
    String[] grank = find(rows, "-1:1", "CAR", "grank-t");
    assertThat(grank[3]).isNotEmpty();
    assertThat(grank[6]).isEmpty();
    assertThat(Double.parseDouble(grank[4])).isBetween(0.0, 1.0);
    // p_adjusted of each family = Holm of the family's written p-values (rows in file order)
    for (String[] family :
        new String[][] {{"CAR", "cs-t"}, {"CAR", "grank-z"}, {"BHAR", "skew-t-boot"}}) {
      List<String[]> fam = new ArrayList<>();
      for (String[] c : rows) {
        if (c[1].equals(family[0]) && c[2].equals(family[1])) {
          fam.add(c);
        }
      }
      double[] p = new double[fam.size()];
      for (int i = 0; i < p.length; i++) {
        p[i] = fam.get(i)[4].isEmpty() ? Double.NaN : Double.parseDouble(fam.get(i)[4]);
      }
      double[] holm = PValueAdjustment.HOLM.adjust(p);
      for (int i = 0; i < p.length; i++) {
        String cell = fam.get(i)[7];
        if (Double.isNaN(holm[i])) {
          assertThat(cell).isEmpty();
        } else {
          assertThat(Double.parseDouble(cell)).isCloseTo(holm[i], within(1e-12));
        }
      }
    }
  }

  @Test
  void sameBytesOnOneAndTwoThreads() throws IOException {
    Path one = all;
    Path two = tmp.resolve("two");
    List<String> b = study(two, ALL);
    b.addAll(List.of("--threads", "2"));
    assertThat(CommandLineRun.of(b).code()).isZero();
    assertThat(Files.readAllBytes(two.resolve("tests.csv")))
        .isEqualTo(Files.readAllBytes(one.resolve("tests.csv")));
    assertThat(Files.readAllBytes(two.resolve("car.csv")))
        .isEqualTo(Files.readAllBytes(one.resolve("car.csv")));
  }

  @Test
  void badValuesEndWithOneLineAndExitTwo() {
    assertBad(
        study(tmp.resolve("b1"), "--tests", "cs-t,grank"),
        "eventide: Unknown --tests id 'grank'; known ids: cs-t, cda-t, patell-z, adj-patell-z,"
            + " bmp-t, kp-bmp-t, skew-t, rank-z, sign-z, gsign-z, wilcoxon, grank-t, grank-z");
    assertBad(
        study(tmp.resolve("b5"), "--tests", "grank-z,grank-z"),
        "eventide: --tests grank-z,grank-z: Test id 'grank-z' appears twice in the suite");
    assertBad(
        study(tmp.resolve("b2"), "--bootstrap", "0"),
        "eventide: --bootstrap 0: the number of resamples must be at least 1"
            + " (Lyon, Barber & Tsai use 1000)");
    assertBad(
        study(tmp.resolve("b3"), "--adjust", "bonferroni"),
        "eventide: --adjust 'bonferroni': expected holm or bh");
    assertBad(
        study(tmp.resolve("b4"), "--bhar-benchmark", "NOPE"),
        "eventide: --bhar-benchmark NOPE: no price file "
            + sample.resolve("NOPE.csv")
            + "; give a ticker with a price file in --prices, or model");
  }

  private static void assertBad(List<String> args, String line) {
    CommandLineRun r = CommandLineRun.of(args);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(line + System.lineSeparator());
  }

  private static String[] find(List<String[]> rows, String window, String measure, String test) {
    for (String[] c : rows) {
      if (c[0].equals(window) && c[1].equals(measure) && c[2].equals(test)) {
        return c;
      }
    }
    throw new AssertionError(window + " " + measure + " " + test);
  }
}
