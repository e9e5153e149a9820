package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventide backtest} (docs/cli.md): its files, a sweep, and bad input. */
class BacktestCommandTest {

  @TempDir static Path tmp;
  static Path sample;

  @BeforeAll
  static void exportSample() {
    sample = tmp.resolve("sample");
    assertThat(CommandLineRun.of("sample", "--out", sample.toString()).code()).isZero();
  }

  private static String[] backtest(Path prices, Path events, Path out, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "backtest",
                "--prices",
                prices.toString(),
                "--universe",
                sample.resolve("universe.csv").toString(),
                "--events",
                events.toString(),
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(new String[0]);
  }

  private static String[] onSample(Path out, String... extra) {
    return backtest(sample, sample.resolve("events.csv"), out, extra);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesTheThreeFilesOfASweepAndTheChart() throws IOException {
    Path out = tmp.resolve("sweep");
    CommandLineRun r =
        CommandLineRun.of(
            onSample(out, "--hedge", "market", "--hold", "1,5,5", "--max-gross", "3", "--plot"));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("hold 1: ").contains("hold 5: ").contains("Wrote 4 files");
    List<String> trades = lines(out.resolve("trades.csv"));
    assertThat(trades.get(0))
        .isEqualTo(
            "hold,event_id,ticker,side,outcome,decision,entry_date,entry_kind,entry_price,"
                + "exit_date,exit_price,exit_reason,beta,hedge_ticker,hedge_entry_price,"
                + "hedge_exit_price,notional,pnl,gross_return,cost_return,net_return");
    // the repeated 5 runs once: every candidate appears once per distinct hold
    long holdOne = trades.stream().filter(l -> l.startsWith("1,")).count();
    long holdFive = trades.stream().filter(l -> l.startsWith("5,")).count();
    assertThat(holdOne).isEqualTo(holdFive).isEqualTo(trades.size() - 1 - holdOne);
    assertThat(trades.stream().filter(l -> l.contains(",OK,") && l.contains(",SPX,"))).isNotEmpty();
    assertThat(lines(out.resolve("daily.csv")).get(0))
        .isEqualTo("hold,date,return,equity,gross_exposure,net_exposure,open_trades");
    List<String> metrics = lines(out.resolve("metrics.csv"));
    assertThat(metrics.get(0)).isEqualTo("hold,metric,value");
    assertThat(metrics).anyMatch(l -> l.startsWith("1,sharpe,"));
    assertThat(metrics).anyMatch(l -> l.startsWith("5,wilcoxon_p,"));
    assertThat(metrics).anyMatch(l -> l.equals("5,alpha,") || l.startsWith("5,alpha,"));
    assertThat(Files.size(out.resolve("equity.png"))).isGreaterThan(1000);
  }

  private static void refused(String[] args, Path out, String... fragments) {
    CommandLineRun r = CommandLineRun.of(args);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
    assertThat(Files.exists(out)).as("nothing written").isFalse();
  }

  @Test
  void badUsageWritesNothing() throws IOException {
    Path out = tmp.resolve("never");
    refused(onSample(out, "--hold", "0"), out, "--hold", "0", "use 1 or more");
    refused(onSample(out, "--size", "2"), out, "--size", "2.0", "(0, 1]");
    refused(onSample(out, "--hedge", "beta"), out, "--hedge", "'beta'", "none, market");
    refused(onSample(out, "--side", "up"), out, "--side", "'up'", "direction, long");
    refused(onSample(out, "--cost-bps", "NYSE=5,MOON=3"), out, "--cost-bps", "MOON");
    refused(onSample(out, "--cost-bps", "5,6"), out, "--cost-bps", "two bare rates");
    refused(onSample(out, "--entry-delay", "-1"), out, "--entry-delay", "-1");
    refused(onSample(out, "--alpha-benchmark", "NOPE"), out, "--alpha-benchmark", "NOPE");
    Path noDirection = tmp.resolve("no_direction.csv");
    Files.writeString(noDirection, "event_id,announced,affected\ne1,2023-07-12,BABA\n");
    refused(
        backtest(sample, noDirection, out),
        out,
        "--side direction",
        noDirection.toString(),
        "no direction column");
    // the same file is fine with a side that does not read it
    Path ok = tmp.resolve("no_direction_long");
    assertThat(CommandLineRun.of(backtest(sample, noDirection, ok, "--side", "long")).code())
        .isZero();
  }

  @Test
  void aPriceFileWithoutOpenEntersAtTheNextCloseAndANonPositiveOpenIsMissing() throws IOException {
    // BABA rewritten as Date,Close (no Open): a date-only event's first price is the next
    // close; 9988.HK with its opens set to 0: the same.
    Path prices = tmp.resolve("prices_without_open");
    Files.createDirectories(prices);
    for (String t : List.of("SPX", "HSI", "JD", "BIDU", "PDD", "0700.HK", "3690.HK", "9618.HK")) {
      Files.copy(sample.resolve(t + ".csv"), prices.resolve(t + ".csv"));
    }
    List<String> baba = lines(sample.resolve("BABA.csv"));
    List<String> header = List.of(baba.get(0).split(","));
    int date = header.indexOf("Date");
    int close = header.indexOf("Close");
    int open = header.indexOf("Open");
    List<String> closeOnly = new ArrayList<>();
    closeOnly.add("Date,Close");
    for (String l : baba.subList(1, baba.size())) {
      String[] c = l.split(",", -1);
      closeOnly.add(c[date] + "," + c[close]);
    }
    Files.write(prices.resolve("BABA.csv"), closeOnly);
    List<String> hk = lines(sample.resolve("9988.HK.csv"));
    List<String> hkHeader = List.of(hk.get(0).split(","));
    int hkOpen = hkHeader.indexOf("Open");
    List<String> zeroOpen = new ArrayList<>();
    zeroOpen.add(hk.get(0));
    for (String l : hk.subList(1, hk.size())) {
      String[] c = l.split(",", -1);
      c[hkOpen] = "0";
      zeroOpen.add(String.join(",", c));
    }
    Files.write(prices.resolve("9988.HK.csv"), zeroOpen);
    assertThat(open).isNotNegative();
    Path out = tmp.resolve("no_open");
    CommandLineRun r =
        CommandLineRun.of(
            backtest(prices, sample.resolve("events.csv"), out, "--side", "long", "--hold", "2"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> trades = lines(out.resolve("trades.csv"));
    List<String> ok =
        trades.stream()
            .filter(l -> l.contains(",OK,") && (l.contains(",BABA,") || l.contains(",9988.HK,")))
            .toList();
    assertThat(ok).isNotEmpty();
    assertThat(ok).allMatch(l -> l.contains(",close,"));
    assertThat(
            trades.stream()
                .filter(l -> l.contains(",OK,") && l.contains(",JD,"))
                .anyMatch(l -> l.contains(",open,")))
        .isTrue();
  }
}
