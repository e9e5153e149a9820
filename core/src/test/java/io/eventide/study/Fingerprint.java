package io.eventide.study;

import io.eventide.event.EventWindow;
import io.eventide.inference.CarSample;
import io.eventide.inference.Measure;
import java.util.ArrayList;
import java.util.List;

/**
 * Every output of a study as a list of labelled raw bit patterns ({@link
 * Double#doubleToRawLongBits}), so two runs can be compared for bit-identity.
 */
final class Fingerprint {

  private Fingerprint() {}

  static List<String> of(StudyResult r) {
    List<String> out = firmEvents(r.firmEvents(), r.specification().eventSpan(), r.testWindows());
    for (EventWindow w : r.testWindows()) {
      CarSample s = (CarSample) r.sample(w, Measure.CAR);
      String id = "sample" + w;
      out.add(id + " N=" + s.size() + " rank=" + s.rankWindowFrom() + ".." + s.rankWindowTo());
      for (int i = 0; i < s.size(); i++) {
        add(out, id + " car" + i, s.value(i));
        add(out, id + " scar" + i, s.standardized(i));
        add(out, id + " dof" + i, s.degreesOfFreedom(i));
        add(out, id + " pos" + i, s.positiveEstimationShare(i));
      }
      add(out, id + " rbar", s.meanCrossCorrelation());
      double[] aar = s.estimationAar();
      for (int i = 0; i < aar.length; i++) {
        add(out, id + " aar" + i, aar[i]);
      }
      double[] u = s.meanRankScores();
      for (int i = 0; i < u.length; i++) {
        add(out, id + " ubar" + i, u[i]);
      }
      double[] b = r.sample(w, Measure.BHAR).values();
      for (int i = 0; i < b.length; i++) {
        add(out, id + " bhar" + i, b[i]);
      }
    }
    return out;
  }

  /**
   * Every value of each firm-event: outcome, reason, day 0, M, parameters, σ, sign share, and per
   * day of the span the return, expected return, AR and SAR, and per window CAR, Var(CAR), SCAR,
   * p-value and BHAR.
   */
  static List<String> firmEvents(
      List<FirmEventResult> firmEvents, EventWindow span, List<EventWindow> windows) {
    List<String> out = new ArrayList<>();
    for (FirmEventResult f : firmEvents) {
      String id = f.eventId() + "/" + f.ticker();
      out.add(id + " outcome=" + f.outcome() + " day0=" + f.dayZero() + " M=" + f.observations());
      out.add(id + " reason=" + f.reason());
      double[] p = f.parameters();
      for (int j = 0; j < p.length; j++) {
        add(out, id + " param" + j, p[j]);
      }
      add(out, id + " sigma", f.sigma());
      add(out, id + " pos", f.positiveEstimationShare());
      for (int t = span.fromInclusive(); t <= span.toInclusive(); t++) {
        add(out, id + " r" + t, f.returnOn(t));
        add(out, id + " e" + t, f.expectedReturn(t));
        add(out, id + " ar" + t, f.abnormalReturn(t));
        add(out, id + " sar" + t, f.standardizedAbnormalReturn(t));
      }
      for (EventWindow w : windows) {
        add(out, id + " car" + w, f.car(w));
        add(out, id + " var" + w, f.carVariance(w));
        add(out, id + " scar" + w, f.scar(w));
        add(out, id + " p" + w, f.pValue(w));
        add(out, id + " bhar" + w, f.bhar(w));
      }
    }
    return out;
  }

  private static void add(List<String> out, String label, double v) {
    out.add(label + "=" + Long.toHexString(Double.doubleToRawLongBits(v)));
  }
}
