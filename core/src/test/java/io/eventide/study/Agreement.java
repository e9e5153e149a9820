package io.eventide.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects engine-versus-reference comparisons: every number must agree to {@link #RELATIVE}
 * relative or, near zero, {@link #ABSOLUTE} absolute; NaN must meet NaN. Failures are gathered so
 * that one run shows all of them, and the largest discrepancy of each quantity is kept for the
 * record.
 */
final class Agreement {

  static final double RELATIVE = 1e-9;
  static final double ABSOLUTE = 1e-12;

  private final String study;
  private final List<String> failures = new ArrayList<>();
  private final java.util.Set<String> failedAt = new java.util.TreeSet<>();
  private final Map<String, double[]> worst = new TreeMap<>();
  private int checks;

  Agreement(String study) {
    this.study = study;
  }

  /** Numbers: within tolerance, or both NaN. */
  void close(String quantity, String where, double expected, double actual) {
    checks++;
    double[] w = worst.computeIfAbsent(quantity, q -> new double[3]);
    w[2]++;
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      if (Double.isNaN(expected) != Double.isNaN(actual)) {
        fail(quantity, where, expected, actual);
      }
      return;
    }
    double err = Math.abs(expected - actual);
    double scale = Math.max(Math.abs(expected), Math.abs(actual));
    w[0] = Math.max(w[0], err);
    if (scale > 1e-6) {
      w[1] = Math.max(w[1], err / scale);
    }
    if (!(err <= Math.max(ABSOLUTE, RELATIVE * scale))) {
      fail(quantity, where, expected, actual);
    }
  }

  void close(String quantity, String where, double[] expected, double[] actual) {
    same(quantity + ".length", where, expected.length, actual.length);
    for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
      close(quantity, where + "[" + i + "]", expected[i], actual[i]);
    }
  }

  /** Exact equality of non-numeric values (outcomes, counts, dates, names). */
  void same(String quantity, String where, Object expected, Object actual) {
    checks++;
    if (!Objects.equals(expected, actual)) {
      failures.add(quantity + " at " + where + ": reference " + expected + ", engine " + actual);
      failedAt.add(place(where));
    }
  }

  private void fail(String quantity, String where, double expected, double actual) {
    failures.add(
        quantity
            + " at "
            + where
            + ": reference "
            + expected
            + ", engine "
            + actual
            + " (diff "
            + Math.abs(expected - actual)
            + ")");
    failedAt.add(place(where));
  }

  /** The firm-event ("#3 e1/N00") or window ("window -1:1") a location belongs to. */
  private static String place(String where) {
    String[] parts = where.split("[ \\[]");
    return parts.length > 1 ? parts[0] + " " + parts[1] : where;
  }

  int checks() {
    return checks;
  }

  /** Throws with every failure if any; otherwise prints the largest discrepancies. */
  void assertAgreement() {
    StringBuilder sb = new StringBuilder();
    sb.append(study)
        .append(": ")
        .append(checks)
        .append(" comparisons, ")
        .append(failures.size())
        .append(" failures\n");
    for (Map.Entry<String, double[]> e : worst.entrySet()) {
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "  %-22s n=%6d  max abs %.2e  max rel %.2e%n",
              e.getKey(),
              (long) e.getValue()[2],
              e.getValue()[0],
              e.getValue()[1]));
    }
    System.out.print(sb);
    if (!failures.isEmpty()) {
      StringBuilder f =
          new StringBuilder(
              study + ": " + failures.size() + " disagreements, at " + failedAt + "\n");
      for (int i = 0; i < Math.min(60, failures.size()); i++) {
        f.append("  ").append(failures.get(i)).append('\n');
      }
      throw new AssertionError(f.toString());
    }
  }
}
