package io.eventide.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Multiple-testing adjustments of a family of p-values, as R's {@code p.adjust} computes them
 * ({@code docs/statistics.md}, "Adjusted p-values"). With the m defined p-values sorted ascending,
 * {@code p_(1) ≤ … ≤ p_(m)}:
 *
 * <pre>
 *   Holm:                p̃_(j) = min(1, max_{l ≤ j} (m − l + 1) p_(l))
 *   Benjamini–Hochberg:  p̃_(j) = min(1, min_{l ≥ j} (m / l) p_(l))
 * </pre>
 *
 * <p>Holm (1979) controls the family-wise error rate, Benjamini and Hochberg (1995) the false
 * discovery rate (under independence or positive dependence). Tied p-values get equal adjusted
 * values (the running maximum or minimum makes them so, whatever order the sort leaves them in).
 * {@code NaN} entries (undefined statistics) are not part of the family: m counts the others, and
 * their adjusted value is {@code NaN}.
 *
 * <p>Holm (1979), Scandinavian Journal of Statistics 6, 65–70; Benjamini and Hochberg (1995), JRSS
 * B 57, 289–300.
 */
public enum PValueAdjustment {
  /** Holm's step-down (family-wise error rate), {@code p.adjust(p, "holm")}. */
  HOLM("holm"),
  /** Benjamini and Hochberg's step-up (false discovery rate), {@code p.adjust(p, "BH")}. */
  BENJAMINI_HOCHBERG("bh");

  private final String id;

  PValueAdjustment(String id) {
    this.id = id;
  }

  /**
   * @return the command-line id: {@code holm} or {@code bh}
   */
  public String id() {
    return id;
  }

  /**
   * @param id {@code holm} or {@code bh} (any case, surrounding blanks ignored)
   * @return the adjustment
   * @throws IllegalArgumentException naming the value and the known ids
   */
  public static PValueAdjustment of(String id) {
    Objects.requireNonNull(id, "id");
    String key = id.strip().toLowerCase(Locale.ROOT);
    for (PValueAdjustment a : values()) {
      if (a.id.equals(key)) {
        return a;
      }
    }
    List<String> ids = new ArrayList<>();
    for (PValueAdjustment a : values()) {
      ids.add(a.id);
    }
    throw new IllegalArgumentException(
        "Unknown p-value adjustment '" + id + "'; expected " + String.join(" or ", ids));
  }

  /**
   * Adjusts one family of p-values. Pure: the input is not changed.
   *
   * @param p the family's p-values, each in [0, 1] or {@code NaN} (not part of the family)
   * @return the adjusted p-values, in the input's order; {@code NaN} where the input is
   * @throws IllegalArgumentException naming the position of a p-value outside [0, 1]
   */
  public double[] adjust(double[] p) {
    Objects.requireNonNull(p, "p");
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      double x = p[i];
      if (Double.isNaN(x)) {
        continue;
      }
      if (!(x >= 0.0 && x <= 1.0)) {
        throw new IllegalArgumentException(
            "p-value at position " + i + " is " + x + "; p-values lie in [0, 1]");
      }
      m++;
    }
    // Positions of the defined p-values, sorted by value (insertion sort keeps ties in input
    // order; families are a few dozen windows).
    int[] order = new int[m];
    int k = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        int j = k++;
        while (j > 0 && p[order[j - 1]] > p[i]) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = i;
      }
    }
    double[] out = new double[p.length];
    java.util.Arrays.fill(out, Double.NaN);
    if (this == HOLM) {
      double running = 0.0;
      for (int j = 0; j < m; j++) {
        running = Math.max(running, (m - j) * p[order[j]]);
        out[order[j]] = Math.min(1.0, running);
      }
    } else {
      double running = 1.0;
      for (int j = m - 1; j >= 0; j--) {
        running = Math.min(running, (double) m / (j + 1) * p[order[j]]);
        out[order[j]] = running;
      }
    }
    return out;
  }
}
