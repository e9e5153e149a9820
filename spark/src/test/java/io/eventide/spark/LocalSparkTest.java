package io.eventide.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with one local[2] Spark session ({@link Sessions#local()}) for all its tests. */
abstract class LocalSparkTest {

  /** The session, started before the class's first test and stopped after its last. */
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = Sessions.local();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }
}
