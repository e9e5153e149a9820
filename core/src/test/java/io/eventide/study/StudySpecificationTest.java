package io.eventide.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.EventWindow;
import io.eventide.model.ConstantMeanModel;
import io.eventide.model.FactorModel;
import io.eventide.timeseries.ReturnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudySpecificationTest {

  @Test
  void defaultsAreThoseOfTheCommandLine() {
    StudySpecification s = StudySpecification.defaults();
    assertThat(s.model().id()).isEqualTo("market");
    assertThat(s.estimationWindow()).isEqualTo(EventWindow.of(-250, -11));
    assertThat(s.eventWindows()).containsExactly(EventWindow.of(-1, 1), EventWindow.of(0, 0),
        EventWindow.of(0, 1), EventWindow.of(-5, 5));
    assertThat(s.minEstimation()).isEqualTo(100);
    assertThat(s.returnType()).isEqualTo(ReturnType.SIMPLE);
    assertThat(s.cleaningRadius()).isEmpty();
    assertThat(s.eventSpan()).isEqualTo(EventWindow.of(-5, 5));
    // Test windows: the four study windows, then days -5..5 except 0:0 (already a study window).
    List<EventWindow> tw = s.testWindows();
    assertThat(tw).hasSize(4 + 10);
    assertThat(tw.subList(4, 6)).containsExactly(EventWindow.day(-5), EventWindow.day(-4));
    assertThat(tw).doesNotHaveDuplicates();
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
  }

  @Test
  void estimationMustEndBeforeTheEarliestEventWindow() {
    assertThatThrownBy(() -> StudySpecification.builder()
        .estimationWindow(EventWindow.of(-250, -5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Estimation window -250:-5 must end before the earliest event window starts"
            + " (day -5); end it at -6 or earlier, or move the event windows");
  }

  @Test
  void otherRulesSayWhatToChange() {
    assertThatThrownBy(() -> StudySpecification.builder().eventWindows(List.of()).build())
        .hasMessageContaining("at least one event window");
    assertThatThrownBy(() -> StudySpecification.builder()
        .eventWindows(EventWindow.of(0, 0), EventWindow.of(0, 0)).build())
        .hasMessageContaining("list a window twice");
    assertThatThrownBy(() -> StudySpecification.builder().minEstimation(2).build())
        .hasMessage("Minimum estimation observations is 2 but model market has k = 2"
            + " parameters; use at least 3");
    assertThatThrownBy(() -> StudySpecification.builder().minEstimation(241).build())
        .hasMessageContaining("exceeds the estimation window -250:-11 of 240 days");
    assertThatThrownBy(() -> StudySpecification.builder().cleanEstimation(-1).build())
        .hasMessageContaining("use 0 or more sessions");
    assertThat(StudySpecification.builder().model(ConstantMeanModel.of()).minEstimation(2)
        .build().minEstimation()).isEqualTo(2);
  }

  @Test
  void factorModelWithoutFactorsIsRejectedWhenRun() {
    StudySpecification s = StudySpecification.builder().model(FactorModel.famaFrench3()).build();
    assertThatThrownBy(() -> EventStudy.of(s).run(SyntheticPanels.panel(2, 300, 1), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Model ff3 needs factors [Mkt-RF, SMB, HML]; give the panel a factor set"
            + " (--factors with the Ken French daily files)");
  }

  @Test
  void returnTypeOfPanelAndStudyMustAgree() {
    StudySpecification s = StudySpecification.builder().returnType(ReturnType.LOG).build();
    assertThatThrownBy(() -> EventStudy.of(s).run(SyntheticPanels.panel(2, 300, 1), List.of()))
        .hasMessageContaining("The panel holds SIMPLE returns but the study asks for LOG");
  }
}
