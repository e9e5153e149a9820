package io.eventide.study;

import java.util.Locale;

/**
 * Peers' conventions ({@code docs/statistics.md} section 3b): a preset switches exactly the choices
 * below and nothing else, so that a study can reproduce a result of R's estudy2 (0.10) or Stata's
 * {@code estudy}.
 *
 * <table>
 *   <caption>What each preset switches</caption>
 *   <tr><th>switch</th><th>{@link #SPEC}</th><th>{@link #ESTUDY2}</th><th>{@link #STATA_ESTUDY}</th></tr>
 *   <tr><td>residual variance divisor (k &gt; 0)</td><td>M − k</td><td>M − 1</td><td>M − 1</td></tr>
 *   <tr><td>market model: R̄_m and S_xx in v_t and Var(CAR)</td><td>over the M valid estimation
 *       days</td><td>over the n estimation days with a market return</td><td>as estudy2</td></tr>
 *   <tr><td>market term of Var(AR) and Var(CAR)</td><td>as written</td><td>same</td><td>times
 *       (n − 1)/n</td></tr>
 *   <tr><td>r̄ of the adjusted tests</td><td>clustered pairs on calendar dates</td><td>same</td>
 *       <td>every pair of the sample, aligned on the relative day of the estimation window</td></tr>
 * </table>
 *
 * <p>The {@code 1/M} term keeps M; degrees of freedom, windows, ranks, signs and p-values are those
 * of {@link #SPEC}. On data without gaps (every estimation day has both returns, so n = M) and a
 * model with k = 1 or a single cluster structure, the presets agree where the switches coincide:
 * see {@code docs/statistics.md} section 3b.
 */
public enum Conventions {
  /** Sections 2 and 3 of {@code docs/statistics.md} as written (the default). */
  SPEC("spec"),
  /** R's estudy2 0.10 ({@code parametric_tests}, {@code car_parametric_tests}). */
  ESTUDY2("estudy2"),
  /** Stata's {@code estudy} (Patell, adjusted Patell, BMP, Kolari-Pynnönen). */
  STATA_ESTUDY("stata-estudy");

  private final String id;

  Conventions(String id) {
    this.id = id;
  }

  /**
   * @return the command line's name: {@code spec}, {@code estudy2} or {@code stata-estudy}
   */
  public String id() {
    return id;
  }

  /**
   * @param id {@code spec}, {@code estudy2} or {@code stata-estudy}, any case
   * @return the preset
   * @throws IllegalArgumentException naming the known ids
   */
  public static Conventions of(String id) {
    String key = id.strip().toLowerCase(Locale.ROOT);
    for (Conventions c : values()) {
      if (c.id.equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "Unknown conventions '" + id + "'; expected spec, estudy2 or stata-estudy");
  }

  /** Whether the residual variance divides by M − 1 (k &gt; 0). */
  boolean divisorMinusOne() {
    return this != SPEC;
  }

  /** Whether the market model's R̄_m and S_xx run over every day with a market return. */
  boolean marketMomentsOverWindow() {
    return this != SPEC;
  }

  /** Whether the market term is multiplied by (n − 1)/n. */
  boolean stataMarketTerm() {
    return this == STATA_ESTUDY;
  }

  /** Whether r̄ is formed over every pair of the sample, aligned on the relative day. */
  boolean allPairsCorrelation() {
    return this == STATA_ESTUDY;
  }
}
