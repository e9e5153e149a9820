package io.eventide.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark session: local[2], no UI, few shuffle partitions. */
final class Sessions {

  private Sessions() {}

  static SparkSession local() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("eventide-spark-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .getOrCreate();
  }
}
