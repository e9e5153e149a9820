package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.calendar.Exchange;
import io.eventide.event.EventWindow;
import io.eventide.market.Listing;
import io.eventide.market.ListingReturns;
import io.eventide.market.ReturnPanel;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import io.eventide.timeseries.DatedSeries;
import io.eventide.timeseries.ReturnType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Numerical stability of the whole study against a BigDecimal reference (50 significant digits,
 * exact sums of the binary doubles the engine sees): estimation windows of 5,000 sessions, and
 * returns with a large common offset and a tiny variance.
 *
 * <p>Data: 5,100 weekday sessions. The market's daily return is {@code 0.05 + 1e-6 z} (a mean
 * 50,000 times its standard deviation: a one-pass {@code Σx² − (Σx)²/M} would lose about 9 of 16
 * digits, enough to fail 1e-9); listing L000's is {@code 0.002 + 0.9 R_m + 1e-7 e}, L001's the same
 * with other noise and 25 missing prices in its estimation window (so the kernel's path without
 * shared market moments is taken too). Prices are {@code 100 Π (1 + R)}, up to about 1e110; the
 * reference starts from the returns the panel computed from them, so both sides see the same
 * doubles. Events on sessions 5,020 and 5,050; estimation window {@code [-5010, -11]} (5,000
 * sessions), windows {@code -1:1, 0:0, -5:5}.
 *
 * <p>Compared to 1e-9 relative: α̂, β̂, s and Var(CAR) of every window for the market model; μ̂, s,
 * Var(CAR) for constant-mean; s, Var(CAR) for market-adjusted. Reference formulas (CLM 1997; {@code
 * docs/statistics.md} section 2): {@code β̂ = Sxy/Sxx}, {@code α̂ = ȳ − β̂x̄}, {@code s² = Σ(y − α̂
 * − β̂x)²/(M − 2)}, {@code Var(CAR) = s² (L + L²/M + (Σ_W (x_t − x̄))² / Sxx)}; constant-mean
 * {@code s² = Σ(y − ȳ)²/(M − 1)}, {@code Var(CAR) = s² (L + L²/M)}; market-adjusted {@code s² = Σ(y
 * − x)²/M}, {@code Var(CAR) = s² L}. Observed worst error when written: 3e-11 relative (s), α̂
 * 8e-12, β̂ 3e-13.
 */
class NumericalStabilityTest {

  private static final MathContext MC = new MathContext(50);
  private static final int SESSIONS = 5100;
  private static final int EST_FROM = -5010;
  private static final int EST_TO = -11;
  private static final int[] DAY0 = {5020, 5050};
  private static final List<EventWindow> WINDOWS =
      List.of(EventWindow.of(-1, 1), EventWindow.of(0, 0), EventWindow.of(-5, 5));
  private static final double TOLERANCE = 1e-9;

  private static ReturnPanel panel;
  private static List<io.eventide.event.Event> events;

  @BeforeAll
  static void world() {
    SplittableRandom rnd = new SplittableRandom(2024);
    LocalDate[] dates = SyntheticPanels.sessions(SESSIONS);
    double[] m = new double[SESSIONS];
    double[][] r = new double[2][SESSIONS];
    for (int t = 1; t < SESSIONS; t++) {
      m[t] = 0.05 + 1e-6 * SyntheticPanels.gaussian(rnd);
      for (int i = 0; i < 2; i++) {
        r[i][t] = 0.002 + 0.9 * m[t] + 1e-7 * SyntheticPanels.gaussian(rnd);
      }
    }
    Map<String, DatedSeries> prices = new LinkedHashMap<>();
    prices.put("MKT", DatedSeries.of("MKT", dates, SyntheticPanels.prices(m)));
    for (int i = 0; i < 2; i++) {
      double[] p = SyntheticPanels.prices(r[i]);
      if (i == 1) {
        for (int q = 0; q < 25; q++) {
          p[100 + 150 * q] = Double.NaN;
        }
      }
      prices.put(SyntheticPanels.ticker(i), DatedSeries.of(SyntheticPanels.ticker(i), dates, p));
    }
    assertThat(prices.get("MKT").value(SESSIONS - 1)).isBetween(1e108, 1e112);
    panel =
        ReturnPanel.of(
            List.of(
                Listing.of("L000", Exchange.NYSE, "MKT"), Listing.of("L001", Exchange.NYSE, "MKT")),
            prices,
            ReturnType.SIMPLE);
    events =
        List.of(
            SyntheticPanels.event("a", dates[DAY0[0]]), SyntheticPanels.event("b", dates[DAY0[1]]));
  }

  private static StudyResult run(io.eventide.model.NormalReturnModel model) {
    StudySpecification spec =
        StudySpecification.builder()
            .model(model)
            .estimationWindow(EventWindow.of(EST_FROM, EST_TO))
            .eventWindows(WINDOWS)
            .build();
    StudyResult r = EventStudy.of(spec).run(panel, events);
    assertThat(r.count(Outcome.OK)).isEqualTo(4);
    return r;
  }

  private static BigDecimal big(double v) {
    return new BigDecimal(v);
  }

  /** The BigDecimal reference of one firm-event: its estimation rows and the sums over them. */
  private static final class Reference {
    final int day0;
    final double[] y;
    final double[] x;
    int m;
    BigDecimal meanX = BigDecimal.ZERO;
    BigDecimal meanY = BigDecimal.ZERO;
    BigDecimal sxx = BigDecimal.ZERO;
    BigDecimal sxy = BigDecimal.ZERO;

    Reference(String ticker, int day0) {
      ListingReturns lr = panel.returnsOf(ticker).orElseThrow();
      this.day0 = day0;
      this.y = lr.returns();
      this.x = lr.marketReturns();
      for (int t = day0 + EST_FROM; t <= day0 + EST_TO; t++) {
        if (present(t)) {
          m++;
          meanX = meanX.add(big(x[t]));
          meanY = meanY.add(big(y[t]));
        }
      }
      meanX = meanX.divide(BigDecimal.valueOf(m), MC);
      meanY = meanY.divide(BigDecimal.valueOf(m), MC);
      for (int t = day0 + EST_FROM; t <= day0 + EST_TO; t++) {
        if (present(t)) {
          BigDecimal dx = big(x[t]).subtract(meanX);
          sxx = sxx.add(dx.multiply(dx));
          sxy = sxy.add(dx.multiply(big(y[t]).subtract(meanY)));
        }
      }
    }

    boolean present(int t) {
      return !Double.isNaN(x[t]) && !Double.isNaN(y[t]);
    }

    BigDecimal beta() {
      return sxy.divide(sxx, MC);
    }

    BigDecimal alpha() {
      return meanY.subtract(beta().multiply(meanX));
    }

    /** Σ over estimation rows of (y − fitted)², fitted = a + b·x (b = 0 for constant-mean). */
    BigDecimal squares(BigDecimal a, BigDecimal b, BigDecimal c) {
      BigDecimal ss = BigDecimal.ZERO;
      for (int t = day0 + EST_FROM; t <= day0 + EST_TO; t++) {
        if (present(t)) {
          BigDecimal e =
              big(y[t]).subtract(a).subtract(b.multiply(big(x[t]))).subtract(c.multiply(big(x[t])));
          ss = ss.add(e.multiply(e));
        }
      }
      return ss;
    }

    /** Σ_{t in window} (x_t − x̄). */
    BigDecimal centredMarketSum(EventWindow w) {
      BigDecimal g = BigDecimal.ZERO;
      for (int t = day0 + w.fromInclusive(); t <= day0 + w.toInclusive(); t++) {
        g = g.add(big(x[t]).subtract(meanX));
      }
      return g;
    }
  }

  private static void close(String what, BigDecimal expected, double actual) {
    double e = expected.doubleValue();
    assertThat(Math.abs(actual - e))
        .as("%s: reference %s, engine %s", what, e, actual)
        .isLessThanOrEqualTo(TOLERANCE * Math.abs(e));
  }

  private static BigDecimal sqrt(BigDecimal v) {
    return v.sqrt(MC);
  }

  private static int day0Of(FirmEventResult f) {
    return f.eventId().equals("a") ? DAY0[0] : DAY0[1];
  }

  @Test
  void marketModelAgreesWithBigDecimal() {
    StudyResult r = run(MarketModel.of());
    for (FirmEventResult f : r.firmEvents()) {
      Reference ref = new Reference(f.ticker(), day0Of(f));
      String at = f.eventId() + "/" + f.ticker();
      assertThat(f.observations()).as(at).isEqualTo(ref.m);
      BigDecimal beta = ref.beta();
      BigDecimal alpha = ref.alpha();
      BigDecimal s2 =
          ref.squares(alpha, beta, BigDecimal.ZERO).divide(BigDecimal.valueOf(ref.m - 2L), MC);
      close(at + " alpha", alpha, f.parameters()[0]);
      close(at + " beta", beta, f.parameters()[1]);
      close(at + " s", sqrt(s2), f.sigma());
      for (EventWindow w : WINDOWS) {
        BigDecimal len = BigDecimal.valueOf(w.length());
        BigDecimal g = ref.centredMarketSum(w);
        BigDecimal var =
            s2.multiply(
                len.add(len.multiply(len).divide(BigDecimal.valueOf(ref.m), MC))
                    .add(g.multiply(g).divide(ref.sxx, MC)));
        close(at + " Var(CAR) " + w, var, f.carVariance(w));
      }
    }
    // The data are as harsh as described: the estimation M, and a mean 50,000 σ away from 0.
    Reference a = new Reference("L000", DAY0[0]);
    assertThat(a.m).isEqualTo(5000);
    assertThat(new Reference("L001", DAY0[0]).m).isEqualTo(4950);
    double sdX = Math.sqrt(a.sxx.doubleValue() / (a.m - 1));
    assertThat(a.meanX.doubleValue() / sdX).isBetween(4e4, 6e4);
    // A one-pass textbook Sxx = Σx² − (Σx)²/M in doubles misses the reference by far more than
    // the tolerance: the test can tell a stable implementation from a naive one.
    double sum = 0;
    double sumSquares = 0;
    for (int t = DAY0[0] + EST_FROM; t <= DAY0[0] + EST_TO; t++) {
      sum += a.x[t];
      sumSquares += a.x[t] * a.x[t];
    }
    double naive = sumSquares - sum * sum / a.m;
    double exact = a.sxx.doubleValue();
    assertThat(Math.abs(naive - exact) / exact).isGreaterThan(1e-6);
  }

  @Test
  void constantMeanModelAgreesWithBigDecimal() {
    StudyResult r = run(ConstantMeanModel.of());
    for (FirmEventResult f : r.firmEvents()) {
      Reference ref = new Reference(f.ticker(), day0Of(f));
      String at = f.eventId() + "/" + f.ticker();
      BigDecimal s2 =
          ref.squares(ref.meanY, BigDecimal.ZERO, BigDecimal.ZERO)
              .divide(BigDecimal.valueOf(ref.m - 1L), MC);
      close(at + " mu", ref.meanY, f.parameters()[0]);
      close(at + " s", sqrt(s2), f.sigma());
      for (EventWindow w : WINDOWS) {
        BigDecimal len = BigDecimal.valueOf(w.length());
        close(
            at + " Var(CAR) " + w,
            s2.multiply(len.add(len.multiply(len).divide(BigDecimal.valueOf(ref.m), MC))),
            f.carVariance(w));
      }
    }
  }

  @Test
  void marketAdjustedModelAgreesWithBigDecimal() {
    StudyResult r = run(MarketAdjustedModel.of());
    for (FirmEventResult f : r.firmEvents()) {
      Reference ref = new Reference(f.ticker(), day0Of(f));
      String at = f.eventId() + "/" + f.ticker();
      // ε = y − x: a = 0, b = 0, c = 1.
      BigDecimal s2 =
          ref.squares(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE)
              .divide(BigDecimal.valueOf(ref.m), MC);
      close(at + " s", sqrt(s2), f.sigma());
      for (EventWindow w : WINDOWS) {
        close(at + " Var(CAR) " + w, s2.multiply(BigDecimal.valueOf(w.length())), f.carVariance(w));
      }
    }
  }
}
