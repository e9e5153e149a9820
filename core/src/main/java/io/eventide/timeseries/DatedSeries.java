package io.eventide.timeseries;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable series of values on strictly increasing dates, such as the adjusted closes of one
 * price file. {@code NaN} marks a missing value on a date that is present (a blank price cell).
 *
 * <p>Dates are stored as epoch days ({@link LocalDate#toEpochDay()}) so that lookups are binary
 * searches on a {@code long[]}.
 */
public final class DatedSeries {

  private final String name;
  private final long[] epochDays;
  private final double[] values;

  private DatedSeries(String name, long[] epochDays, double[] values) {
    this.name = name;
    this.epochDays = epochDays;
    this.values = values;
  }

  /**
   * Creates a series, copying the arrays.
   *
   * @param name what the series is (a ticker, a factor name), used in messages
   * @param dates the dates, strictly increasing
   * @param values the values, one per date, {@code NaN} where missing
   * @return the series
   * @throws IllegalArgumentException if the lengths differ or the dates are not strictly increasing
   */
  public static DatedSeries of(String name, LocalDate[] dates, double[] values) {
    Objects.requireNonNull(name, "name");
    if (dates.length != values.length) {
      throw new IllegalArgumentException(
          "Series " + name + " has " + dates.length + " dates but " + values.length + " values");
    }
    long[] days = new long[dates.length];
    for (int i = 0; i < dates.length; i++) {
      days[i] = dates[i].toEpochDay();
    }
    return ofEpochDays(name, days, values.clone());
  }

  /**
   * Creates a series from epoch days without copying; for readers that build fresh arrays.
   *
   * @param name what the series is, used in messages
   * @param epochDays the dates as epoch days, strictly increasing (not copied)
   * @param values the values (not copied)
   * @return the series
   * @throws IllegalArgumentException if the lengths differ or the dates are not strictly increasing
   */
  public static DatedSeries ofEpochDays(String name, long[] epochDays, double[] values) {
    Objects.requireNonNull(name, "name");
    if (epochDays.length != values.length) {
      throw new IllegalArgumentException(
          "Series "
              + name
              + " has "
              + epochDays.length
              + " dates but "
              + values.length
              + " values");
    }
    for (int i = 1; i < epochDays.length; i++) {
      if (epochDays[i] <= epochDays[i - 1]) {
        throw new IllegalArgumentException(
            "Series "
                + name
                + " dates are not strictly increasing at "
                + LocalDate.ofEpochDay(epochDays[i - 1])
                + ", "
                + LocalDate.ofEpochDay(epochDays[i]));
      }
    }
    return new DatedSeries(name, epochDays, values);
  }

  /**
   * @return the name given at creation
   */
  public String name() {
    return name;
  }

  /**
   * @return the number of dates
   */
  public int size() {
    return epochDays.length;
  }

  /**
   * @return true if there are no dates
   */
  public boolean isEmpty() {
    return epochDays.length == 0;
  }

  /**
   * @param index position, {@code 0 <= index < size()}
   * @return the date at that position
   */
  public LocalDate date(int index) {
    return LocalDate.ofEpochDay(epochDays[index]);
  }

  /**
   * @param index position, {@code 0 <= index < size()}
   * @return the value at that position, {@code NaN} if missing
   */
  public double value(int index) {
    return values[index];
  }

  /**
   * The value on a date.
   *
   * @param date the date
   * @return the value, or {@code NaN} if the date is absent or its value missing
   */
  public double valueOn(LocalDate date) {
    int i = Arrays.binarySearch(epochDays, date.toEpochDay());
    return i >= 0 ? values[i] : Double.NaN;
  }

  /**
   * @return a copy of the dates as epoch days
   */
  public long[] epochDays() {
    return epochDays.clone();
  }

  /**
   * @return a copy of the values
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * @return the number of values that are not {@code NaN}
   */
  public int countPresent() {
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Places the values on a calendar: element {@code i} of the result is this series' value on
   * session {@code i}, {@code NaN} where this series has no date or no value.
   *
   * @param sessionEpochDays the sessions, strictly increasing epoch days
   * @return a new array of {@code sessionEpochDays.length} values
   */
  public double[] alignTo(long[] sessionEpochDays) {
    double[] out = new double[sessionEpochDays.length];
    int j = 0;
    for (int i = 0; i < sessionEpochDays.length; i++) {
      long d = sessionEpochDays[i];
      while (j < epochDays.length && epochDays[j] < d) {
        j++;
      }
      out[i] = j < epochDays.length && epochDays[j] == d ? values[j] : Double.NaN;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatedSeries other
        && name.equals(other.name)
        && Arrays.equals(epochDays, other.epochDays)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(epochDays), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "DatedSeries["
        + name
        + ", "
        + size()
        + " dates"
        + (isEmpty() ? "" : ", " + date(0) + ".." + date(size() - 1))
        + "]";
  }
}
