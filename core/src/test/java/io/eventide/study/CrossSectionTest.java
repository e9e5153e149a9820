package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.event.FirmCharacteristics;
import io.eventide.inference.CrossSectionalRegression;
import io.eventide.market.ReturnPanel;
import io.eventide.model.MarketModel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossSection} on a synthetic study: which firm-events enter each window's regression, the
 * counts of those left out, the clusters (events), and that the fit equals {@link
 * CrossSectionalRegression} on the CARs gathered here by hand from {@link FirmEventResult#car}.
 */
class CrossSectionTest {

  @Test
  void regressesEachWindowsCarsOnTheCharacteristicsClusteredByEvent() {
    ReturnPanel panel = SyntheticPanels.panel(12, 400, 77);
    LocalDate[] days = SyntheticPanels.sessions(400);
    List<Event> events = new ArrayList<>();
    for (int e = 0; e < 4; e++) {
      events.add(
          SyntheticPanels.event(
              "E" + e,
              days[300 + 10 * e],
              SyntheticPanels.ticker(3 * e),
              SyntheticPanels.ticker(3 * e + 1),
              SyntheticPanels.ticker(3 * e + 2),
              "NOPE"));
    }
    StudySpecification spec =
        StudySpecification.builder()
            .model(MarketModel.of())
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(EventWindow.of(-1, 1), EventWindow.of(0, 0))
            .minEstimation(100)
            .build();
    StudyResult result = EventStudy.of(spec).run(panel, events);
    Map<FirmCharacteristics.Key, double[]> rows = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      String id = "E" + (i / 3);
      String t = SyntheticPanels.ticker(i);
      if (i == 5) {
        continue; // no row
      }
      double size = i == 7 ? Double.NaN : 10 + i * 0.7 + (i % 3) * 0.2;
      rows.put(new FirmCharacteristics.Key(id, t), new double[] {size, (i * 37 % 11) / 10.0});
    }
    rows.put(new FirmCharacteristics.Key("E9", "L000"), new double[] {1, 2});
    FirmCharacteristics chars = FirmCharacteristics.of(List.of("size", "btm"), rows);

    CrossSection cs = CrossSection.run(result, chars);

    assertThat(cs.unmatchedRows()).containsExactly(new FirmCharacteristics.Key("E9", "L000"));
    assertThat(cs.windows()).hasSize(2);
    for (CrossSection.WindowRegression w : cs.windows()) {
      assertThat(w.withoutRow()).isEqualTo(1);
      assertThat(w.withMissingValue()).isEqualTo(1);
      // By hand: the 10 OK firm-events with a complete row, clusters = event index.
      List<Double> y = new ArrayList<>();
      List<double[]> x = new ArrayList<>();
      List<Integer> cl = new ArrayList<>();
      for (FirmEventResult fe : result.firmEvents()) {
        double[] v = chars.values(fe.eventId(), fe.ticker()).orElse(null);
        if (fe.outcome() != Outcome.OK || v == null || Double.isNaN(v[0])) {
          continue;
        }
        y.add(fe.car(w.window()));
        x.add(v);
        cl.add(Integer.parseInt(fe.eventId().substring(1)));
      }
      assertThat(y).hasSize(10);
      double[] ya = y.stream().mapToDouble(Double::doubleValue).toArray();
      double[][] xa = new double[2][10];
      int[] ca = new int[10];
      for (int i = 0; i < 10; i++) {
        xa[0][i] = x.get(i)[0];
        xa[1][i] = x.get(i)[1];
        ca[i] = cl.get(i);
      }
      CrossSectionalRegression.Fit expected =
          CrossSectionalRegression.fit(ya, List.of("size", "btm"), xa, ca);
      assertThat(w.fit().n()).isEqualTo(10);
      assertThat(w.fit().clusters()).isEqualTo(4);
      for (int j = 0; j < 3; j++) {
        CrossSectionalRegression.Term a = w.fit().terms().get(j);
        CrossSectionalRegression.Term b = expected.terms().get(j);
        assertThat(a.coef()).isCloseTo(b.coef(), within(1e-15 + 1e-12 * Math.abs(b.coef())));
        assertThat(a.seCluster()).isCloseTo(b.seCluster(), within(1e-12 * b.seCluster()));
      }
    }
    // The firm-events naming NOPE are left out of the study and so of the regression.
    assertThat(result.count(Outcome.UNKNOWN_TICKER)).isEqualTo(4);
  }
}
