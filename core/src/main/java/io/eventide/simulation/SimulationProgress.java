package io.eventide.simulation;

/**
 * Told after each sample of a running simulation (from the worker threads, so an implementation
 * must be thread-safe). The command line uses it to show progress on a terminal.
 */
@FunctionalInterface
public interface SimulationProgress {

  /** Tells nothing. */
  SimulationProgress NONE = (done, total) -> {};

  /**
   * @param done samples finished so far, over all designs
   * @param total samples to run, over all designs
   */
  void samplesDone(long done, long total);
}
