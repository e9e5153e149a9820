package io.eventide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package stack of DESIGN.md as a test: each layer may import only the layers below it, the
 * packages are free of cycles, Tablesaw and XChart stay in io and report, and nothing reads the
 * default time zone or locale.
 */
class LayeringTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventide");
  }

  @Test
  void layersImportOnlyDownwards() {
    ArchRule rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("timeseries")
            .definedBy("io.eventide.timeseries..")
            .layer("calendar")
            .definedBy("io.eventide.calendar..")
            .layer("market")
            .definedBy("io.eventide.market..")
            .layer("event")
            .definedBy("io.eventide.event..")
            .layer("regression")
            .definedBy("io.eventide.regression..")
            .layer("model")
            .definedBy("io.eventide.model..")
            .layer("study")
            .definedBy("io.eventide.study..")
            .layer("inference")
            .definedBy("io.eventide.inference..")
            .layer("backtest")
            .definedBy("io.eventide.backtest..")
            .layer("io")
            .definedBy("io.eventide.io..")
            .layer("report")
            .definedBy("io.eventide.report..")
            .whereLayer("timeseries")
            .mayNotAccessAnyLayer()
            .whereLayer("calendar")
            .mayOnlyAccessLayers("timeseries")
            .whereLayer("market")
            .mayOnlyAccessLayers("timeseries", "calendar")
            .whereLayer("event")
            .mayOnlyAccessLayers("timeseries", "calendar", "market")
            .whereLayer("regression")
            .mayNotAccessAnyLayer()
            .whereLayer("model")
            .mayOnlyAccessLayers("timeseries", "calendar", "market", "event", "regression")
            .whereLayer("study")
            .mayOnlyAccessLayers(
                "timeseries", "calendar", "market", "event", "regression", "model", "inference")
            .whereLayer("inference")
            .mayNotAccessAnyLayer()
            .whereLayer("backtest")
            .mayOnlyAccessLayers(
                "timeseries",
                "calendar",
                "market",
                "event",
                "regression",
                "model",
                "study",
                "inference")
            .whereLayer("io")
            .mayOnlyAccessLayers("timeseries", "calendar", "market", "event")
            .whereLayer("report")
            .mayOnlyAccessLayers(
                "timeseries",
                "calendar",
                "market",
                "event",
                "regression",
                "model",
                "study",
                "inference",
                "backtest",
                "io");
    rule.check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.eventide.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void readerAndWriterInternalsStayInIoAndReport() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.eventide.io..", "io.eventide.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.eventide.io.internal..", "io.eventide.report.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.eventide.io..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.eventide.report..")
        .because("io only reads; everything that writes is in report")
        .check(classes);
  }

  @Test
  void tablesawAndXChartStayInIoAndReport() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.eventide.io..", "io.eventide.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("tech.tablesaw..", "org.knowm.xchart..")
        .check(classes);
  }

  @Test
  void noDefaultZoneOrLocale() {
    noClasses()
        .should()
        .callMethod(java.time.ZoneId.class, "systemDefault")
        .orShould()
        .callMethod(TimeZone.class, "getDefault")
        .orShould()
        .callMethod(Locale.class, "getDefault")
        .orShould()
        .callMethod(String.class, "format", String.class, Object[].class)
        .orShould()
        .callMethod(String.class, "toLowerCase")
        .orShould()
        .callMethod(String.class, "toUpperCase")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .because("results must not depend on the machine's time zone or locale")
        .check(classes);
  }
}
