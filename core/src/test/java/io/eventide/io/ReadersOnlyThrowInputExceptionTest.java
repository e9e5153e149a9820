package io.eventide.io;

import static org.assertj.core.api.Assertions.fail;

import java.io.StringReader;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the text, every reader either returns or throws {@link InputException}: no {@link
 * NullPointerException}, {@link IndexOutOfBoundsException}, {@link
 * java.time.format.DateTimeParseException} or {@link NumberFormatException} escapes. Texts are a
 * plausible header followed by random CSV-ish characters, or a valid file with random edits.
 */
class ReadersOnlyThrowInputExceptionTest {

  private static final String VALID_PRICES =
      "Date,Open,High,Low,Close,Adj Close,Volume\n"
          + "2023-07-06,83.12,83.94,82.63,83.83,82.72,12930300\n"
          + "2023-07-07,86.76,91.57,86.62,90.55,89.34,46815900\n";
  private static final String VALID_INVESTING =
      "\uFEFF\"日期\",\"收盘\",\"开盘\"\n"
          + "\"2023-7-13\",\"4,237.09\",\"4,183.47\"\n\"2023-7-12\",\"4,081.37\",\"4,048.73\"\n";
  private static final String VALID_MULTI_ROW =
      "Price,Adj Close,Close\nTicker,^SPX,^SPX\nDate,,\n"
          + "2023-07-06 00:00:00+08:00,4411.58,4411.58\n2023-07-07 00:00:00+08:00,4398.95,4398.95\n";
  private static final String VALID_EVENTS =
      "event_id,announced,affected,direction,title\n"
          + "a,2023-07-07T20:10+08:00,BABA;9988.HK,1,\"x, y\"\nb,2023-07-12,,-1,z\n";
  private static final String VALID_FACTORS =
      "Preamble, text\r\n\r\n,Mkt-RF,SMB,RF\r\n"
          + "19260701,    0.10,   -0.25,   0.009\r\n19260702,    0.45,   -0.33,   0.009\r\n\r\n"
          + "Copyright\r\n";
  private static final String VALID_UNIVERSE = "ticker,exchange,benchmark\nBABA,NYSE,SPX\n";

  @Property(tries = 1000)
  void priceFileReader(@ForAll("priceTexts") String text) {
    onlyInputException(text, t -> PriceFileReader.read(new StringReader(t), "p.csv"));
  }

  @Property(tries = 1000)
  void eventFileReader(@ForAll("eventTexts") String text) {
    onlyInputException(text, t -> EventFileReader.read(new StringReader(t), "e.csv"));
  }

  @Property(tries = 1000)
  void factorFileReader(@ForAll("factorTexts") String text) {
    onlyInputException(text, t -> FactorFileReader.read(new StringReader(t), "f.csv"));
  }

  @Property(tries = 1000)
  void universeFileReader(@ForAll("universeTexts") String text) {
    onlyInputException(text, t -> UniverseFileReader.read(new StringReader(t), "u.csv"));
  }

  private static void onlyInputException(String text, Consumer<String> read) {
    try {
      read.accept(text);
    } catch (InputException e) {
      if (e.getMessage().isBlank()) {
        fail("blank message for %s", text);
      }
    } catch (RuntimeException e) {
      fail("%s escaped for text <%s>", e, text.replace("\n", "\\n").replace("\r", "\\r"));
    }
  }

  @Provide
  Arbitrary<String> priceTexts() {
    return Arbitraries.oneOf(
        withNoise(
            "Date,Close\n",
            "Date,Open,High,Low,Close,Adj Close,Volume\n",
            "Price,Adj Close,Close\nTicker,^SPX,^SPX\nDate,,\n",
            "\uFEFF日期,收盘\n",
            "date,close\n"),
        edited(VALID_PRICES),
        edited(VALID_INVESTING),
        edited(VALID_MULTI_ROW));
  }

  @Provide
  Arbitrary<String> eventTexts() {
    return Arbitraries.oneOf(
        withNoise("event_id,announced\n", "event_id,announced,affected,direction\n"),
        edited(VALID_EVENTS));
  }

  @Provide
  Arbitrary<String> factorTexts() {
    return Arbitraries.oneOf(withNoise("x\r\n,Mkt-RF,RF\r\n", ",Mom\r\n"), edited(VALID_FACTORS));
  }

  @Provide
  Arbitrary<String> universeTexts() {
    return Arbitraries.oneOf(withNoise("ticker,exchange,benchmark\n"), edited(VALID_UNIVERSE));
  }

  private static Arbitrary<String> withNoise(String... headers) {
    Arbitrary<String> header = Arbitraries.of(headers);
    Arbitrary<String> body =
        Arbitraries.strings()
            .withChars("0123456789,,,\"\n\r-:.T+ aNnul;Z/e\t\uFEFF")
            .ofMaxLength(120);
    return Combinators.combine(header, body).as(String::concat);
  }

  private static Arbitrary<String> edited(String valid) {
    Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length() - 1);
    Arbitrary<Character> c = Arbitraries.chars().with("0123456789,\"\n\r-:.+ aN;Z/\t");
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
    return Combinators.combine(position, c, kind)
        .as(
            (p, ch, k) ->
                switch (k) {
                  case 0 -> valid.substring(0, p) + valid.substring(p + 1);
                  case 1 -> valid.substring(0, p) + ch + valid.substring(p);
                  default -> valid.substring(0, p) + ch + valid.substring(p + 1);
                });
  }
}
