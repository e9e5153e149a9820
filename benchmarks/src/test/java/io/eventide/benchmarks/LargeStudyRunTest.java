package io.eventide.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The large-study runner in {@code --smoke} mode: what CI runs of it. */
class LargeStudyRunTest {

  @Test
  void smokeRunCompletesWithSaneNumbers() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    List<LargeStudyRun.Row> rows =
        LargeStudyRun.run(new String[] {"--smoke", "--threads", "2"}, out);

    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertThat(rows).hasSize(1);
    LargeStudyRun.Row row = rows.get(0);
    // --smoke: 200 listings x 10 announcements = 2,000 firm-events.
    assertThat(row.firmEvents()).isEqualTo(2_000);
    assertThat(row.events()).isEqualTo(10);
    assertThat(row.wallSeconds()).isPositive().isLessThan(60.0);
    assertThat(row.firmEventsPerSecond()).isPositive();
    assertThat(row.peakHeapBytes()).isPositive();
    assertThat(row.gcSeconds()).isGreaterThanOrEqualTo(0.0);
    // The synthetic data has no gaps: every firm-event is fitted and in the 0:0 sample.
    assertThat(row.ok()).isEqualTo(2_000);
    assertThat(row.windowN()).isEqualTo(2_000);
    // No event effect: CAAR(0:0) ~ N(0, about 2.2% / sqrt(2000) = 0.05%); 0.5% is ten s.e.
    assertThat(row.caar()).isBetween(-0.005, 0.005);
    assertThat(row.sane()).isTrue();
    assertThat(printed)
        .contains("200 listings x 300 sessions")
        .contains("firm-events/s")
        .contains("peak heap MiB")
        .contains("warm-up: 2000 firm-events")
        .contains("sanity: OK");
  }

  @Test
  void sizesMustBeWholeAnnouncements() {
    assertThatThrownBy(() -> LargeStudyRun.parse(new String[] {"150000,2500"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Size 2500 is not a positive multiple of the 1000 listings");
    assertThatThrownBy(() -> LargeStudyRun.parse(new String[] {"2000000"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 2000 announcements but the panel has 1000");
    assertThatThrownBy(() -> LargeStudyRun.parse(new String[] {"--threads"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--threads needs a value");
  }

  @Test
  void defaultsAreTheFourSizesOnTheFullPanel() {
    LargeStudyRun.Options o = LargeStudyRun.parse(new String[] {"--threads", "1"});
    assertThat(o.sizes()).containsExactly(100_000, 250_000, 500_000, 1_000_000);
    assertThat(o.listings()).isEqualTo(1_000);
    assertThat(o.sessions()).isEqualTo(2_600);
    assertThat(o.events()).isEqualTo(1_000);
    assertThat(o.threads()).isEqualTo(1);
    assertThat(o.warmup()).isTrue();
  }
}
