package io.eventide.spark;

import io.eventide.examples.SampleData;
import java.nio.file.Path;

/** The bundled sample exported for the command-line tests, and the flags that read it. */
final class SampleInput {

  private SampleInput() {}

  /**
   * @param dir a test folder
   * @return {@code dir/in}, holding the exported sample (prices, universe, events, factors)
   */
  static Path export(Path dir) {
    Path in = dir.resolve("in");
    SampleData.export(in);
    return in;
  }

  /**
   * @param in the exported sample
   * @param more further flags
   * @return {@code --prices}, {@code --universe} and {@code --events} of the sample, then {@code
   *     more}
   */
  static String[] args(Path in, String... more) {
    String[] base = {
      "--prices", in.toString(),
      "--universe", in.resolve("universe.csv").toString(),
      "--events", in.resolve("events.csv").toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
