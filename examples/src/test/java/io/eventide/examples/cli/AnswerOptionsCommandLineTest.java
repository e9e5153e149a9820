package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventide.event.Event;
import io.eventide.io.EventFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --group-by}, {@code --sign-by}, {@code --report} and the messages that go with every run,
 * on the bundled sample (exported by {@code eventide sample}). Sources: the groups are the distinct
 * categories of the sample's events file read back with {@link EventFileReader}; the left-out
 * counts are those of the run's own left_out.csv.
 */
class AnswerOptionsCommandLineTest {

  @TempDir static Path tmp;
  static Path sample;

  @BeforeAll
  static void exportSample() {
    sample = tmp.resolve("sample");
    assertThat(CommandLineRun.of("sample", "--out", sample.toString()).code()).isZero();
  }

  private static List<String> study(Path out, Path universe, Path events, String... extra) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "study",
                "--prices",
                sample.toString(),
                "--universe",
                universe.toString(),
                "--events",
                events.toString(),
                "--out",
                out.toString()));
    a.addAll(List.of(extra));
    return a;
  }

  @Test
  void groupsSignsAndTheReport() throws IOException {
    Path out = tmp.resolve("answers");
    CommandLineRun r =
        CommandLineRun.of(
            study(
                out,
                sample.resolve("universe.csv"),
                sample.resolve("events.csv"),
                "--group-by",
                "category",
                "--sign-by",
                "direction",
                "--report",
                "--plot"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("SLF4J");
    Set<String> categories = new TreeSet<>();
    for (Event e : EventFileReader.read(sample.resolve("events.csv"))) {
      categories.add(e.category().isEmpty() ? "(none)" : e.category());
    }
    List<String> groupTests = Files.readAllLines(out.resolve("group_tests.csv"));
    assertThat(groupTests.get(0)).isEqualTo("group,window,measure,test,statistic,p_value,n,reason");
    Set<String> groups = new TreeSet<>();
    for (String line : groupTests.subList(1, groupTests.size())) {
      groups.add(line.substring(0, line.indexOf(',')));
    }
    assertThat(groups).isEqualTo(categories);
    List<String> caar = Files.readAllLines(out.resolve("caar.csv"));
    assertThat(caar.get(0)).isEqualTo("group,window,measure,n,caar,se,t,ci_low,ci_high");
    // 4 windows x 2 measures for all firm-events and for each group.
    assertThat(caar).hasSize(1 + 8 * (1 + categories.size()));
    assertThat(Files.readAllLines(out.resolve("aar.csv")))
        .hasSize(1 + 11 * (1 + categories.size()));
    assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
        .startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(out.resolve("caar.svg"), StandardCharsets.UTF_8)).contains("<svg");
    assertThat(Files.size(out.resolve("caar.png"))).isPositive();
  }

  @Test
  void badGroupAndSignFlagsNameTheFlagAndTheFile() {
    Path events = sample.resolve("events.csv");
    CommandLineRun r =
        CommandLineRun.of(
            study(
                tmp.resolve("bad1"),
                sample.resolve("universe.csv"),
                events,
                "--group-by",
                "sector"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("eventide: --group-by 'sector' is not a column of " + events)
        .contains("category")
        .doesNotContain("\tat ");
    r =
        CommandLineRun.of(
            study(
                tmp.resolve("bad2"), sample.resolve("universe.csv"), events, "--sign-by", "mood"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("eventide: Unknown --sign-by 'mood'; expected direction");
  }

  @Test
  void aTickerInTheWrongCaseNamesTheFileAndTheOneThatExists() throws IOException {
    Path universe = tmp.resolve("lower.csv");
    List<String> lines = Files.readAllLines(sample.resolve("universe.csv"));
    List<String> changed = new ArrayList<>();
    for (String l : lines) {
      changed.add(l.startsWith("BABA,") ? "baba" + l.substring(4) : l);
    }
    Files.write(universe, changed);
    Path events = tmp.resolve("lower-events.csv");
    Files.writeString(events, "event_id,announced,affected\nx,2023-07-10,baba\n");
    CommandLineRun r = CommandLineRun.of(study(tmp.resolve("lower"), universe, events));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("note: no price file " + sample.resolve("baba.csv") + " for baba")
        .contains(
            "the folder has BABA.csv (file names are case-sensitive: write the ticker as BABA)");
  }

  @Test
  void aStudyWhereEveryFirmEventIsLeftOutSaysSo() throws IOException {
    Path events = tmp.resolve("unknown.csv");
    Files.writeString(events, "event_id,announced,affected\nx,2023-07-10,NOPE\n");
    Path out = tmp.resolve("none");
    CommandLineRun r =
        CommandLineRun.of(study(out, sample.resolve("universe.csv"), events, "--plot", "--report"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> leftOut = Files.readAllLines(out.resolve("left_out.csv"));
    assertThat(leftOut).hasSize(2);
    assertThat(r.err())
        .contains(
            "eventide: every one of the 1 firm-events was left out (1 UNKNOWN_TICKER), so there"
                + " is no CAAR, no test and no chart point");
  }
}
