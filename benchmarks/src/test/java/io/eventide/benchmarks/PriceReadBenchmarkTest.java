package io.eventide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The read benchmark's contenders read the same files: on three listings and the market (four files
 * of a header and 300 rows each), the framing floor finds every field of every record, and the
 * one-pass reader and the Tablesaw reader return 300 prices for each of the four series, and the
 * two byte floors sum the same bytes.
 */
class PriceReadBenchmarkTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"close, 2", "yahoo, 7", "yahoo17, 7"})
  void theContendersReadTheSameRecords(String layout, int columns) throws Exception {
    PriceReadBenchmark b = new PriceReadBenchmark();
    b.listings = 3;
    b.sessions = 300;
    b.layout = layout;
    b.setUp();
    try {
      // 4 files x (1 header + 300 rows) x the layout's columns
      assertThat(b.frameFloor()).isEqualTo(4L * 301 * columns);
      assertThat(b.onePassReader().found().values())
          .hasSize(4)
          .allSatisfy(s -> assertThat(s.size()).isEqualTo(300));
      assertThat(b.tablesawReader()).isEqualTo(4L * 300);
      assertThat(b.onePassBars()).isEqualTo(4L * 300);
      assertThat(b.readFloor()).isPositive();
      // the same bytes, whether read fresh or through the reused buffer
      assertThat(b.bufferFloor()).isEqualTo(b.readFloor());
    } finally {
      b.tearDown();
    }
  }
}
