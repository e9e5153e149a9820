package io.eventide.examples.cli;

import io.eventide.backtest.AlphaModel;
import io.eventide.backtest.Backtest;
import io.eventide.backtest.BacktestData;
import io.eventide.backtest.BacktestResult;
import io.eventide.backtest.CostModel;
import io.eventide.backtest.EntryRule;
import io.eventide.backtest.Hedge;
import io.eventide.backtest.OverlapPolicy;
import io.eventide.backtest.SideRule;
import io.eventide.backtest.Strategy;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.io.EventFileReader;
import io.eventide.io.ExchangeFileReader;
import io.eventide.io.FactorFileReader;
import io.eventide.io.PriceDirectory;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.report.BacktestFiles;
import io.eventide.report.EquityChart;
import io.eventide.timeseries.PriceBars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eventide backtest}: trades the firm-events of a study by the rules of {@code
 * docs/backtest.md} and writes {@code trades.csv}, {@code daily.csv} and {@code metrics.csv} (and
 * {@code equity.png} with {@code --plot}) into {@code --out}. Every flag is checked and every input
 * read and computed before anything is written, so bad input writes nothing.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Trade the events without look-ahead, with costs and hedges, and write trades.csv,"
            + " daily.csv, metrics.csv (and equity.png) into --out.")
public final class BacktestCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Option(
      names = "--prices",
      required = true,
      paramLabel = "DIR",
      description = "folder of <TICKER>.csv price files")
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
      description = "CSV: event_id,announced[,direction][,affected]")
  Path events;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "output folder, created if missing")
  Path out;

  @Option(
      names = "--side",
      paramLabel = "RULE",
      defaultValue = "direction",
      description = "direction|long|short|reaction|reversal (default: ${DEFAULT-VALUE})")
  String side;

  @Option(
      names = "--entry",
      paramLabel = "RULE",
      defaultValue = "first",
      description = "first|open|close (default: ${DEFAULT-VALUE})")
  String entry;

  @Option(
      names = "--entry-delay",
      paramLabel = "K",
      defaultValue = "0",
      description = "sessions (default: ${DEFAULT-VALUE})")
  int entryDelay;

  @Option(
      names = "--max-entry-lag",
      paramLabel = "M",
      defaultValue = "0",
      description = "sessions (default: ${DEFAULT-VALUE})")
  int maxEntryLag;

  @Option(
      names = "--hold",
      paramLabel = "H[,H...]",
      defaultValue = "5",
      description = "holding period(s) in sessions; several = a sweep (default: ${DEFAULT-VALUE})")
  String hold;

  @Option(
      names = "--size",
      paramLabel = "F",
      defaultValue = "0.10",
      description = "notional as a fraction of equity, in (0, 1] (default: ${DEFAULT-VALUE})")
  double size;

  @Option(
      names = "--max-gross",
      paramLabel = "G",
      defaultValue = "1.0",
      description = "gross exposure cap, times equity (default: ${DEFAULT-VALUE})")
  double maxGross;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      defaultValue = "allow",
      description = "allow|skip (default: ${DEFAULT-VALUE})")
  String overlap;

  @Option(
      names = "--hedge",
      paramLabel = "HEDGE",
      defaultValue = "none",
      description = "none|market (default: ${DEFAULT-VALUE})")
  String hedge;

  @Option(
      names = "--cost-bps",
      paramLabel = "B|EXCH=B,...",
      defaultValue = "10",
      description =
          "cost per side in basis points, for all or by exchange (default: ${DEFAULT-VALUE})")
  String costBps;

  @Option(
      names = "--borrow-bps",
      paramLabel = "B",
      defaultValue = "50",
      description = "borrow on short stock legs, bps a year (default: ${DEFAULT-VALUE})")
  double borrowBps;

  @Option(
      names = "--stop-loss",
      paramLabel = "X",
      description = "exit when the gross return reaches -X (fraction; off by default)")
  Double stopLoss;

  @Option(
      names = "--take-profit",
      paramLabel = "Y",
      description = "exit when the gross return reaches +Y (fraction; off by default)")
  Double takeProfit;

  @Option(
      names = "--alpha-model",
      paramLabel = "MODEL",
      defaultValue = "market",
      description = "market|ff3|carhart4|ff5 (default: ${DEFAULT-VALUE})")
  String alphaModel;

  @Option(
      names = "--alpha-benchmark",
      paramLabel = "TICKER",
      description =
          "benchmark of the market alpha (default: the one shared by every traded listing)")
  String alphaBenchmark;

  @Option(
      names = "--factors",
      paramLabel = "FILE",
      description = "Ken French daily factor file(s): RF, and the factors of ff3/carhart4/ff5")
  List<Path> factors = new ArrayList<>();

  @Option(
      names = "--estimation",
      paramLabel = "A:B",
      defaultValue = "-250:-11",
      description =
          "estimation window of the study behind beta and reaction (default: ${DEFAULT-VALUE})")
  String estimation;

  @Option(
      names = "--min-estimation",
      paramLabel = "N",
      defaultValue = "100",
      description = "minimum valid estimation days (default: ${DEFAULT-VALUE})")
  int minEstimation;

  @Option(
      names = "--exchanges",
      paramLabel = "FILE",
      description = "CSV code,zone,open,close[,mic]: exchanges beyond the built-in ones")
  Path exchanges;

  @Option(names = "--plot", description = "also write equity.png")
  boolean plot;

  @Override
  public Integer call() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out " + out + " is a file; give a folder (created if missing) for the output files");
    }
    ExchangeRegistry registry =
        exchanges == null ? ExchangeRegistry.builtIns() : ExchangeFileReader.read(exchanges);
    List<Integer> holds = holds(hold);
    Strategy strategy = strategy(registry, holds.get(0));
    List<Listing> listings = io.eventide.io.UniverseFileReader.read(universe, registry);
    if (strategy.sideRule() == SideRule.DIRECTION && !hasDirectionColumn(events)) {
      throw new IllegalArgumentException(
          "--side direction: "
              + events
              + " has no direction column; add one (-1, 0, 1 per event) or choose --side long,"
              + " short, reaction or reversal");
    }
    List<Event> evs = EventFileReader.read(events);
    PriceDirectory dir = PriceDirectory.of(prices);
    Map<String, PriceBars> bars = new LinkedHashMap<>();
    for (Listing l : listings) {
      for (String t : List.of(l.ticker(), l.benchmark())) {
        if (bars.containsKey(t)) {
          continue;
        }
        Optional<PriceBars> b = dir.readBars(t);
        if (b.isPresent()) {
          bars.put(t, b.get());
        } else if (t.equals(l.benchmark())) {
          throw new IllegalArgumentException(
              "Benchmark "
                  + t
                  + " of "
                  + l.ticker()
                  + " ("
                  + universe
                  + ") has no price file "
                  + dir.fileOf(t));
        }
      }
    }
    if (alphaBenchmark != null && !bars.containsKey(alphaBenchmark)) {
      bars.put(
          alphaBenchmark,
          dir.readBars(alphaBenchmark)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--alpha-benchmark "
                              + alphaBenchmark
                              + " has no price file "
                              + dir.fileOf(alphaBenchmark))));
    }
    BacktestData data = BacktestData.of(listings, bars, evs);
    if (!factors.isEmpty()) {
      List<FactorSet> sets = new ArrayList<>();
      for (Path f : factors) {
        sets.add(FactorFileReader.read(f));
      }
      data = data.withFactors(FactorSet.merge(sets));
    } else if (strategy.alphaModel() != AlphaModel.MARKET) {
      throw new IllegalArgumentException(
          "--alpha-model "
              + strategy.alphaModel().id()
              + " needs --factors with "
              + String.join(", ", strategy.alphaModel().factors()));
    }
    List<BacktestResult> results = Backtest.of(strategy).sweep(data, holds);
    List<Path> written = new ArrayList<>(BacktestFiles.write(out, results));
    if (plot) {
      Path png = out.resolve("equity.png");
      EquityChart.writePng(results, png);
      written.add(png);
    }
    PrintWriter w = command.commandLine().getOut();
    for (BacktestResult r : results) {
      w.printf(
          Locale.ROOT,
          "hold %d: %d trades, %d skipped, total return %s, Sharpe %s, max drawdown %s,"
              + " mean net trade return %s (cs-t p %s)%n",
          r.hold(),
          (long) r.metric("trades"),
          (long) r.metric("skipped"),
          pct(r.metric("total_return")),
          num(r.metric("sharpe")),
          pct(r.metric("max_drawdown")),
          pct(r.metric("mean_trade")),
          num(r.metric("cs-t_p")));
    }
    w.println("Wrote " + written.size() + " files to " + out);
    w.flush();
    return EventideCommand.OK;
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  Strategy strategy(ExchangeRegistry registry, int firstHold) {
    Strategy.Builder b =
        Strategy.builder()
            .side(choice("--side", side, SideRule.values()))
            .entry(choice("--entry", entry, EntryRule.values()))
            .entryDelay(entryDelay)
            .maxEntryLag(maxEntryLag)
            .hold(firstHold)
            .size(size)
            .maxGross(maxGross)
            .overlap(choice("--overlap", overlap, OverlapPolicy.values()))
            .hedge(choice("--hedge", hedge, Hedge.values()))
            .costs(costs(registry))
            .borrowBps(borrowBps)
            .alphaModel(choice("--alpha-model", alphaModel, AlphaModel.values()))
            .estimation(window(estimation))
            .minEstimation(minEstimation);
    if (stopLoss != null) {
      b.stopLoss(stopLoss);
    }
    if (takeProfit != null) {
      b.takeProfit(takeProfit);
    }
    if (alphaBenchmark != null) {
      b.alphaBenchmark(alphaBenchmark);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(flagOf(e.getMessage()) + e.getMessage(), e);
    }
  }

  private static String flagOf(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.startsWith("holding period")) {
      return "--hold: ";
    }
    if (m.startsWith("size")) {
      return "--size: ";
    }
    if (m.startsWith("gross cap")) {
      return "--max-gross: ";
    }
    if (m.startsWith("entry delay")) {
      return "--entry-delay: ";
    }
    if (m.startsWith("maximum entry lag")) {
      return "--max-entry-lag: ";
    }
    if (m.startsWith("borrow")) {
      return "--borrow-bps: ";
    }
    if (m.startsWith("stop loss")) {
      return "--stop-loss: ";
    }
    if (m.startsWith("take profit")) {
      return "--take-profit: ";
    }
    if (m.startsWith("estimation") || m.startsWith("minimum estimation")) {
      return "--estimation/--min-estimation: ";
    }
    return "";
  }

  private CostModel costs(ExchangeRegistry registry) {
    try {
      return CostModel.parse(costBps, registry::lookup);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cost-bps " + costBps + ": " + e.getMessage(), e);
    }
  }

  private static EventWindow window(String text) {
    try {
      return EventWindow.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--estimation " + text + ": " + e.getMessage(), e);
    }
  }

  static List<Integer> holds(String text) {
    List<Integer> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      int h;
      try {
        h = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--hold '" + text + "': '" + part.strip() + "' is not a whole number of sessions", e);
      }
      if (h < 1) {
        throw new IllegalArgumentException(
            "--hold '" + text + "': " + h + " sessions; use 1 or more");
      }
      if (!out.contains(h)) {
        out.add(h);
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E choice(String flag, String value, E[] values) {
    String key = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : values) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : values) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new IllegalArgumentException(
        "Unknown " + flag + " '" + value + "'; expected " + String.join(", ", names));
  }

  /** Whether the events file's header names a direction column (any case). */
  private static boolean hasDirectionColumn(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.isBlank()) {
          for (String cell : line.replace("\uFEFF", "").split(",")) {
            if (cell.strip().replace("\"", "").equalsIgnoreCase("direction")) {
              return true;
            }
          }
          return false;
        }
      }
      return false;
    } catch (IOException e) {
      // the events reader reports the unreadable file with its own message
      return true;
    }
  }
}
