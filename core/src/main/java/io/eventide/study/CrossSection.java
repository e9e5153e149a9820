package io.eventide.study;

import io.eventide.event.EventWindow;
import io.eventide.event.FirmCharacteristics;
import io.eventide.inference.CrossSectionalRegression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The cross-sectional regression of a study ({@code docs/statistics.md} section 3e): for each study
 * window, OLS of the firm-events' CARs on a constant and their characteristics, with HC1 errors and
 * errors clustered by event (CR1), computed by {@link CrossSectionalRegression}.
 *
 * <p>The sample of a window is its CAR sample (the {@code OK} firm-events with a CAR in the window)
 * less the firm-events without a characteristics row or with a missing value in it; both counts are
 * kept. Rows for firm-events that are not in the study are ignored and counted. Observations are
 * taken in the study's canonical order (event id, then ticker) and clustered by event, so the
 * result does not depend on the order of the inputs.
 *
 * @param windows one regression per study window, in the study's order
 * @param unmatchedRows characteristics rows whose firm-event is not in the study, sorted
 */
public record CrossSection(
    List<WindowRegression> windows, List<FirmCharacteristics.Key> unmatchedRows) {

  /**
   * One window's regression.
   *
   * @param window the study window
   * @param fit the regression
   * @param withoutRow firm-events of the window's sample without a characteristics row
   * @param withMissingValue firm-events of the window's sample whose row has a missing value
   */
  public record WindowRegression(
      EventWindow window, CrossSectionalRegression.Fit fit, int withoutRow, int withMissingValue) {

    /** Checks the parts. */
    public WindowRegression {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(fit, "fit");
    }
  }

  /** Copies the lists. */
  public CrossSection {
    windows = List.copyOf(windows);
    unmatchedRows = List.copyOf(unmatchedRows);
  }

  /**
   * Runs the regression of every study window.
   *
   * @param result a study's result
   * @param characteristics the firm-events' characteristics
   * @return the regressions
   */
  public static CrossSection run(StudyResult result, FirmCharacteristics characteristics) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(characteristics, "characteristics");
    List<String> names = characteristics.names();
    if (names.contains(CrossSectionalRegression.CONSTANT)) {
      throw new IllegalArgumentException(
          "A characteristic may not be named '"
              + CrossSectionalRegression.CONSTANT
              + "', the constant's term");
    }
    int p = names.size();
    List<FirmEventResult> fes = result.firmEvents();
    Set<FirmCharacteristics.Key> inStudy = new HashSet<>();
    for (FirmEventResult fe : fes) {
      inStudy.add(new FirmCharacteristics.Key(fe.eventId(), fe.ticker()));
    }
    List<FirmCharacteristics.Key> unmatched = new ArrayList<>();
    for (FirmCharacteristics.Key k : characteristics.keys()) {
      if (!inStudy.contains(k)) {
        unmatched.add(k);
      }
    }
    unmatched.sort(
        java.util.Comparator.comparing(FirmCharacteristics.Key::eventId)
            .thenComparing(FirmCharacteristics.Key::ticker));
    List<WindowRegression> out = new ArrayList<>();
    for (EventWindow w : result.windows()) {
      double[] y = new double[fes.size()];
      double[][] x = new double[p][fes.size()];
      int[] cluster = new int[fes.size()];
      int n = 0;
      int withoutRow = 0;
      int withMissing = 0;
      int eventIndex = -1;
      String lastEvent = null;
      for (FirmEventResult fe : fes) {
        if (!fe.eventId().equals(lastEvent)) {
          lastEvent = fe.eventId();
          eventIndex++;
        }
        if (fe.outcome() != Outcome.OK) {
          continue;
        }
        double car = fe.car(w);
        if (Double.isNaN(car)) {
          continue;
        }
        var row = characteristics.values(fe.eventId(), fe.ticker());
        if (row.isEmpty()) {
          withoutRow++;
          continue;
        }
        double[] v = row.get();
        boolean complete = true;
        for (double d : v) {
          complete &= !Double.isNaN(d);
        }
        if (!complete) {
          withMissing++;
          continue;
        }
        y[n] = car;
        for (int j = 0; j < p; j++) {
          x[j][n] = v[j];
        }
        cluster[n] = eventIndex;
        n++;
      }
      double[][] xs = new double[p][];
      for (int j = 0; j < p; j++) {
        xs[j] = java.util.Arrays.copyOf(x[j], n);
      }
      CrossSectionalRegression.Fit fit =
          CrossSectionalRegression.fit(
              java.util.Arrays.copyOf(y, n), names, xs, java.util.Arrays.copyOf(cluster, n));
      out.add(new WindowRegression(w, fit, withoutRow, withMissing));
    }
    return new CrossSection(out, unmatched);
  }
}
