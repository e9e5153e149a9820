package io.eventide.spark;

import io.eventide.inference.Measure;
import io.eventide.study.internal.MappedFirmEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Wilcoxon's positive rank sum W⁺ of test samples too large to summarize by their values ({@code N'
 * > 30}), ranked exactly across partitions ({@code docs/spark.md}, "Tests from merged sums"):
 *
 * <ol>
 *   <li>each non-zero value of a sample becomes the key {@code (sample, |x|)} with the value {@code
 *       (1, x > 0 ? 1 : 0)};
 *   <li>the records are range-sorted by key (one shuffle), so that each partition holds a run of
 *       magnitudes, and exact ties, which the range partitioner sends to one partition, are
 *       adjacent there;
 *   <li>one pass counts each partition's records per sample; the driver turns the counts into each
 *       partition's offset per sample (the number of non-zero values of that sample in the
 *       partitions before it);
 *   <li>a second pass walks each partition in order, merging the adjacent equal keys: a tie group
 *       of {@code c} values of which {@code p} positive, with {@code b} smaller values before it,
 *       holds the ranks {@code b + 1 .. b + c}, average {@code (2b + c + 1)/2}, and adds {@code p
 *       (2b + c + 1)} to {@code 2 W⁺}; the partitions' sums are added on the driver.
 * </ol>
 *
 * <p>Every step is integer arithmetic on {@code long}s, so W⁺ is exact (the local test's half-
 * integer double sum is exact too, below 2⁵³) and independent of the partitioning.
 */
final class SignedRanks {

  private SignedRanks() {}

  /**
   * A test sample of the study: a group (empty for all firm-events), a test window index, a
   * measure.
   */
  record SampleKey(String group, int window, Measure measure) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A sample's index in the list of ranked samples and a magnitude's bits. */
  record MagnitudeKey(int sample, long magnitude)
      implements Comparable<MagnitudeKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compareTo(MagnitudeKey o) {
      int c = Integer.compare(sample, o.sample);
      // The bits of a non-negative double order as the double does.
      return c != 0 ? c : Long.compare(magnitude, o.magnitude);
    }
  }

  /**
   * @param jsc the context
   * @param rows the mapped firm-events
   * @param samples the samples to rank
   * @param grouped whether the study is grouped (a group's samples hold its firm-events only)
   * @param partitions the number of partitions of the sort
   * @return W⁺ of each sample
   */
  static Map<SampleKey, Double> positiveRankSums(
      JavaSparkContext jsc,
      JavaRDD<MappedFirmEvent> rows,
      List<SampleKey> samples,
      boolean grouped,
      int partitions) {
    Map<SampleKey, Double> out = new HashMap<>();
    if (samples.isEmpty()) {
      return out;
    }
    Broadcast<List<SampleKey>> samplesB = jsc.broadcast(List.copyOf(samples));
    JavaPairRDD<MagnitudeKey, long[]> sorted =
        rows.flatMapToPair(fe -> magnitudes(fe, samplesB.value(), grouped).iterator())
            .sortByKey(true, partitions);
    sorted.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // Pass 1: records per sample in each partition.
      List<Tuple2<Integer, long[]>> counts =
          sorted
              .mapPartitionsWithIndex(
                  (i, it) -> List.of(new Tuple2<>(i, counts(it, samples.size()))).iterator(), true)
              .collect();
      List<Tuple2<Integer, long[]>> ordered = new ArrayList<>(counts);
      ordered.sort(Comparator.comparingInt(Tuple2::_1));
      TreeMap<Integer, long[]> offsets = new TreeMap<>();
      long[] running = new long[samples.size()];
      for (Tuple2<Integer, long[]> c : ordered) {
        offsets.put(c._1(), running.clone());
        for (int s = 0; s < running.length; s++) {
          running[s] += c._2()[s];
        }
      }
      Broadcast<TreeMap<Integer, long[]>> offsetsB = jsc.broadcast(offsets);
      // Pass 2: twice the rank sum of the positives, from each partition's offsets.
      List<long[]> twice =
          sorted
              .mapPartitionsWithIndex(
                  (i, it) -> List.of(twiceRankSums(it, offsetsB.value().get(i).clone())).iterator(),
                  true)
              .collect();
      offsetsB.destroy();
      long[] total = new long[samples.size()];
      for (long[] t : twice) {
        for (int s = 0; s < total.length; s++) {
          total[s] = Math.addExact(total[s], t[s]);
        }
      }
      for (int s = 0; s < total.length; s++) {
        out.put(samples.get(s), total[s] / 2.0);
      }
      return out;
    } finally {
      sorted.unpersist(false);
      samplesB.destroy();
    }
  }

  private static List<Tuple2<MagnitudeKey, long[]>> magnitudes(
      MappedFirmEvent fe, List<SampleKey> samples, boolean grouped) {
    List<Tuple2<MagnitudeKey, long[]>> out = new ArrayList<>();
    double[] car = fe.car();
    for (int s = 0; s < samples.size(); s++) {
      SampleKey k = samples.get(s);
      if (Double.isNaN(car[k.window()])
          || (grouped && !k.group().isEmpty() && !k.group().equals(fe.group()))) {
        continue;
      }
      // BHAR's own column; CAR, CAVOL and CAVAR are the cumulated column.
      double x = k.measure() == Measure.BHAR ? fe.bhar()[k.window()] : car[k.window()];
      if (x != 0.0 && Double.isFinite(x)) {
        out.add(
            new Tuple2<>(
                new MagnitudeKey(s, Double.doubleToLongBits(Math.abs(x))),
                new long[] {1L, x > 0.0 ? 1L : 0L}));
      }
    }
    return out;
  }

  private static long[] counts(java.util.Iterator<Tuple2<MagnitudeKey, long[]>> it, int n) {
    long[] c = new long[n];
    while (it.hasNext()) {
      Tuple2<MagnitudeKey, long[]> t = it.next();
      c[t._1().sample()] += t._2()[0];
    }
    return c;
  }

  private static long[] twiceRankSums(
      java.util.Iterator<Tuple2<MagnitudeKey, long[]>> it, long[] below) {
    long[] twice = new long[below.length];
    // Equal keys are adjacent: the range partitioner sends a key to one partition, sorted there.
    MagnitudeKey group = null;
    long count = 0;
    long positives = 0;
    while (it.hasNext()) {
      Tuple2<MagnitudeKey, long[]> t = it.next();
      if (group != null && !t._1().equals(group)) {
        addTieGroup(twice, below, group.sample(), count, positives);
        count = 0;
        positives = 0;
      }
      group = t._1();
      count += t._2()[0];
      positives += t._2()[1];
    }
    if (group != null) {
      addTieGroup(twice, below, group.sample(), count, positives);
    }
    return twice;
  }

  /**
   * A tie group of {@code count} values, {@code positives} of them positive, after {@code below}.
   */
  private static void addTieGroup(long[] twice, long[] below, int s, long count, long positives) {
    twice[s] = Math.addExact(twice[s], Math.multiplyExact(positives, 2 * below[s] + count + 1));
    below[s] += count;
  }
}
