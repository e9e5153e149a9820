package io.eventide.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.eventide.market.FactorSet;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * {@link FactorFileReader} on the three Ken French daily files of {@code data/factors} (provenance
 * in {@code data/SOURCES.md}) and on hand-written bad inputs. Expected values are the percent cells
 * of the quoted lines divided by 100, so they are compared within 1e-15 (one division).
 */
class FactorFileReaderTest {

  private static final Offset<Double> DIVISION = within(1e-15);

  private static FactorSet real(String name) {
    return FactorFileReader.read(TestFiles.path("data/factors/" + name));
  }

  private static FactorSet bad(String name) throws IOException {
    try (Reader r = TestFiles.reader("bad/" + name)) {
      return FactorFileReader.read(r, "bad/" + name);
    }
  }

  private static InputException failure(String name) {
    return catchThrowableOfType(InputException.class, () -> bad(name));
  }

  private static int indexOf(FactorSet set, String iso) {
    LocalDate date = LocalDate.parse(iso);
    for (int i = 0; i < set.size(); i++) {
      if (set.date(i).equals(date)) {
        return i;
      }
    }
    throw new AssertionError(iso + " not in " + set);
  }

  @Test
  void threeFactorFile() {
    FactorSet ff3 = real("F-F_Research_Data_Factors_daily.CSV");
    // line 5: ,Mkt-RF,SMB,HML,RF
    assertThat(ff3.names()).containsExactly("Mkt-RF", "SMB", "HML");
    assertThat(ff3.hasRiskFree()).isTrue();
    // SOURCES.md: 25817 daily rows, 1926-07-01 .. 2024-08-30
    assertThat(ff3.size()).isEqualTo(25817);
    // line 6: 19260701,    0.10,   -0.25,   -0.27,   0.009
    assertThat(ff3.date(0)).isEqualTo(LocalDate.of(1926, 7, 1));
    assertThat(ff3.value("Mkt-RF", 0)).isCloseTo(0.0010, DIVISION);
    assertThat(ff3.value("SMB", 0)).isCloseTo(-0.0025, DIVISION);
    assertThat(ff3.value("HML", 0)).isCloseTo(-0.0027, DIVISION);
    assertThat(ff3.riskFree(0)).isCloseTo(0.00009, DIVISION);
    // last daily line: 20240830,    0.98,   -0.55,    0.04,   0.022 (then a blank line and
    // Copyright)
    int last = ff3.size() - 1;
    assertThat(ff3.date(last)).isEqualTo(LocalDate.of(2024, 8, 30));
    assertThat(ff3.value("Mkt-RF", last)).isCloseTo(0.0098, DIVISION);
    assertThat(ff3.riskFree(last)).isCloseTo(0.00022, DIVISION);
    // line 25532: 20230707,   -0.12,    1.06,    1.22,   0.022
    int i = indexOf(ff3, "2023-07-07");
    assertThat(ff3.value("Mkt-RF", i)).isCloseTo(-0.0012, DIVISION);
    assertThat(ff3.value("SMB", i)).isCloseTo(0.0106, DIVISION);
    assertThat(ff3.value("HML", i)).isCloseTo(0.0122, DIVISION);
  }

  @Test
  void fiveFactorFile() {
    FactorSet ff5 = real("F-F_Research_Data_5_Factors_2x3_daily.csv");
    // header line: ,Mkt-RF,SMB,HML,RMW,CMA,RF
    assertThat(ff5.names()).containsExactly("Mkt-RF", "SMB", "HML", "RMW", "CMA");
    assertThat(ff5.hasRiskFree()).isTrue();
    assertThat(ff5.size()).isEqualTo(15709);
    // first daily line: 19630701,   -0.67,    0.00,   -0.34,   -0.01,    0.16,    0.01
    assertThat(ff5.date(0)).isEqualTo(LocalDate.of(1963, 7, 1));
    assertThat(ff5.value("Mkt-RF", 0)).isCloseTo(-0.0067, DIVISION);
    assertThat(ff5.value("SMB", 0)).isEqualTo(0.0);
    assertThat(ff5.value("RMW", 0)).isCloseTo(-0.0001, DIVISION);
    assertThat(ff5.value("CMA", 0)).isCloseTo(0.0016, DIVISION);
    assertThat(ff5.riskFree(0)).isCloseTo(0.0001, DIVISION);
    // line 15112: 20230707,   -0.13,    1.30,    1.21,   -0.23,    0.18,    0.02
    int i = indexOf(ff5, "2023-07-07");
    assertThat(ff5.value("RMW", i)).isCloseTo(-0.0023, DIVISION);
    assertThat(ff5.riskFree(i)).isCloseTo(0.0002, DIVISION);
    assertThat(ff5.date(ff5.size() - 1)).isEqualTo(LocalDate.of(2025, 11, 28));
  }

  @Test
  void momentumFileHasNoRiskFree() {
    FactorSet mom = real("F-F_Momentum_Factor_daily.csv");
    // line 14: ,Mom (no trailing spaces in this vintage; names are trimmed anyway)
    assertThat(mom.names()).containsExactly("Mom");
    assertThat(mom.hasRiskFree()).isFalse();
    assertThat(mom.size()).isEqualTo(26028);
    // line 15: 19261103,   0.54
    assertThat(mom.date(0)).isEqualTo(LocalDate.of(1926, 11, 3));
    assertThat(mom.value("Mom", 0)).isCloseTo(0.0054, DIVISION);
    // line 25440: 20230707,  -0.68
    assertThat(mom.value("Mom", indexOf(mom, "2023-07-07"))).isCloseTo(-0.0068, DIVISION);
    // last daily line: 20251128,   0.18
    assertThat(mom.date(mom.size() - 1)).isEqualTo(LocalDate.of(2025, 11, 28));
  }

  @Test
  void headerNamesAreTrimmed() {
    // some vintages of the momentum file spell the header ",Mom   " with trailing spaces
    FactorSet mom =
        FactorFileReader.read(
            new StringReader("Text\r\n\r\n,Mom   \r\n19261103,   0.54\r\n"), "mom.csv");
    assertThat(mom.names()).containsExactly("Mom");
    assertThat(mom.value("Mom", 0)).isCloseTo(0.0054, DIVISION);
  }

  @Test
  void missingMarkersBlankCellsAndTheAnnualSection() throws IOException {
    // ,Mkt-RF,SMB,RF / 19260701, 0.10, -99.99, 0.009 / 19260702, -999, -0.33, 0.009 /
    // 19260706, 0.17, (blank), 0.009 / blank line / Annual Factors ... / 1927 row / Copyright
    FactorSet set = bad("factors_missing_markers.csv");
    assertThat(set.names()).containsExactly("Mkt-RF", "SMB");
    assertThat(set.size()).isEqualTo(3);
    assertThat(set.value("Mkt-RF", 0)).isCloseTo(0.0010, DIVISION);
    assertThat(set.value("SMB", 0)).isNaN();
    assertThat(set.value("Mkt-RF", 1)).isNaN();
    assertThat(set.value("SMB", 1)).isCloseTo(-0.0033, DIVISION);
    assertThat(set.value("SMB", 2)).isNaN();
    assertThat(set.date(2)).isEqualTo(LocalDate.of(1926, 7, 6));
  }

  @Test
  void aDamagedDateLineThatCutsTheBlockIsRefused() {
    // 19261103 / 1926110 (seven digits) / 19261105: the block would silently stop at line 4
    InputException e = failure("factors_resumes.csv");
    assertThat(e.source()).isEqualTo("bad/factors_resumes.csv");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("1");
    assertThat(e.value()).isEqualTo("1926110");
    assertThat(e)
        .hasMessage(
            "bad/factors_resumes.csv line 4, column 1: value \"1926110\" ends the"
                + " daily rows (it is not a YYYYMMDD date), but daily rows resume on line 5");
  }

  @Test
  void nonNumericValue() {
    InputException e = failure("factors_bad_value.csv");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("Mkt-RF");
    assertThat(e.value()).isEqualTo("abc");
    assertThat(e)
        .hasMessage(
            "bad/factors_bad_value.csv line 4, column \"Mkt-RF\": value \"abc\" is"
                + " not a number (Ken French files hold percent values such as -0.25)");
  }

  @Test
  void invalidDate() {
    InputException e = failure("factors_bad_date.csv");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo("1");
    assertThat(e.value()).isEqualTo("19260230");
    assertThat(e)
        .hasMessage(
            "bad/factors_bad_date.csv line 4, column 1: value \"19260230\" is not"
                + " a valid YYYYMMDD date (Invalid date 'FEBRUARY 30')");
  }

  @Test
  void repeatedDate() {
    InputException e = failure("factors_not_increasing.csv");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.value()).isEqualTo("19260701");
    assertThat(e.problem())
        .isEqualTo(
            "repeats the date of line 3; daily rows must be in strictly"
                + " increasing date order");
  }

  @Test
  void noHeaderAndNoRows() {
    InputException noHeader = failure("factors_no_header.csv");
    assertThat(noHeader.line()).isZero();
    assertThat(noHeader)
        .hasMessage(
            "bad/factors_no_header.csv: has no Ken French header line (one"
                + " whose first cell is empty, such as ,Mkt-RF,SMB,HML,RF)");
    InputException noRows = failure("factors_no_rows.csv");
    assertThat(noRows.line()).isEqualTo(2);
    assertThat(noRows)
        .hasMessage("bad/factors_no_rows.csv line 2: no YYYYMMDD rows follow the header line");
    assertThat(failure("empty.csv")).hasMessage("bad/empty.csv: is empty");
  }

  @Test
  void aPriceFileIsNotAFactorFile() {
    InputException e =
        catchThrowableOfType(
            InputException.class,
            () -> FactorFileReader.read(TestFiles.path("data/prices/BABA.csv")));
    assertThat(e.problem()).startsWith("has no Ken French header line");
  }
}
