package io.eventide.report;

import io.eventide.inference.CrossSectionalRegression;
import io.eventide.study.CrossSection;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The cross-sectional regression as {@code cross_section.csv} and as a Tablesaw table ({@code
 * docs/cli.md}): {@code window,term,coef,se_hc1,t_hc1,p_hc1,se_cluster,t_cluster,p_cluster,n,r2},
 * one row per study window and term (the constant {@code const} first, then the characteristics in
 * the file's order); {@code n} and {@code r2} repeat on every row of a window. Undefined values are
 * empty cells.
 */
public final class CrossSectionTable {

  /** The file written by {@link #write(Path, CrossSection)}. */
  public static final String FILE_NAME = "cross_section.csv";

  private CrossSectionTable() {}

  /** One row: a term of a window's fit. */
  private record Row(
      CrossSection.WindowRegression regression, CrossSectionalRegression.Term term) {}

  static TableDefinition<Row> definition(CrossSection crossSection) {
    Objects.requireNonNull(crossSection, "crossSection");
    return new TableDefinition<>(
        "cross_section",
        List.of(
            new Column.Text<>("window", r -> r.regression().window().toString()),
            new Column.Text<>("term", r -> r.term().term()),
            new Column.Decimal<>("coef", r -> r.term().coef()),
            new Column.Decimal<>("se_hc1", r -> r.term().seHc1()),
            new Column.Decimal<>("t_hc1", r -> r.term().tHc1()),
            new Column.Decimal<>("p_hc1", r -> r.term().pHc1()),
            new Column.Decimal<>("se_cluster", r -> r.term().seCluster()),
            new Column.Decimal<>("t_cluster", r -> r.term().tCluster()),
            new Column.Decimal<>("p_cluster", r -> r.term().pCluster()),
            new Column.Int<>("n", r -> r.regression().fit().n()),
            new Column.Decimal<>("r2", r -> r.regression().fit().r2())),
        action -> {
          for (CrossSection.WindowRegression w : crossSection.windows()) {
            for (CrossSectionalRegression.Term t : w.fit().terms()) {
              action.accept(new Row(w, t));
            }
          }
        });
  }

  /**
   * Writes {@code cross_section.csv} into a folder, overwriting it.
   *
   * @param folder an existing folder
   * @param crossSection the regressions
   * @return the file written
   */
  public static Path write(Path folder, CrossSection crossSection) {
    return definition(crossSection).writeCsv(folder);
  }

  /**
   * @param crossSection the regressions
   * @return the rows of {@code cross_section.csv} as a Tablesaw table named {@code cross_section}
   */
  public static Table table(CrossSection crossSection) {
    return definition(crossSection).toTable();
  }
}
