package io.eventide.examples.cli;

import io.eventide.examples.JulyTwentyTwentyThreeStudy;
import io.eventide.io.InputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code eventide}: with no subcommand, runs the main job (the July 2023 study on the bundled
 * sample) and prints its summary; {@code eventide study} runs a study on your files; {@code
 * eventide sample} exports the bundled sample.
 */
@Command(
    name = "eventide",
    mixinStandardHelpOptions = true,
    version = "eventide 0.1.0",
    description = {
      "Event studies of announcements on listings across exchanges.",
      "Without a command: run the July 2023 study on the bundled sample and print it."
    })
public final class EventideCommand implements Callable<Integer> {

  /**
   * The subcommands' names, in the order {@code --help} lists them. They are added by {@link
   * #commandLine(String...)} rather than named in the annotation, so that a run of one subcommand
   * builds only that one's options (picocli reflects over every option of every command it is
   * given) and loads only that one's classes.
   */
  private static final List<String> SUBCOMMANDS =
      List.of("study", "sample", "simulate", "backtest");

  /** A new instance of a subcommand (a switch, so that only the one asked for is loaded). */
  private static Object subcommand(String name) {
    switch (name) {
      case "study":
        return new StudyCommand();
      case "sample":
        return new SampleCommand();
      case "simulate":
        return new SimulateCommand();
      case "backtest":
        return new BacktestCommand();
      default:
        throw new IllegalArgumentException("No subcommand " + name);
    }
  }

  /** Exit code for success. */
  public static final int OK = 0;

  /** Exit code for anything unexpected. */
  public static final int FAILURE = 1;

  /** Exit code for bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JulyTwentyTwentyThreeStudy.print(spec.commandLine().getOut());
    return OK;
  }

  /**
   * A command line whose errors end as one message on standard error and an exit code, never a
   * stack trace. Running out of memory (a very large study on a small heap) is one of them: exit 1
   * with a message saying what to change.
   *
   * @return the configured command line
   */
  public static CommandLine commandLine() {
    return build(null);
  }

  /**
   * The command line for these arguments: when the first one names a subcommand, a command line
   * holding only that subcommand (the others would never run), otherwise {@link #commandLine()}.
   * Whatever the arguments, its output, errors and exit code are those of {@link #commandLine()}.
   *
   * @param args the arguments it will be executed with
   * @return the configured command line
   */
  public static CommandLine commandLine(String... args) {
    return build(args.length > 0 && SUBCOMMANDS.contains(args[0]) ? args[0] : null);
  }

  /** The command line with every subcommand, or only {@code only} if not null. */
  private static CommandLine build(String only) {
    CommandLine cl = new CommandLine(new EventideCommand());
    for (String name : SUBCOMMANDS) {
      if (only == null || only.equals(name)) {
        cl.addSubcommand(name, subcommand(name));
      }
    }
    CommandLine study = cl.getSubcommands().get("study");
    if (study != null) {
      // The footer lists the built-in exchanges: made only when the help is shown.
      study
          .getHelpSectionMap()
          .put(
              CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
              help -> {
                help.commandSpec().usageMessage().footer(StudyCommand.exchangesFooter());
                return help.footer();
              });
    }
    return withErrorHandling(cl);
  }

  /**
   * Gives a command line this command's error handling: one message on standard error, exit 2 for
   * bad usage or input, 1 otherwise (used by the {@code eventide-spark} command line too).
   *
   * @param cl a command line
   * @return the same command line, configured
   */
  public static CommandLine withErrorHandling(CommandLine cl) {
    cl.setExecutionStrategy(
        parseResult -> {
          try {
            return new CommandLine.RunLast().execute(parseResult);
          } catch (OutOfMemoryError e) {
            PrintWriter err = parseResult.commandSpec().commandLine().getErr();
            err.println(
                "eventide: out of memory ("
                    + e.getMessage()
                    + "): the study needs more memory"
                    + " than this Java process may use; use shorter windows or fewer events, or give Java"
                    + " more memory (java -Xmx8g -jar eventide.jar ...)");
            err.flush();
            return FAILURE;
          }
        });
    cl.setExecutionExceptionHandler(
        (ex, line, parseResult) -> {
          PrintWriter err = line.getErr();
          err.println("eventide: " + messageOf(ex));
          err.flush();
          return exitCodeOf(ex);
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("eventide: " + ex.getMessage());
          err.println(
              "Try 'eventide "
                  + (ex.getCommandLine().getCommandName().equals("eventide")
                      ? ""
                      : ex.getCommandLine().getCommandName() + " ")
                  + "--help' for usage.");
          err.flush();
          return BAD_INPUT;
        });
    return cl;
  }

  static int exitCodeOf(Throwable ex) {
    if (ex instanceof InputException
        || ex instanceof IllegalArgumentException
        || ex instanceof CommandLine.ParameterException) {
      return BAD_INPUT;
    }
    return FAILURE;
  }

  static String messageOf(Throwable ex) {
    if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    if (ex instanceof UncheckedIOException u && u.getCause() != null) {
      return ex.getMessage();
    }
    String m = ex.getMessage();
    return "unexpected " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine(args).execute(args));
  }
}
