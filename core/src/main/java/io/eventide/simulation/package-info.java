/**
 * Specification and power of the event-study tests by simulation on a real panel ({@code
 * docs/simulation.md}; Brown and Warner 1985, Journal of Financial Economics 14; Kolari and
 * Pynnönen 2010, Review of Financial Studies 23): {@link io.eventide.simulation.SimulationPanel}
 * (the returns), {@link io.eventide.simulation.SimulationSpecification} (what to run), {@link
 * io.eventide.simulation.Simulation} (runs it, on any number of threads, with the same result) and
 * {@link io.eventide.simulation.SimulationResult} (every rejection rate with its Monte-Carlo
 * standard error). The samples are studied with the study's kernels and the tests of {@code
 * io.eventide.inference} as they are; the writers are in {@code io.eventide.report}.
 */
package io.eventide.simulation;
