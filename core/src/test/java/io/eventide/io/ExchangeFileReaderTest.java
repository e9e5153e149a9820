package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.calendar.Exchange;
import io.eventide.calendar.ExchangeRegistry;
import io.eventide.market.Listing;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ExchangeFileReader}: a good file, and each bad case with its file, line, column, value.
 */
class ExchangeFileReaderTest {

  private static final String HEADER = "code,mic,zone,open,close\n";

  private static ExchangeRegistry read(String text) {
    return ExchangeFileReader.read(new StringReader(text), "exchanges.csv");
  }

  private static InputException failure(String text) {
    return catchThrowableOfType(InputException.class, () -> read(text));
  }

  private static void assertRefused(
      String text, int line, String column, String value, String message) {
    InputException e = failure(text);
    assertThat(e).as(text).isNotNull();
    assertThat(e.source()).isEqualTo("exchanges.csv");
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
    assertThat(e.value()).isEqualTo(value);
    assertThat(e).hasMessage(message);
  }

  @Test
  void readsAFileIntoTheBuiltInsPlusItsExchanges() {
    // exchanges/exchanges.csv (CRLF, an extra "note" column):
    //   London,,Europe/London,08:00,16:30 / Tokyo PRO,xtkp,Asia/Tokyo,09:00,15:30
    //   / " NYSE ",,America/New_York,9:30,15:00 (a redefinition of the built-in NYSE)
    Path file = TestFiles.path("exchanges/exchanges.csv");
    ExchangeRegistry r = ExchangeFileReader.read(file);
    Exchange london =
        Exchange.of("London", ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(16, 30));
    Exchange tokyoPro =
        Exchange.of(
            "Tokyo PRO", "XTKP", ZoneId.of("Asia/Tokyo"), LocalTime.of(9, 0), LocalTime.of(15, 30));
    Exchange nyse =
        Exchange.of(
            "NYSE",
            "XNYS",
            ZoneId.of("America/New_York"),
            LocalTime.of(9, 30),
            LocalTime.of(15, 0));
    assertThat(r.definitions()).containsExactly(london, tokyoPro, nyse);
    assertThat(r.definitions().get(0).sameDefinition(london)).isTrue();
    assertThat(r.definitions().get(1).sameDefinition(tokyoPro)).isTrue();
    // The redefinition keeps the built-in's MIC.
    assertThat(r.definitions().get(2).sameDefinition(nyse)).isTrue();
    assertThat(r.redefinedBuiltIns()).containsExactly(Exchange.NYSE);
    assertThat(r.exchanges()).hasSize(22);
    assertThat(r.lookup("XNYS").sessionClose()).isEqualTo(LocalTime.of(15, 0));
    assertThat(r.lookup("XHKG")).isSameAs(Exchange.HKEX);

    // A universe naming them, by code or MIC in any case (exchanges/universe.csv).
    List<Listing> universe = UniverseFileReader.read(TestFiles.path("exchanges/universe.csv"), r);
    assertThat(universe)
        .containsExactly(
            Listing.of("VOD.L", london, "FTSE"),
            Listing.of("7203.T", tokyoPro, "N225"),
            Listing.of("BABA", nyse, "SPX"),
            Listing.of("9988.HK", Exchange.HKEX, "HSI"));
    assertThat(universe.get(0).exchange().sameDefinition(london)).isTrue();
    assertThat(universe.get(2).exchange().sessionClose()).isEqualTo(LocalTime.of(15, 0));
    // Without the registry the universe's London is unknown, and the message lists the known.
    InputException unknown =
        catchThrowableOfType(
            InputException.class,
            () -> UniverseFileReader.read(TestFiles.path("exchanges/universe.csv")));
    assertThat(unknown.line()).isEqualTo(2);
    assertThat(unknown.column()).isEqualTo("exchange");
    assertThat(unknown.value()).isEqualTo("london");
    assertThat(unknown.problem())
        .isEqualTo("is not a known exchange; expected " + UniverseFileReaderTest.BUILT_INS);
    // With it, an unknown exchange's message lists the user's exchanges too.
    InputException stillUnknown =
        catchThrowableOfType(
            InputException.class,
            () ->
                UniverseFileReader.read(
                    new StringReader("ticker,exchange,benchmark\nX,JPX,N225\n"), "u.csv", r));
    assertThat(stillUnknown.problem())
        .endsWith("BSE (XBOM), London, Tokyo PRO (XTKP), by code or MIC in any case");
  }

  @Test
  void theMicColumnIsOptionalAndAOneDigitHourIsAccepted() {
    ExchangeRegistry r = read("Code,Zone,Open,Close\nLDN,Europe/London,8:00,16:30\n");
    Exchange ldn = r.lookup("ldn");
    assertThat(ldn.mic()).isEmpty();
    assertThat(ldn.sessionOpen()).isEqualTo(LocalTime.of(8, 0));
    assertThat(r.redefinedBuiltIns()).isEmpty();
    // A built-in's own code and MIC on one line redefine it; its MIC may be written in any case.
    ExchangeRegistry lse = read(HEADER + "lse,xlon,Europe/London,08:00,16:35\n");
    assertThat(lse.lookup("XLON").sessionClose()).isEqualTo(LocalTime.of(16, 35));
    assertThat(lse.redefinedBuiltIns()).containsExactly(Exchange.LSE);
  }

  @Test
  void emptyFilesAndMissingColumns() {
    assertRefused("", 0, "", "", "exchanges.csv: is empty");
    assertRefused(
        HEADER, 1, "", "", "exchanges.csv line 1: the file has a header but no exchanges");
    assertRefused(
        "code,zone,open\nLDN,Europe/London,08:00\n",
        1,
        "",
        "code,zone,open",
        "exchanges.csv line 1: value \"code,zone,open\" has no close column;"
            + " the header must hold code,zone,open,close (and optionally mic)");
  }

  @Test
  void badCodes() {
    assertRefused(
        HEADER + "LDN,,Europe/London,08:00,16:30\n,,Asia/Tokyo,09:00,15:30\n",
        3,
        "code",
        "",
        "exchanges.csv line 3, column \"code\": the exchange code is empty");
    assertRefused(
        HEADER + "LDN=1,,Europe/London,08:00,16:30\n",
        2,
        "code",
        "LDN=1",
        "exchanges.csv line 2, column \"code\": value \"LDN=1\" is not a usable exchange code:"
            + " it may not hold control characters, ',', ';', '=' or '\"',"
            + " and has at most 64 characters");
  }

  @Test
  void badZones() {
    assertRefused(
        HEADER + "LDN,,,08:00,16:30\n",
        2,
        "zone",
        "",
        "exchanges.csv line 2, column \"zone\": the time zone is empty;"
            + " expected an IANA name such as Europe/London");
    assertRefused(
        HEADER + "LDN,,Europe/Londn,08:00,16:30\n",
        2,
        "zone",
        "Europe/Londn",
        "exchanges.csv line 2, column \"zone\": value \"Europe/Londn\" is not an IANA"
            + " time-zone name such as Europe/London");
    assertRefused(
        HEADER + "LDN,,europe/london,08:00,16:30\n",
        2,
        "zone",
        "europe/london",
        "exchanges.csv line 2, column \"zone\": value \"europe/london\" is not an IANA"
            + " time-zone name such as Europe/London"
            + " (did you mean Europe/London? zone names are case-sensitive)");
    for (String offset : List.of("+01:00", "UTC+1", "GMT-05:00", "Z")) {
      assertRefused(
          HEADER + "LDN,,\"" + offset + "\",08:00,16:30\n",
          2,
          "zone",
          offset,
          "exchanges.csv line 2, column \"zone\": value \""
              + offset
              + "\" is not an IANA time-zone name such as Europe/London; a fixed offset would"
              + " ignore daylight saving: give the region's name");
    }
  }

  @Test
  void badTimes() {
    assertRefused(
        HEADER + "LDN,,Europe/London,8h00,16:30\n",
        2,
        "open",
        "8h00",
        "exchanges.csv line 2, column \"open\": value \"8h00\" is not a local time HH:MM"
            + " between 00:00 and 23:59, as in 09:30");
    for (String t : List.of("24:00", "16:60", "16:30:00", "4 PM", "123:00")) {
      assertRefused(
          HEADER + "LDN,,Europe/London,08:00," + t + "\n",
          2,
          "close",
          t,
          "exchanges.csv line 2, column \"close\": value \""
              + t
              + "\" is not a local time HH:MM between 00:00 and 23:59, as in 09:30");
    }
    assertRefused(
        HEADER + "LDN,,Europe/London,08:00,\n",
        2,
        "close",
        "",
        "exchanges.csv line 2, column \"close\": the close time is empty;"
            + " expected HH:MM, as in 09:30");
    assertRefused(
        HEADER + "LDN,,Europe/London,16:30,08:00\n",
        2,
        "close",
        "08:00",
        "exchanges.csv line 2, column \"close\": value \"08:00\" is not after the open 16:30;"
            + " a session must open and close on the same local day");
    assertRefused(
        HEADER + "LDN,,Europe/London,16:30,16:30\n",
        2,
        "close",
        "16:30",
        "exchanges.csv line 2, column \"close\": value \"16:30\" is not after the open 16:30;"
            + " a session must open and close on the same local day");
  }

  @Test
  void badMics() {
    assertRefused(
        HEADER + "LDN,XL,Europe/London,08:00,16:30\n",
        2,
        "mic",
        "XL",
        "exchanges.csv line 2, column \"mic\": value \"XL\" is not a MIC:"
            + " four letters or digits (ISO 10383), or empty for none");
  }

  @Test
  void aCodeOrMicNamesOneExchange() {
    assertRefused(
        HEADER + "London,,Europe/London,08:00,16:30\nLONDON,,Europe/London,08:00,16:35\n",
        3,
        "code",
        "LONDON",
        "exchanges.csv line 3, column \"code\": value \"LONDON\" repeats the code of line 2;"
            + " each code and MIC may name one exchange");
    // A built-in redefined twice.
    assertRefused(
        HEADER + "NYSE,,America/New_York,09:30,15:00\nnyse,,America/New_York,09:30,15:30\n",
        3,
        "code",
        "nyse",
        "exchanges.csv line 3, column \"code\": value \"nyse\" repeats the code of line 2;"
            + " each code and MIC may name one exchange");
    assertRefused(
        HEADER + "AAA,QQQQ,Europe/London,08:00,16:30\nBBB,qqqq,Europe/London,08:00,16:30\n",
        3,
        "mic",
        "qqqq",
        "exchanges.csv line 3, column \"mic\": value \"qqqq\" is already the MIC of AAA on line 2;"
            + " each code and MIC may name one exchange");
    assertRefused(
        HEADER + "AAA,QQQQ,Europe/London,08:00,16:30\nQQQQ,,Europe/London,08:00,16:30\n",
        3,
        "code",
        "QQQQ",
        "exchanges.csv line 3, column \"code\": value \"QQQQ\" is already the MIC of AAA on"
            + " line 2; each code and MIC may name one exchange");
    assertRefused(
        HEADER + "AAAA,,Europe/London,08:00,16:30\nBBB,AAAA,Europe/London,08:00,16:30\n",
        3,
        "mic",
        "AAAA",
        "exchanges.csv line 3, column \"mic\": value \"AAAA\" is already the code of AAAA on"
            + " line 2; each code and MIC may name one exchange");
    assertRefused(
        HEADER + "London,XLON,Europe/London,08:00,16:30\n",
        2,
        "mic",
        "XLON",
        "exchanges.csv line 2, column \"mic\": value \"XLON\" is already the MIC of the built-in"
            + " exchange LSE (XLON, Europe/London 08:00-16:30); each code and MIC may name one"
            + " exchange (to redefine LSE, give its code)");
    assertRefused(
        HEADER + "xnys,,America/New_York,09:30,16:00\n",
        2,
        "code",
        "xnys",
        "exchanges.csv line 2, column \"code\": value \"xnys\" is already the MIC of the built-in"
            + " exchange NYSE (XNYS, America/New_York 09:30-16:00); each code and MIC may name one"
            + " exchange (to redefine NYSE, give its code)");
    assertRefused(
        HEADER + "Big Board,NYSE,America/New_York,09:30,16:00\n",
        2,
        "mic",
        "NYSE",
        "exchanges.csv line 2, column \"mic\": value \"NYSE\" is already the code of the built-in"
            + " exchange NYSE (XNYS, America/New_York 09:30-16:00); each code and MIC may name one"
            + " exchange (to redefine NYSE, give its code)");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = Path.of("no-such-folder", "exchanges.csv");
    InputException e =
        catchThrowableOfType(InputException.class, () -> ExchangeFileReader.read(missing));
    assertThat(e).hasMessage(missing + ": file not found");
  }
}
