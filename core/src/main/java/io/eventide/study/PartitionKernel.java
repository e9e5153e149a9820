package io.eventide.study;

import io.eventide.calendar.TradingCalendar;
import io.eventide.event.EventWindow;
import io.eventide.inference.Measure;
import io.eventide.inference.SampleSummary;
import io.eventide.inference.TestResult;
import io.eventide.inference.TestSuite;
import io.eventide.model.NormalReturnModel;
import io.eventide.study.internal.ClusterCorrelation;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.PartialSums;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.study.internal.StudySummaries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The implementation of {@link StudyPartitions}: the same {@link FirmEventMapper}, {@link
 * ClusterCorrelation} and {@link StudyResult} as {@link EventStudy}, run one partition or one
 * cluster at a time. Installed into {@link StudyPartitions} when this class is initialised.
 */
final class PartitionKernel implements StudyPartitions.Kernel {

  static {
    StudyPartitions.install(new PartitionKernel());
  }

  private PartitionKernel() {}

  @Override
  public PartialSums map(
      ResolvedStudy resolved, Consumer<MappedFirmEvent> out, boolean keepEstimationSar) {
    StudyLayout layout = resolved.layout;
    FirmEventColumns cols = columns(resolved, keepEstimationSar);
    FirmEventMapper mapper = FirmEventMapper.of(resolved, cols);
    PartialSums sums = sums(layout);
    for (int fe = 0; fe < cols.size; fe++) {
      if (cols.outcome[fe] != null) {
        continue;
      }
      String label = cols.group == null ? "" : cols.groupLabels.get(cols.group[fe]);
      if (!mapper.map(fe)) {
        out.accept(row(resolved, cols, layout, fe, null, 0, 0, null, label));
        continue;
      }
      double[] resid = mapper.residuals();
      double[] scores = mapper.scores();
      long[] mask = mapper.mask();
      accumulate(sums, layout, resid, scores, mask);
      if (cols.group != null) {
        accumulate(sums.group(label), layout, resid, scores, mask);
      }
      out.accept(
          row(
              resolved,
              cols,
              layout,
              fe,
              resid.clone(),
              mapper.observations(),
              mapper.residualSum(),
              mask.clone(),
              label));
    }
    return sums;
  }

  /** Adds a mapped firm-event's residuals and rank scores to the windows whose sample holds it. */
  private static void accumulate(
      PartialSums sums, StudyLayout layout, double[] resid, double[] scores, long[] mask) {
    double[][] aarSum = sums.residualSums();
    int[][] aarCount = sums.residualCounts();
    double[][] rankSum = sums.rankSums();
    int[][] rankCount = sums.rankCounts();
    for (int w = 0; w < layout.windowCount; w++) {
      if (!ClusterCorrelation.has(mask, w)) {
        continue;
      }
      for (int tau = 0; tau < layout.estLen; tau++) {
        double e = resid[tau];
        if (e == e) {
          aarSum[w][tau] += e;
          aarCount[w][tau]++;
        }
      }
      for (int c = 0; c < layout.combinedLen; c++) {
        double u = scores[c];
        if (u == u) {
          rankSum[w][c] += u;
          rankCount[w][c]++;
        }
      }
    }
  }

  private static MappedFirmEvent row(
      ResolvedStudy resolved,
      FirmEventColumns cols,
      StudyLayout layout,
      int fe,
      double[] resid,
      int m,
      double residSum,
      long[] mask,
      String group) {
    int width = cols.width;
    double[] params = new double[width];
    System.arraycopy(cols.parameters, fe * width, params, 0, width);
    ListingData ld = resolved.listings[cols.listing[fe]];
    double[] estimationSar = null;
    if (cols.estimationSar != null) {
      estimationSar = new double[layout.estLen];
      System.arraycopy(cols.estimationSar, fe * layout.estLen, estimationSar, 0, layout.estLen);
    }
    return new MappedFirmEvent(
        resolved.events.get(cols.event[fe]).id(),
        cols.ticker[fe],
        cols.outcome[fe],
        cols.reason[fe] == null ? "" : cols.reason[fe],
        cols.observations[fe],
        params,
        cols.residualVariance[fe],
        cols.positiveShare[fe],
        column(cols.car, fe),
        column(cols.carVariance, fe),
        column(cols.bhar, fe),
        column(cols.expected, fe),
        column(cols.ar, fe),
        column(cols.sar, fe),
        spanValues(ld.returns, cols.dayZero[fe] + layout.spanFrom, layout.spanLen),
        ld.calendar.name(),
        cols.dayZero[fe] + layout.estFrom,
        resid,
        m,
        residSum,
        mask,
        group,
        estimationSar);
  }

  /** The listing's values on the days of a firm-event's span (as FirmEventResult.returnOn). */
  private static double[] spanValues(double[] values, int from, int length) {
    double[] out = new double[length];
    System.arraycopy(values, from, out, 0, length);
    return out;
  }

  private static double[] column(double[][] byRow, int fe) {
    double[] out = new double[byRow.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = byRow[i][fe];
    }
    return out;
  }

  @Override
  public void addClusterPairSums(
      StudySpecification spec,
      List<MappedFirmEvent> cluster,
      Function<String, TradingCalendar> calendars,
      PartialSums into) {
    double[] all = clusterPairSums(spec, cluster, calendars);
    into.addPairSums(all);
    if (spec.groupBy().isEmpty()) {
      return;
    }
    // r̄ of a group: only the pairs whose two firm-events are in the group (canonical order kept).
    Map<String, List<MappedFirmEvent>> byGroup = new TreeMap<>();
    for (MappedFirmEvent fe : cluster) {
      byGroup.computeIfAbsent(fe.group(), k -> new ArrayList<>()).add(fe);
    }
    for (Map.Entry<String, List<MappedFirmEvent>> g : byGroup.entrySet()) {
      into.group(g.getKey()).addPairSums(clusterPairSums(spec, g.getValue(), calendars));
    }
  }

  @Override
  public double[] clusterPairSums(
      StudySpecification spec,
      List<MappedFirmEvent> cluster,
      Function<String, TradingCalendar> calendars) {
    if (spec.conventions() == Conventions.STATA_ESTUDY) {
      throw new IllegalArgumentException(
          "Stata's conventions (--conventions stata-estudy) pair every two firm-events of a"
              + " window's sample, across events, not the clusters of one event: form their r̄"
              + " with AllPairsSums");
    }
    StudyLayout layout = new StudyLayout(spec);
    double[] pairs = new double[layout.windowCount];
    ClusterCorrelation<double[]> correlation =
        new ClusterCorrelation<>(
            layout.estLen,
            layout.windowCount,
            (resid, e0, into) -> System.arraycopy(resid, 0, into, 0, into.length));
    for (MappedFirmEvent fe : cluster) {
      if (!fe.inSample()) {
        continue;
      }
      if (fe.residuals().length != layout.estLen) {
        throw new IllegalArgumentException(
            "Firm-event "
                + fe.eventId()
                + "/"
                + fe.ticker()
                + " has "
                + fe.residuals().length
                + " estimation residuals; the specification has "
                + layout.estLen);
      }
      TradingCalendar calendar = calendars.apply(fe.calendar());
      if (calendar == null) {
        throw new IllegalArgumentException("No calendar named " + fe.calendar());
      }
      correlation.add(
          calendar,
          fe.estimationStart(),
          fe.residuals(),
          fe.residualCount(),
          fe.residualSum(),
          fe.windowMask(),
          fe.residuals());
    }
    correlation.addTo(pairs);
    return pairs;
  }

  @Override
  public PartialSums emptySums(StudySpecification spec) {
    return sums(new StudyLayout(spec));
  }

  private static PartialSums sums(StudyLayout layout) {
    return new PartialSums(layout.windowCount, layout.estLen, layout.combinedLen);
  }

  @Override
  public StudyResult assemble(
      ResolvedStudy resolved,
      Iterable<MappedFirmEvent> mapped,
      PartialSums sums,
      boolean keepEstimationSar) {
    StudyLayout layout = resolved.layout;
    FirmEventColumns cols = columns(resolved, keepEstimationSar);
    Map<String, Integer> index = new HashMap<>();
    for (int fe = 0; fe < cols.size; fe++) {
      if (cols.outcome[fe] == null) {
        index.put(key(resolved.events.get(cols.event[fe]).id(), cols.ticker[fe]), fe);
      }
    }
    int width = cols.width;
    for (MappedFirmEvent row : mapped) {
      Integer at = index.get(key(row.eventId(), row.ticker()));
      if (at == null) {
        throw new IllegalStateException(
            "Firm-event "
                + row.eventId()
                + "/"
                + row.ticker()
                + " was mapped but is not resolved in the whole study");
      }
      int fe = at;
      if (cols.outcome[fe] != null) {
        throw new IllegalStateException(
            "Firm-event " + row.eventId() + "/" + row.ticker() + " was mapped twice");
      }
      cols.outcome[fe] = row.outcome();
      cols.reason[fe] = row.reason().isEmpty() ? null : row.reason();
      cols.observations[fe] = row.observations();
      if (row.parameters().length != width) {
        throw new IllegalStateException(
            "Expected " + width + " parameters, got " + row.parameters().length);
      }
      System.arraycopy(row.parameters(), 0, cols.parameters, fe * width, width);
      cols.residualVariance[fe] = row.residualVariance();
      cols.positiveShare[fe] = row.positiveShare();
      fill(cols.car, row.car(), fe);
      fill(cols.carVariance, row.carVariance(), fe);
      fill(cols.bhar, row.bhar(), fe);
      fill(cols.expected, row.expected(), fe);
      fill(cols.ar, row.ar(), fe);
      fill(cols.sar, row.sar(), fe);
      if (cols.estimationSar != null) {
        if (row.estimationSar() == null || row.estimationSar().length != layout.estLen) {
          throw new IllegalStateException(
              "Firm-event "
                  + row.eventId()
                  + "/"
                  + row.ticker()
                  + " carries no estimation SARs; map with keepEstimationSar to assemble them");
        }
        System.arraycopy(
            row.estimationSar(), 0, cols.estimationSar, fe * layout.estLen, layout.estLen);
      }
    }
    for (int fe = 0; fe < cols.size; fe++) {
      if (cols.outcome[fe] == null) {
        throw new IllegalStateException(
            "Firm-event "
                + resolved.events.get(cols.event[fe]).id()
                + "/"
                + cols.ticker[fe]
                + " is resolved but was not mapped");
      }
    }
    if (sums.windows() != layout.windowCount
        || (layout.windowCount > 0
            && (sums.residualSums()[0].length != layout.estLen
                || sums.rankSums()[0].length != layout.combinedLen))) {
      throw new IllegalArgumentException("The partial sums are shaped for another study");
    }
    // Index 0: all firm-events; 1 + g: group g of the whole study (labels sorted).
    WindowAccumulators[] acc = new WindowAccumulators[1 + resolved.groupLabels.size()];
    acc[0] = accumulators(layout, sums);
    for (int g = 0; g < resolved.groupLabels.size(); g++) {
      String label = resolved.groupLabels.get(g);
      acc[1 + g] =
          accumulators(
              layout, sums.groups().containsKey(label) ? sums.groups().get(label) : sums(layout));
    }
    for (String label : sums.groups().keySet()) {
      if (!resolved.groupLabels.contains(label)) {
        throw new IllegalStateException(
            "The partial sums hold group '" + label + "', which the whole study does not have");
      }
    }
    return new StudyResult(resolved, cols, acc);
  }

  private static WindowAccumulators accumulators(StudyLayout layout, PartialSums sums) {
    WindowAccumulators acc = new WindowAccumulators(layout);
    for (int w = 0; w < layout.windowCount; w++) {
      WindowAccumulators.addInto(acc.aarSum[w], sums.residualSums()[w]);
      WindowAccumulators.addInto(acc.aarCount[w], sums.residualCounts()[w]);
      WindowAccumulators.addInto(acc.rankSum[w], sums.rankSums()[w]);
      WindowAccumulators.addInto(acc.rankCount[w], sums.rankCounts()[w]);
      acc.pairSum[w] = sums.pairSums()[w];
    }
    return acc;
  }

  @Override
  public StudySummaries emptySummaries(StudySpecification spec) {
    return new StudySummaries(
        spec.testWindows().size(),
        spec.model().parameterCount(),
        spec.groupBy().isPresent(),
        spec.bharBenchmark().isPresent(),
        spec.measure());
  }

  @Override
  public StudyTests tests(
      StudySpecification spec, PartialSums sums, StudySummaries summaries, TestSuite suite) {
    StudyLayout layout = new StudyLayout(spec);
    if (sums.windows() != layout.windowCount || summaries.windows() != layout.windowCount) {
      throw new IllegalArgumentException("The sums or summaries are shaped for another study");
    }
    List<StudyTests.Row> rows = new ArrayList<>();
    for (Measure m : spec.measure().measures()) {
      for (int w = 0; w < layout.windowCount; w++) {
        EventWindow window = layout.testWindows.get(w);
        SampleSummary s = summaries.sample(w, m);
        if (m == Measure.CAR || m == Measure.CAVOL) { // a CAR sample: r̄, AAR and Ū attached
          int from = layout.rankFrom(w);
          s.withSampleInputs(
              StudyResult.meanCrossCorrelation(sums.pairSums()[w], Math.toIntExact(s.size())),
              StudyResult.means(sums.residualSums()[w], sums.residualCounts()[w]),
              StudyResult.means(sums.rankSums()[w], sums.rankCounts()[w]),
              from,
              from + window.length() - 1);
        }
        for (TestResult r : suite.run(s)) {
          rows.add(new StudyTests.Row(window, m, r));
        }
      }
    }
    return StudyTests.of(rows);
  }

  @Override
  public StudyMeans means(ResolvedStudy resolved, StudySummaries summaries) {
    StudySpecification spec = resolved.spec;
    List<EventWindow> windows = spec.testWindows();
    return StudyMeans.of(
        spec,
        resolved.groupLabels,
        (g, w, m) -> {
          StudySummaries set =
              g.isEmpty()
                  ? summaries
                  : summaries.groups().containsKey(g)
                      ? summaries.groups().get(g)
                      : emptySummaries(spec);
          SampleSummary s = set.sample(windows.indexOf(w), m);
          return MeanEstimate.of(s.size(), s.mean(), s.sumSquaredDeviations());
        });
  }

  @Override
  public Map<String, StudyTests> groupTests(
      ResolvedStudy resolved, PartialSums sums, StudySummaries summaries, TestSuite suite) {
    StudySpecification spec = resolved.spec;
    Map<String, StudyTests> out = new LinkedHashMap<>();
    for (String label : resolved.groupLabels) {
      PartialSums g = sums.groups().containsKey(label) ? sums.groups().get(label) : emptySums(spec);
      StudySummaries gs =
          summaries.groups().containsKey(label)
              ? summaries.groups().get(label)
              : emptySummaries(spec);
      out.put(label, tests(spec, g, gs, suite));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The columns {@link EventStudy} makes for the same study. */
  private static FirmEventColumns columns(ResolvedStudy resolved, boolean keepEstimationSar) {
    NormalReturnModel model = resolved.spec.model();
    return new FirmEventColumns(
        resolved, model.parameterCount(), model.parameterNames().size(), keepEstimationSar);
  }

  private static void fill(double[][] byRow, double[] values, int fe) {
    if (values.length != byRow.length) {
      throw new IllegalStateException("Expected " + byRow.length + " values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      byRow[i][fe] = values[i];
    }
  }

  private static String key(String eventId, String ticker) {
    return eventId + '\u0000' + ticker;
  }
}
