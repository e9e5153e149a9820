package io.eventide.model;

import java.util.Arrays;

/** The one text form of every fitted model. */
final class FitText {

  private FitText() {}

  /**
   * @param fit a fit
   * @return {@code ModelFit[<id>, M=<M>, params=[...], s=<s>]}, with {@code , unusable: <reason>}
   *     before the bracket when the fit cannot be used
   */
  static String of(ModelFit fit) {
    return "ModelFit["
        + fit.model().id()
        + ", M="
        + fit.observations()
        + ", params="
        + Arrays.toString(fit.parameters())
        + ", s="
        + fit.sigma()
        + (fit.isUsable() ? "" : ", unusable: " + fit.failureReason())
        + "]";
  }

  static String reason(String failure) {
    return failure == null ? "" : failure;
  }
}
