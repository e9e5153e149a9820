package io.eventide.calendar;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A stock exchange: its code, its ISO 10383 market identifier code (MIC, optional), its time zone,
 * and the local times its regular session opens and closes. An immutable value; two exchanges are
 * equal when their codes are equal ignoring case.
 *
 * <p>Twenty exchanges are built in, each a constant of this class ({@link #NYSE}, {@link #HKEX},
 * {@link #LSE}, ...; the whole list, in order, is {@link #builtIns()}). Any other exchange is
 * defined with {@link #of(String, ZoneId, LocalTime, LocalTime)} or {@link #of(String, String,
 * ZoneId, LocalTime, LocalTime)}, and an {@link ExchangeRegistry} looks exchanges up by code or MIC
 * among the built-ins and the user's definitions (see {@code docs/cli.md}, "Built-in exchanges").
 *
 * <p>One regular session per day: lunch breaks and early closes (half days) are not modelled, and a
 * session lies within one local day (the close is after the open). The hours are today's; a study
 * of an earlier period with other hours defines the exchange again with those hours (an {@link
 * ExchangeRegistry} lets a definition replace a built-in).
 *
 * <p>Day 0 of an announcement compares the announcement instant with the close in the exchange's
 * own zone, so daylight-saving changes are followed: {@link #closeOf(LocalDate)} is the local close
 * on that date at the offset in force on that date ({@code docs/statistics.md} section 1). A local
 * time that falls into a daylight-saving gap is moved later by the length of the gap, as {@link
 * ZonedDateTime#of(LocalDate, LocalTime, ZoneId)} does.
 */
public final class Exchange implements Serializable {

  private static final long serialVersionUID = 1L;

  /** New York Stock Exchange, XNYS: America/New_York, 09:30-16:00. */
  public static final Exchange NYSE = builtIn("NYSE", "XNYS", "America/New_York", 9, 30, 16, 0);

  /** Nasdaq, XNAS: America/New_York, 09:30-16:00. */
  public static final Exchange NASDAQ = builtIn("NASDAQ", "XNAS", "America/New_York", 9, 30, 16, 0);

  /** NYSE American, XASE: America/New_York, 09:30-16:00. */
  public static final Exchange NYSE_AMERICAN =
      builtIn("NYSE American", "XASE", "America/New_York", 9, 30, 16, 0);

  /** NYSE Arca, ARCX: America/New_York, 09:30-16:00. */
  public static final Exchange NYSE_ARCA =
      builtIn("NYSE Arca", "ARCX", "America/New_York", 9, 30, 16, 0);

  /** Toronto Stock Exchange, XTSE: America/Toronto, 09:30-16:00. */
  public static final Exchange TSX = builtIn("TSX", "XTSE", "America/Toronto", 9, 30, 16, 0);

  /** London Stock Exchange, XLON: Europe/London, 08:00-16:30. */
  public static final Exchange LSE = builtIn("LSE", "XLON", "Europe/London", 8, 0, 16, 30);

  /** Euronext Paris, XPAR: Europe/Paris, 09:00-17:30. */
  public static final Exchange EURONEXT_PARIS =
      builtIn("Euronext Paris", "XPAR", "Europe/Paris", 9, 0, 17, 30);

  /** Euronext Amsterdam, XAMS: Europe/Amsterdam, 09:00-17:30. */
  public static final Exchange EURONEXT_AMSTERDAM =
      builtIn("Euronext Amsterdam", "XAMS", "Europe/Amsterdam", 9, 0, 17, 30);

  /** Xetra (Deutsche Börse), XETR: Europe/Berlin, 09:00-17:30. */
  public static final Exchange XETRA = builtIn("XETRA", "XETR", "Europe/Berlin", 9, 0, 17, 30);

  /** SIX Swiss Exchange, XSWX: Europe/Zurich, 09:00-17:30. */
  public static final Exchange SIX = builtIn("SIX", "XSWX", "Europe/Zurich", 9, 0, 17, 30);

  /** Tokyo Stock Exchange, XTKS: Asia/Tokyo, 09:00-15:30. */
  public static final Exchange TSE = builtIn("TSE", "XTKS", "Asia/Tokyo", 9, 0, 15, 30);

  /** Hong Kong Exchanges, XHKG: Asia/Hong_Kong, 09:30-16:00. */
  public static final Exchange HKEX = builtIn("HKEX", "XHKG", "Asia/Hong_Kong", 9, 30, 16, 0);

  /** Shanghai Stock Exchange, XSHG: Asia/Shanghai, 09:30-15:00. */
  public static final Exchange SSE = builtIn("SSE", "XSHG", "Asia/Shanghai", 9, 30, 15, 0);

  /** Shenzhen Stock Exchange, XSHE: Asia/Shanghai, 09:30-15:00. */
  public static final Exchange SZSE = builtIn("SZSE", "XSHE", "Asia/Shanghai", 9, 30, 15, 0);

  /** Korea Exchange, XKRX: Asia/Seoul, 09:00-15:30. */
  public static final Exchange KRX = builtIn("KRX", "XKRX", "Asia/Seoul", 9, 0, 15, 30);

  /** Taiwan Stock Exchange, XTAI: Asia/Taipei, 09:00-13:30. */
  public static final Exchange TWSE = builtIn("TWSE", "XTAI", "Asia/Taipei", 9, 0, 13, 30);

  /** Singapore Exchange, XSES: Asia/Singapore, 09:00-17:00. */
  public static final Exchange SGX = builtIn("SGX", "XSES", "Asia/Singapore", 9, 0, 17, 0);

  /** Australian Securities Exchange, XASX: Australia/Sydney, 10:00-16:00. */
  public static final Exchange ASX = builtIn("ASX", "XASX", "Australia/Sydney", 10, 0, 16, 0);

  /** National Stock Exchange of India, XNSE: Asia/Kolkata, 09:15-15:30. */
  public static final Exchange NSE = builtIn("NSE", "XNSE", "Asia/Kolkata", 9, 15, 15, 30);

  /** BSE (Bombay Stock Exchange), XBOM: Asia/Kolkata, 09:15-15:30. */
  public static final Exchange BSE = builtIn("BSE", "XBOM", "Asia/Kolkata", 9, 15, 15, 30);

  private static final List<Exchange> BUILT_INS =
      List.of(
          NYSE,
          NASDAQ,
          NYSE_AMERICAN,
          NYSE_ARCA,
          TSX,
          LSE,
          EURONEXT_PARIS,
          EURONEXT_AMSTERDAM,
          XETRA,
          SIX,
          TSE,
          HKEX,
          SSE,
          SZSE,
          KRX,
          TWSE,
          SGX,
          ASX,
          NSE,
          BSE);

  /** Longest code accepted, in characters. */
  private static final int MAX_CODE_LENGTH = 64;

  private final String code;
  private final String key;
  private final String mic;
  private final ZoneId zone;
  private final LocalTime sessionOpen;
  private final LocalTime sessionClose;

  private Exchange(
      String code, String mic, ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose) {
    this.code = code;
    this.key = keyOf(code);
    this.mic = mic;
    this.zone = zone;
    this.sessionOpen = sessionOpen;
    this.sessionClose = sessionClose;
  }

  private static Exchange builtIn(
      String code, String mic, String zone, int openH, int openM, int closeH, int closeM) {
    return new Exchange(
        code, mic, ZoneId.of(zone), LocalTime.of(openH, openM), LocalTime.of(closeH, closeM));
  }

  /**
   * An exchange without a MIC.
   *
   * @param code the code it is known by ({@code LSE}, {@code Tokyo PRO}); surrounding blanks are
   *     removed
   * @param zone its time zone, preferably a region ({@code Europe/London}) so that daylight saving
   *     is followed
   * @param sessionOpen the local time its regular session opens
   * @param sessionClose the local time its regular session closes, after the open
   * @return the exchange
   * @throws IllegalArgumentException naming the value for an empty or unusable code, or a close not
   *     after the open
   */
  public static Exchange of(
      String code, ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose) {
    return of(code, null, zone, sessionOpen, sessionClose);
  }

  /**
   * An exchange with a MIC.
   *
   * <p>The code must be 1 to 64 characters after removing surrounding blanks, without control
   * characters, {@code ,}, {@code ;}, {@code =} or {@code "} (codes name exchanges in CSV cells and
   * in {@code EXCH=VALUE} options). The MIC, when given, is four letters or digits (ISO 10383),
   * kept in upper case.
   *
   * @param code the code it is known by; surrounding blanks are removed
   * @param mic its ISO 10383 MIC ({@code XLON}), or {@code null} or blank for none
   * @param zone its time zone
   * @param sessionOpen the local time its regular session opens
   * @param sessionClose the local time its regular session closes, after the open
   * @return the exchange
   * @throws IllegalArgumentException naming the value for an unusable code or MIC, or a close not
   *     after the open
   */
  public static Exchange of(
      String code, String mic, ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(sessionOpen, "sessionOpen");
    Objects.requireNonNull(sessionClose, "sessionClose");
    String c = code.strip();
    String problem = codeProblem(c);
    if (problem != null) {
      throw new IllegalArgumentException("Exchange code '" + code + "' " + problem);
    }
    String m = mic == null || mic.isBlank() ? null : mic.strip().toUpperCase(Locale.ROOT);
    if (m != null && !isMic(m)) {
      throw new IllegalArgumentException(
          "Exchange " + c + ": MIC '" + mic + "' is not four letters or digits (ISO 10383)");
    }
    if (!sessionClose.isAfter(sessionOpen)) {
      throw new IllegalArgumentException(
          "Exchange "
              + c
              + ": close "
              + sessionClose
              + " is not after open "
              + sessionOpen
              + "; a session must open and close on the same local day");
    }
    return new Exchange(c, m, zone, sessionOpen, sessionClose);
  }

  /**
   * Why a stripped text cannot be an exchange code.
   *
   * @param code the stripped code
   * @return the problem, phrased to follow the code, or {@code null} if it is usable
   */
  static String codeProblem(String code) {
    if (code.isEmpty()) {
      return "is empty";
    }
    if (code.length() > MAX_CODE_LENGTH) {
      return "is longer than " + MAX_CODE_LENGTH + " characters";
    }
    for (int i = 0; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (Character.isISOControl(ch) || ch == ',' || ch == ';' || ch == '=' || ch == '"') {
        return "may not hold control characters, ',', ';', '=' or '\"'";
      }
    }
    return null;
  }

  private static boolean isMic(String m) {
    if (m.length() != 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      char ch = m.charAt(i);
      if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The key under which a code or MIC is looked up: stripped and upper-cased ({@link Locale#ROOT}).
   *
   * @param codeOrMic a code or MIC as written
   * @return the key
   */
  static String keyOf(String codeOrMic) {
    return codeOrMic.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * The copy of this exchange with a MIC, used when a definition without a MIC replaces a built-in.
   *
   * @param newMic the MIC
   * @return the exchange with that MIC
   */
  Exchange withMic(String newMic) {
    return new Exchange(code, newMic, zone, sessionOpen, sessionClose);
  }

  /**
   * The built-in exchanges, in the order of the documented table ({@code docs/cli.md}).
   *
   * @return the twenty built-ins, from {@link #NYSE} to {@link #BSE}
   */
  public static List<Exchange> builtIns() {
    return BUILT_INS;
  }

  /**
   * Looks a built-in exchange up by its code or its MIC, ignoring case and surrounding blanks
   * ({@code hkex}, {@code XHKG}, {@code nyse american}). The same as {@code
   * ExchangeRegistry.builtIns().lookup(codeOrMic)}; use an {@link ExchangeRegistry} to include
   * exchanges of your own.
   *
   * @param codeOrMic a code or MIC
   * @return the built-in exchange
   * @throws IllegalArgumentException naming the value and listing the known codes with their MICs
   */
  public static Exchange parse(String codeOrMic) {
    return ExchangeRegistry.builtIns().lookup(codeOrMic);
  }

  /**
   * @return the code, as defined ({@code NYSE}, {@code NYSE American})
   */
  public String code() {
    return code;
  }

  /**
   * @return the ISO 10383 MIC in upper case ({@code XNYS}), or empty when none was given
   */
  public Optional<String> mic() {
    return Optional.ofNullable(mic);
  }

  /**
   * @return the exchange's time zone
   */
  public ZoneId zone() {
    return zone;
  }

  /**
   * @return the local time at which a regular session opens
   */
  public LocalTime sessionOpen() {
    return sessionOpen;
  }

  /**
   * @return the local time at which a regular session closes
   */
  public LocalTime sessionClose() {
    return sessionClose;
  }

  /**
   * The instant a session on {@code date} opens, in the exchange's zone.
   *
   * @param date the session date
   * @return the open as a zoned date-time
   */
  public ZonedDateTime openOf(LocalDate date) {
    return ZonedDateTime.of(date, sessionOpen, zone);
  }

  /**
   * The instant a session on {@code date} closes, in the exchange's zone.
   *
   * @param date the session date
   * @return the close as a zoned date-time
   */
  public ZonedDateTime closeOf(LocalDate date) {
    return ZonedDateTime.of(date, sessionClose, zone);
  }

  /**
   * Whether this exchange has the same definition as another: equal codes (ignoring case, as {@link
   * #equals(Object)}), and the same MIC, zone, open and close. {@link #equals(Object)} compares
   * codes only, so a built-in and its redefinition with other hours are equal but do not have the
   * same definition.
   *
   * @param other another exchange
   * @return whether every part is equal
   */
  public boolean sameDefinition(Exchange other) {
    return key.equals(other.key)
        && Objects.equals(mic, other.mic)
        && zone.equals(other.zone)
        && sessionOpen.equals(other.sessionOpen)
        && sessionClose.equals(other.sessionClose);
  }

  /**
   * Serialized as its definition (a serialization proxy), so that a deserialized exchange passes
   * the checks of {@link #of(String, String, ZoneId, LocalTime, LocalTime)} and a built-in comes
   * back as its constant ({@code ==} keeps working for built-ins).
   *
   * @return the proxy
   */
  private Object writeReplace() {
    return new Definition(code, mic, zone, sessionOpen, sessionClose);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("an Exchange is serialized as its Definition");
  }

  /** The serialized form of an exchange. */
  private record Definition(
      String code, String mic, ZoneId zone, LocalTime sessionOpen, LocalTime sessionClose)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    private Object readResolve() {
      Exchange e = Exchange.of(code, mic, zone, sessionOpen, sessionClose);
      for (Exchange b : BUILT_INS) {
        if (b.code.equals(e.code) && b.sameDefinition(e)) {
          return b;
        }
      }
      return e;
    }
  }

  /**
   * Equal when the codes are equal ignoring case: an exchange is known by its code.
   *
   * @param o another object
   * @return whether it is an exchange with the same code
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Exchange e && key.equals(e.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /**
   * @return the code, so that messages and file names read as before ({@code NYSE per SPX})
   */
  @Override
  public String toString() {
    return code;
  }

  /**
   * A description for messages and listings: {@code LSE (XLON, Europe/London 08:00-16:30)}.
   *
   * @return the code, MIC, zone and hours
   */
  public String describe() {
    return code
        + " ("
        + (mic == null ? "" : mic + ", ")
        + zone.getId()
        + " "
        + sessionOpen
        + "-"
        + sessionClose
        + ")";
  }
}
