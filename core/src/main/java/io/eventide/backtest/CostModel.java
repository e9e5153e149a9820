package io.eventide.backtest;

import io.eventide.calendar.Exchange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Transaction costs in basis points per side of the traded value {@code |q · P|}, per exchange: a
 * default rate and rates for named exchanges. A hedge leg pays the rate of its listing's exchange
 * ({@code docs/backtest.md}, "Costs").
 *
 * @param defaultBps the rate of every exchange not named, 0 or more
 * @param byExchange rates by exchange code (upper case), each 0 or more
 */
public record CostModel(double defaultBps, Map<String, Double> byExchange) {

  /** Validates and copies. */
  public CostModel {
    check(defaultBps, "default");
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : byExchange.entrySet()) {
      check(e.getValue(), e.getKey());
      copy.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue());
    }
    byExchange = Collections.unmodifiableMap(copy);
  }

  private static void check(double bps, String what) {
    if (!(bps >= 0) || Double.isInfinite(bps)) {
      throw new IllegalArgumentException(
          "Cost of " + what + " is " + bps + " bps; use a finite rate of 0 or more");
    }
  }

  /**
   * @param bps the rate of every exchange
   * @return the model
   */
  public static CostModel flat(double bps) {
    return new CostModel(bps, Map.of());
  }

  /**
   * Parses {@code 10}, or {@code NYSE=5,NASDAQ=5,HKEX=25} (exchanges not named: 10), or {@code
   * 8,HKEX=25} (a bare number sets the rate of the exchanges not named). Exchanges are named by
   * code or MIC, any case.
   *
   * @param text the text
   * @param exchanges looks an exchange up by code or MIC, throwing {@link IllegalArgumentException}
   *     for an unknown one (e.g. {@link Exchange#parse(String)})
   * @return the model
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static CostModel parse(String text, Function<String, Exchange> exchanges) {
    Objects.requireNonNull(text, "text");
    double def = 10;
    boolean bare = false;
    Map<String, Double> rates = new LinkedHashMap<>();
    for (String raw : text.split(",", -1)) {
      String part = raw.strip();
      int eq = part.indexOf('=');
      if (eq < 0) {
        if (bare) {
          throw new IllegalArgumentException(
              "'" + text + "' gives two bare rates; give one default and EXCHANGE=bps for others");
        }
        bare = true;
        def = number(part, text);
      } else {
        String name = part.substring(0, eq).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1);
        }
        Exchange ex = exchanges.apply(name);
        if (rates.put(ex.code().toUpperCase(Locale.ROOT), number(part.substring(eq + 1), text))
            != null) {
          throw new IllegalArgumentException(
              "'" + text + "' names exchange " + ex.code() + " twice");
        }
      }
    }
    return new CostModel(def, rates);
  }

  private static double number(String s, String text) {
    try {
      double v = Double.parseDouble(s.strip());
      check(v, "'" + text + "'");
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + s.strip() + "' in '" + text + "' is not a rate in basis points", e);
    }
  }

  /**
   * @param exchange an exchange
   * @return its rate in basis points per side
   */
  public double bpsOf(Exchange exchange) {
    return byExchange.getOrDefault(exchange.code().toUpperCase(Locale.ROOT), defaultBps);
  }
}
