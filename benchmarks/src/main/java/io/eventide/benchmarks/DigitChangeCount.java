package io.eventide.benchmarks;

import io.eventide.report.internal.ShortestDecimal;
import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Counts, over a million seeded values of each kind, the numbers whose output cell changed when the
 * writers moved from Java 17's {@code Double.toString} to {@link ShortestDecimal}: how many are a
 * digit shorter and how many have another last digit (JDK-4511638). Both texts read back to the
 * same double; only the digits differ. Run: {@code java -cp benchmarks.jar
 * io.eventide.benchmarks.DigitChangeCount}.
 */
public final class DigitChangeCount {

  private DigitChangeCount() {}

  /**
   * @param args none
   */
  public static void main(String[] args) {
    String[] kinds = {"daily returns N(0, 0.02)", "U(0, 1)", "random bit patterns"};
    for (int k = 0; k < kinds.length; k++) {
      SplittableRandom rnd = new SplittableRandom(1 + k);
      int n = 1_000_000;
      int shorter = 0;
      int otherDigit = 0;
      String example = "";
      for (int i = 0; i < n; i++) {
        double v =
            switch (k) {
              case 0 -> 0.02 * rnd.nextGaussian();
              case 1 -> rnd.nextDouble();
              default -> Double.longBitsToDouble(rnd.nextLong());
            };
        if (!Double.isFinite(v) || v == 0) {
          continue;
        }
        BigDecimal before = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String now = ShortestDecimal.toPlainString(v);
        BigDecimal after = new BigDecimal(now).stripTrailingZeros();
        if (before.compareTo(after) != 0) {
          if (after.precision() < before.precision()) {
            shorter++;
          } else {
            otherDigit++;
          }
          if (example.isEmpty()) {
            example = ", e.g. " + Double.toString(v) + " now " + now;
          }
        }
      }
      System.out.printf(
          "%s: %d of %d changed (%d a digit shorter, %d another last digit)%s%n",
          kinds[k], shorter + otherDigit, n, shorter, otherDigit, example);
    }
  }
}
