package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.eventide.timeseries.PriceBars;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@link PriceFileReader#readBars}: adjusted open {@code Open · C / Close}, missing and
 * non-positive opens, volumes, and the closes being exactly those of {@link PriceFileReader#read}.
 */
class PriceBarsReaderTest {

  private static PriceBars bars(String text) {
    return PriceFileReader.readBars(new StringReader(text), "X.csv", "X");
  }

  private static InputException failure(String text) {
    return catchThrowableOfType(InputException.class, () -> bars(text));
  }

  @Test
  void yahooLayoutAdjustsTheOpenByTheDaysCloseRatio() {
    PriceBars b =
        bars(
            "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2023-07-06,10,11,9,10.5,5.25,1000\n"
                + "2023-07-07,0,11,9,11,5.5,0\n"
                + "2023-07-10,12,13,11,12.5,6.25,\n");
    assertThat(b.size()).isEqualTo(3);
    // O = Open · AdjClose / Close = 10 · 5.25 / 10.5 = 5.0
    assertThat(b.open(0)).isCloseTo(5.0, within(1e-15));
    // a zero open is a missing open; zero volume is a value
    assertThat(b.open(1)).isNaN();
    assertThat(b.volume(1)).isZero();
    // 12 · 6.25 / 12.5 = 6.0; an empty volume is missing
    assertThat(b.open(2)).isCloseTo(6.0, within(1e-15));
    assertThat(b.volume(2)).isNaN();
    assertThat(b.closes()).containsExactly(5.25, 5.5, 6.25);
    assertThat(b.closeSeries())
        .isEqualTo(
            PriceFileReader.read(
                new StringReader(
                    "Date,Open,High,Low,Close,Adj Close,Volume\n"
                        + "2023-07-06,10,11,9,10.5,5.25,1000\n"
                        + "2023-07-07,0,11,9,11,5.5,0\n"
                        + "2023-07-10,12,13,11,12.5,6.25,\n"),
                "X.csv"));
  }

  @Test
  void aLayoutWithoutOpenHasEveryOpenMissing() {
    PriceBars b = bars("Date,Close\n2023-07-06,10\n2023-07-07,11\n");
    assertThat(b.open(0)).isNaN();
    assertThat(b.open(1)).isNaN();
    assertThat(b.volume(0)).isNaN();
    assertThat(b.closes()).containsExactly(10.0, 11.0);
  }

  @Test
  void negativeOpenIsMissingAndAMissingAdjCloseMissesTheOpen() {
    PriceBars b =
        bars(
            "Date,Open,Close,Adj Close\n"
                + "2023-07-06,-1,10,10\n"
                + "2023-07-07,11,11,\n"
                + "2023-07-10,12,12,12\n");
    assertThat(b.open(0)).isNaN();
    assertThat(b.open(1)).isNaN();
    assertThat(b.close(1)).isNaN();
    assertThat(b.open(2)).isEqualTo(12.0);
  }

  @Test
  void investingComDescendingWithVolumeSuffixes() {
    PriceBars b =
        bars(
            "\"日期\",\"收盘\",\"开盘\",\"高\",\"低\",\"交易量\",\"涨跌幅\"\n"
                + "\"2024-11-13\",\"4,443.01\",\"4,397.32\",\"4,443.35\",\"4,363.62\",\"940.97M\",\"-0.31%\"\n"
                + "\"2024-11-12\",\"4,456.86\",\"4,627.54\",\"4,680.41\",\"4,442.54\",\"1.57B\",\"-4.19%\"\n");
    assertThat(b.date(0)).isEqualTo(LocalDate.parse("2024-11-12"));
    assertThat(b.open(0)).isEqualTo(4627.54);
    assertThat(b.volume(0)).isEqualTo(1.57e9, within(1e-3));
    assertThat(b.open(1)).isEqualTo(4397.32);
    assertThat(b.volume(1)).isEqualTo(940.97e6, within(1e-6));
  }

  @Test
  void aBadCloseIsBadInputEvenBesideAnAdjClose() {
    InputException e = failure("Date,Open,Close,Adj Close\n2023-07-06,10,0,10\n");
    assertThat(e)
        .hasMessage(
            "X.csv line 2, column \"Close\": value \"0\" is not a positive price (a missing price"
                + " is an empty cell, null, nan or -)");
  }

  @Test
  void anOpenThatIsNotANumberIsBadInput() {
    InputException e = failure("Date,Open,Close\n2023-07-06,abc,10\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo("Open");
    assertThat(e.value()).isEqualTo("abc");
  }

  @Test
  void aNegativeVolumeIsBadInput() {
    InputException e = failure("Date,Open,Close,Volume\n2023-07-06,10,10,-5\n");
    assertThat(e.column()).isEqualTo("Volume");
    assertThat(e.value()).isEqualTo("-5");
  }

  @Test
  void everyRealPriceFileReadsAsBarsWithTheSameCloses() throws Exception {
    try (var files = java.nio.file.Files.list(TestFiles.path("data/prices"))) {
      for (var f : (Iterable<java.nio.file.Path>) files::iterator) {
        if (!f.toString().endsWith(".csv")) {
          continue;
        }
        PriceBars b = PriceFileReader.readBars(f);
        assertThat(b.closeSeries()).as(f.toString()).isEqualTo(PriceFileReader.read(f));
      }
    }
  }
}
