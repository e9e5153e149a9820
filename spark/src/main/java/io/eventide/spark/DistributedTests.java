package io.eventide.spark;

import io.eventide.inference.EstimationSar;
import io.eventide.inference.GeneralizedRankSums;
import io.eventide.inference.Measure;
import io.eventide.inference.SampleSummary;
import io.eventide.inference.TestSuite;
import io.eventide.inference.WilcoxonSignedRankTest;
import io.eventide.market.ReturnPanel;
import io.eventide.study.Outcome;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.PartialSums;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.study.internal.StudySummaries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Tuple2;

/** The driver's last step of {@link SparkStudy#runDistributed}: W⁺ where needed, then the tests. */
final class DistributedTests {

  private DistributedTests() {}

  /**
   * Ranks the samples whose W⁺ the summaries cannot give, then finishes the suite from the merged
   * sums and summaries.
   */
  static DistributedStudyResult finish(
      JavaSparkContext jsc,
      ResolvedStudy resolved,
      ReturnPanel panel,
      PartialSums sums,
      StudySummaries summaries,
      TestSuite suite,
      JavaRDD<MappedFirmEvent> rows,
      int partitions,
      SparkStudyFiles files) {
    boolean grouped = resolved.specification().groupBy().isPresent();
    if (suite.ids().contains(WilcoxonSignedRankTest.ID)) {
      List<SignedRanks.SampleKey> unranked = new ArrayList<>();
      Map<String, StudySummaries> sets = new LinkedHashMap<>();
      sets.put("", summaries);
      summaries.groups().forEach(sets::put);
      for (Map.Entry<String, StudySummaries> e : sets.entrySet()) {
        for (int w = 0; w < summaries.windows(); w++) {
          for (Measure m : resolved.specification().measure().measures()) {
            if (!e.getValue().sample(w, m).hasPositiveRankSum()) {
              unranked.add(new SignedRanks.SampleKey(e.getKey(), w, m));
            }
          }
        }
      }
      Map<SignedRanks.SampleKey, Double> w =
          SignedRanks.positiveRankSums(jsc, rows, unranked, grouped, partitions);
      for (SignedRanks.SampleKey k : unranked) {
        StudySummaries set = k.group().isEmpty() ? summaries : summaries.group(k.group());
        SampleSummary s = set.sample(k.window(), k.measure());
        s.withPositiveRankSum(w.get(k));
      }
    }
    if (suite.needsEstimationSar()) {
      attachGeneralizedRanks(jsc, resolved, summaries, rows, grouped);
    }
    StudyTests tests = StudyPartitions.tests(resolved.specification(), sums, summaries, suite);
    Map<String, StudyTests> groups = StudyPartitions.groupTests(resolved, sums, summaries, suite);
    StudyMeans means = StudyPartitions.means(resolved, summaries);
    long[] outcomes = new long[Outcome.values().length];
    for (Outcome o : Outcome.values()) {
      outcomes[o.ordinal()] = summaries.count(o) + resolved.count(o);
    }
    return new DistributedStudyResult(
        resolved, panel, outcomes, tests, groups, means, rows, partitions, null, files);
  }

  /**
   * The second pass of the generalized rank tests: {@code S_SCAR} of each CAR sample from the
   * merged moments is broadcast; each partition ranks each firm-event's estimation SARs once and
   * adds its rank scores to every sample it belongs to ({@link GeneralizedRankSums}); the driver
   * merges the partitions' sums in partition index order and attaches them.
   */
  private static void attachGeneralizedRanks(
      JavaSparkContext jsc,
      ResolvedStudy resolved,
      StudySummaries summaries,
      JavaRDD<MappedFirmEvent> rows,
      boolean grouped) {
    int days = resolved.specification().estimationWindow().length();
    Map<String, StudySummaries> sets = new LinkedHashMap<>();
    sets.put("", summaries);
    summaries.groups().forEach(sets::put);
    List<SignedRanks.SampleKey> keys = new ArrayList<>();
    List<Double> scale = new ArrayList<>();
    for (Map.Entry<String, StudySummaries> e : sets.entrySet()) {
      for (int w = 0; w < summaries.windows(); w++) {
        SampleSummary s = e.getValue().sample(w, Measure.CAR);
        double sScar = s.scarStandardDeviation();
        if (s.size() >= 2 && sScar > 0.0 && Double.isFinite(sScar)) {
          keys.add(new SignedRanks.SampleKey(e.getKey(), w, Measure.CAR));
          scale.add(sScar);
        } else {
          s.withGeneralizedRanks(sScar, new GeneralizedRankSums(days));
        }
      }
    }
    if (keys.isEmpty()) {
      return;
    }
    Broadcast<List<SignedRanks.SampleKey>> keysB = jsc.broadcast(List.copyOf(keys));
    Broadcast<List<Double>> scaleB = jsc.broadcast(List.copyOf(scale));
    try {
      List<Tuple2<Integer, GeneralizedRankSums[]>> parts =
          new ArrayList<>(
              rows.mapPartitionsWithIndex(
                      (i, it) ->
                          List.of(
                                  new Tuple2<>(
                                      i,
                                      rankSums(it, keysB.value(), scaleB.value(), days, grouped)))
                              .iterator(),
                      true)
                  .collect());
      parts.sort(Comparator.comparingInt(Tuple2::_1));
      for (int k = 0; k < keys.size(); k++) {
        GeneralizedRankSums total = new GeneralizedRankSums(days);
        for (Tuple2<Integer, GeneralizedRankSums[]> p : parts) {
          total.merge(p._2()[k]);
        }
        SignedRanks.SampleKey key = keys.get(k);
        StudySummaries set = key.group().isEmpty() ? summaries : summaries.group(key.group());
        set.sample(key.window(), Measure.CAR).withGeneralizedRanks(scale.get(k), total);
      }
    } finally {
      keysB.destroy();
      scaleB.destroy();
    }
  }

  private static GeneralizedRankSums[] rankSums(
      Iterator<MappedFirmEvent> it,
      List<SignedRanks.SampleKey> keys,
      List<Double> scale,
      int days,
      boolean grouped) {
    GeneralizedRankSums[] sums = new GeneralizedRankSums[keys.size()];
    for (int k = 0; k < sums.length; k++) {
      sums[k] = new GeneralizedRankSums(days);
    }
    while (it.hasNext()) {
      MappedFirmEvent fe = it.next();
      double[] car = fe.car();
      EstimationSar row = null;
      for (int k = 0; k < sums.length; k++) {
        SignedRanks.SampleKey key = keys.get(k);
        int w = key.window();
        if (Double.isNaN(car[w])
            || (grouped && !key.group().isEmpty() && !key.group().equals(fe.group()))) {
          continue;
        }
        if (row == null) {
          if (fe.estimationSar() == null) {
            throw new IllegalStateException(
                "Firm-event " + fe.eventId() + "/" + fe.ticker() + " carries no estimation SARs");
          }
          row = EstimationSar.of(new double[][] {fe.estimationSar()});
        }
        sums[k].add(row, 0, car[w] / Math.sqrt(fe.carVariance()[w]), scale.get(k));
      }
    }
    return sums;
  }

  /** The tests of a study assembled on the driver, with the reason why it was. */
  static DistributedStudyResult ofResult(
      ResolvedStudy resolved,
      ReturnPanel panel,
      StudyResult result,
      TestSuite suite,
      JavaRDD<MappedFirmEvent> rows,
      int partitions,
      String reason,
      SparkStudyFiles files) {
    long[] outcomes = new long[Outcome.values().length];
    for (Outcome o : Outcome.values()) {
      outcomes[o.ordinal()] = result.count(o);
    }
    return new DistributedStudyResult(
        resolved,
        panel,
        outcomes,
        StudyTests.run(result, suite),
        StudyTests.runGroups(result, suite),
        StudyMeans.of(result),
        rows,
        partitions,
        reason,
        files);
  }
}
