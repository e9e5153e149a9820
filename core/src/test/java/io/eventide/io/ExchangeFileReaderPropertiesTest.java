package io.eventide.io;

import static org.assertj.core.api.Assertions.fail;

import java.io.StringReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the text, {@link ExchangeFileReader} either returns or throws {@link InputException}
 * with a message (as {@code ReadersOnlyThrowInputExceptionTest} requires of the other readers).
 * Texts are a plausible header followed by random CSV-ish characters, or a valid file with one
 * random edit.
 */
class ExchangeFileReaderPropertiesTest {

  private static final String VALID =
      "code,mic,zone,open,close\n"
          + "London,,Europe/London,08:00,16:30\n"
          + "Tokyo PRO,XTKP,Asia/Tokyo,09:00,15:30\n"
          + "NYSE,,America/New_York,09:30,15:00\n";

  @Property(tries = 1000)
  void onlyInputExceptionEscapes(@ForAll("texts") String text) {
    try {
      ExchangeFileReader.read(new StringReader(text), "x.csv");
    } catch (InputException e) {
      if (e.getMessage().isBlank()) {
        fail("blank message for %s", text);
      }
    } catch (RuntimeException e) {
      fail("%s escaped for text <%s>", e, text.replace("\n", "\\n").replace("\r", "\\r"));
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> header =
        Arbitraries.of("code,zone,open,close\n", "code,mic,zone,open,close\n");
    Arbitrary<String> body =
        Arbitraries.strings()
            .withChars("0123456789,,,\"\n\r-:+ XLONSEeuropa/Lndn=;\t\uFEFF")
            .ofMaxLength(120);
    Arbitrary<String> noise = Combinators.combine(header, body).as(String::concat);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
    Arbitrary<Character> c = Arbitraries.chars().with("0123456789,\"\n\r-:+ XN;=/\t");
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
    Arbitrary<String> edited =
        Combinators.combine(position, c, kind)
            .as(
                (p, ch, k) ->
                    switch (k) {
                      case 0 -> VALID.substring(0, p) + VALID.substring(p + 1);
                      case 1 -> VALID.substring(0, p) + ch + VALID.substring(p);
                      default -> VALID.substring(0, p) + ch + VALID.substring(p + 1);
                    });
    return Arbitraries.oneOf(noise, edited);
  }
}
