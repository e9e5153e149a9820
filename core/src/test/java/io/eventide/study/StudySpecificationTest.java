package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventide.event.EventWindow;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.FactorModel;
import io.eventide.model.MarketAdjustedModel;
import io.eventide.model.MarketModel;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@link StudySpecification}: the defaults of {@code docs/cli.md}, every validation rule with its
 * message, the test windows of {@code tests.csv}, and value semantics.
 */
class StudySpecificationTest {

  private static EventWindow w(int a, int b) {
    return EventWindow.of(a, b);
  }

  @Test
  void defaultsAreThoseOfTheCommandLine() {
    // docs/cli.md: --model market, --estimation -250:-11, --windows -1:1,0:0,0:1,-5:5,
    // --min-estimation 100, --returns simple; cleaning is off unless --clean is given.
    StudySpecification d = StudySpecification.defaults();
    assertThat(d.model()).isSameAs(MarketModel.of());
    assertThat(d.estimationWindow()).isEqualTo(w(-250, -11));
    assertThat(d.eventWindows()).containsExactly(w(-1, 1), w(0, 0), w(0, 1), w(-5, 5));
    assertThat(d.minEstimation()).isEqualTo(100);
    assertThat(d.cleaningRadius()).isEmpty();
    assertThat(d.eventSpan()).isEqualTo(w(-5, 5));
    assertThat(d)
        .hasToString(
            "StudySpecification[model=market, estimation=-250:-11, windows=[-1:1,"
                + " 0:0, 0:1, -5:5], minEstimation=100]");
  }

  @Test
  void testWindowsAreTheStudyWindowsThenTheOtherDaysOfTheSpan() {
    // Windows 0:1 and -2:-2 span -2..1; the one-day windows -2:-2 (already a study window), -1:-1,
    // 0:0 and 1:1 follow the study windows, by day, each once.
    StudySpecification s = StudySpecification.builder().eventWindows(w(0, 1), w(-2, -2)).build();
    assertThat(s.eventSpan()).isEqualTo(w(-2, 1));
    assertThat(s.testWindows()).containsExactly(w(0, 1), w(-2, -2), w(-1, -1), w(0, 0), w(1, 1));
  }

  @Test
  void builderSettersToBuilderAndValueSemantics() {
    StudySpecification s =
        StudySpecification.builder()
            .model(ConstantMeanModel.of())
            .estimationWindow(w(-120, -21))
            .eventWindows(List.of(w(-20, 20)))
            .minEstimation(60)
            .cleanEstimation(3)
            .build();
    assertThat(s.cleaningRadius()).isEqualTo(OptionalInt.of(3));
    assertThat(s)
        .hasToString(
            "StudySpecification[model=constant-mean, estimation=-120:-21,"
                + " windows=[-20:20], minEstimation=60, clean ±3]");
    StudySpecification copy = s.toBuilder().build();
    assertThat(copy).isEqualTo(s).hasSameHashCodeAs(s);
    StudySpecification uncleaned = s.toBuilder().noCleaning().build();
    assertThat(uncleaned.cleaningRadius()).isEmpty();
    assertThat(uncleaned).isNotEqualTo(s);
    assertThat(s.toBuilder().minEstimation(61).build()).isNotEqualTo(s);
    assertThat(s).isNotEqualTo("StudySpecification");
  }

  @Test
  void eachRuleSaysWhatToChange() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().eventWindows(List.of()).build())
        .withMessage("A study needs at least one event window (e.g. 0:0)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().eventWindows(w(0, 0), w(0, 0)).build())
        .withMessage("Event windows [0:0, 0:0] list a window twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().estimationWindow(w(-250, -5)).build())
        .withMessage(
            "Estimation window -250:-5 must end before the earliest event window starts"
                + " (day -5); end it at -6 or earlier, or move the event windows");
    // Market model: k = 2, so at least 3 observations.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().minEstimation(2).build())
        .withMessage(
            "Minimum estimation observations is 2 but model market has k = 2 parameters;"
                + " use at least 3");
    // Carhart: k = 5.
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                StudySpecification.builder().model(FactorModel.carhart4()).minEstimation(5).build())
        .withMessageContaining("has k = 5 parameters; use at least 6");
    // Market-adjusted: k = 0, one observation is enough.
    assertThat(
            StudySpecification.builder()
                .model(MarketAdjustedModel.of())
                .minEstimation(1)
                .build()
                .minEstimation())
        .isEqualTo(1);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().minEstimation(241).build())
        .withMessage(
            "Minimum estimation observations 241 exceeds the estimation window -250:-11 of"
                + " 240 days; lower the minimum or widen the window");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().cleanEstimation(-1).build())
        .withMessage("Cleaning radius is -1; use 0 or more sessions");
  }

  /**
   * Windows are bounded to ±100,000 sessions. Before the bound, {@code --estimation
   * -2147483648:-11} overflowed the resolved lengths and {@code -2000000000:-11} ended the command
   * line in an {@link OutOfMemoryError} with a stack trace.
   */
  @Test
  void windowsFarBeyondAnyCalendarAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> StudySpecification.builder().estimationWindow(w(Integer.MIN_VALUE, -11)).build())
        .withMessage(
            "Estimation window -2147483648:-11 reaches relative day -2147483648; windows"
                + " must lie within 100000 sessions of day 0 either side (about 400 years of trading)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StudySpecification.builder().eventWindows(w(0, 1), w(0, 100_001)).build())
        .withMessage(
            "Event window 0:100001 reaches relative day 100001; windows must lie within"
                + " 100000 sessions of day 0 either side (about 400 years of trading)");
    // The bound itself is allowed.
    StudySpecification far =
        StudySpecification.builder().estimationWindow(w(-100_000, -11)).build();
    assertThat(far.estimationWindow().length()).isEqualTo(99_990);
  }
}
