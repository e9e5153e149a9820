package io.eventide.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.calendar.Exchange;
import io.eventide.event.Announcement;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.GroupBy;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.TDistribution;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * The CAAR chart, the AR chart and report.html. Sources: the chart's path is recomputed in the test
 * as the running sum of the firm-events' day ARs, its band from the textbook interval (mean, s/√N,
 * Commons Math's Student t quantile with N − 1 df) of the CARs from the span's first day; the page
 * is parsed with jsoup (an HTML5 parser) and its tables compared with the study's own values.
 * World: listings G and H against M on 260 seeded random weekday prices; H has no price on sessions
 * 201 and 202 (its returns of sessions 201 to 203 are missing); e1 (session 200, easing, +1) on G,
 * H and the unlisted X; e2 (session 203, tightening, -1) on G and H.
 */
class ChartsAndReportTest {

  @TempDir static Path out;
  static ReturnPanel panel;
  static List<Event> events;
  static LocalDate[] dates;

  @BeforeAll
  static void world() {
    dates = new LocalDate[260];
    LocalDate d = LocalDate.of(2022, 1, 3);
    for (int i = 0; i < dates.length; i++) {
      while (d.getDayOfWeek().getValue() > 5) {
        d = d.plusDays(1);
      }
      dates[i] = d;
      d = d.plusDays(1);
    }
    SplittableRandom rnd = new SplittableRandom(17);
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    for (String t : List.of("M", "G", "H")) {
      double[] p = new double[dates.length];
      double v = 20;
      for (int i = 0; i < p.length; i++) {
        v *= 1 + 0.02 * (rnd.nextDouble() - 0.5);
        p[i] = t.equals("H") && (i == 201 || i == 202) ? Double.NaN : v;
      }
      prices.put(t, DatedSeries.of(t, dates, p));
    }
    panel =
        ReturnPanel.of(
            List.of(Listing.of("G", Exchange.NYSE, "M"), Listing.of("H", Exchange.NYSE, "M")),
            prices,
            ReturnType.SIMPLE);
    events =
        List.of(
            new Event(
                "e1",
                Announcement.on(dates[200]),
                "Easing <b>&</b> more",
                "easing",
                1,
                List.of("G", "H", "X"),
                Map.of()),
            new Event(
                "e2",
                Announcement.on(dates[203]),
                "",
                "tightening",
                -1,
                List.of("G", "H"),
                Map.of()));
  }

  private static StudyResult run(StudySpecification.Builder b, List<Event> evs) {
    return EventStudy.of(b.estimationWindow(EventWindow.of(-150, -11)).build())
        .withParallelism(1)
        .run(panel, evs);
  }

  @Test
  void theCaarLineIsTheRunningSumOfArsWithItsStudentBandAndStartsAtZero() {
    StudyResult study = run(StudySpecification.builder(), events);
    CaarChart.Line line = CaarChart.lines(study).get(0);
    assertThat(line.label()).isEqualTo("all firm-events (N = 4)");
    assertThat(line.x().get(0)).isEqualTo(-6.0);
    assertThat(line.caar().get(0)).isEqualTo(0.0);
    List<FirmEventResult> ok = new ArrayList<>();
    study
        .firmEvents()
        .forEach(
            f -> {
              if (f.outcome() == Outcome.OK) {
                ok.add(f);
              }
            });
    double cum = 0;
    for (int d = -5; d <= 5; d++) {
      double sum = 0;
      int n = 0;
      List<Double> cars = new ArrayList<>();
      for (FirmEventResult f : ok) {
        double a = f.abnormalReturn(d);
        if (!Double.isNaN(a)) {
          sum += a;
          n++;
        }
        double car = 0;
        for (int t = -5; t <= d; t++) {
          car += f.abnormalReturn(t);
        }
        if (!Double.isNaN(car)) {
          cars.add(car);
        }
      }
      cum += sum / n;
      int i = d + 6;
      assertThat(line.caar().get(i)).as("day %d", d).isCloseTo(100 * cum, within(1e-12));
      int m = cars.size();
      double mean = cars.stream().mapToDouble(Double::doubleValue).sum() / m;
      double ss = cars.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum();
      double half =
          new TDistribution(m - 1.0).inverseCumulativeProbability(0.975)
              * Math.sqrt(ss / (m - 1) / m);
      assertThat(line.upper().get(i)).isCloseTo(100 * (cum + half), within(1e-10));
      assertThat(line.lower().get(i)).isCloseTo(100 * (cum - half), within(1e-10));
    }
  }

  @Test
  void aDayWithoutAnyAbnormalReturnIsAGapAndNoFirmEventMeansNoLine() throws IOException {
    // H alone around e1: no return on days +1..+3, so the path stops after day 0.
    StudyResult h =
        run(
            StudySpecification.builder(),
            List.of(Event.of("e1", Announcement.on(dates[200]), List.of("H"))));
    CaarChart.Line line = CaarChart.lines(h).get(0);
    assertThat(line.caar().get(6)).isNotNull();
    assertThat(line.caar().subList(7, 12)).containsOnlyNulls();
    assertThat(line.upper().get(1)).isNull(); // N = 1: no band
    StudyResult none =
        run(
            StudySpecification.builder(),
            List.of(Event.of("x", Announcement.on(dates[200]), List.of("X"))));
    assertThat(CaarChart.lines(none)).isEmpty();
    XYChart empty = CaarChart.of(none);
    assertThat(empty.getTitle()).isEqualTo("No CAAR: every firm-event was left out");
    assertThat(empty.getSeriesMap().keySet()).containsExactly("zero", "day 0");
  }

  @Test
  void chartsAreWrittenHeadlessAsPngAndSvgWithOneLinePerGroup() throws IOException {
    StudyResult study =
        run(StudySpecification.builder().groupBy(GroupBy.column("category")), events);
    XYChart chart = CaarChart.of(study);
    assertThat(chart.getSeriesMap().keySet())
        .contains("all firm-events (N = 4)", "easing (N = 2)", "tightening (N = 2)");
    Path png = out.resolve("caar.png");
    Path svg = out.resolve("caar.svg");
    Charts.write(chart, png);
    Charts.write(chart, svg);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(540);
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertThat(text).startsWith("<?xml").contains("<svg");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Charts.write(chart, out.resolve("caar.gif")))
        .withMessageEndingWith("must end with .png or .svg (the format is chosen by name)");

    CategoryChart ar = AbnormalReturnChart.of(study, "e1");
    assertThat(ar.getSeriesMap().keySet()).containsExactly("G", "H");
    // H has no AR on day +1 of e1: an empty bar, not 0.
    List<?> hValues = new ArrayList<>(ar.getSeriesMap().get("H").getYData());
    assertThat(hValues.get(6)).isNull();
    assertThat(((Number) ar.getSeriesMap().get("G").getYData().iterator().next()).doubleValue())
        .isCloseTo(100 * study.firmEvent(0).abnormalReturn(-5), within(1e-12));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AbnormalReturnChart.of(study, "e9"))
        .withMessage("The study has no event e9");
  }

  @Test
  void theReportIsOneSelfContainedPageWithEveryPart() throws IOException {
    StudyResult study =
        run(StudySpecification.builder().groupBy(GroupBy.column("category")), events);
    StudyTests tests = StudyTests.run(study, TestSuite.standard());
    Map<String, StudyTests> groups = StudyTests.runGroups(study, TestSuite.standard());
    Path file = StudyReport.write(out, study, tests, groups);
    Document doc = Jsoup.parse(file.toFile(), "UTF-8");
    // Self-contained: no script, no stylesheet link, every image a data URI.
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link")).isEmpty();
    assertThat(doc.select("style")).hasSize(1);
    Elements images = doc.select("img");
    assertThat(images).hasSize(2);
    for (Element img : images) {
      String src = img.attr("src");
      assertThat(src).startsWith("data:image/png;base64,");
      BufferedImage decoded =
          ImageIO.read(
              new ByteArrayInputStream(
                  Base64.getDecoder().decode(src.substring("data:image/png;base64,".length()))));
      assertThat(decoded.getWidth()).isEqualTo(900);
    }
    assertThat(doc.select("[src^=http], [href^=http]")).isEmpty();
    assertThat(doc.select("h2").eachAttr("id"))
        .containsExactly("settings", "caar", "charts", "day0", "confounding", "left-out");
    // Settings.
    assertThat(doc.select("dt").eachText()).contains("model", "grouped by");
    assertThat(doc.select("dt:containsOwn(grouped by) + dd").text()).isEqualTo("category");
    // One CAAR table for all firm-events and one per group, a row per study window.
    Elements caar = doc.select("table.caar");
    assertThat(caar).hasSize(3);
    assertThat(doc.select("h3").eachText())
        .containsExactly("All firm-events", "Group easing", "Group tightening");
    Elements rows = caar.get(0).select("tbody tr");
    assertThat(rows).hasSize(study.windows().size());
    for (int i = 0; i < rows.size(); i++) {
      EventWindow w = study.windows().get(i);
      Elements cells = rows.get(i).select("td");
      assertThat(cells.get(0).text()).isEqualTo(w.toString());
      assertThat(cells.get(1).text()).isEqualTo(Integer.toString(study.caar(w).n()));
      assertThat(Double.parseDouble(cells.get(2).text()))
          .isCloseTo(100 * study.caar(w).estimate(), within(0.005));
    }
    Elements groupRows = caar.get(2).select("tbody tr");
    assertThat(groupRows.get(0).select("td").get(1).text())
        .isEqualTo(Integer.toString(study.group("tightening").caar(study.windows().get(0)).n()));
    // The tests of each table, a row per test with statistic and p per window.
    Elements testTables = doc.select("table.tests");
    assertThat(testTables).hasSize(3);
    Elements csT = testTables.get(0).select("tbody tr").get(0).select("td");
    assertThat(csT.get(0).text()).isEqualTo("cs-t");
    double t =
        tests
            .result(study.windows().get(0), io.eventide.inference.Measure.CAR, "cs-t")
            .orElseThrow()
            .statistic();
    assertThat(Double.parseDouble(csT.get(1).text())).isCloseTo(t, within(0.005));
    assertThat(testTables.get(0).select("tbody tr")).hasSize(11);
    // Day-0 table: every firm-event; left-out table: X and the windows H misses.
    assertThat(doc.select("table.day0 tbody tr")).hasSize(study.size());
    Elements left = doc.select("table.left-out tbody tr");
    assertThat(left).hasSize(study.leftOut().size() + study.windowExclusions().size());
    Elements first = left.get(0).select("td");
    assertThat(first).hasSize(5);
    assertThat(first.get(0).text()).isEqualTo("e1");
    assertThat(first.get(2).text()).isEqualTo("UNKNOWN_TICKER");
    assertThat(first.get(3).text()).isEmpty();
    assertThat(doc.select("table.overlaps tbody tr")).hasSize(study.overlaps().size());
    assertThat(doc.getElementById("no-results")).isNull();
  }

  @Test
  void aStudyWithEveryFirmEventLeftOutSaysSoAndDrawsNothing() {
    StudyResult none =
        run(
            StudySpecification.builder(),
            List.of(Event.of("x", Announcement.on(dates[200]), List.of("X"))));
    Document doc =
        Jsoup.parse(StudyReport.html(none, StudyTests.run(none, TestSuite.standard()), Map.of()));
    assertThat(doc.getElementById("no-results").text()).startsWith("Every firm-event was left out");
    assertThat(doc.select("img")).isEmpty();
    assertThat(StudyReport.esc("<a href='x'>&\""))
        .isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  }
}
