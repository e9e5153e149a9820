package io.eventide.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReturnsTest {

  @Test
  void simpleAndLogReturnsWithMissingPrices() {
    double[] p = {100, 110, Double.NaN, 99, 99};
    double[] simple = Returns.of(p, ReturnType.SIMPLE);
    // 110/100 − 1 = 0.1; either price missing → missing; 99/99 − 1 = 0.
    assertThat(simple[0]).isNaN();
    assertThat(simple[1]).isCloseTo(0.1, within(1e-15));
    assertThat(simple[2]).isNaN();
    assertThat(simple[3]).isNaN();
    assertThat(simple[4]).isZero();
    double[] log = Returns.of(p, ReturnType.LOG);
    assertThat(log[1]).isCloseTo(Math.log(1.1), within(1e-15));
    assertThat(log[3]).isNaN();
    assertThat(Returns.of(new double[0], ReturnType.SIMPLE)).isEmpty();
  }

  @Test
  void datedSeriesAlignsToSessions() {
    LocalDate d = LocalDate.of(2023, 7, 10);
    DatedSeries s =
        DatedSeries.of(
            "X", new LocalDate[] {d, d.plusDays(1), d.plusDays(3)}, new double[] {1, 2, 4});
    long[] sessions = {
      d.minusDays(1).toEpochDay(),
      d.toEpochDay(),
      d.plusDays(2).toEpochDay(),
      d.plusDays(3).toEpochDay()
    };
    assertThat(s.alignTo(sessions)).containsExactly(Double.NaN, 1.0, Double.NaN, 4.0);
    assertThat(s.valueOn(d.plusDays(1))).isEqualTo(2.0);
    assertThat(s.valueOn(d.plusDays(2))).isNaN();
    assertThat(s.countPresent()).isEqualTo(3);
  }

  @Test
  void datedSeriesRejectsUnsortedDates() {
    LocalDate d = LocalDate.of(2023, 7, 10);
    assertThatThrownBy(() -> DatedSeries.of("X", new LocalDate[] {d, d}, new double[] {1, 2}))
        .hasMessageContaining("X")
        .hasMessageContaining("2023-07-10");
    assertThatThrownBy(() -> DatedSeries.of("X", new LocalDate[] {d}, new double[] {1, 2}))
        .hasMessageContaining("1 dates but 2 values");
  }
}
