package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.eventide.event.Event;
import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import io.eventide.inference.TestSuite;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.MarketModel;
import io.eventide.model.NormalReturnModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/**
 * The peers' presets of {@code docs/statistics.md} section 3b against a second, naive
 * implementation of their formulas written out here (Commons Math's {@link SimpleRegression} for
 * α̂, β̂ and the residual sum of squares; every other sum by hand), on a synthetic panel with gaps
 * in the listings' estimation windows (so that n ≠ M and the presets differ from {@code spec}), and
 * against {@code spec} on a panel without gaps, where some statistics must agree.
 *
 * <p>No published estudy2 or Stata {@code estudy} output could be reproduced here: their worked
 * examples use data that is not in this repository. The naive implementation follows the formulas
 * of section 3b, which state the peers' choices.
 */
class ConventionsTest {

  private static final EventWindow W = EventWindow.of(-1, 1);
  private static final int SESSIONS = 420;

  /** 8 listings on MKT; with gaps: a few stock prices removed inside estimation windows. */
  private static ReturnPanel panel(boolean gaps) {
    Map<String, DatedSeries> prices =
        new java.util.LinkedHashMap<>(SyntheticPanels.prices(8, SESSIONS, 2026));
    if (gaps) {
      for (String t : List.of("L001", "L004", "L006")) {
        DatedSeries s = prices.get(t);
        LocalDate[] dates = SyntheticPanels.sessions(SESSIONS);
        double[] v = new double[SESSIONS];
        for (int i = 0; i < SESSIONS; i++) {
          v[i] = s.value(i);
        }
        int from = t.equals("L001") ? 150 : t.equals("L004") ? 200 : 260;
        for (int i = from; i < from + (t.equals("L006") ? 7 : 3); i++) {
          v[i] = Double.NaN;
        }
        prices.put(t, DatedSeries.of(t, dates, v));
      }
    }
    return ReturnPanel.of(SyntheticPanels.universe(8), prices, ReturnType.SIMPLE);
  }

  private static List<Event> events() {
    LocalDate[] d = SyntheticPanels.sessions(SESSIONS);
    return List.of(
        SyntheticPanels.event("A", d[330], "L000", "L001", "L002", "L003"),
        SyntheticPanels.event("B", d[345], "L003", "L004", "L005"),
        SyntheticPanels.event("C", d[360], "L000", "L006", "L007"));
  }

  private static StudyResult run(ReturnPanel panel, NormalReturnModel model, Conventions c) {
    StudySpecification spec =
        StudySpecification.builder()
            .model(model)
            .estimationWindow(EventWindow.of(-250, -11))
            .eventWindows(W, EventWindow.of(0, 0))
            .minEstimation(100)
            .conventions(c)
            .build();
    return EventStudy.of(spec).run(panel, events());
  }

  @Test
  void marketModelStatisticsFollowTheNaiveFormulasOfEachPreset() {
    ReturnPanel panel = panel(true);
    for (Conventions c : Conventions.values()) {
      StudyResult result = run(panel, MarketModel.of(), c);
      List<double[]> residuals = new ArrayList<>();
      for (FirmEventResult fe : result.firmEvents()) {
        assertThat(fe.outcome()).isEqualTo(Outcome.OK);
        ListingReturns lr = panel.returnsOf(fe.ticker()).orElseThrow();
        double[] r = lr.returns();
        double[] x = lr.marketReturns();
        int d0 = lr.calendar().indexOf(fe.dayZero().orElseThrow());
        SimpleRegression ols = new SimpleRegression();
        int n = 0;
        double sumX = 0;
        double sumXm = 0;
        int m = 0;
        for (int t = d0 - 250; t <= d0 - 11; t++) {
          if (!Double.isNaN(x[t])) {
            n++;
            sumX += x[t];
            if (!Double.isNaN(r[t])) {
              ols.addData(x[t], r[t]);
              m++;
              sumXm += x[t];
            }
          }
        }
        boolean preset = c != Conventions.SPEC;
        double mean = preset ? sumX / n : sumXm / m;
        double sxx = 0;
        for (int t = d0 - 250; t <= d0 - 11; t++) {
          if (!Double.isNaN(x[t]) && (preset || !Double.isNaN(r[t]))) {
            sxx += (x[t] - mean) * (x[t] - mean);
          }
        }
        if (c == Conventions.STATA_ESTUDY) {
          sxx = sxx * n / (n - 1.0); // the market term times (n − 1)/n
        }
        double s2 = ols.getSumSquaredErrors() / (preset ? m - 1 : m - 2);
        double alpha = ols.getIntercept();
        double beta = ols.getSlope();
        double ar0 = r[d0] - alpha - beta * x[d0];
        double v0 = s2 * (1 + 1.0 / m + (x[d0] - mean) * (x[d0] - mean) / sxx);
        double g = 0;
        for (int t = d0 - 1; t <= d0 + 1; t++) {
          g += x[t] - mean;
        }
        double varCar = s2 * (3 + 9.0 / m + g * g / sxx);
        assertThat(fe.observations()).isEqualTo(m);
        assertThat(fe.sigma()).isCloseTo(Math.sqrt(s2), within(1e-12 * Math.sqrt(s2)));
        assertThat(fe.standardizedAbnormalReturn(0))
            .as("%s %s/%s", c, fe.eventId(), fe.ticker())
            .isCloseTo(ar0 / Math.sqrt(v0), within(1e-9));
        assertThat(fe.carVariance(W)).isCloseTo(varCar, within(1e-10 * varCar));
        double[] e = new double[240];
        for (int tau = 0; tau < 240; tau++) {
          int t = d0 - 250 + tau;
          e[tau] = r[t] - alpha - beta * x[t]; // NaN where either return is missing
        }
        residuals.add(e);
      }
      // Stata's r̄: every pair of the sample, aligned on the relative day, Pearson on common days.
      if (c == Conventions.STATA_ESTUDY) {
        double sum = 0;
        int nfe = residuals.size();
        for (int a = 0; a < nfe; a++) {
          for (int b = a + 1; b < nfe; b++) {
            sum += pearsonOnCommonDays(residuals.get(a), residuals.get(b));
          }
        }
        double expected = sum / (nfe * (nfe - 1) / 2.0);
        CarSample sample = (CarSample) result.sample(W, Measure.CAR);
        assertThat(sample.meanCrossCorrelation()).isCloseTo(expected, within(1e-13));
        CarSample specSample =
            (CarSample) run(panel, MarketModel.of(), Conventions.SPEC).sample(W, Measure.CAR);
        assertThat(specSample.meanCrossCorrelation())
            .isNotCloseTo(expected, within(1e-6)); // the switch is live
      }
    }
  }

  private static double pearsonOnCommonDays(double[] x, double[] y) {
    List<double[]> pairs = new ArrayList<>();
    for (int t = 0; t < x.length; t++) {
      if (!Double.isNaN(x[t]) && !Double.isNaN(y[t])) {
        pairs.add(new double[] {x[t], y[t]});
      }
    }
    if (pairs.size() < 30) {
      return 0;
    }
    double[] a = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
    return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(a, b);
  }

  @Test
  void withoutGapsThePresetsAgreeWithSpecWhereTheirSwitchesCoincide() {
    ReturnPanel panel = panel(false);
    // Constant-mean model (k = 1, no market term): estudy2 switches nothing, so every statistic
    // is the same bits as spec; stata-estudy differs only through r̄ (adj-patell-z, kp-bmp-t).
    StudyTests spec =
        StudyTests.run(run(panel, ConstantMeanModel.of(), Conventions.SPEC), TestSuite.standard());
    StudyTests estudy2 =
        StudyTests.run(
            run(panel, ConstantMeanModel.of(), Conventions.ESTUDY2), TestSuite.standard());
    StudyTests stata =
        StudyTests.run(
            run(panel, ConstantMeanModel.of(), Conventions.STATA_ESTUDY), TestSuite.standard());
    for (int i = 0; i < spec.rows().size(); i++) {
      StudyTests.Row a = spec.rows().get(i);
      assertThat(Double.doubleToLongBits(estudy2.rows().get(i).result().statistic()))
          .as(a.toString())
          .isEqualTo(Double.doubleToLongBits(a.result().statistic()));
      String id = a.result().testId();
      if (!id.equals("adj-patell-z") && !id.equals("kp-bmp-t")) {
        assertThat(Double.doubleToLongBits(stata.rows().get(i).result().statistic()))
            .as(a.toString())
            .isEqualTo(Double.doubleToLongBits(a.result().statistic()));
      }
    }
    // Market model (k = 2), no gaps, every M = 240 = n: estudy2 only divides s² by M − 1, a
    // factor common to every SAR and SCAR. The tests built on CARs alone (cs-t, skew-t, the sign,
    // rank and Wilcoxon tests) agree to the bit; scale-free BMP agrees to rounding; Patell's z
    // scales by √((M − 1)/(M − 2)).
    StudyResult rs = run(panel, MarketModel.of(), Conventions.SPEC);
    StudyResult re = run(panel, MarketModel.of(), Conventions.ESTUDY2);
    for (FirmEventResult fe : rs.firmEvents()) {
      assertThat(fe.observations()).isEqualTo(240);
    }
    StudyTests ts = StudyTests.run(rs, TestSuite.standard());
    StudyTests te = StudyTests.run(re, TestSuite.standard());
    double factor = Math.sqrt(239.0 / 238.0); // s² smaller by (M − 2)/(M − 1): SARs larger
    for (int i = 0; i < ts.rows().size(); i++) {
      StudyTests.Row a = ts.rows().get(i);
      double x = a.result().statistic();
      double y = te.rows().get(i).result().statistic();
      switch (a.result().testId()) {
        case "cs-t", "skew-t", "sign-z", "gsign-z", "rank-z", "wilcoxon" ->
            assertThat(Double.doubleToLongBits(y))
                .as(a.toString())
                .isEqualTo(Double.doubleToLongBits(x));
        case "bmp-t", "kp-bmp-t" -> assertThat(y).as(a.toString()).isCloseTo(x, within(1e-12));
        case "patell-z", "adj-patell-z" ->
            assertThat(y).as(a.toString()).isCloseTo(x * factor, within(1e-12));
        default -> {}
      }
    }
  }

  @Test
  void idsParseAndTheSpecificationCarriesThePreset() {
    assertThat(Conventions.of(" Stata-Estudy ")).isEqualTo(Conventions.STATA_ESTUDY);
    assertThat(Conventions.of("estudy2").id()).isEqualTo("estudy2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Conventions.of("eviews"))
        .withMessageContaining("spec, estudy2 or stata-estudy");
    StudySpecification s = StudySpecification.builder().conventions(Conventions.ESTUDY2).build();
    assertThat(s.conventions()).isEqualTo(Conventions.ESTUDY2);
    assertThat(s).isNotEqualTo(StudySpecification.builder().build());
    assertThat(s.toString()).contains("conventions=estudy2");
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }
}
