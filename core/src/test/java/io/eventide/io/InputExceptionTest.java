package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message format of {@link InputException}. */
class InputExceptionTest {

  @Test
  void allParts() {
    InputException e =
        new InputException("prices/BABA.csv", 17, "Adj Close", "abc", "is not a number");
    assertThat(e)
        .hasMessage(
            "prices/BABA.csv line 17, column \"Adj Close\": value \"abc\" is not" + " a number");
    assertThat(e.source()).isEqualTo("prices/BABA.csv");
    assertThat(e.line()).isEqualTo(17);
    assertThat(e.column()).isEqualTo("Adj Close");
    assertThat(e.value()).isEqualTo("abc");
    assertThat(e.problem()).isEqualTo("is not a number");
  }

  @Test
  void partsThatDoNotApplyAreLeftOut() {
    assertThat(new InputException("events.csv", 0, "", "", "is empty"))
        .hasMessage("events.csv: is empty");
    assertThat(new InputException("events.csv", 1, "", "", "the file has a header but no events"))
        .hasMessage("events.csv line 1: the file has a header but no events");
    assertThat(new InputException(null, -3, null, null, null))
        .hasMessage("input: ")
        .satisfies(
            e -> {
              assertThat(e.source()).isEmpty();
              assertThat(e.line()).isZero();
              assertThat(e.column()).isEmpty();
              assertThat(e.value()).isEmpty();
            });
  }

  @Test
  void numberedColumnsAreUnquoted() {
    assertThat(new InputException("F-F.csv", 6, "1", "19260230", "is not a valid date"))
        .hasMessage("F-F.csv line 6, column 1: value \"19260230\" is not a valid date");
  }

  @Test
  void controlCharactersAndLongValuesAreTamedInTheMessageOnly() {
    String longValue = "x".repeat(200);
    InputException e = new InputException("a.csv", 2, "c", "a\r\nb\t" + longValue, "is bad");
    assertThat(e.getMessage())
        .isEqualTo(
            "a.csv line 2, column \"c\": value \"a\\r\\nb\\t" + "x".repeat(115) + "...\" is bad");
    assertThat(e.value()).isEqualTo("a\r\nb\t" + longValue);
  }
}
