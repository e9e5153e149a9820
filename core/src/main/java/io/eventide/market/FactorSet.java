package io.eventide.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Daily factor returns in decimals (not percent), on strictly increasing dates, with the risk-free
 * rate where known.
 *
 * <p>Ken French files quote percent; their reader divides by 100 ({@code docs/statistics.md}
 * section 2). Factors from several files are combined with {@link #merge(List)}: RF, and a factor
 * present in several sets, come from the first set that has it ({@code docs/cli.md}).
 */
public final class FactorSet {

  /** The conventional name of the risk-free rate column. */
  public static final String RISK_FREE = "RF";

  private final List<String> names;
  private final long[] epochDays;
  private final double[][] factors;
  private final double[] riskFree;

  private FactorSet(List<String> names, long[] epochDays, double[][] factors, double[] riskFree) {
    this.names = names;
    this.epochDays = epochDays;
    this.factors = factors;
    this.riskFree = riskFree;
  }

  /**
   * Creates a factor set, copying the arrays.
   *
   * @param names factor names in column order, without RF
   * @param epochDays strictly increasing dates as epoch days
   * @param factors {@code factors[j][t]}: factor j on date t, decimals, {@code NaN} if missing
   * @param riskFree RF per date in decimals, or {@code null} if the set has no RF
   * @return the set
   */
  public static FactorSet of(
      List<String> names, long[] epochDays, double[][] factors, double[] riskFree) {
    Objects.requireNonNull(names, "names");
    if (factors.length != names.size()) {
      throw new IllegalArgumentException(
          "Factor set has " + names.size() + " names but " + factors.length + " columns");
    }
    if (names.contains(RISK_FREE)) {
      throw new IllegalArgumentException("RF is given separately, not as a factor");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("Factor names repeat: " + names);
    }
    for (int j = 0; j < factors.length; j++) {
      if (factors[j].length != epochDays.length) {
        throw new IllegalArgumentException(
            "Factor "
                + names.get(j)
                + " has "
                + factors[j].length
                + " values for "
                + epochDays.length
                + " dates");
      }
    }
    if (riskFree != null && riskFree.length != epochDays.length) {
      throw new IllegalArgumentException(
          "RF has " + riskFree.length + " values for " + epochDays.length + " dates");
    }
    for (int i = 1; i < epochDays.length; i++) {
      if (epochDays[i] <= epochDays[i - 1]) {
        throw new IllegalArgumentException(
            "Factor dates not strictly increasing at " + LocalDate.ofEpochDay(epochDays[i]));
      }
    }
    double[][] f = new double[factors.length][];
    for (int j = 0; j < f.length; j++) {
      f[j] = factors[j].clone();
    }
    return new FactorSet(
        List.copyOf(names), epochDays.clone(), f, riskFree == null ? null : riskFree.clone());
  }

  /**
   * Combines sets on the union of their dates. A factor (and RF) comes from the first set that has
   * it; a date a set lacks is missing ({@code NaN}) for that set's columns.
   *
   * @param sets the sets, in priority order
   * @return the combined set
   */
  public static FactorSet merge(List<FactorSet> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("No factor sets to merge");
    }
    if (sets.size() == 1) {
      return sets.get(0);
    }
    long[] all =
        sets.stream().flatMapToLong(s -> Arrays.stream(s.epochDays)).sorted().distinct().toArray();
    Map<String, double[]> columns = new LinkedHashMap<>();
    double[] rf = null;
    for (FactorSet s : sets) {
      for (int j = 0; j < s.names.size(); j++) {
        if (!columns.containsKey(s.names.get(j))) {
          columns.put(s.names.get(j), s.alignColumn(s.factors[j], all));
        }
      }
      if (rf == null && s.riskFree != null) {
        rf = s.alignColumn(s.riskFree, all);
      }
    }
    return new FactorSet(
        List.copyOf(new ArrayList<>(columns.keySet())), all,
        columns.values().toArray(new double[0][]), rf);
  }

  /**
   * @return the factor names in column order (RF excluded)
   */
  public List<String> names() {
    return names;
  }

  /**
   * @return whether RF is present
   */
  public boolean hasRiskFree() {
    return riskFree != null;
  }

  /**
   * @return the number of dates
   */
  public int size() {
    return epochDays.length;
  }

  /**
   * @param index a date index
   * @return the date
   */
  public LocalDate date(int index) {
    return LocalDate.ofEpochDay(epochDays[index]);
  }

  /**
   * @param name a factor name
   * @param index a date index
   * @return the factor value in decimals
   */
  public double value(String name, int index) {
    return factors[column(name)][index];
  }

  /**
   * @param index a date index
   * @return RF in decimals
   * @throws IllegalStateException if the set has no RF
   */
  public double riskFree(int index) {
    if (riskFree == null) {
      throw new IllegalStateException("Factor set " + names + " has no RF");
    }
    return riskFree[index];
  }

  /**
   * A subset of factors in a chosen order.
   *
   * @param chosen the factor names to keep
   * @return a new set with those factors and the same RF
   * @throws IllegalArgumentException naming a factor that is absent
   */
  public FactorSet select(List<String> chosen) {
    double[][] f = new double[chosen.size()][];
    for (int j = 0; j < f.length; j++) {
      f[j] = factors[column(chosen.get(j))];
    }
    return new FactorSet(List.copyOf(chosen), epochDays, f, riskFree);
  }

  /**
   * Places factor j on a calendar.
   *
   * @param name the factor
   * @param sessionEpochDays the calendar's sessions
   * @return one value per session, {@code NaN} where the set has no date
   */
  public double[] alignTo(String name, long[] sessionEpochDays) {
    return alignColumn(factors[column(name)], sessionEpochDays);
  }

  /**
   * Places RF on a calendar.
   *
   * @param sessionEpochDays the calendar's sessions
   * @return one value per session, {@code NaN} where missing
   */
  public double[] riskFreeAlignedTo(long[] sessionEpochDays) {
    if (riskFree == null) {
      throw new IllegalStateException("Factor set " + names + " has no RF");
    }
    return alignColumn(riskFree, sessionEpochDays);
  }

  private int column(String name) {
    int j = names.indexOf(name);
    if (j < 0) {
      throw new IllegalArgumentException("No factor '" + name + "'; the set has " + names);
    }
    return j;
  }

  private double[] alignColumn(double[] column, long[] target) {
    double[] out = new double[target.length];
    int k = 0;
    for (int i = 0; i < target.length; i++) {
      while (k < epochDays.length && epochDays[k] < target[i]) {
        k++;
      }
      out[i] = k < epochDays.length && epochDays[k] == target[i] ? column[k] : Double.NaN;
    }
    return out;
  }

  @Override
  public String toString() {
    return "FactorSet"
        + Collections.unmodifiableList(names)
        + (riskFree != null ? "+RF" : "")
        + "["
        + size()
        + " dates"
        + (size() == 0 ? "" : ", " + date(0) + ".." + date(size() - 1))
        + "]";
  }
}
