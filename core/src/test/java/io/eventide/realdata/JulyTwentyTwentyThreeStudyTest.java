package io.eventide.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The July 2023 study on the real files, end to end: market model, default windows, eight listings
 * on two exchanges, the four July 2023 announcements of the catalog.
 */
class JulyTwentyTwentyThreeStudyTest {

  private static ReturnPanel panel;
  private static StudyResult study;
  private static StudyTests tests;

  @BeforeAll
  static void run() {
    panel = RealData.panel(RealData.UNIVERSE, ReturnType.SIMPLE);
    List<Event> july =
        RealData.events().stream()
            .filter(
                e ->
                    e.announcement().localDate().getYear() == 2023
                        && e.announcement().localDate().getMonthValue() == 7)
            .toList();
    study = EventStudy.of(StudySpecification.defaults()).run(panel, july);
    tests = StudyTests.run(study, TestSuite.standard());
  }

  private static FirmEventResult find(String event, String ticker) {
    return study.firmEvents().stream()
        .filter(r -> r.eventId().equals(event) && r.ticker().equals(ticker))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void firmEventsAndDayZeroPerExchange() {
    // Events (affected): pboc-ant-fine (BABA;9988.HK;0700.HK), ndrc (0700.HK;3690.HK),
    // li-qiang (all 8), cac-generative-ai (all 8): 3 + 2 + 8 + 8 = 21 firm-events, all OK.
    assertThat(study.events()).hasSize(4);
    assertThat(study.size()).isEqualTo(21);
    assertThat(study.count(Outcome.OK)).isEqualTo(21);
    assertThat(find("pboc-ant-fine", "BABA").dayZero()).contains(LocalDate.of(2023, 7, 7));
    assertThat(find("pboc-ant-fine", "9988.HK").dayZero()).contains(LocalDate.of(2023, 7, 10));
    assertThat(find("li-qiang-platform-symposium", "9988.HK").dayZero())
        .contains(LocalDate.of(2023, 7, 12));
    assertThat(find("cac-generative-ai-interim-measures", "0700.HK").dayZero())
        .contains(LocalDate.of(2023, 7, 13));
    // Every window has all 21 firm-events (no price is missing in July 2023).
    for (EventWindow w : study.testWindows()) {
      assertThat(study.sample(w, Measure.CAR).size()).as("N of %s", w).isEqualTo(21);
    }
  }

  @Test
  void hongKongListingsRoseOnThirteenthJuly() {
    // 2023-07-13 is day 0 of the generative-AI measures on HKEX; HSI rose 2.60% and the tech
    // platforms more (9988.HK +3.23%, 3690.HK +5.73%, 9618.HK +6.43%, 0700.HK +2.88%).
    for (String t : List.of("9988.HK", "0700.HK", "3690.HK", "9618.HK")) {
      FirmEventResult r = find("cac-generative-ai-interim-measures", t);
      assertThat(r.returnOn(0)).as(t).isGreaterThan(0.02);
      assertThat(r.car(EventWindow.of(0, 0))).as(t).isEqualTo(r.abnormalReturn(0));
    }
    // Mean AR on day 0 of the symposium window (12 July for all) and over -1:1 is positive and
    // significant by the cross-sectional t.
    TestResult cst = tests.result(EventWindow.of(-1, 1), Measure.CAR, "cs-t").orElseThrow();
    assertThat(cst.statistic()).isGreaterThan(2);
    assertThat(cst.pValue()).isLessThan(0.01);
    assertThat(cst.n()).isEqualTo(21);
  }

  @Test
  void antFineAbnormalReturnOfBabaByHand() {
    // Market model on the estimation window [-250, -11] of day 0 = 2023-07-07 on SPX sessions,
    // recomputed here with Commons Math SimpleRegression on the same returns.
    FirmEventResult r = find("pboc-ant-fine", "BABA");
    ListingReturns baba = panel.returnsOf("BABA").orElseThrow();
    int d0 = baba.calendar().indexOf(LocalDate.of(2023, 7, 7));
    SimpleRegression reg = new SimpleRegression();
    for (int t = d0 - 250; t <= d0 - 11; t++) {
      reg.addData(baba.marketReturnAt(t), baba.returnAt(t));
    }
    assertThat(r.observations()).isEqualTo(240);
    assertThat(r.parameters()[0]).isCloseTo(reg.getIntercept(), within(1e-14));
    assertThat(r.parameters()[1]).isCloseTo(reg.getSlope(), within(1e-12));
    assertThat(r.sigma()).isCloseTo(Math.sqrt(reg.getMeanSquareError()), within(1e-12));
    double ar0 = baba.returnAt(d0) - reg.getIntercept() - reg.getSlope() * baba.marketReturnAt(d0);
    assertThat(r.abnormalReturn(0)).isCloseTo(ar0, within(1e-14));
    // BABA +8.00% on a day SPX fell 0.29%: an abnormal return of about +8%.
    assertThat(ar0).isBetween(0.07, 0.09);
  }
}
