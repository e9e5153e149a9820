package io.eventide.simulation;

import java.util.Objects;

/**
 * A simulation that cannot be run as specified: a parameter out of range, or a panel on which the
 * design cannot draw a sample ({@code docs/simulation.md} section 9). It names the parameter (as
 * the builder method spells it, e.g. {@code size}) and its value, so that the command line can
 * report the flag ({@code --size}) and the value in one line.
 */
public final class SimulationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String value;

  /**
   * @param parameter the parameter, as the builder method spells it ({@code size}, {@code market})
   * @param value the offending value as text
   * @param problem what is wrong, phrased to follow the value
   */
  public SimulationException(String parameter, String value, String problem) {
    super(parameter + " " + value + ": " + problem);
    this.parameter = Objects.requireNonNull(parameter, "parameter");
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * @return the parameter's name ({@code size}, {@code samples}, {@code windows}, ...)
   */
  public String parameter() {
    return parameter;
  }

  /**
   * @return the offending value as text
   */
  public String value() {
    return value;
  }

  /**
   * @return what is wrong, without the parameter and value
   */
  public String problem() {
    String m = getMessage();
    return m.substring(parameter.length() + 1 + value.length() + 2);
  }
}
