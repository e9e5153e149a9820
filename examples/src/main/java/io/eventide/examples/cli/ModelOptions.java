package io.eventide.examples.cli;

import io.eventide.model.DimsonModel;
import io.eventide.model.NormalReturnModel;
import picocli.CommandLine.Option;

/**
 * The options of {@code eventide study} that refine the normal-return model beyond its id ({@code
 * docs/cli.md}, "methods beyond the textbook"): {@code --dimson-lags K} for {@code --model dimson}.
 * A picocli mixin of {@link StudyCommand}.
 */
public final class ModelOptions {

  @Option(
      names = "--dimson-lags",
      paramLabel = "K",
      description =
          "leads and lags of the market in --model dimson, 0..10 (default: "
              + DimsonModel.DEFAULT_LAGS
              + ")")
  Integer dimsonLags;

  /**
   * The model of {@code --model}, with {@code --dimson-lags} applied.
   *
   * @param id the {@code --model} value
   * @return the model
   * @throws IllegalArgumentException for an unknown id, {@code --dimson-lags} outside 0..10, or
   *     {@code --dimson-lags} with a model other than {@code dimson} (one line naming the flag and
   *     value)
   */
  NormalReturnModel model(String id) {
    NormalReturnModel model = StudyCommand.model(id);
    if (dimsonLags == null) {
      return model;
    }
    if (dimsonLags < 0 || dimsonLags > DimsonModel.MAX_LAGS) {
      throw new IllegalArgumentException(
          "--dimson-lags "
              + dimsonLags
              + " is outside 0.."
              + DimsonModel.MAX_LAGS
              + " (leads and lags of the market return)");
    }
    if (!(model instanceof DimsonModel)) {
      throw new IllegalArgumentException(
          "--dimson-lags " + dimsonLags + " applies to --model dimson only, not --model " + id);
    }
    return DimsonModel.of(dimsonLags);
  }
}
