package io.eventide.study.internal;

import io.eventide.calendar.TradingCalendar;
import io.eventide.inference.TestSuite;
import io.eventide.study.MeanEstimate;
import io.eventide.study.ResolvedStudy;
import io.eventide.study.StudyMeans;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Internal: the study's three steps opened for an engine that runs the map and the reductions
 * elsewhere, on partitions of listings ({@code docs/architecture.md} section 3, {@code
 * docs/spark.md}). Not API; it may change without notice.
 *
 * <ol>
 *   <li>{@link #map}: a partition resolves the study on its own listings and the events affecting
 *       them (a firm-event's resolution and map depend only on its listing, the listing's benchmark
 *       calendar, the factors and the other events on the same listing, all of which the partition
 *       holds), and maps every resolved firm-event with the same code as {@code EventStudy}: one
 *       {@link MappedFirmEvent} each, plus the partition's residual and rank sums.
 *   <li>{@link #clusterPairSums}: the firm-events of one event, gathered from every partition and
 *       put in canonical order, give that cluster's {@code Σ r_ij} per window. Under Stata's
 *       conventions ({@code --conventions stata-estudy}) r̄ pairs every two firm-events of a
 *       window's sample instead, across events: {@link AllPairsSums} forms those sums in mergeable
 *       pieces, and the clustered step refuses the study.
 *   <li>{@link #assemble}: the driver's resolution of the whole study, every mapped firm-event and
 *       the merged sums become the same {@link StudyResult} that {@code EventStudy} returns, to the
 *       rounding of the merged sums.
 *   <li>Or, without assembling: {@link #tests}, {@link #groupTests} and {@link #means} finish the
 *       tests and the means of {@code caar.csv} and {@code aar.csv} from the merged sums and the
 *       merged {@link StudySummaries} each partition adds its firm-events to.
 * </ol>
 */
public final class StudyPartitions {

  /** What the study package implements; installed once by it. */
  public interface Kernel {
    /**
     * @see StudyPartitions#map
     */
    PartialSums map(
        ResolvedStudy resolved, Consumer<MappedFirmEvent> out, boolean keepEstimationSar);

    /**
     * @see StudyPartitions#clusterPairSums
     */
    double[] clusterPairSums(
        StudySpecification spec,
        List<MappedFirmEvent> cluster,
        Function<String, TradingCalendar> calendars);

    /**
     * @see StudyPartitions#addClusterPairSums
     */
    void addClusterPairSums(
        StudySpecification spec,
        List<MappedFirmEvent> cluster,
        Function<String, TradingCalendar> calendars,
        PartialSums into);

    /**
     * @see StudyPartitions#emptySums
     */
    PartialSums emptySums(StudySpecification spec);

    /**
     * @see StudyPartitions#emptySummaries
     */
    StudySummaries emptySummaries(StudySpecification spec);

    /**
     * @see StudyPartitions#tests
     */
    StudyTests tests(
        StudySpecification spec, PartialSums sums, StudySummaries summaries, TestSuite suite);

    /**
     * @see StudyPartitions#means
     */
    StudyMeans means(ResolvedStudy resolved, StudySummaries summaries);

    /**
     * @see StudyPartitions#groupTests
     */
    Map<String, StudyTests> groupTests(
        ResolvedStudy resolved, PartialSums sums, StudySummaries summaries, TestSuite suite);

    /**
     * @see StudyPartitions#assemble
     */
    StudyResult assemble(
        ResolvedStudy resolved,
        Iterable<MappedFirmEvent> mapped,
        PartialSums sums,
        boolean keepEstimationSar);
  }

  private static final KernelSlot<Kernel> KERNEL =
      new KernelSlot<>("study", "io.eventide.study.PartitionKernel", StudyPartitions.class);

  private StudyPartitions() {}

  /**
   * Called once by the study package; a second call fails.
   *
   * @param k the implementation
   */
  public static void install(Kernel k) {
    KERNEL.install(k);
  }

  private static Kernel kernel() {
    return KERNEL.get();
  }

  /**
   * Maps every resolved firm-event of a (partial) resolved study, in canonical order, on the
   * calling thread.
   *
   * @param resolved the study resolved on a partition's listings and the events affecting them
   * @param out receives one row per resolved firm-event (unresolved ones are the driver's)
   * @return the partition's residual and rank sums; its pair sums are zero (r̄ needs whole
   *     clusters: {@link #clusterPairSums})
   */
  public static PartialSums map(ResolvedStudy resolved, Consumer<MappedFirmEvent> out) {
    return map(resolved, out, false);
  }

  /**
   * {@link #map(ResolvedStudy, Consumer)}, each row also carrying its standardized estimation
   * residuals when asked ({@link MappedFirmEvent#estimationSar()}, one double per estimation day:
   * the input of {@code grank-t} and {@code grank-z}, as {@code EventStudy.withEstimationSar()}).
   *
   * @param resolved the study resolved on a partition's listings and the events affecting them
   * @param out receives one row per resolved firm-event
   * @param keepEstimationSar whether the rows carry the estimation SARs
   * @return the partition's residual and rank sums
   */
  public static PartialSums map(
      ResolvedStudy resolved, Consumer<MappedFirmEvent> out, boolean keepEstimationSar) {
    return kernel()
        .map(Objects.requireNonNull(resolved), Objects.requireNonNull(out), keepEstimationSar);
  }

  /**
   * One cluster's {@code Σ r_ij} over the pairs in each window's sample, computed exactly as the
   * local study does ({@code docs/statistics.md} section 3).
   *
   * @param spec the study's specification
   * @param cluster the cluster's firm-events, from every partition, in canonical order (ticker);
   *     those not {@link MappedFirmEvent#inSample()} are skipped
   * @param calendars the calendar of each {@link MappedFirmEvent#calendar()} name, the same
   *     instance for the same name
   * @return one sum per test window
   * @throws IllegalArgumentException under Stata's conventions, whose r̄ pairs across events
   *     ({@link AllPairsSums})
   */
  public static double[] clusterPairSums(
      StudySpecification spec,
      List<MappedFirmEvent> cluster,
      Function<String, TradingCalendar> calendars) {
    return kernel().clusterPairSums(spec, cluster, calendars);
  }

  /**
   * One cluster's {@code Σ r_ij} per window added into {@code into}: over all its pairs, and in a
   * grouped study over the pairs inside each group ({@link PartialSums#group}), computed exactly as
   * the local study does.
   *
   * @param spec the study's specification
   * @param cluster the cluster's firm-events, from every partition, in canonical order (ticker);
   *     those not {@link MappedFirmEvent#inSample()} are skipped
   * @param calendars the calendar of each {@link MappedFirmEvent#calendar()} name
   * @param into the sums to add to
   * @throws IllegalArgumentException under Stata's conventions ({@link AllPairsSums})
   */
  public static void addClusterPairSums(
      StudySpecification spec,
      List<MappedFirmEvent> cluster,
      Function<String, TradingCalendar> calendars,
      PartialSums into) {
    kernel().addClusterPairSums(spec, cluster, calendars, into);
  }

  /**
   * @param spec a specification
   * @return the estimation window's length in sessions, the length of a row's residuals
   */
  public static int estimationLength(StudySpecification spec) {
    return spec.estimationWindow().length();
  }

  /**
   * @param spec a specification
   * @return zero sums shaped for it
   */
  public static PartialSums emptySums(StudySpecification spec) {
    return kernel().emptySums(spec);
  }

  /**
   * @param spec a specification
   * @return empty test-sample summaries shaped for it ({@link StudySummaries})
   */
  public static StudySummaries emptySummaries(StudySpecification spec) {
    return kernel().emptySummaries(spec);
  }

  /**
   * Finishes a suite's tests from merged sums and summaries instead of from an assembled {@link
   * StudyResult}: the rows of {@code StudyTests.run(result, suite)}, in its order, each equal to
   * the local one to the rounding of the merged moments ({@code docs/statistics.md}, "Mergeable
   * summaries"). r̄, the AAR series and the mean rank scores of each CAR sample come from {@code
   * sums}, exactly as the assembled result forms them.
   *
   * @param spec the study's specification
   * @param sums the merged residual, rank and pair sums (of the whole study, or of one group)
   * @param summaries the merged summaries (the same firm-events); W⁺ set on every sample with more
   *     than 30 non-zero values if the suite runs {@code wilcoxon}; their per-sample inputs are
   *     attached here
   * @param suite tests that all finish from summaries ({@link TestSuite#supportsSummaries()})
   * @return the rows
   */
  public static StudyTests tests(
      StudySpecification spec, PartialSums sums, StudySummaries summaries, TestSuite suite) {
    return kernel().tests(spec, sums, summaries, suite);
  }

  /**
   * The means of {@code caar.csv} and {@code aar.csv} from merged summaries: each window's and
   * day's mean, standard error and interval from the merged count, mean and {@code Σ(x − x̄)²} of
   * its CAR (BHAR) sample ({@link MeanEstimate#of(long, double, double)}), equal to {@code
   * StudyMeans.of(result)} to 1e-12 relative.
   *
   * @param resolved the whole study, resolved on the driver (for its group labels)
   * @param summaries the merged summaries, with their groups
   * @return the means
   */
  public static StudyMeans means(ResolvedStudy resolved, StudySummaries summaries) {
    return kernel().means(resolved, summaries);
  }

  /**
   * {@link #tests} of every group of a grouped study ({@code StudyTests.runGroups}), in label
   * order; a group without firm-events in the sums gets its N = 0 rows.
   *
   * @param resolved the whole study, resolved on the driver (for its group labels)
   * @param sums the merged sums, with their groups
   * @param summaries the merged summaries, with their groups
   * @param suite the tests
   * @return each group's rows, empty when the study is not grouped
   */
  public static Map<String, StudyTests> groupTests(
      ResolvedStudy resolved, PartialSums sums, StudySummaries summaries, TestSuite suite) {
    return kernel().groupTests(resolved, sums, summaries, suite);
  }

  /**
   * Assembles the result of a study mapped elsewhere.
   *
   * @param resolved the whole study, resolved on the driver
   * @param mapped one row per resolved firm-event, any order
   * @param sums the merged sums, pair sums included
   * @return the result
   * @throws IllegalStateException if a resolved firm-event has no row, a row matches no resolved
   *     firm-event, or a row repeats
   */
  public static StudyResult assemble(
      ResolvedStudy resolved, Iterable<MappedFirmEvent> mapped, PartialSums sums) {
    return assemble(resolved, mapped, sums, false);
  }

  /**
   * {@link #assemble(ResolvedStudy, Iterable, PartialSums)}, keeping the estimation SARs the rows
   * carry when asked, so that the result runs {@code grank-t} and {@code grank-z}.
   *
   * @param resolved the whole study, resolved on the driver
   * @param mapped one row per resolved firm-event, any order
   * @param sums the merged sums, pair sums included
   * @param keepEstimationSar whether to keep them (every row must then carry them)
   * @return the result
   * @throws IllegalStateException as the three-argument form, or if a row lacks its estimation SARs
   *     when they are kept
   */
  public static StudyResult assemble(
      ResolvedStudy resolved,
      Iterable<MappedFirmEvent> mapped,
      PartialSums sums,
      boolean keepEstimationSar) {
    return kernel().assemble(resolved, mapped, sums, keepEstimationSar);
  }
}
