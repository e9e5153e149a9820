package io.eventide.model.internal;

import io.eventide.model.ModelFit;
import io.eventide.model.NormalReturnModel;

/**
 * Fits a {@link NormalReturnModel} on estimation ranges, reusing scratch space between calls. One
 * per thread; the fits it returns are immutable and may be shared.
 *
 * <p>Internal: a study asks the model for one per worker ({@link NormalReturnModel#fitter()}).
 */
public interface ModelFitter {

  /**
   * Fits the model over sessions {@code [fromInclusive, toExclusive)}, skipping sessions where the
   * return or a regressor is missing, and sessions flagged in {@code excluded}.
   *
   * @param inputs the listing's calendar-aligned data
   * @param fromInclusive first estimation session
   * @param toExclusive one past the last estimation session
   * @param excluded sessions to leave out (index {@code t - fromInclusive}), or {@code null}
   * @return the fit; check {@link ModelFit#isUsable()}
   */
  ModelFit fit(ModelInputs inputs, int fromInclusive, int toExclusive, boolean[] excluded);
}
