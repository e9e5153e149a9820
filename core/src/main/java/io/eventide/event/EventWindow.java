package io.eventide.event;

/**
 * A closed interval of relative trading days {@code [fromInclusive, toInclusive]} around day 0.
 *
 * <p>Length {@code L = toInclusive - fromInclusive + 1}. Written {@code A:B} (for example {@code
 * -1:1}) in files and on the command line.
 *
 * @param fromInclusive first relative day
 * @param toInclusive last relative day, at least {@code fromInclusive}
 */
public record EventWindow(int fromInclusive, int toInclusive) implements Comparable<EventWindow> {

  /** Validates the order. */
  public EventWindow {
    if (fromInclusive > toInclusive) {
      throw new IllegalArgumentException(
          "Window "
              + fromInclusive
              + ":"
              + toInclusive
              + " ends before it starts; write A:B with A <= B");
    }
  }

  /**
   * @param fromInclusive first relative day
   * @param toInclusive last relative day
   * @return the window
   */
  public static EventWindow of(int fromInclusive, int toInclusive) {
    return new EventWindow(fromInclusive, toInclusive);
  }

  /**
   * @param day a relative day
   * @return the one-day window {@code [day, day]}
   */
  public static EventWindow day(int day) {
    return new EventWindow(day, day);
  }

  /**
   * Parses {@code A:B}.
   *
   * @param text such as {@code -1:1}
   * @return the window
   * @throws IllegalArgumentException naming the text
   */
  public static EventWindow parse(String text) {
    String s = text == null ? "" : text.strip();
    int colon = s.indexOf(':', 1);
    if (colon < 0) {
      throw new IllegalArgumentException(
          "Window '" + text + "' is not of the form A:B (e.g. -1:1)");
    }
    try {
      return of(
          Integer.parseInt(s.substring(0, colon).strip()),
          Integer.parseInt(s.substring(colon + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Window '" + text + "' is not of the form A:B with whole numbers (e.g. -1:1)", e);
    }
  }

  /**
   * @return {@code L = toInclusive - fromInclusive + 1}
   */
  public int length() {
    return toInclusive - fromInclusive + 1;
  }

  /**
   * @param relativeDay a relative day
   * @return whether it lies in the window
   */
  public boolean contains(int relativeDay) {
    return relativeDay >= fromInclusive && relativeDay <= toInclusive;
  }

  /**
   * @return whether this is a one-day window
   */
  public boolean isSingleDay() {
    return fromInclusive == toInclusive;
  }

  @Override
  public int compareTo(EventWindow o) {
    int c = Integer.compare(fromInclusive, o.fromInclusive);
    return c != 0 ? c : Integer.compare(toInclusive, o.toInclusive);
  }

  /**
   * @return {@code A:B}
   */
  @Override
  public String toString() {
    return fromInclusive + ":" + toInclusive;
  }
}
