package io.eventide.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily simple returns of a listing and a market index from the real price files of the test
 * resources ({@code data/prices/}, provenance in {@code data/SOURCES.md}), read the plainest way:
 * each file's return on a date is {@code P_t / P_{t−1} − 1} over consecutive rows of that file; the
 * pair is kept on the dates both files have, in a closed date range. This is what the R script
 * quoted in {@link GarchAgainstGretlTest} does ({@code merge} of the two return series by date), so
 * both sides see the same doubles.
 */
final class RealReturns {

  private RealReturns() {}

  /**
   * @param name resource name under {@code data/prices/}
   * @param column the zero-based column of the (adjusted) close
   * @param skip header lines
   * @return date (first ten characters of column 0) → simple return, in date order
   */
  static TreeMap<String, Double> returns(String name, int column, int skip) {
    TreeMap<String, Double> out = new TreeMap<>();
    InputStream in = RealReturns.class.getResourceAsStream("/data/prices/" + name);
    if (in == null) {
      throw new IllegalArgumentException("No test resource data/prices/" + name);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      double previous = Double.NaN;
      while ((line = r.readLine()) != null) {
        if (n++ < skip || line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        double p = Double.parseDouble(f[column]);
        if (previous == previous) {
          out.put(f[0].substring(0, 10), p / previous - 1);
        }
        previous = p;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * @return {y, x}: the listing's and the market's returns on their common dates in [from, to]
   */
  static double[][] pair(
      Map<String, Double> listing, Map<String, Double> market, String from, String to) {
    List<double[]> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : listing.entrySet()) {
      String d = e.getKey();
      Double m = market.get(d);
      if (m != null && d.compareTo(from) >= 0 && d.compareTo(to) <= 0) {
        rows.add(new double[] {e.getValue(), m});
      }
    }
    double[][] out = new double[2][rows.size()];
    for (int t = 0; t < rows.size(); t++) {
      out[0][t] = rows.get(t)[0];
      out[1][t] = rows.get(t)[1];
    }
    return out;
  }

  /** BABA (Adj Close) against the S&P 500 (^SPX Adj Close). */
  static double[][] babaSpx(String from, String to) {
    return pair(returns("BABA.csv", 5, 1), returns("SPX.csv", 1, 3), from, to);
  }
}
