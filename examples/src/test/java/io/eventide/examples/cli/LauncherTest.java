package io.eventide.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Launcher}: when {@code java -jar eventide.jar} runs the command in a second JVM, with
 * which command line, and (in fresh JVMs) that the second JVM's output, files and exit code are
 * what the command gives in one JVM.
 */
class LauncherTest {

  private static final Optional<String> JAVA = Optional.of("/opt/jdk/bin/java");
  private static final String JAR = "examples/target/eventide.jar";
  private static final List<String> ARGS = List.of("study", "--prices", "p", "--out", "o");

  private static List<String> child(List<String> jvmArguments, Map<String, String> env) {
    return Launcher.childCommand(JAVA, Optional.of(jvmArguments), JAR, false, env, ARGS);
  }

  private static List<String> expected(List<String> flagsAndProperties) {
    List<String> c = new ArrayList<>();
    c.add(JAVA.get());
    c.addAll(flagsAndProperties);
    c.addAll(List.of("-Deventide.launched=true", "-cp", JAR, Launcher.COMMAND_CLASS));
    c.addAll(ARGS);
    return c;
  }

  @Test
  void theCommandClassIsEventideCommand() {
    assertThat(Launcher.COMMAND_CLASS).isEqualTo(EventideCommand.class.getName());
  }

  @Test
  void aBareJavaJarRunsTheCommandWithTheQuickFlags() {
    List<String> jvm = new ArrayList<>(List.of("-jar", JAR));
    jvm.addAll(ARGS);
    assertThat(child(jvm, Map.of()))
        .isEqualTo(expected(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC")));
  }

  @Test
  void systemPropertiesAndTheClassPathArePassedOn() {
    List<String> jvm =
        new ArrayList<>(
            List.of(
                "-Deventide.timings=true", "-cp", "x.jar", "-Da=b c", Launcher.class.getName()));
    jvm.addAll(ARGS);
    assertThat(child(jvm, Map.of()))
        .isEqualTo(
            expected(
                List.of(
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseParallelGC",
                    "-Deventide.timings=true",
                    "-Da=b c")));
  }

  @Test
  void anOptionThatSetsUpTheJvmKeepsTheCommandInIt() {
    for (String option :
        List.of(
            "-Xmx8g",
            "-XX:+UseG1GC",
            "-ea",
            "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n",
            "-javaagent:a.jar",
            "--add-opens=java.base/java.lang=ALL-UNNAMED")) {
      assertThat(child(List.of("-Dx=1", option, "-jar", JAR, "study"), Map.of()))
          .as(option)
          .isEmpty();
    }
    // an option after -jar is the command's, not the JVM's
    assertThat(child(List.of("-jar", JAR, "-Xmx8g"), Map.of())).isNotEmpty();
  }

  @Test
  void theEnvironmentChoosesTheFlagsOrTheSameJvm() {
    List<String> jvm = List.of("-jar", JAR);
    assertThat(child(jvm, Map.of("EVENTIDE_JAVA_OPTS", "  -Xmx2g   -XX:+UseSerialGC ")))
        .isEqualTo(expected(List.of("-Xmx2g", "-XX:+UseSerialGC")));
    assertThat(child(jvm, Map.of("EVENTIDE_JAVA_OPTS", ""))).isEmpty();
    assertThat(child(jvm, Map.of("EVENTIDE_JAVA_OPTS", "  "))).isEmpty();
    assertThat(child(jvm, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g"))).isEmpty();
    assertThat(child(jvm, Map.of("JDK_JAVA_OPTIONS", "-Xmx1g"))).isEmpty();
    assertThat(child(jvm, Map.of("JAVA_TOOL_OPTIONS", " "))).isNotEmpty();
  }

  @Test
  void withoutItsOwnCommandLineOrInASecondJvmTheCommandRunsHere() {
    List<String> jvm = List.of("-jar", JAR);
    assertThat(
            Launcher.childCommand(Optional.empty(), Optional.of(jvm), JAR, false, Map.of(), ARGS))
        .isEmpty();
    assertThat(Launcher.childCommand(JAVA, Optional.empty(), JAR, false, Map.of(), ARGS)).isEmpty();
    assertThat(Launcher.childCommand(JAVA, Optional.of(jvm), "", false, Map.of(), ARGS)).isEmpty();
    assertThat(Launcher.childCommand(JAVA, Optional.of(jvm), JAR, true, Map.of(), ARGS)).isEmpty();
    // neither -jar nor this class on the command line: its JVM options cannot be told apart
    assertThat(child(List.of("-Dx=1", "-Dy=2"), Map.of())).isEmpty();
  }

  /**
   * Two fresh JVMs each: {@code java -cp <test class path> Launcher ...} with {@code
   * EVENTIDE_JAVA_OPTS} holding {@code -XX:+PrintCommandLineFlags}, which only a JVM started with
   * it prints (so the output shows the second JVM ran, with these flags), against the same
   * arguments in one JVM ({@code EVENTIDE_JAVA_OPTS=""}). A run that writes the sample and a run
   * that fails on a missing option give the same files, messages and exit codes.
   */
  @Test
  void theSecondJvmWritesTheSameFilesAndExitsWithTheSameCode(@TempDir Path dir)
      throws IOException, InterruptedException {
    Fresh launched =
        fresh(dir, "-XX:TieredStopAtLevel=1 -XX:+PrintCommandLineFlags", "sample", "--out", "a");
    Fresh here = fresh(dir, "", "sample", "--out", "b");
    assertThat(launched.code()).isZero();
    assertThat(here.code()).isZero();
    assertThat(launched.out()).contains("-XX:TieredStopAtLevel=1");
    assertThat(here.out()).doesNotContain("TieredStopAtLevel");
    try (var files = Files.list(dir.resolve("b"))) {
      List<Path> written = files.sorted().toList();
      assertThat(written).hasSizeGreaterThan(3);
      for (Path b : written) {
        assertThat(Files.readAllBytes(dir.resolve("a").resolve(b.getFileName())))
            .as(b.getFileName().toString())
            .isEqualTo(Files.readAllBytes(b));
      }
    }

    Fresh failed = fresh(dir, "-XX:+PrintCommandLineFlags", "study", "--out", "c");
    Fresh failedHere = fresh(dir, "", "study", "--out", "c");
    assertThat(failed.code()).isEqualTo(EventideCommand.BAD_INPUT).isEqualTo(failedHere.code());
    assertThat(failed.err()).isEqualTo(failedHere.err()).contains("--prices");
  }

  private record Fresh(int code, String out, String err) {}

  private static Fresh fresh(Path dir, String options, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Launcher.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().put(Launcher.OPTIONS_VARIABLE, options);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Fresh(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
