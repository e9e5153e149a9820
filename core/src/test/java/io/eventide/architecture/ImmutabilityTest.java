package io.eventide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Public objects are immutable: every instance field of every public class of the library is final,
 * except in the classes listed here, mutable by design, each documented as such. (That returned
 * arrays and collections are copies or unmodifiable is checked on the objects themselves in {@code
 * io.eventide.study.ConcurrentStudiesTest}.)
 *
 * <ul>
 *   <li>{@code io.eventide.report.internal.CsvWriter}: a writer, used by one thread while it writes
 *       one file.
 *   <li>{@code io.eventide.study.StudySpecification$Builder}: a builder; {@code build()} makes the
 *       immutable specification.
 *   <li>{@code io.eventide.backtest.Strategy$Builder}: a builder; {@code build()} makes the
 *       immutable strategy.
 *   <li>{@code io.eventide.regression.internal.LinearRegressionKernel$Workspace}: per-thread
 *       scratch space of the allocation-free kernel ("not thread-safe: one per thread" in its
 *       javadoc).
 *   <li>{@code io.eventide.study.internal.ClusterCorrelation}: the r̄ accumulator, whose blocks of
 *       gapped residuals are scratch kept in the instance ("one instance per thread" in its
 *       javadoc).
 *   <li>{@code io.eventide.io.internal.CsvScanner}: a cursor over one file's bytes, used by the one
 *       thread that reads the file ("not thread-safe: one scanner per file" in its javadoc).
 *   <li>{@code io.eventide.io.internal.FileBytes}: the buffer one thread reads its files into, one
 *       after another ("not thread-safe: one buffer per thread" in its javadoc).
 *   <li>{@code io.eventide.inference.SampleSummary}: the mergeable summary of a test sample, an
 *       accumulator that one map task fills and one driver merges ("mutable (an accumulator) ...
 *       not thread-safe" in its javadoc).
 *   <li>{@code io.eventide.inference.GeneralizedRankSums}: the mergeable rank sums of the
 *       generalized rank tests, an accumulator of the same kind.
 * </ul>
 */
class ImmutabilityTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.eventide");
  }

  @Test
  void everyInstanceFieldOfAPublicClassIsFinal() {
    fields()
        .that()
        .areNotStatic()
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.report.internal.CsvWriter")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.study.StudySpecification$Builder")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.simulation.SimulationSpecification$Builder")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.backtest.Strategy$Builder")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName(
            "io.eventide.regression.internal.LinearRegressionKernel$Workspace")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.study.internal.ClusterCorrelation")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.io.internal.CsvScanner")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.io.internal.FileBytes")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.inference.SampleSummary")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveFullyQualifiedName("io.eventide.inference.GeneralizedRankSums")
        .should()
        .beFinal()
        .because("public objects are shared between threads and must not change")
        .check(classes);
  }

  @Test
  void theExceptionsAreExactlyTheDocumentedOnes() {
    // Guard against the allow-list going stale: each excepted class exists and does have a
    // non-final instance field.
    for (String name :
        new String[] {
          "io.eventide.report.internal.CsvWriter",
          "io.eventide.study.StudySpecification$Builder",
          "io.eventide.simulation.SimulationSpecification$Builder",
          "io.eventide.backtest.Strategy$Builder",
          "io.eventide.regression.internal.LinearRegressionKernel$Workspace",
          "io.eventide.study.internal.ClusterCorrelation",
          "io.eventide.io.internal.CsvScanner",
          "io.eventide.io.internal.FileBytes",
          "io.eventide.inference.SampleSummary",
          "io.eventide.inference.GeneralizedRankSums"
        }) {
      assertThat(classes.get(name).getFields())
          .as(name)
          .anySatisfy(
              f ->
                  assertThat(f.getModifiers())
                      .doesNotContain(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                      .doesNotContain(com.tngtech.archunit.core.domain.JavaModifier.STATIC));
    }
  }
}
