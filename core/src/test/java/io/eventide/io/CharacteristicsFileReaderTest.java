package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventide.event.FirmCharacteristics;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The characteristics file of {@code docs/cli.md}: values, missing cells and bad input. */
class CharacteristicsFileReaderTest {

  private static FirmCharacteristics read(String text) {
    return CharacteristicsFileReader.read(new StringReader(text), "chars.csv");
  }

  @Test
  void readsNumericColumnsInAnyPositionWithMissingCells() {
    FirmCharacteristics c =
        read("size,Event_ID,btm,ticker\n9.5,E1,0.25,AAPL\n,E1,1e-1,MSFT\n10,E2,null,AAPL\n");
    assertThat(c.names()).containsExactly("size", "btm");
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.values("E1", "AAPL"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(9.5, 0.25));
    assertThat(c.values("E1", "MSFT").orElseThrow()[0]).isNaN();
    assertThat(c.values("E1", "MSFT").orElseThrow()[1]).isEqualTo(0.1);
    assertThat(c.values("E2", "AAPL").orElseThrow()[1]).isNaN();
    assertThat(c.values("E2", "MSFT")).isEmpty();
  }

  @Test
  void refusesBadInputNamingFileLineColumnAndValue() {
    assertThatThrownBy(() -> read("event_id,ticker,size\nE1,A,12x\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("chars.csv")
        .hasMessageContaining("2")
        .hasMessageContaining("size")
        .hasMessageContaining("12x");
    assertThatThrownBy(() -> read("event_id,ticker\nE1,A\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no characteristic column");
    assertThatThrownBy(() -> read("event_id,size\nE1,1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("ticker");
    assertThatThrownBy(() -> read("event_id,ticker,size\nE1,A,1\nE1,A,2\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("event_id,ticker,size\n,A,1\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("event_id is empty");
    assertThat(List.of(read("event_id,ticker,a\nE,T,1\n").names())).hasSize(1);
  }
}
