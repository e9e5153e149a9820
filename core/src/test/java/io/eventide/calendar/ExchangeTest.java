package io.eventide.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Exchange}: the built-in table, lookup, definitions, equality and session instants. */
class ExchangeTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  @Test
  void theBuiltInsAreTheDocumentedTableInItsOrder() {
    // The table of built-in exchanges of docs/cli.md, copied row by row: code|MIC|zone|open|close.
    List<String> table =
        List.of(
            "NYSE|XNYS|America/New_York|09:30|16:00",
            "NASDAQ|XNAS|America/New_York|09:30|16:00",
            "NYSE American|XASE|America/New_York|09:30|16:00",
            "NYSE Arca|ARCX|America/New_York|09:30|16:00",
            "TSX|XTSE|America/Toronto|09:30|16:00",
            "LSE|XLON|Europe/London|08:00|16:30",
            "Euronext Paris|XPAR|Europe/Paris|09:00|17:30",
            "Euronext Amsterdam|XAMS|Europe/Amsterdam|09:00|17:30",
            "XETRA|XETR|Europe/Berlin|09:00|17:30",
            "SIX|XSWX|Europe/Zurich|09:00|17:30",
            "TSE|XTKS|Asia/Tokyo|09:00|15:30",
            "HKEX|XHKG|Asia/Hong_Kong|09:30|16:00",
            "SSE|XSHG|Asia/Shanghai|09:30|15:00",
            "SZSE|XSHE|Asia/Shanghai|09:30|15:00",
            "KRX|XKRX|Asia/Seoul|09:00|15:30",
            "TWSE|XTAI|Asia/Taipei|09:00|13:30",
            "SGX|XSES|Asia/Singapore|09:00|17:00",
            "ASX|XASX|Australia/Sydney|10:00|16:00",
            "NSE|XNSE|Asia/Kolkata|09:15|15:30",
            "BSE|XBOM|Asia/Kolkata|09:15|15:30");
    assertThat(Exchange.builtIns())
        .extracting(
            e ->
                e.code()
                    + "|"
                    + e.mic().orElse("")
                    + "|"
                    + e.zone().getId()
                    + "|"
                    + e.sessionOpen()
                    + "|"
                    + e.sessionClose())
        .containsExactlyElementsOf(table);
    assertThat(Exchange.builtIns())
        .containsExactly(
            Exchange.NYSE,
            Exchange.NASDAQ,
            Exchange.NYSE_AMERICAN,
            Exchange.NYSE_ARCA,
            Exchange.TSX,
            Exchange.LSE,
            Exchange.EURONEXT_PARIS,
            Exchange.EURONEXT_AMSTERDAM,
            Exchange.XETRA,
            Exchange.SIX,
            Exchange.TSE,
            Exchange.HKEX,
            Exchange.SSE,
            Exchange.SZSE,
            Exchange.KRX,
            Exchange.TWSE,
            Exchange.SGX,
            Exchange.ASX,
            Exchange.NSE,
            Exchange.BSE);
  }

  @Test
  void parseFindsBuiltInsByCodeOrMicInAnyCase() {
    assertThat(Exchange.parse(" hkex ")).isSameAs(Exchange.HKEX);
    assertThat(Exchange.parse("XHKG")).isSameAs(Exchange.HKEX);
    assertThat(Exchange.parse("xlon")).isSameAs(Exchange.LSE);
    assertThat(Exchange.parse("nyse american")).isSameAs(Exchange.NYSE_AMERICAN);
    assertThat(Exchange.parse("Euronext Paris")).isSameAs(Exchange.EURONEXT_PARIS);
    assertThat(Exchange.parse("arcx")).isSameAs(Exchange.NYSE_ARCA);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.parse("LDN"))
        .withMessage(
            "Unknown exchange 'LDN'; expected one of NYSE (XNYS), NASDAQ (XNAS), NYSE American"
                + " (XASE), NYSE Arca (ARCX), TSX (XTSE), LSE (XLON), Euronext Paris (XPAR),"
                + " Euronext Amsterdam (XAMS), XETRA (XETR), SIX (XSWX), TSE (XTKS), HKEX (XHKG),"
                + " SSE (XSHG), SZSE (XSHE), KRX (XKRX), TWSE (XTAI), SGX (XSES), ASX (XASX),"
                + " NSE (XNSE), BSE (XBOM), by code or MIC in any case");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.parse(null))
        .withMessageStartingWith("Unknown exchange 'null'; expected one of NYSE (XNYS),");
  }

  @Test
  void ofDefinesAnExchange() {
    Exchange tokyoPro =
        Exchange.of(" Tokyo PRO ", "xtkp", TOKYO, LocalTime.of(9, 0), LocalTime.of(15, 30));
    assertThat(tokyoPro.code()).isEqualTo("Tokyo PRO");
    assertThat(tokyoPro.mic()).contains("XTKP");
    assertThat(tokyoPro.zone()).isEqualTo(TOKYO);
    assertThat(tokyoPro.sessionOpen()).isEqualTo(LocalTime.of(9, 0));
    assertThat(tokyoPro.sessionClose()).isEqualTo(LocalTime.of(15, 30));
    assertThat(tokyoPro).hasToString("Tokyo PRO");
    assertThat(tokyoPro.describe()).isEqualTo("Tokyo PRO (XTKP, Asia/Tokyo 09:00-15:30)");
    Exchange noMic = Exchange.of("LDN", LONDON, LocalTime.of(8, 0), LocalTime.of(16, 30));
    assertThat(noMic.mic()).isEmpty();
    assertThat(noMic.describe()).isEqualTo("LDN (Europe/London 08:00-16:30)");
    assertThat(Exchange.of("X", " ", LONDON, LocalTime.of(8, 0), LocalTime.of(9, 0)).mic())
        .isEmpty();
  }

  @Test
  void ofRefusesUnusableDefinitionsNamingTheValue() {
    LocalTime eight = LocalTime.of(8, 0);
    LocalTime close = LocalTime.of(16, 30);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("LDN", LONDON, close, eight))
        .withMessage(
            "Exchange LDN: close 08:00 is not after open 16:30;"
                + " a session must open and close on the same local day");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("LDN", LONDON, eight, eight))
        .withMessageStartingWith("Exchange LDN: close 08:00 is not after open 08:00");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("  ", LONDON, eight, close))
        .withMessage("Exchange code '  ' is empty");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("A,B", LONDON, eight, close))
        .withMessage("Exchange code 'A,B' may not hold control characters, ',', ';', '=' or '\"'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("A\tB", LONDON, eight, close))
        .withMessageContaining("may not hold control characters");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("X".repeat(65), LONDON, eight, close))
        .withMessageEndingWith("is longer than 64 characters");
    assertThat(Exchange.of("X".repeat(64), LONDON, eight, close).code()).hasSize(64);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("LDN", "XLO", LONDON, eight, close))
        .withMessage("Exchange LDN: MIC 'XLO' is not four letters or digits (ISO 10383)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Exchange.of("LDN", "XL-N", LONDON, eight, close))
        .withMessageContaining("MIC 'XL-N' is not four letters or digits");
  }

  @Test
  void equalityIsByCodeIgnoringCase() {
    Exchange lateNyse =
        Exchange.of(
            "nyse", ZoneId.of("America/New_York"), LocalTime.of(10, 0), LocalTime.of(15, 0));
    assertThat(lateNyse).isEqualTo(Exchange.NYSE).hasSameHashCodeAs(Exchange.NYSE);
    assertThat(lateNyse.sameDefinition(Exchange.NYSE)).isFalse();
    assertThat(Exchange.NYSE.sameDefinition(Exchange.NYSE)).isTrue();
    assertThat(Exchange.NYSE).isNotEqualTo(Exchange.NASDAQ).isNotEqualTo("NYSE");
    // Same hours and zone, another code: another exchange.
    Exchange twin =
        Exchange.of("LDN", "XLON", LONDON, Exchange.LSE.sessionOpen(), Exchange.LSE.sessionClose());
    assertThat(twin).isNotEqualTo(Exchange.LSE);
    assertThat(twin.sameDefinition(Exchange.LSE)).isFalse();
  }

  @Test
  void opensAndClosesFollowDaylightSaving() {
    // London: GMT (UTC+0) until Sunday 2023-03-26 01:00 UTC, then BST (UTC+1).
    assertThat(Exchange.LSE.closeOf(LocalDate.of(2023, 3, 24)).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2023-03-24T16:30Z"));
    assertThat(Exchange.LSE.closeOf(LocalDate.of(2023, 3, 27)).toOffsetDateTime())
        .isEqualTo(OffsetDateTime.parse("2023-03-27T16:30+01:00"));
    assertThat(Exchange.LSE.openOf(LocalDate.of(2023, 3, 27)).toInstant())
        .isEqualTo(OffsetDateTime.parse("2023-03-27T07:00Z").toInstant());
    // Tokyo: UTC+9 all year.
    assertThat(Exchange.TSE.closeOf(LocalDate.of(2023, 3, 27)).toInstant())
        .isEqualTo(OffsetDateTime.parse("2023-03-27T06:30Z").toInstant());
    assertThat(Exchange.TSE.openOf(LocalDate.of(2023, 10, 30)).toInstant())
        .isEqualTo(OffsetDateTime.parse("2023-10-30T00:00Z").toInstant());
  }

  private static Exchange roundTrip(Exchange e) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (Exchange) in.readObject();
    }
  }

  @Test
  void serializesAsItsDefinition() throws Exception {
    assertThat(roundTrip(Exchange.LSE)).isSameAs(Exchange.LSE);
    assertThat(roundTrip(Exchange.NYSE_AMERICAN)).isSameAs(Exchange.NYSE_AMERICAN);
    Exchange tokyoPro =
        Exchange.of("Tokyo PRO", "XTKP", TOKYO, LocalTime.of(9, 0), LocalTime.of(15, 30));
    Exchange back = roundTrip(tokyoPro);
    assertThat(back).isNotSameAs(tokyoPro);
    assertThat(back.sameDefinition(tokyoPro)).isTrue();
    assertThat(back.code()).isEqualTo("Tokyo PRO");
    // A redefinition of a built-in comes back as itself, not as the built-in.
    Exchange early =
        Exchange.of(
            "NYSE",
            "XNYS",
            ZoneId.of("America/New_York"),
            LocalTime.of(9, 30),
            LocalTime.of(15, 0));
    Exchange earlyBack = roundTrip(early);
    assertThat(earlyBack).isNotSameAs(Exchange.NYSE);
    assertThat(earlyBack.sessionClose()).isEqualTo(LocalTime.of(15, 0));
  }
}
