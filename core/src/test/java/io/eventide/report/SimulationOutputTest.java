package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.EventWindow;
import io.eventide.simulation.Design;
import io.eventide.simulation.Simulation;
import io.eventide.simulation.SimulationPanel;
import io.eventide.simulation.SimulationResult;
import io.eventide.simulation.SimulationSpecification;
import io.eventide.simulation.Variant;
import io.eventide.study.SyntheticPanels;
import io.eventide.timeseries.DatedSeries;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code rejections.csv}, its Tablesaw view, the summary and the chart of a small simulation
 * ({@code docs/simulation.md} sections 6 and 8): the Monte-Carlo standard error, the six-decimal
 * cells, the shortest plain shift, the row order and the agreement of file and table.
 */
class SimulationOutputTest {

  static SimulationResult result;

  @BeforeAll
  static void run() {
    Map<String, DatedSeries> c = new LinkedHashMap<>(SyntheticPanels.prices(12, 330, 5L));
    DatedSeries market = c.remove("MKT");
    SimulationPanel panel = SimulationPanel.of(market, c);
    result =
        Simulation.run(
            SimulationSpecification.builder(panel)
                .samples(7)
                .size(4)
                .shifts(List.of(0.0, 0.005, -0.02))
                .windows(List.of(EventWindow.of(-1, 1)))
                .build());
  }

  @Test
  void standardErrorIsTheBinomialOne() {
    // √(0.052 · 0.948 / 1000) = 0.0070211110... (python3: math.sqrt(0.052*0.948/1000)).
    SimulationResult.Cell c =
        new SimulationResult.Cell(
            Design.CLUSTERED, Variant.shift(0), EventWindow.of(0, 0), "cs-t", 52, 1000);
    assertThat(c.rate()).isEqualTo(0.052);
    assertThat(c.standardError())
        .isCloseTo(0.0070211110231928, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(SimulationFiles.sixDecimals(c.rate())).isEqualTo("0.052000");
    assertThat(SimulationFiles.sixDecimals(c.standardError())).isEqualTo("0.007021");
    SimulationResult.Cell none =
        new SimulationResult.Cell(
            Design.CLUSTERED, Variant.variance(), EventWindow.of(0, 0), "cs-t", 0, 1000);
    assertThat(none.standardError()).isZero();
    SimulationResult.Cell all =
        new SimulationResult.Cell(
            Design.CLUSTERED, Variant.variance(), EventWindow.of(0, 0), "cs-t", 1000, 1000);
    assertThat(all.standardError()).isZero();
  }

  @Test
  void shiftsAreWrittenAsShortestPlainDecimals() {
    assertThat(Variant.shift(0).shiftText()).isEqualTo("0");
    assertThat(Variant.shift(-0.0).shiftText()).isEqualTo("0");
    assertThat(Variant.shift(0.005).shiftText()).isEqualTo("0.005");
    assertThat(Variant.shift(0.01).shiftText()).isEqualTo("0.01");
    assertThat(Variant.shift(-0.02).shiftText()).isEqualTo("-0.02");
    assertThat(Variant.shift(1e-7).shiftText()).isEqualTo("0.0000001");
    assertThat(Variant.shift(2).shiftText()).isEqualTo("2");
    assertThat(Variant.variance().shiftText()).isEqualTo("0");
  }

  @Test
  void fileAndTableHoldTheSameRowsInTheDocumentedOrder(@TempDir Path dir) throws Exception {
    Path file = SimulationFiles.writeRejections(result, dir);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    // 2 designs × (3 shifts + variance) × 1 window × 11 tests, plus the header.
    assertThat(lines).hasSize(1 + 2 * 4 * 11);
    assertThat(lines.get(0))
        .isEqualTo("design,variant,shift,window,test,rejections,samples,rate,se");
    assertThat(lines.get(1)).startsWith("nonclustered,shift,0,-1:1,cs-t,");
    assertThat(lines.get(12)).startsWith("nonclustered,shift,0.005,-1:1,cs-t,");
    assertThat(lines.get(23)).startsWith("nonclustered,shift,-0.02,-1:1,cs-t,");
    assertThat(lines.get(34)).startsWith("nonclustered,variance,0,-1:1,cs-t,");
    assertThat(lines.get(45)).startsWith("clustered,shift,0,-1:1,cs-t,");
    assertThat(lines.get(88)).startsWith("clustered,variance,0,-1:1,wilcoxon,");
    Table t = SimulationTables.rejections(result);
    assertThat(t.rowCount()).isEqualTo(88);
    assertThat(t.columnNames())
        .containsExactly(
            "design", "variant", "shift", "window", "test", "rejections", "samples", "rate", "se");
    for (int i = 0; i < 88; i++) {
      String[] cells = lines.get(i + 1).split(",");
      assertThat(t.stringColumn("design").get(i)).isEqualTo(cells[0]);
      assertThat(t.stringColumn("test").get(i)).isEqualTo(cells[4]);
      int rejections = Integer.parseInt(cells[5]);
      assertThat(t.intColumn("rejections").get(i)).isEqualTo(rejections);
      assertThat(cells[6]).isEqualTo("7");
      // rate = R / S, written with six decimals; se = √(rate (1 − rate) / S).
      double rate = rejections / 7.0;
      assertThat(cells[7]).isEqualTo(String.format(java.util.Locale.ROOT, "%.6f", rate));
      assertThat(cells[8])
          .isEqualTo(
              String.format(java.util.Locale.ROOT, "%.6f", Math.sqrt(rate * (1 - rate) / 7)));
      assertThat(t.doubleColumn("rate").get(i)).isEqualTo(rate);
    }
  }

  @Test
  void summaryAndChartShowEveryDesignAndWindow(@TempDir Path dir) throws Exception {
    String text = SimulationSummary.text(result);
    assertThat(text)
        .contains("12 candidate listings against MKT; 12 eligible listings")
        .contains("Rejection rates, %, nonclustered design")
        .contains("Rejection rates, %, clustered design")
        .contains("Mean cross-correlation r̄ of the clustered samples");
    Path png = dir.resolve("rejections.png");
    RejectionChart.writePng(result, png);
    BufferedImage image = ImageIO.read(png.toFile());
    // One 720 × 480 panel per design (down) and window (across).
    assertThat(image.getWidth()).isEqualTo(720);
    assertThat(image.getHeight()).isEqualTo(960);
    assertThat(RejectionChart.panels(result)).hasSize(2);
    assertThat(RejectionChart.panels(result).get(0).getSeriesMap())
        .containsKeys("cs-t", "wilcoxon", "cs-t (variance)");
  }
}
