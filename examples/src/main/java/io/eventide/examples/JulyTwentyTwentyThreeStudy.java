package io.eventide.examples;

import io.eventide.event.Event;
import io.eventide.inference.TestSuite;
import io.eventide.market.ReturnPanel;
import io.eventide.report.StudySummary;
import io.eventide.study.EventStudy;
import io.eventide.study.StudyResult;
import io.eventide.study.StudySpecification;
import io.eventide.study.StudyTests;
import io.eventide.timeseries.ReturnType;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;

/**
 * <b>Question:</b> did Beijing's July 2023 signals that the platform crackdown was over (the Ant
 * Group fine of 7 July, the NDRC's praise of platform investment and Premier Li Qiang's symposium
 * with platform companies on 12 July, the softer generative-AI rules of 13 July) move the shares of
 * China's platform companies, in New York and in Hong Kong?
 *
 * <p><b>Data:</b> the bundled sample: BABA, JD, BIDU, PDD (benchmark S&amp;P 500) and 9988.HK,
 * 0700.HK, 3690.HK, 9618.HK (benchmark Hang Seng Index), and the four July 2023 rows of the policy
 * catalog. Each listing's day 0 is found on its own exchange: the Ant fine, released at 20:10
 * Beijing time on Friday 7 July (after the Hong Kong close, before New York opened), is day 0 on 7
 * July for BABA but on Monday 10 July for 9988.HK; the date-only rows take their date on both.
 *
 * <p><b>Reading the output:</b> day 0 and the returns around it per listing; the events that fall
 * inside each other's windows (these four do, so the windows are confounded: read them together);
 * then per window the CAAR and every test of {@code docs/statistics.md} with its p-value. A
 * positive CAAR with small p-values on the day-0 and day-+1 windows says the news was priced as
 * good news beyond what the market did.
 *
 * <p>This is the main job of {@code java -jar examples/target/eventide.jar}.
 */
public final class JulyTwentyTwentyThreeStudy {

  private JulyTwentyTwentyThreeStudy() {}

  /**
   * Runs the study on the bundled sample.
   *
   * @return the results and the tests
   */
  public static Outcome run() {
    // 1. The events: the July 2023 rows of the catalog.
    List<Event> july =
        SampleData.events().stream()
            .filter(e -> YearMonth.from(e.announcement().localDate()).equals(YearMonth.of(2023, 7)))
            .toList();
    // 2. The panel: each listing on its benchmark's sessions, simple returns from adjusted closes.
    ReturnPanel panel =
        ReturnPanel.of(SampleData.universe(), SampleData.prices(), ReturnType.SIMPLE);
    // 3. The study: market model, estimation window -250:-11, windows -1:1, 0:0, 0:1, -5:5.
    StudyResult study = EventStudy.of(StudySpecification.defaults()).run(panel, july);
    // 4. The eleven tests on every window, for CAR and BHAR.
    StudyTests tests = StudyTests.run(study, TestSuite.standard());
    return new Outcome(study, tests);
  }

  /**
   * The study's results and tests.
   *
   * @param study the results
   * @param tests the tests
   */
  public record Outcome(StudyResult study, StudyTests tests) {}

  /**
   * Prints the summary.
   *
   * @param out where to print
   */
  public static void print(PrintWriter out) {
    Outcome o = run();
    out.print(StudySummary.of(o.study(), o.tests()));
    out.flush();
  }

  /**
   * Runs the study and prints its summary.
   *
   * @param args none
   */
  public static void main(String[] args) {
    print(new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8));
  }
}
