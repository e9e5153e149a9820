package io.eventide.spark;

import io.eventide.inference.TestSuite;
import io.eventide.report.StudyFiles;
import io.eventide.study.StudyResult;
import io.eventide.study.StudyTests;
import io.eventide.study.internal.MappedFirmEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The result of a {@link SparkStudy}: the same {@link StudyResult} the local study returns, the
 * mapped firm-events as a {@code Dataset} of {@link #FIRM_EVENTS_SCHEMA}, and the command line's
 * files.
 */
public final class SparkStudyResult {

  private static final DataType DOUBLES = DataTypes.createArrayType(DataTypes.DoubleType, false);

  /**
   * One row per fitted firm-event: its outcome, M, residual variance, sign share, and per test
   * window ({@link StudyResult#testWindows()} order) CAR, Var(CAR), BHAR, and per day of the event
   * span the expected return, AR and SAR ({@code NaN} where undefined).
   */
  public static final StructType FIRM_EVENTS_SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("event_id", DataTypes.StringType, false),
            DataTypes.createStructField("ticker", DataTypes.StringType, false),
            DataTypes.createStructField("outcome", DataTypes.StringType, false),
            DataTypes.createStructField("reason", DataTypes.StringType, false),
            DataTypes.createStructField("estimation_days", DataTypes.IntegerType, false),
            DataTypes.createStructField("residual_variance", DataTypes.DoubleType, false),
            DataTypes.createStructField("positive_share", DataTypes.DoubleType, false),
            DataTypes.createStructField("car", DOUBLES, false),
            DataTypes.createStructField("car_variance", DOUBLES, false),
            DataTypes.createStructField("bhar", DOUBLES, false),
            DataTypes.createStructField("expected", DOUBLES, false),
            DataTypes.createStructField("ar", DOUBLES, false),
            DataTypes.createStructField("sar", DOUBLES, false)
          });

  private final SparkSession spark;
  private final StudyResult result;
  private final JavaRDD<MappedFirmEvent> mapped;
  private final int partitions;
  private final SparkStudyFiles files;

  SparkStudyResult(
      SparkSession spark,
      StudyResult result,
      JavaRDD<MappedFirmEvent> mapped,
      int partitions,
      SparkStudyFiles files) {
    this.spark = spark;
    this.result = result;
    this.mapped = mapped;
    this.partitions = partitions;
    this.files = files;
  }

  /**
   * @return the study's result, as {@link io.eventide.study.EventStudy} returns it
   */
  public StudyResult result() {
    return result;
  }

  /**
   * @return the number of listing partitions the map ran on
   */
  public int partitions() {
    return partitions;
  }

  /**
   * @return the mapped firm-events, recomputed on use (what {@link #write} writes from)
   */
  JavaRDD<MappedFirmEvent> rows() {
    return mapped;
  }

  /**
   * @return the writer of the per-firm-event files
   */
  SparkStudyFiles files() {
    return files;
  }

  /**
   * @param suite the tests to run
   * @return their results on every test window and measure
   */
  public StudyTests test(TestSuite suite) {
    return StudyTests.run(result, suite);
  }

  /**
   * The fitted firm-events (outcome {@code OK} or {@code INSUFFICIENT_ESTIMATION}) as a {@code
   * Dataset}, computed on the executors, never collected: write it from there ({@code
   * firmEvents().write().parquet(...)}). Each use runs the map again (it is deterministic, so the
   * rows are the same); {@code persist()} it to use it twice. Firm-events left out before the fit
   * are in {@link #result()}.
   *
   * @return one row per fitted firm-event, in no particular order
   */
  public Dataset<Row> firmEvents() {
    return spark.createDataFrame(mapped.map(SparkStudyResult::row), FIRM_EVENTS_SCHEMA);
  }

  private static Row row(MappedFirmEvent m) {
    return RowFactory.create(
        m.eventId(),
        m.ticker(),
        m.outcome().name(),
        m.reason(),
        m.observations(),
        m.residualVariance(),
        m.positiveShare(),
        seq(m.car()),
        seq(m.carVariance()),
        seq(m.bhar()),
        seq(m.expected()),
        seq(m.ar()),
        seq(m.sar()));
  }

  private static Object seq(double[] v) {
    List<Double> out = new ArrayList<>(v.length);
    for (double d : v) {
      out.add(d);
    }
    return CollectionConverters.asScala(out).toSeq();
  }

  /**
   * Writes the command line's files ({@code docs/cli.md} section 4), the same bytes as {@link
   * StudyFiles#write} on the local study: the per-firm-event files ({@code firm_events.csv}, {@code
   * abnormal_returns.csv}, {@code car.csv}, {@code left_out.csv}) from the executors with {@link
   * SparkStudyFiles} (which runs the map once more: the rows are not kept between the study and its
   * files), the others ({@code tests.csv}, {@code overlaps.csv}, {@code caar.csv}, {@code aar.csv})
   * from the driver with {@link StudyFiles}.
   *
   * @param folder the output folder, created if missing
   * @param tests the tests run on the result
   * @return the files written, in {@link StudyFiles#FILE_NAMES} order
   */
  public List<Path> write(Path folder, StudyTests tests) {
    return files.writeAll(
        folder,
        mapped,
        name -> {
          Path file = folder.resolve(name);
          try {
            StudyFiles.write(
                name, result, tests, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file + ": " + e.getMessage(), e);
          }
          return file;
        });
  }
}
