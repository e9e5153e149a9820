package io.eventide.event;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Numeric characteristics of firm-events (size, book-to-market, leverage, ...), keyed by event id
 * and ticker: the regressors of a study's cross-sectional regression ({@code docs/statistics.md}
 * section 3e). A missing value is {@code NaN}.
 */
public final class FirmCharacteristics {

  /**
   * A firm-event's key.
   *
   * @param eventId the event's id
   * @param ticker the listing's ticker
   */
  public record Key(String eventId, String ticker) {
    /** Checks the parts. */
    public Key {
      Objects.requireNonNull(eventId, "eventId");
      Objects.requireNonNull(ticker, "ticker");
    }
  }

  private final List<String> names;
  private final Map<Key, double[]> values;

  private FirmCharacteristics(List<String> names, Map<Key, double[]> values) {
    this.names = names;
    this.values = values;
  }

  /**
   * Creates the characteristics, copying the values.
   *
   * @param names the characteristics' names, distinct, in column order
   * @param values per firm-event, one value per name ({@code NaN} = missing)
   * @return the characteristics
   * @throws IllegalArgumentException if a name repeats or a row has the wrong length
   */
  public static FirmCharacteristics of(List<String> names, Map<Key, double[]> values) {
    List<String> n = List.copyOf(names);
    if (n.isEmpty() || n.stream().distinct().count() != n.size()) {
      throw new IllegalArgumentException("Characteristic names must be distinct and present: " + n);
    }
    Map<Key, double[]> copy = new HashMap<>();
    for (Map.Entry<Key, double[]> e : values.entrySet()) {
      if (e.getValue().length != n.size()) {
        throw new IllegalArgumentException(
            e.getKey() + " has " + e.getValue().length + " values for " + n.size() + " names");
      }
      copy.put(e.getKey(), e.getValue().clone());
    }
    return new FirmCharacteristics(n, copy);
  }

  /**
   * @return the names, in column order
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return the firm-events that have a row
   */
  public Set<Key> keys() {
    return Set.copyOf(values.keySet());
  }

  /**
   * @param eventId an event id
   * @param ticker a ticker
   * @return a copy of the firm-event's values, one per name ({@code NaN} = missing), or empty if it
   *     has no row
   */
  public Optional<double[]> values(String eventId, String ticker) {
    double[] v = values.get(new Key(eventId, ticker));
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  /**
   * @return the number of rows
   */
  public int size() {
    return values.size();
  }

  @Override
  public String toString() {
    return "FirmCharacteristics" + names + "[" + values.size() + " firm-events]";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FirmCharacteristics other)) {
      return false;
    }
    if (!names.equals(other.names) || !values.keySet().equals(other.values.keySet())) {
      return false;
    }
    for (Map.Entry<Key, double[]> e : values.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.values.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return names.hashCode() * 31 + values.keySet().hashCode();
  }
}
