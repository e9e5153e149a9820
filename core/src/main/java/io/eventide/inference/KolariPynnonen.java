package io.eventide.inference;

/** The cross-correlation adjustment shared by the two Kolari-Pynnönen tests. */
final class KolariPynnonen {

  private KolariPynnonen() {}

  /**
   * @param r r̄
   * @param n N
   * @return {@code 1 + (N − 1) r̄} when r̄ is in [−1, 1] and that is positive, else {@code NaN}
   */
  static double varianceInflation(double r, long n) {
    if (!(r >= -1.0 && r <= 1.0)) {
      return Double.NaN;
    }
    double inflation = 1.0 + (n - 1) * r;
    return inflation > 0.0 ? inflation : Double.NaN;
  }

  /**
   * @return why {@link #varianceInflation} is {@code NaN}, or ""
   */
  static String reason(double r, long n) {
    if (!(r >= -1.0 && r <= 1.0)) {
      return "r̄ = " + r + " is not a mean correlation in [−1, 1]";
    }
    double inflation = 1.0 + (n - 1) * r;
    if (!(inflation > 0.0)) {
      return "1 + (N − 1) r̄ = 1 + "
          + (n - 1)
          + " · "
          + r
          + " = "
          + inflation
          + " ≤ 0: the cross-correlation adjustment needs it positive";
    }
    return "";
  }
}
