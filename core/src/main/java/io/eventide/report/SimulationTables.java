package io.eventide.report;

import io.eventide.simulation.SimulationResult;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A simulation's rejections as a Tablesaw table named {@code rejections}, with the columns and rows
 * of {@code rejections.csv} ({@link SimulationFiles}); {@code shift}, {@code rate} and {@code se}
 * are numbers here (full precision), the rest text or integers.
 */
public final class SimulationTables {

  private SimulationTables() {}

  /**
   * @param result the result
   * @return a new table, one row per cell
   */
  public static Table rejections(SimulationResult result) {
    StringColumn design = StringColumn.create("design");
    StringColumn variant = StringColumn.create("variant");
    DoubleColumn shift = DoubleColumn.create("shift");
    StringColumn window = StringColumn.create("window");
    StringColumn test = StringColumn.create("test");
    IntColumn rejections = IntColumn.create("rejections");
    IntColumn samples = IntColumn.create("samples");
    DoubleColumn rate = DoubleColumn.create("rate");
    DoubleColumn se = DoubleColumn.create("se");
    for (SimulationResult.Cell c : result.cells()) {
      design.append(c.design().id());
      variant.append(c.variant().id());
      shift.append(c.variant().shift());
      window.append(c.window().toString());
      test.append(c.test());
      rejections.append(c.rejections());
      samples.append(c.samples());
      rate.append(c.rate());
      se.append(c.standardError());
    }
    return Table.create(
        "rejections", design, variant, shift, window, test, rejections, samples, rate, se);
  }
}
