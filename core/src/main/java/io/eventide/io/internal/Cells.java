package io.eventide.io.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of single cells shared by the readers: missing-value words and decimal numbers. */
public final class Cells {

  /** A plain decimal, optionally with an exponent: {@code -1.5}, {@code .5}, {@code 1e308}. */
  private static final Pattern PLAIN =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** A decimal with comma thousands separators, as in Investing.com exports: {@code 4,443.01}. */
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

  private Cells() {}

  /**
   * A missing value: an empty cell, or {@code null}, {@code nan} or {@code -} in any case ({@code
   * docs/cli.md}).
   *
   * @param cell a trimmed cell
   * @return whether it marks a missing value
   */
  public static boolean isMissing(String cell) {
    if (cell.isEmpty() || cell.equals("-")) {
      return true;
    }
    String c = cell.toLowerCase(Locale.ROOT);
    return c.equals("null") || c.equals("nan");
  }

  /**
   * Parses a decimal number written with {@code .} as the decimal point, optionally with comma
   * thousands separators or an exponent. Java's own extras ({@code Infinity}, hexadecimal, {@code
   * 1.5d}) are refused. Without separators the result is exactly {@link Double#parseDouble(String)}
   * of the cell.
   *
   * @param cell a trimmed, non-missing cell
   * @return the value, or {@code NaN} if the cell is not such a number (never throws)
   */
  public static double parseDecimal(String cell) {
    if (PLAIN.matcher(cell).matches()) {
      return Double.parseDouble(cell);
    }
    if (GROUPED.matcher(cell).matches()) {
      return Double.parseDouble(cell.replace(",", ""));
    }
    return Double.NaN;
  }
}
