package io.eventide.timeseries;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The daily bars of one listing that a backtest trades on: per date the adjusted close {@code C_d},
 * the adjusted open {@code O_d = Open_d · C_d / Close_d} and the volume, {@code NaN} where missing
 * ({@code docs/backtest.md} section 1).
 *
 * <p>The adjusted open uses that day's close ratio: a dividend or split adjustment moves Close and
 * Adj Close together, so the ratio {@code C_d / Close_d} is the day's adjustment factor. An open is
 * missing when Open, Close or {@code C_d} is missing, or when Open is zero or negative (real
 * exports carry zero opens on days without trades); a file without an Open column has every open
 * missing. A volume is missing when its cell is empty or {@code null}; zero is a value (a day
 * without trades).
 *
 * <p>Immutable: arrays are copied in and out. Dates are strictly increasing epoch days.
 */
public final class PriceBars {

  private final String name;
  private final long[] epochDays;
  private final double[] close;
  private final double[] open;
  private final double[] volume;

  private PriceBars(String name, long[] epochDays, double[] close, double[] open, double[] volume) {
    this.name = name;
    this.epochDays = epochDays;
    this.close = close;
    this.open = open;
    this.volume = volume;
  }

  /**
   * Creates bars, copying the arrays.
   *
   * @param name the ticker
   * @param epochDays dates as epoch days, strictly increasing
   * @param adjustedClose {@code C_d}, {@code NaN} where missing
   * @param adjustedOpen {@code O_d}, {@code NaN} where missing
   * @param volume volume, {@code NaN} where missing
   * @return the bars
   * @throws IllegalArgumentException if lengths differ, dates are not strictly increasing, or a
   *     present close or open is not finite and positive, or a volume is negative
   */
  public static PriceBars of(
      String name,
      long[] epochDays,
      double[] adjustedClose,
      double[] adjustedOpen,
      double[] volume) {
    Objects.requireNonNull(name, "name");
    int n = epochDays.length;
    if (adjustedClose.length != n || adjustedOpen.length != n || volume.length != n) {
      throw new IllegalArgumentException(
          "Bars "
              + name
              + " have "
              + n
              + " dates but "
              + adjustedClose.length
              + " closes, "
              + adjustedOpen.length
              + " opens and "
              + volume.length
              + " volumes");
    }
    for (int i = 0; i < n; i++) {
      if (i > 0 && epochDays[i] <= epochDays[i - 1]) {
        throw new IllegalArgumentException(
            "Bars "
                + name
                + " dates are not strictly increasing at "
                + LocalDate.ofEpochDay(epochDays[i]));
      }
      checkPrice(name, "close", epochDays[i], adjustedClose[i]);
      checkPrice(name, "open", epochDays[i], adjustedOpen[i]);
      if (volume[i] < 0 || Double.isInfinite(volume[i])) {
        throw new IllegalArgumentException(
            "Bars "
                + name
                + " volume on "
                + LocalDate.ofEpochDay(epochDays[i])
                + " is "
                + volume[i]
                + "; use 0 or more, NaN when missing");
      }
    }
    return new PriceBars(
        name, epochDays.clone(), adjustedClose.clone(), adjustedOpen.clone(), volume.clone());
  }

  private static void checkPrice(String name, String what, long day, double v) {
    if (!Double.isNaN(v) && !(v > 0 && v < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "Bars "
              + name
              + " "
              + what
              + " on "
              + LocalDate.ofEpochDay(day)
              + " is "
              + v
              + "; a price must be positive and finite, NaN when missing");
    }
  }

  /**
   * @return the ticker
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
   * @param i position
   * @return the i-th date
   */
  public LocalDate date(int i) {
    return LocalDate.ofEpochDay(epochDays[i]);
  }

  /**
   * @param i position
   * @return the adjusted close {@code C_d}, {@code NaN} if missing
   */
  public double close(int i) {
    return close[i];
  }

  /**
   * @param i position
   * @return the adjusted open {@code O_d}, {@code NaN} if missing
   */
  public double open(int i) {
    return open[i];
  }

  /**
   * @param i position
   * @return the volume, {@code NaN} if missing
   */
  public double volume(int i) {
    return volume[i];
  }

  /**
   * @return the dates as epoch days (a copy)
   */
  public long[] epochDays() {
    return epochDays.clone();
  }

  /**
   * @return the adjusted closes (a copy)
   */
  public double[] closes() {
    return close.clone();
  }

  /**
   * @return the adjusted opens (a copy)
   */
  public double[] opens() {
    return open.clone();
  }

  /**
   * @return the volumes (a copy)
   */
  public double[] volumes() {
    return volume.clone();
  }

  /**
   * @return the adjusted closes as a series, the one {@code PriceFileReader.read} gives for the
   *     same file
   */
  public DatedSeries closeSeries() {
    return DatedSeries.ofEpochDays(name, epochDays.clone(), close.clone());
  }

  /**
   * Places one column on given sessions: the value on each session's date, {@code NaN} where the
   * bars have no such date or the value is missing.
   *
   * @param sessionEpochDays sessions, strictly increasing
   * @param column {@code 0} closes, {@code 1} opens, {@code 2} volumes
   * @return a new array, one value per session
   */
  public double[] alignTo(long[] sessionEpochDays, int column) {
    double[] src =
        switch (column) {
          case 0 -> close;
          case 1 -> open;
          case 2 -> volume;
          default ->
              throw new IllegalArgumentException(
                  "column is " + column + "; use 0 (close), 1 (open) or 2 (volume)");
        };
    double[] out = new double[sessionEpochDays.length];
    int j = 0;
    for (int i = 0; i < out.length; i++) {
      long d = sessionEpochDays[i];
      while (j < epochDays.length && epochDays[j] < d) {
        j++;
      }
      out[i] = j < epochDays.length && epochDays[j] == d ? src[j] : Double.NaN;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PriceBars b
        && name.equals(b.name)
        && Arrays.equals(epochDays, b.epochDays)
        && Arrays.equals(close, b.close)
        && Arrays.equals(open, b.open)
        && Arrays.equals(volume, b.volume);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        Arrays.hashCode(epochDays),
        Arrays.hashCode(close),
        Arrays.hashCode(open),
        Arrays.hashCode(volume));
  }

  @Override
  public String toString() {
    return "PriceBars["
        + name
        + ", "
        + epochDays.length
        + " dates"
        + (epochDays.length == 0 ? "" : ", " + date(0) + ".." + date(epochDays.length - 1))
        + "]";
  }
}
