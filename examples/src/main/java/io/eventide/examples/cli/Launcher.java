package io.eventide.examples.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of {@code java -jar eventide.jar}: runs {@link EventideCommand} in a JVM set up
 * for command-line runs, unless you set up the JVM yourself.
 *
 * <p>A fresh JVM spends most of a short command's time compiling: with the JVM's defaults, a
 * 10,000-firm-event study from files to files takes about 1.2 s of wall time and 2.2 s of CPU on 2
 * cores, most of it in the optimising (C2) compiler, against 0.66 s and 1.0 s with the quick (C1)
 * compiler alone ({@code docs/cli.md} section 10, {@code benchmarks/RESULTS.md}). A {@code java
 * -jar} cannot choose its own JVM's flags, so this class starts the command in a second JVM with
 * {@link #QUICK_FLAGS}, passes it the arguments and the standard streams, and exits with its exit
 * code. The first JVM only waits: it loads no class of the command.
 *
 * <p>The command runs in this JVM instead when
 *
 * <ul>
 *   <li>the JVM was given any option other than a system property ({@code -Dname=value}) or a class
 *       path: {@code -Xmx8g}, {@code -XX:...}, an agent, {@code -ea}; whoever sets up the JVM keeps
 *       it, and a debugger attaches where the command runs;
 *   <li>{@code JAVA_TOOL_OPTIONS} or {@code JDK_JAVA_OPTIONS} is set, for the same reason;
 *   <li>{@code EVENTIDE_JAVA_OPTS} is set and blank (as for the launcher script {@code
 *       examples/target/eventide}, "the JVM's defaults"); set and not blank, its words replace
 *       {@link #QUICK_FLAGS};
 *   <li>this JVM's command line cannot be read ({@link ProcessHandle.Info}), or the second JVM
 *       cannot be started.
 * </ul>
 *
 * <p>The quick compiler's code is slower once the optimising compiler would have finished: an
 * in-memory study of a million firm-events runs 1.1 to 1.9 times slower with it. For such runs give
 * the JVM an option of your own (for example {@code java -Xmx16g -jar eventide.jar ...}) or set
 * {@code EVENTIDE_JAVA_OPTS=""}.
 */
public final class Launcher {

  /** The second JVM's flags: the quick compiler only, and the parallel collector. */
  public static final List<String> QUICK_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");

  /** The environment variable whose words replace {@link #QUICK_FLAGS}; blank: run in this JVM. */
  public static final String OPTIONS_VARIABLE = "EVENTIDE_JAVA_OPTS";

  /**
   * The class the second JVM runs, named rather than written as a class literal so that this JVM
   * does not load it.
   */
  static final String COMMAND_CLASS = "io.eventide.examples.cli.EventideCommand";

  /** Set in the second JVM, so that it never starts a third. */
  static final String LAUNCHED_PROPERTY = "eventide.launched";

  private Launcher() {}

  /**
   * Runs {@code eventide} with these arguments, in a second JVM or in this one (see the class
   * comment), and exits with the command's exit code.
   *
   * @param args the arguments of {@code eventide}
   */
  public static void main(String[] args) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    List<String> command =
        childCommand(
            self.command(),
            self.arguments().map(Arrays::asList),
            System.getProperty("java.class.path"),
            System.getProperty(LAUNCHED_PROPERTY) != null,
            System.getenv(),
            Arrays.asList(args));
    if (!command.isEmpty()) {
      Optional<Integer> code = run(command);
      if (code.isPresent()) {
        System.exit(code.get());
      }
    }
    EventideCommand.main(args);
  }

  /**
   * The second JVM's command line, or an empty list to run the command in this JVM.
   *
   * @param java this JVM's executable, if known
   * @param jvmArguments this JVM's command line after the executable, if known: its options, then
   *     {@code -jar FILE} or this class's name, then the command's arguments
   * @param classPath this JVM's class path (the jar, under {@code java -jar})
   * @param launched whether this JVM is itself a second JVM
   * @param env the environment
   * @param args the command's arguments, passed on as they are
   * @return {@code java <flags> <this JVM's -D options> -Deventide.launched=true -cp <class path>
   *     io.eventide.examples.cli.EventideCommand <args>}, or empty
   */
  static List<String> childCommand(
      Optional<String> java,
      Optional<List<String>> jvmArguments,
      String classPath,
      boolean launched,
      Map<String, String> env,
      List<String> args) {
    if (launched
        || java.isEmpty()
        || jvmArguments.isEmpty()
        || classPath == null
        || classPath.isEmpty()
        || !blank(env.get("JAVA_TOOL_OPTIONS"))
        || !blank(env.get("JDK_JAVA_OPTIONS"))) {
      return List.of();
    }
    List<String> flags = QUICK_FLAGS;
    String chosen = env.get(OPTIONS_VARIABLE);
    if (chosen != null) {
      if (chosen.isBlank()) {
        return List.of();
      }
      flags = Arrays.asList(chosen.trim().split("\\s+"));
    }
    List<String> properties = new ArrayList<>();
    List<String> given = jvmArguments.get();
    boolean found = false;
    for (int i = 0; i < given.size() && !found; i++) {
      String a = given.get(i);
      if (a.equals("-jar") || a.equals(Launcher.class.getName())) {
        found = true;
        continue;
      }
      if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
        i++; // the class path itself is passed on from java.class.path
      } else if (a.startsWith("-cp=") || a.startsWith("--class-path=")) {
        continue;
      } else if (a.startsWith("-D")) {
        properties.add(a);
      } else {
        // an option that sets up this JVM: the command runs in it
        return List.of();
      }
    }
    if (!found) {
      // started some other way (a module, a wrapper): which arguments were the JVM's is unknown
      return List.of();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(flags);
    command.addAll(properties);
    command.add("-D" + LAUNCHED_PROPERTY + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(COMMAND_CLASS);
    command.addAll(args);
    return command;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Runs the command with this JVM's standard streams and waits for it; if this JVM is asked to
   * stop first, stops the command too.
   *
   * @return its exit code, or empty if it could not be started
   */
  private static Optional<Integer> run(List<String> command) {
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (process.isAlive()) {
                    process.destroy();
                    try {
                      process.waitFor(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                },
                "eventide-launcher-stop"));
    while (true) {
      try {
        return Optional.of(process.waitFor());
      } catch (InterruptedException e) {
        // nothing interrupts the main thread here but a shutdown, which the hook handles
      }
    }
  }
}
