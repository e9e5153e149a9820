package io.eventide.examples;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.Sample;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.FactorModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.ReturnType;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * <b>Question:</b> did the tightening announcements of 2020-2021 (the Ant IPO halt, the antitrust
 * drafts and probes, the Didi review, the tutoring ban, "common prosperity") cost the New York
 * listings of China's platform companies more than the market and the usual style factors explain?
 * And does the answer depend on the normal-return model?
 *
 * <p><b>Data:</b> the bundled sample's US listings (BABA, JD, BIDU, PDD) with the S&amp;P 500 as
 * market, the catalog's rows with {@code category = tightening}, and the Ken French daily files (US
 * factors, so the Hong Kong listings stay out of this one).
 *
 * <p><b>Reading the output:</b> for the market model and Carhart's four factors, the CAAR of the
 * windows 0:0 and -1:1 with the cross-sectional t, the Patell z, and BMP t. Announcements cluster
 * (several hit all four listings at once), so the Kolari-Pynnönen adjusted BMP t is shown as well:
 * cross-correlated abnormal returns overstate the plain tests.
 */
public final class CrackdownFactorModelStudy {

  private CrackdownFactorModelStudy() {}

  /**
   * One model's results.
   *
   * @param model the model's id
   * @param study the results
   * @param tests the tests
   */
  public record ModelRun(String model, StudyResult study, StudyTests tests) {}

  /**
   * @return the study under the market model and under Carhart's four factors
   */
  public static List<ModelRun> run() {
    // 1. The tightening announcements and the four US listings.
    List<Event> tightening =
        SampleData.events().stream().filter(e -> e.category().equals("tightening")).toList();
    List<Listing> us =
        SampleData.universe().stream().filter(l -> l.benchmark().equals("SPX")).toList();
    // 2. A panel with the Ken French factors attached.
    ReturnPanel panel =
        ReturnPanel.of(us, SampleData.prices(), ReturnType.SIMPLE)
            .withFactors(SampleData.factors());
    // 3. The same windows under two models.
    List<ModelRun> runs = new ArrayList<>();
    for (NormalReturnModel model : List.of(MarketModel.of(), FactorModel.carhart4())) {
      StudySpecification spec =
          StudySpecification.builder()
              .model(model)
              .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 0))
              .build();
      StudyResult study = EventStudy.of(spec).run(panel, tightening);
      runs.add(new ModelRun(model.id(), study, StudyTests.run(study, TestSuite.standard())));
    }
    return runs;
  }

  /**
   * Prints the comparison.
   *
   * @param out where to print
   */
  public static void print(PrintWriter out) {
    out.println(
        String.format(
            Locale.ROOT,
            "%-9s %-6s %4s %8s %7s %9s %7s %9s",
            "model",
            "window",
            "N",
            "CAAR %",
            "cs-t",
            "patell-z",
            "bmp-t",
            "kp-bmp-t"));
    for (ModelRun r : run()) {
      for (EventWindow w : r.study().windows()) {
        Sample s = r.study().sample(w, Measure.CAR);
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
          sum += s.value(i);
        }
        out.println(
            String.format(
                Locale.ROOT,
                "%-9s %-6s %4d %8.2f %7s %9s %7s %9s",
                r.model(),
                w,
                s.size(),
                100 * sum / s.size(),
                stat(r, w, "cs-t"),
                stat(r, w, "patell-z"),
                stat(r, w, "bmp-t"),
                stat(r, w, "kp-bmp-t")));
      }
    }
    out.flush();
  }

  private static String stat(ModelRun r, EventWindow w, String id) {
    TestResult t = r.tests().result(w, Measure.CAR, id).orElseThrow();
    return t.isDefined() ? String.format(Locale.ROOT, "%.2f", t.statistic()) : "undef";
  }

  /**
   * Prints the comparison of the market model and Carhart's four factors.
   *
   * @param args none
   */
  public static void main(String[] args) {
    print(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
  }
}
