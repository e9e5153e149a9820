package io.eventide.examples.cli;

import io.eventide.examples.SampleData;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eventide sample --out DIR}: copies the bundled sample files into a folder. */
@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the bundled sample (prices, universe.csv, events.csv, Ken French factors) into DIR,",
      "ready for 'eventide study --prices DIR --universe DIR/universe.csv --events DIR/events.csv'."
    })
public final class SampleCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "target folder")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int n = SampleData.export(out).size();
    spec.commandLine().getOut().println("Wrote " + n + " files to " + out);
    return EventideCommand.OK;
  }
}
