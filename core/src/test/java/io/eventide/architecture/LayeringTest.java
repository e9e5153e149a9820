package io.eventide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package stack of {@code docs/architecture.md} as a test: each layer may import only the
 * layers below it, the packages are free of cycles, the statistics are a leaf, the readers' and
 * writers' internals stay in io and report, Tablesaw and XChart stay there too, and nothing reads
 * the default time zone or locale.
 */
class LayeringTest {

  /** Bottom to top: a layer may use any layer before it in this list, and no other. */
  static final List<String> STACK =
      List.of(
          "timeseries",
          "calendar",
          "regression",
          "inference",
          "market",
          "event",
          "io",
          "model",
          "study",
          "simulation",
          "backtest",
          "report");

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
    LayeredArchitecture rule =
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
    for (String layer : STACK) {
      rule = rule.layer(layer).definedBy("io.eventide." + layer + "..");
    }
    for (int i = 0; i < STACK.size(); i++) {
      String layer = STACK.get(i);
      rule =
          i == 0
              ? rule.whereLayer(layer).mayNotAccessAnyLayer()
              : rule.whereLayer(layer)
                  .mayOnlyAccessLayers(STACK.subList(0, i).toArray(String[]::new));
    }
    rule.check(classes);
  }

  @Test
  void statisticsAreALeafAboveTheKernels() {
    noClasses()
        .that()
        .resideInAPackage("io.eventide.inference..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.eventide.timeseries..",
            "io.eventide.calendar..",
            "io.eventide.market..",
            "io.eventide.event..",
            "io.eventide.io..",
            "io.eventide.model..",
            "io.eventide.study..",
            "io.eventide.simulation..",
            "io.eventide.backtest..",
            "io.eventide.report..")
        .check(classes);
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
