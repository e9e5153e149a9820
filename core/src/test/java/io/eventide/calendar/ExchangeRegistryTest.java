package io.eventide.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ExchangeRegistry}: built-ins plus definitions, lookup, redefinitions and clashes. */
class ExchangeRegistryTest {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static final Exchange TOKYO_PRO =
      Exchange.of("Tokyo PRO", "XTKP", TOKYO, LocalTime.of(9, 0), LocalTime.of(15, 30));
  private static final Exchange MUMBAI_SME =
      Exchange.of("BSE SME", ZoneId.of("Asia/Kolkata"), LocalTime.of(9, 15), LocalTime.of(15, 30));

  @Test
  void builtInsAlone() {
    ExchangeRegistry r = ExchangeRegistry.builtIns();
    assertThat(r.exchanges()).isEqualTo(Exchange.builtIns()).hasSize(20);
    assertThat(r.definitions()).isEmpty();
    assertThat(r.redefinedBuiltIns()).isEmpty();
    assertThat(r.find("xnys")).containsSame(Exchange.NYSE);
    assertThat(r.find("NYSE ARCA")).containsSame(Exchange.NYSE_ARCA);
    assertThat(r.find("Tokyo PRO")).isEmpty();
    assertThat(r.find(null)).isEmpty();
    assertThat(r.find("")).isEmpty();
    assertThat(ExchangeRegistry.of()).isEqualTo(r).hasSameHashCodeAs(r);
    assertThat(r).hasToString("ExchangeRegistry[20 exchanges]");
  }

  @Test
  void definitionsJoinTheBuiltInsAndLeaveTheOriginalUnchanged() {
    ExchangeRegistry base = ExchangeRegistry.builtIns();
    ExchangeRegistry r = base.define(TOKYO_PRO).define(MUMBAI_SME);
    assertThat(base.find("Tokyo PRO")).isEmpty();
    assertThat(r.lookup("tokyo pro")).isSameAs(TOKYO_PRO);
    assertThat(r.lookup("xtkp")).isSameAs(TOKYO_PRO);
    assertThat(r.lookup(" bse sme ")).isSameAs(MUMBAI_SME);
    assertThat(r.lookup("XTKS")).isSameAs(Exchange.TSE);
    assertThat(r.definitions()).containsExactly(TOKYO_PRO, MUMBAI_SME);
    assertThat(r.exchanges()).hasSize(22).endsWith(TOKYO_PRO, MUMBAI_SME);
    assertThat(r.redefinedBuiltIns()).isEmpty();
    assertThat(r.known())
        .startsWith("one of NYSE (XNYS), NASDAQ (XNAS),")
        .endsWith("BSE (XBOM), Tokyo PRO (XTKP), BSE SME, by code or MIC in any case");
    assertThat(r).isEqualTo(ExchangeRegistry.of(TOKYO_PRO, MUMBAI_SME)).isNotEqualTo(base);
    assertThat(r).hasToString("ExchangeRegistry[22 exchanges, defined: [Tokyo PRO, BSE SME]]");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> r.lookup("JPX"))
        .withMessageEndingWith("BSE (XBOM), Tokyo PRO (XTKP), BSE SME, by code or MIC in any case");
  }

  @Test
  void aDefinitionWithABuiltInsCodeReplacesIt() {
    // A study of 2003: NYSE hours 09:30-16:00 then too, but say a half-hour earlier close.
    Exchange early = Exchange.of("nyse", NEW_YORK, LocalTime.of(9, 30), LocalTime.of(15, 30));
    ExchangeRegistry r = ExchangeRegistry.of(early);
    Exchange registered = r.lookup("NYSE");
    assertThat(registered.sessionClose()).isEqualTo(LocalTime.of(15, 30));
    assertThat(registered.code()).isEqualTo("nyse");
    // Without a MIC of its own it keeps the built-in's, so XNYS still finds it.
    assertThat(registered.mic()).contains("XNYS");
    assertThat(r.lookup("xnys")).isSameAs(registered);
    assertThat(r.exchanges()).hasSize(20);
    assertThat(r.exchanges().get(0)).isSameAs(registered);
    assertThat(r.redefinedBuiltIns()).containsExactly(Exchange.NYSE);
    assertThat(r.redefinedBuiltIns().get(0).sessionClose()).isEqualTo(LocalTime.of(16, 0));
    assertThat(r.definitions()).containsExactly(registered);
    // With a MIC of its own, that MIC replaces the built-in's.
    Exchange renamed =
        Exchange.of("NYSE", "XNY2", NEW_YORK, LocalTime.of(9, 30), LocalTime.of(16, 0));
    ExchangeRegistry r2 = ExchangeRegistry.of(renamed);
    assertThat(r2.lookup("XNY2")).isSameAs(renamed);
    assertThat(r2.find("XNYS")).isEmpty();
    assertThat(r2).isNotEqualTo(r);
  }

  @Test
  void aCodeDefinedTwiceIsRefused() {
    Exchange again = Exchange.of("TOKYO pro", TOKYO, LocalTime.of(9, 0), LocalTime.of(11, 30));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExchangeRegistry.of(TOKYO_PRO, again))
        .withMessage(
            "Exchange code 'TOKYO pro' is defined twice: Tokyo PRO (XTKP, Asia/Tokyo 09:00-15:30)"
                + " and TOKYO pro (Asia/Tokyo 09:00-11:30)");
    ExchangeRegistry once = ExchangeRegistry.of(TOKYO_PRO);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> once.define(again))
        .withMessageStartingWith("Exchange code 'TOKYO pro' is defined twice");
    // Redefining a built-in twice is defining its code twice.
    Exchange lse1 =
        Exchange.of("LSE", ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(16, 0));
    Exchange lse2 =
        Exchange.of("LSE", ZoneId.of("Europe/London"), LocalTime.of(8, 0), LocalTime.of(16, 35));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExchangeRegistry.of(lse1, lse2))
        .withMessageStartingWith("Exchange code 'LSE' is defined twice");
  }

  @Test
  void aCodeOrMicAlreadyNamingAnotherExchangeIsRefused() {
    LocalTime open = LocalTime.of(8, 0);
    LocalTime close = LocalTime.of(16, 30);
    ZoneId london = ZoneId.of("Europe/London");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExchangeRegistry.of(Exchange.of("London", "XLON", london, open, close)))
        .withMessage(
            "Exchange London: its MIC 'XLON' is already the MIC of exchange"
                + " LSE (XLON, Europe/London 08:00-16:30); each code and MIC may name one exchange");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExchangeRegistry.of(Exchange.of("XLON", london, open, close)))
        .withMessage(
            "Exchange XLON: its code 'XLON' is already the MIC of exchange"
                + " LSE (XLON, Europe/London 08:00-16:30); each code and MIC may name one exchange");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> ExchangeRegistry.of(Exchange.of("Big Board", "nyse", NEW_YORK, open, close)))
        .withMessageStartingWith(
            "Exchange Big Board: its MIC 'NYSE' is already the code of exchange NYSE (XNYS,");
    // A redefinition may not take another built-in's MIC either.
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ExchangeRegistry.of(
                    Exchange.of("NYSE", "XNAS", NEW_YORK, LocalTime.of(9, 30), close)))
        .withMessageStartingWith("Exchange NYSE: its MIC 'XNAS' is already the MIC of exchange");
    // Between two definitions.
    Exchange a = Exchange.of("AAA", "QQQQ", london, open, close);
    Exchange b = Exchange.of("BBB", "qqqq", london, open, close);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ExchangeRegistry.of(a, b))
        .withMessageStartingWith(
            "Exchange BBB: its MIC 'QQQQ' is already the MIC of exchange AAA (QQQQ,");
    // A code equal to its own MIC is one name, not a clash.
    Exchange self = Exchange.of("ZZZZ", "ZZZZ", london, open, close);
    assertThat(ExchangeRegistry.of(self).lookup("zzzz")).isSameAs(self);
  }

  @Test
  void defineTakesAListAndRefusesNulls() {
    ExchangeRegistry r = ExchangeRegistry.builtIns().define(List.of(TOKYO_PRO, MUMBAI_SME));
    assertThat(r).isEqualTo(ExchangeRegistry.of(TOKYO_PRO, MUMBAI_SME));
    assertThat(r.hashCode()).isEqualTo(ExchangeRegistry.of(TOKYO_PRO, MUMBAI_SME).hashCode());
    assertThat(r).isNotEqualTo("registry");
    Exchange shorter = Exchange.of("Tokyo PRO", TOKYO, LocalTime.of(9, 0), LocalTime.of(11, 30));
    assertThat(ExchangeRegistry.of(shorter)).isNotEqualTo(ExchangeRegistry.of(TOKYO_PRO));
    assertThat(ExchangeRegistry.of(TOKYO_PRO)).isNotEqualTo(ExchangeRegistry.of(MUMBAI_SME));
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(
            () -> ExchangeRegistry.builtIns().define(java.util.Arrays.asList(TOKYO_PRO, null)));
  }
}
