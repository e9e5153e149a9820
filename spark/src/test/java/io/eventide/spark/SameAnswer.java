package io.eventide.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.study.FirmEventResult;
import io.eventide.study.MeanEstimate;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import java.util.List;

/**
 * Asserts that two study results agree to 1e-12 relative: every firm-event's outcome, day 0,
 * parameters, CAR, Var(CAR), BHAR per window and AR, SAR per day; every test's statistic and
 * p-value. {@code NaN} must match {@code NaN}.
 */
final class SameAnswer {

  static final double TOLERANCE = 1e-12;

  private SameAnswer() {}

  static void assertSame(StudyResult local, StudyResult spark, StudyTests lt, StudyTests st) {
    assertSame(local, spark, lt, st, true);
  }

  /**
   * @param requireDefined whether most tests must be defined (false for a group that may hold only
   *     firm-events left out, such as the tickers the universe does not list)
   */
  static void assertSame(
      StudyResult local, StudyResult spark, StudyTests lt, StudyTests st, boolean requireDefined) {
    assertThat(spark.size()).isEqualTo(local.size());
    int span0 = local.specification().eventSpan().fromInclusive();
    int span1 = local.specification().eventSpan().toInclusive();
    for (int i = 0; i < local.size(); i++) {
      FirmEventResult a = local.firmEvent(i);
      FirmEventResult b = spark.firmEvent(i);
      String at = a.eventId() + "/" + a.ticker();
      assertThat(b.eventId() + "/" + b.ticker()).isEqualTo(at);
      assertThat(b.outcome()).as(at).isEqualTo(a.outcome());
      assertThat(b.reason()).as(at).isEqualTo(a.reason());
      assertThat(b.dayZero()).as(at).isEqualTo(a.dayZero());
      assertThat(b.observations()).as(at).isEqualTo(a.observations());
      close(at + " sigma", a.sigma(), b.sigma());
      double[] pa = a.parameters();
      double[] pb = b.parameters();
      assertThat(pb).hasSameSizeAs(pa);
      for (int j = 0; j < pa.length; j++) {
        close(at + " parameter " + j, pa[j], pb[j]);
      }
      for (EventWindow w : local.testWindows()) {
        close(at + " CAR" + w, a.car(w), b.car(w));
        close(at + " Var(CAR)" + w, a.carVariance(w), b.carVariance(w));
        close(at + " BHAR" + w, a.bhar(w), b.bhar(w));
      }
      for (int d = span0; d <= span1; d++) {
        close(at + " AR" + d, a.abnormalReturn(d), b.abnormalReturn(d));
        close(at + " SAR" + d, a.standardizedAbnormalReturn(d), b.standardizedAbnormalReturn(d));
      }
    }
    assertSameTests(lt, st, requireDefined);
    assertThat(lt.rows().stream().map(StudyTests.Row::measure))
        .contains(local.measures().toArray(new Measure[0]));
  }

  /**
   * Asserts that two sets of means agree: the same groups, windows, measures and n; estimates,
   * standard errors and intervals to 1e-12 relative.
   */
  static void assertSameMeans(StudyMeans local, StudyMeans spark) {
    assertThat(spark.groups()).isEqualTo(local.groups());
    assertThat(spark.windows()).isEqualTo(local.windows());
    assertThat(spark.measures()).isEqualTo(local.measures());
    for (String g : local.groups()) {
      List<MeanEstimate[]> pairs = new java.util.ArrayList<>();
      for (EventWindow w : local.windows()) {
        for (Measure m : local.measures()) {
          pairs.add(new MeanEstimate[] {local.caar(g, w, m), spark.caar(g, w, m)});
        }
      }
      for (int d = local.span().fromInclusive(); d <= local.span().toInclusive(); d++) {
        pairs.add(new MeanEstimate[] {local.aar(g, d), spark.aar(g, d)});
      }
      for (MeanEstimate[] p : pairs) {
        assertThat(p[1].n()).as(g).isEqualTo(p[0].n());
        close(g + " estimate", p[0].estimate(), p[1].estimate());
        close(g + " se", p[0].standardError(), p[1].standardError());
        // The interval's ends x̄ ∓ q·se may cancel to near 0: relative to |x̄| + q·se.
        double scale = Math.abs(p[0].estimate()) + Math.abs(p[0].upper() - p[0].lower());
        if (p[0].n() > 1) {
          assertThat(Math.abs(p[1].lower() - p[0].lower())).isLessThanOrEqualTo(TOLERANCE * scale);
          assertThat(Math.abs(p[1].upper() - p[0].upper())).isLessThanOrEqualTo(TOLERANCE * scale);
        } else {
          assertThat(p[1].lower()).isNaN();
        }
      }
    }
  }

  /**
   * Asserts that two sets of test rows agree: the same windows, measures, test ids, n and reasons,
   * statistics and p-values to 1e-12 relative.
   *
   * @param requireDefined whether most tests must be defined
   * @return the number of defined tests
   */
  static int assertSameTests(StudyTests lt, StudyTests st, boolean requireDefined) {
    List<StudyTests.Row> ra = lt.rows();
    List<StudyTests.Row> rb = st.rows();
    assertThat(rb).hasSameSizeAs(ra);
    int defined = 0;
    for (int i = 0; i < ra.size(); i++) {
      StudyTests.Row x = ra.get(i);
      StudyTests.Row y = rb.get(i);
      String at = x.window() + " " + x.measure() + " " + x.result().testId();
      assertThat(y.window()).isEqualTo(x.window());
      assertThat(y.measure()).isEqualTo(x.measure());
      assertThat(y.result().testId()).isEqualTo(x.result().testId());
      assertThat(y.result().n()).as(at).isEqualTo(x.result().n());
      assertThat(y.result().undefinedReason()).as(at).isEqualTo(x.result().undefinedReason());
      close(at + " statistic", x.result().statistic(), y.result().statistic());
      close(at + " p", x.result().pValue(), y.result().pValue());
      if (x.result().isDefined()) {
        defined++;
      }
    }
    // The comparison means something only if tests were computed.
    if (requireDefined) {
      assertThat(defined).isGreaterThan(ra.size() / 2);
    }
    return defined;
  }

  static void close(String what, double expected, double actual) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
      return;
    }
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    assertThat(Math.abs(expected - actual))
        .as(what + ": " + expected + " vs " + actual)
        .isLessThanOrEqualTo(TOLERANCE * scale);
  }

  /** The same lines and cells; a cell that is a decimal number to 1e-12 relative, others equal. */
  static void assertSameNumbers(String f, List<String> ta, List<String> tb) {
    assertThat(tb).as(f).hasSameSizeAs(ta);
    for (int i = 0; i < ta.size(); i++) {
      String[] x = ta.get(i).split(",", -1);
      String[] y = tb.get(i).split(",", -1);
      assertThat(y).as(f + " line " + (i + 1)).hasSameSizeAs(x);
      for (int c = 0; c < x.length; c++) {
        if (i > 0 && x[c].matches("-?[0-9.]+(E-?[0-9]+)?") && x[c].contains(".")) {
          SameAnswer.close(
              f + " line " + (i + 1) + " column " + c,
              Double.parseDouble(x[c]),
              Double.parseDouble(y[c]));
        } else {
          assertThat(y[c]).as(f + " line " + (i + 1) + " column " + c).isEqualTo(x[c]);
        }
      }
    }
  }
}
