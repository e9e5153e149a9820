package io.eventide.spark;

import io.eventide.inference.Measure;
import io.eventide.inference.SampleSummary;
import io.eventide.inference.TestSuite;
import io.eventide.inference.WilcoxonSignedRankTest;
import io.eventide.market.ReturnPanel;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
import io.eventide.study.internal.PartialSums;
import io.eventide.study.internal.StudyPartitions;
import io.eventide.study.internal.StudySummaries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

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
      int partitions) {
    boolean grouped = resolved.specification().groupBy().isPresent();
    if (suite.ids().contains(WilcoxonSignedRankTest.ID)) {
      List<SignedRanks.SampleKey> unranked = new ArrayList<>();
      Map<String, StudySummaries> sets = new LinkedHashMap<>();
      sets.put("", summaries);
      summaries.groups().forEach(sets::put);
      for (Map.Entry<String, StudySummaries> e : sets.entrySet()) {
        for (int w = 0; w < summaries.windows(); w++) {
          for (Measure m : List.of(Measure.CAR, Measure.BHAR)) {
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
    StudyTests tests = StudyPartitions.tests(resolved.specification(), sums, summaries, suite);
    Map<String, StudyTests> groups = StudyPartitions.groupTests(resolved, sums, summaries, suite);
    StudyMeans means = StudyPartitions.means(resolved, summaries);
    return new DistributedStudyResult(
        resolved, panel, tests, groups, means, rows, partitions, null);
  }

  /** The tests of a study assembled on the driver, with the reason why it was. */
  static DistributedStudyResult ofResult(
      ResolvedStudy resolved,
      ReturnPanel panel,
      StudyResult result,
      TestSuite suite,
      JavaRDD<MappedFirmEvent> rows,
      int partitions,
      String reason) {
    return new DistributedStudyResult(
        resolved,
        panel,
        StudyTests.run(result, suite),
        StudyTests.runGroups(result, suite),
        StudyMeans.of(result),
        rows,
        partitions,
        reason);
  }
}
