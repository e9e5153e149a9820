package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventide.calendar.Exchange;
import io.eventide.market.Listing;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UniverseFileReader} on small hand-written files. */
class UniverseFileReaderTest {

  /** The built-in exchanges as the messages list them: the table of docs/cli.md, in its order. */
  static final String BUILT_INS =
      "one of NYSE (XNYS), NASDAQ (XNAS), NYSE American (XASE), NYSE Arca (ARCX), TSX (XTSE), LSE (XLON), Euronext Paris (XPAR), Euronext Amsterdam (XAMS), XETRA (XETR), SIX (XSWX), TSE (XTKS), HKEX (XHKG), SSE (XSHG), SZSE (XSHE), KRX (XKRX), TWSE (XTAI), SGX (XSES), ASX (XASX), NSE (XNSE), BSE (XBOM), by code or MIC in any case";

  private static List<Listing> bad(String name) throws IOException {
    try (Reader r = TestFiles.reader("bad/" + name)) {
      return UniverseFileReader.read(r, "bad/" + name);
    }
  }

  private static InputException failure(String name) {
    return catchThrowableOfType(InputException.class, () -> bad(name));
  }

  @Test
  void readsListingsInFileOrder() throws IOException {
    // ticker,exchange,benchmark / BABA,NYSE,SPX / JD,nasdaq,SPX / 9988.HK,HKEX,HSI
    assertThat(bad("universe.csv"))
        .containsExactly(
            Listing.of("BABA", Exchange.NYSE, "SPX"),
            Listing.of("JD", Exchange.NASDAQ, "SPX"),
            Listing.of("9988.HK", Exchange.HKEX, "HSI"));
  }

  @Test
  void readsFromAPath() {
    assertThat(UniverseFileReader.read(TestFiles.path("bad/universe.csv"))).hasSize(3);
  }

  @Test
  void unknownExchangeListsTheKnownCodes() {
    InputException e = failure("universe_unknown_exchange.csv");
    assertThat(e.source()).isEqualTo("bad/universe_unknown_exchange.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo("exchange");
    assertThat(e.value()).isEqualTo("HKSE");
    assertThat(e)
        .hasMessage(
            "bad/universe_unknown_exchange.csv line 3, column \"exchange\": value"
                + " \"HKSE\" is not a known exchange; expected "
                + BUILT_INS);
  }

  @Test
  void duplicateTickerNamesBothLines() {
    InputException e = failure("universe_duplicate_ticker.csv");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("ticker");
    assertThat(e.value()).isEqualTo("BABA");
    assertThat(e)
        .hasMessage(
            "bad/universe_duplicate_ticker.csv line 4, column \"ticker\": value"
                + " \"BABA\" repeats the ticker of line 2; each listing appears once");
  }

  @Test
  void missingColumn() {
    InputException e = failure("universe_missing_benchmark_column.csv");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.value()).isEqualTo("ticker,exchange");
    assertThat(e.problem())
        .isEqualTo("has no benchmark column; the header must hold ticker,exchange,benchmark");
  }

  @Test
  void unusableAndEmptyCells() {
    InputException spaces =
        catchThrowableOfType(
            InputException.class,
            () ->
                UniverseFileReader.read(
                    new StringReader("ticker,exchange,benchmark\nBA BA,NYSE,SPX\n"), "u.csv"));
    assertThat(spaces.line()).isEqualTo(2);
    assertThat(spaces.column()).isEqualTo("ticker");
    assertThat(spaces.value()).isEqualTo("BA BA");
    InputException empty =
        catchThrowableOfType(
            InputException.class,
            () ->
                UniverseFileReader.read(
                    new StringReader("ticker,exchange,benchmark\nBABA,,SPX\n"), "u.csv"));
    assertThat(empty)
        .hasMessage(
            "u.csv line 2, column \"exchange\": the exchange is empty;" + " expected " + BUILT_INS);
    InputException noBenchmark =
        catchThrowableOfType(
            InputException.class,
            () ->
                UniverseFileReader.read(
                    new StringReader("ticker,exchange,benchmark\nBABA,NYSE,\n"), "u.csv"));
    assertThat(noBenchmark)
        .hasMessage("u.csv line 2, column \"benchmark\": the benchmark is empty");
  }

  @Test
  void headerOnly() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () ->
                UniverseFileReader.read(
                    new StringReader("ticker,exchange,benchmark\r\n"), "u.csv"));
    assertThat(e).hasMessage("u.csv line 1: the file has a header but no listings");
  }
}
