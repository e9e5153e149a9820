package io.eventide.io;

import java.util.Objects;

/**
 * The one error for a bad input file: it names the file, the line, the column and the offending
 * value, so that its {@link #getMessage() message} alone tells a user what to fix. The command line
 * prints the message and exits with status 2 ({@code docs/cli.md}).
 *
 * <p>The message reads {@code <source>[ line <n>][, column "<name>"]: [value "<text>" ]<problem>},
 * for example {@code prices/BABA.csv line 17, column "Adj Close": value "abc" is not a number}.
 * Parts that do not apply are left out. A column given by number (a file without a header name for
 * it) is written unquoted ({@code column 1}). Control characters in the value are shown escaped
 * ({@code \r}, {@code \n}, {@code \t}) and a value longer than 120 characters is shortened in the
 * message; {@link #value()} always returns it in full.
 *
 * <p>Readers in this package never let a {@link NullPointerException}, {@link
 * IndexOutOfBoundsException}, {@link java.time.format.DateTimeParseException} or bare {@link
 * NumberFormatException} escape for bad input: they throw this instead.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_VALUE_IN_MESSAGE = 120;

  private final String source;
  private final int line;
  private final String column;
  private final String value;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file name or path as given by the user, or the name given with a {@link
   *     java.io.Reader}
   * @param line the 1-based physical line, or 0 when the problem is not on one line
   * @param column the header name of the column, or its 1-based number when it has no name, or
   *     empty when not applicable
   * @param value the offending text, or empty when not applicable
   * @param problem what is wrong, phrased to follow the value ({@code is not a number}) or to stand
   *     alone when there is no value ({@code no price column ...})
   */
  public InputException(String source, int line, String column, String value, String problem) {
    this(source, line, column, value, problem, null);
  }

  /**
   * Creates the exception with the low-level cause kept for debugging.
   *
   * @param source the file name or path as given
   * @param line the 1-based physical line, or 0
   * @param column the header name, or the 1-based column number, or empty
   * @param value the offending text, or empty
   * @param problem what is wrong
   * @param cause the underlying exception, may be {@code null}
   */
  public InputException(
      String source, int line, String column, String value, String problem, Throwable cause) {
    super(
        format(
            nonNull(source), Math.max(line, 0), nonNull(column), nonNull(value), nonNull(problem)),
        cause);
    this.source = nonNull(source);
    this.line = Math.max(line, 0);
    this.column = nonNull(column);
    this.value = nonNull(value);
    this.problem = nonNull(problem);
  }

  /**
   * @return the file name or path as given (never {@code null})
   */
  public String source() {
    return source;
  }

  /**
   * @return the 1-based physical line, or 0 when not applicable
   */
  public int line() {
    return line;
  }

  /**
   * @return the header name, or the 1-based column number as text, or empty when not applicable
   */
  public String column() {
    return column;
  }

  /**
   * @return the offending text in full, or empty when not applicable
   */
  public String value() {
    return value;
  }

  /**
   * @return what is wrong, without the location (the message's last part)
   */
  public String problem() {
    return problem;
  }

  private static String nonNull(String s) {
    return Objects.requireNonNullElse(s, "");
  }

  private static String format(
      String source, int line, String column, String value, String problem) {
    StringBuilder sb = new StringBuilder(source.isEmpty() ? "input" : source);
    if (line > 0) {
      sb.append(" line ").append(line);
    }
    if (!column.isEmpty()) {
      sb.append(", column ");
      if (column.chars().allMatch(c -> c >= '0' && c <= '9')) {
        sb.append(column);
      } else {
        sb.append('"').append(column).append('"');
      }
    }
    sb.append(": ");
    if (!value.isEmpty()) {
      sb.append("value \"").append(shown(value)).append("\" ");
    }
    sb.append(problem);
    return sb.toString();
  }

  private static String shown(String value) {
    String v =
        value.length() > MAX_VALUE_IN_MESSAGE
            ? value.substring(0, MAX_VALUE_IN_MESSAGE) + "..."
            : value;
    return v.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }
}
