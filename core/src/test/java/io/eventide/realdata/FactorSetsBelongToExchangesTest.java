package io.eventide.realdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.calendar.Exchange;
import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.io.FactorFileReader;
import io.eventide.market.FactorSet;
import io.eventide.market.Listing;
import io.eventide.market.ReturnPanel;
import io.eventide.model.FactorModel;
import io.eventide.study.EventStudy;
import io.eventide.study.FirmEventResult;
import io.eventide.study.Outcome;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.timeseries.ReturnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The case of issue 10: a Fama-French study of 9988.HK (HKEX) with the Ken French US factors used
 * to align US factor dates onto Hong Kong sessions without a word. Factor sets now belong to
 * exchanges (docs/cli.md, docs/statistics.md section 2): the plain set serves the US exchanges
 * only, and an HKEX firm-event without a set of its own is left out as {@code NO_FACTORS}, with a
 * reason that says what to supply; a set given for HKEX serves it. Real data: the policy catalog
 * and the Ken French US 3-factor file of src/test/resources/data (SOURCES.md).
 */
class FactorSetsBelongToExchangesTest {

  private static final List<Listing> UNIVERSE =
      List.of(
          Listing.of("BABA", Exchange.NYSE, "SPX"), Listing.of("9988.HK", Exchange.HKEX, "HSI"));

  private static StudyResult run(ReturnPanel panel) {
    StudySpecification spec =
        StudySpecification.builder()
            .model(FactorModel.famaFrench3())
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(EventWindow.of(-1, 1))
            .minEstimation(100)
            .build();
    List<Event> events = RealData.events();
    return EventStudy.of(spec).run(panel, events);
  }

  private static FactorSet usFactors() {
    return FactorFileReader.read(RealData.file("factors/F-F_Research_Data_Factors_daily.CSV"));
  }

  @Test
  void aPlainFactorSetNoLongerServesHongKong() {
    ReturnPanel panel = RealData.panel(UNIVERSE, ReturnType.SIMPLE).withFactors(usFactors());
    StudyResult result = run(panel);
    List<FirmEventResult> hk =
        result.firmEvents().stream().filter(f -> f.ticker().equals("9988.HK")).toList();
    List<FirmEventResult> us =
        result.firmEvents().stream().filter(f -> f.ticker().equals("BABA")).toList();
    assertThat(hk).isNotEmpty();
    // Every 9988.HK firm-event that gets past the earlier checks is NO_FACTORS, none is OK.
    assertThat(hk)
        .allSatisfy(f -> assertThat(f.outcome()).isIn(Outcome.OUT_OF_RANGE, Outcome.NO_FACTORS));
    FirmEventResult first =
        hk.stream().filter(f -> f.outcome() == Outcome.NO_FACTORS).findFirst().orElseThrow();
    assertThat(first.reason())
        .contains("HKEX")
        .contains("only the US exchanges")
        .contains("ReturnPanel.withFactors(exchange, set)");
    // BABA (NYSE) is served by the plain set as before.
    assertThat(us.stream().filter(f -> f.outcome() == Outcome.OK).count()).isGreaterThan(10);
    assertThat(us).noneMatch(f -> f.outcome() == Outcome.NO_FACTORS);
  }

  @Test
  void aSetGivenForAnExchangeServesItAndOnlyIt() {
    FactorSet us = usFactors();
    ReturnPanel hkOnly = RealData.panel(UNIVERSE, ReturnType.SIMPLE).withFactors(Exchange.HKEX, us);
    StudyResult result = run(hkOnly);
    assertThat(
            result.firmEvents().stream()
                .filter(f -> f.ticker().equals("9988.HK") && f.outcome() == Outcome.OK)
                .count())
        .isGreaterThan(10);
    // NYSE has no set now: the plain set is absent and HKEX's does not serve it.
    assertThat(
            result.firmEvents().stream()
                .filter(f -> f.ticker().equals("BABA"))
                .filter(f -> f.outcome() != Outcome.OUT_OF_RANGE))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.NO_FACTORS));

    // The explicit HKEX set gives 9988.HK the numbers the old silent alignment gave it; with both
    // sets BABA's numbers equal those of the plain-only panel.
    ReturnPanel both =
        RealData.panel(UNIVERSE, ReturnType.SIMPLE).withFactors(us).withFactors(Exchange.HKEX, us);
    StudyResult r2 = run(both);
    StudyResult plain = run(RealData.panel(UNIVERSE, ReturnType.SIMPLE).withFactors(us));
    EventWindow w = EventWindow.of(-1, 1);
    for (int i = 0; i < r2.size(); i++) {
      FirmEventResult a = r2.firmEvent(i);
      if (a.ticker().equals("BABA")) {
        assertThat(Double.doubleToLongBits(a.car(w)))
            .isEqualTo(Double.doubleToLongBits(plain.firmEvent(i).car(w)));
      } else {
        assertThat(Double.doubleToLongBits(a.car(w)))
            .isEqualTo(Double.doubleToLongBits(result.firmEvent(i).car(w)));
      }
    }
  }

  @Test
  void thePanelRule() {
    FactorSet us = usFactors();
    ReturnPanel panel = RealData.panel(UNIVERSE, ReturnType.SIMPLE);
    assertThat(panel.hasFactors()).isFalse();
    ReturnPanel p = panel.withFactors(us);
    assertThat(p.factorsFor(Exchange.NYSE)).containsSame(us);
    assertThat(p.factorsFor(Exchange.NASDAQ)).containsSame(us);
    assertThat(p.factorsFor(Exchange.NYSE_AMERICAN)).containsSame(us);
    assertThat(p.factorsFor(Exchange.NYSE_ARCA)).containsSame(us);
    assertThat(p.factorsFor(Exchange.HKEX)).isEmpty();
    assertThat(p.factorsFor(Exchange.TSX)).isEmpty();
    FactorSet other = us.select(List.of("Mkt-RF", "SMB", "HML"));
    ReturnPanel q = p.withFactors(Exchange.NASDAQ, other);
    assertThat(q.factorsFor(Exchange.NASDAQ)).containsSame(other);
    assertThat(q.factorsFor(Exchange.NYSE)).containsSame(us);
    assertThat(q.exchangesWithOwnFactors()).containsExactly(Exchange.NASDAQ);
    // A factor model on a panel without any set is bad usage, naming the API to call.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> run(panel))
        .withMessageContaining("ReturnPanel.withFactors(set) for the US exchanges");
  }
}
