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
    List<String> out = new ArrayList<>();
    EventWindow span = r.specification().eventSpan();
    for (FirmEventResult f : r.firmEvents()) {
      String id = f.eventId() + "/" + f.ticker();
      out.add(id + " outcome=" + f.outcome() + " day0=" + f.dayZero() + " M=" + f.observations());
      double[] p = f.parameters();
      for (int j = 0; j < p.length; j++) {
        add(out, id + " param" + j, p[j]);
      }
      add(out, id + " sigma", f.sigma());
      add(out, id + " pos", f.positiveEstimationShare());
      for (int t = span.fromInclusive(); t <= span.toInclusive(); t++) {
        add(out, id + " ar" + t, f.abnormalReturn(t));
        add(out, id + " sar" + t, f.standardizedAbnormalReturn(t));
      }
      for (EventWindow w : r.testWindows()) {
        add(out, id + " car" + w, f.car(w));
        add(out, id + " var" + w, f.carVariance(w));
        add(out, id + " scar" + w, f.scar(w));
        add(out, id + " p" + w, f.pValue(w));
        add(out, id + " bhar" + w, f.bhar(w));
      }
    }
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

  private static void add(List<String> out, String label, double v) {
    out.add(label + "=" + Long.toHexString(Double.doubleToRawLongBits(v)));
  }
}
