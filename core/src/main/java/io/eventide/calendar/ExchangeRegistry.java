package io.eventide.calendar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exchanges a study knows: the {@linkplain Exchange#builtIns() built-ins} plus the user's
 * definitions, looked up by code or MIC. An immutable value: {@link #define(List)} returns a new
 * registry.
 *
 * <p>Rules, so that every code or MIC names one exchange:
 *
 * <ul>
 *   <li>Codes and MICs are looked up ignoring case and surrounding blanks ({@code lse}, {@code
 *       XLON}, {@code " nyse american "}).
 *   <li>A definition whose code is a built-in's code replaces that built-in (for example with a
 *       historical closing time); {@link #redefinedBuiltIns()} lists the built-ins replaced. If it
 *       gives no MIC it keeps the built-in's MIC.
 *   <li>Defining one code twice is refused, and so is a code or MIC that is already the code or MIC
 *       of another exchange (built-in or defined).
 * </ul>
 *
 * <p>{@link #exchanges()} lists the built-ins in their order (each replaced one at its place), then
 * the new definitions in the order they were given.
 */
public final class ExchangeRegistry {

  private static final ExchangeRegistry BUILT_INS =
      new ExchangeRegistry(Exchange.builtIns(), List.of(), List.of(), index(Exchange.builtIns()));

  private final List<Exchange> exchanges;
  private final List<Exchange> definitions;
  private final List<Exchange> redefined;
  private final Map<String, Exchange> byKey;

  private ExchangeRegistry(
      List<Exchange> exchanges,
      List<Exchange> definitions,
      List<Exchange> redefined,
      Map<String, Exchange> byKey) {
    this.exchanges = exchanges;
    this.definitions = definitions;
    this.redefined = redefined;
    this.byKey = byKey;
  }

  /**
   * The registry of the twenty built-in exchanges alone.
   *
   * @return the built-ins
   */
  public static ExchangeRegistry builtIns() {
    return BUILT_INS;
  }

  /**
   * The built-ins plus some definitions: {@code builtIns().define(definitions)}.
   *
   * @param definitions exchanges of your own, or redefinitions of built-ins
   * @return the registry
   * @throws IllegalArgumentException as for {@link #define(List)}
   */
  public static ExchangeRegistry of(Exchange... definitions) {
    return BUILT_INS.define(Arrays.asList(definitions));
  }

  /**
   * This registry with more definitions.
   *
   * @param more exchanges of your own, or redefinitions of built-ins
   * @return a new registry; this one is unchanged
   * @throws IllegalArgumentException naming the code or MIC when a code is defined twice, or a code
   *     or MIC is already that of another exchange
   */
  public ExchangeRegistry define(List<Exchange> more) {
    Objects.requireNonNull(more, "more");
    List<Exchange> all = new ArrayList<>(definitions);
    for (Exchange e : more) {
      all.add(Objects.requireNonNull(e, "exchange"));
    }
    return build(all);
  }

  /**
   * This registry with one more definition.
   *
   * @param exchange an exchange of your own, or a redefinition of a built-in
   * @return a new registry; this one is unchanged
   * @throws IllegalArgumentException as for {@link #define(List)}
   */
  public ExchangeRegistry define(Exchange exchange) {
    return define(List.of(exchange));
  }

  private static ExchangeRegistry build(List<Exchange> definitions) {
    List<Exchange> exchanges = new ArrayList<>(Exchange.builtIns());
    List<Exchange> redefined = new ArrayList<>();
    Map<String, Exchange> definedCodes = new HashMap<>();
    List<Exchange> defined = new ArrayList<>(definitions.size());
    for (Exchange d : definitions) {
      Exchange earlier = definedCodes.putIfAbsent(Exchange.keyOf(d.code()), d);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "Exchange code '"
                + d.code()
                + "' is defined twice: "
                + earlier.describe()
                + " and "
                + d.describe());
      }
      int builtIn = exchanges.indexOf(d);
      if (builtIn >= 0) {
        Exchange replaced = exchanges.get(builtIn);
        Exchange e = d.mic().isPresent() ? d : d.withMic(replaced.mic().orElseThrow());
        exchanges.set(builtIn, e);
        redefined.add(replaced);
        defined.add(e);
      } else {
        exchanges.add(d);
        defined.add(d);
      }
    }
    // Index the built-ins left as they are first, so that a clash names the definition.
    List<Exchange> order = new ArrayList<>(exchanges);
    order.removeAll(defined);
    order.addAll(defined);
    return new ExchangeRegistry(
        List.copyOf(exchanges), List.copyOf(defined), List.copyOf(redefined), index(order));
  }

  private static Map<String, Exchange> index(List<Exchange> exchanges) {
    Map<String, Exchange> byKey = new HashMap<>();
    for (Exchange e : exchanges) {
      put(byKey, Exchange.keyOf(e.code()), e, "code");
      if (e.mic().isPresent()) {
        String mic = e.mic().get();
        if (!Exchange.keyOf(mic).equals(Exchange.keyOf(e.code()))) {
          put(byKey, mic, e, "MIC");
        }
      }
    }
    return Map.copyOf(byKey);
  }

  private static void put(Map<String, Exchange> byKey, String key, Exchange e, String what) {
    Exchange other = byKey.putIfAbsent(key, e);
    if (other != null) {
      String otherPart = Exchange.keyOf(other.code()).equals(key) ? "code" : "MIC";
      throw new IllegalArgumentException(
          "Exchange "
              + e.code()
              + ": its "
              + what
              + " '"
              + (what.equals("code") ? e.code() : key)
              + "' is already the "
              + otherPart
              + " of exchange "
              + other.describe()
              + "; each code and MIC may name one exchange");
    }
  }

  /**
   * Finds an exchange by code or MIC, ignoring case and surrounding blanks.
   *
   * @param codeOrMic a code ({@code LSE}, {@code NYSE American}) or MIC ({@code XLON})
   * @return the exchange, or empty if none has that code or MIC
   */
  public Optional<Exchange> find(String codeOrMic) {
    return codeOrMic == null
        ? Optional.empty()
        : Optional.ofNullable(byKey.get(Exchange.keyOf(codeOrMic)));
  }

  /**
   * Looks an exchange up by code or MIC, ignoring case and surrounding blanks.
   *
   * @param codeOrMic a code or MIC
   * @return the exchange
   * @throws IllegalArgumentException naming the value and listing the known codes with their MICs
   */
  public Exchange lookup(String codeOrMic) {
    return find(codeOrMic)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown exchange '" + codeOrMic + "'; expected " + known()));
  }

  /**
   * The known exchanges for messages: {@code one of NYSE (XNYS), ..., BSE (XBOM), by code or MIC in
   * any case}.
   *
   * @return the phrase
   */
  public String known() {
    StringBuilder sb = new StringBuilder("one of ");
    for (int i = 0; i < exchanges.size(); i++) {
      Exchange e = exchanges.get(i);
      sb.append(i == 0 ? "" : ", ").append(e.code());
      e.mic().ifPresent(m -> sb.append(" (").append(m).append(')'));
    }
    return sb.append(", by code or MIC in any case").toString();
  }

  /**
   * @return every exchange: the built-ins in order (replaced ones at their place), then the new
   *     definitions in order
   */
  public List<Exchange> exchanges() {
    return exchanges;
  }

  /**
   * @return the definitions given, in order (a redefinition of a built-in as it is registered, with
   *     the built-in's MIC if it gave none)
   */
  public List<Exchange> definitions() {
    return definitions;
  }

  /**
   * @return the built-ins that definitions replaced, as they were built in
   */
  public List<Exchange> redefinedBuiltIns() {
    return redefined;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExchangeRegistry r) || r.exchanges.size() != exchanges.size()) {
      return false;
    }
    for (int i = 0; i < exchanges.size(); i++) {
      if (!exchanges.get(i).sameDefinition(r.exchanges.get(i))) {
        return false;
      }
    }
    return r.definitions.equals(definitions);
  }

  @Override
  public int hashCode() {
    return exchanges.hashCode();
  }

  @Override
  public String toString() {
    return "ExchangeRegistry["
        + exchanges.size()
        + " exchanges"
        + (definitions.isEmpty() ? "" : ", defined: " + definitions)
        + "]";
  }
}
