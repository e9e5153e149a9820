package io.eventide.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The sealed sample family: what each holds, what it copies, and what it refuses. */
class SampleTest {

  private static CarSample car(double[] scar, double[] df, double[] share, int from, int to) {
    return CarSample.of(
        new double[] {0.01, -0.02}, scar, df, share, 0.1, new double[5], new double[10], from, to);
  }

  @Test
  void perFirmEventArraysOfAnotherLengthAreRejectedByName() {
    double[] two = new double[2];
    assertThatIllegalArgumentException()
        .isThrownBy(() -> car(new double[1], two, two, 6, 8))
        .withMessage(
            "CAR sample: scar has 1 values but car has 2; every per-firm-event array needs one"
                + " value per firm-event");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> car(two, new double[3], two, 6, 8))
        .withMessage(
            "CAR sample: degreesOfFreedom has 3 values but car has 2; every per-firm-event array"
                + " needs one value per firm-event");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> car(two, two, new double[0], 6, 8))
        .withMessage(
            "CAR sample: positiveEstimationShare has 0 values but car has 2; every per-firm-event"
                + " array needs one value per firm-event");
  }

  @Test
  void rankWindowPositionsMustBeANonEmptyRangeInsideTheRankDays() {
    double[] two = new double[2];
    assertThatIllegalArgumentException()
        .isThrownBy(() -> car(two, two, two, 8, 10))
        .withMessage(
            "CAR sample: rank window positions 8..10 are not a non-empty range inside the 10"
                + " days of meanRankScores");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> car(two, two, two, -1, 1))
        .withMessageStartingWith("CAR sample: rank window positions -1..1 ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> car(two, two, two, 5, 4))
        .withMessageStartingWith("CAR sample: rank window positions 5..4 ");
  }

  @Test
  void aCarSampleHoldsCopiesAndDerivesTheWindowLengthFromItsRankPositions() {
    double[] car = {0.01, -0.02};
    double[] aar = {0.001, Double.NaN, 0.002, 0, 0};
    CarSample s =
        CarSample.of(
            car,
            new double[] {1.0, -2.0},
            new double[] {98, 98},
            new double[] {0.5, 0.49},
            0.1,
            aar,
            new double[10],
            6,
            8);
    car[0] = 42;
    aar[0] = 42;
    s.values()[1] = 42;
    s.estimationAar()[2] = 42;
    assertThat(s.values()).containsExactly(0.01, -0.02);
    assertThat(s.estimationAar()).containsExactly(0.001, Double.NaN, 0.002, 0, 0);
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.label()).isEqualTo("CAR");
    assertThat(s.standardized(1)).isEqualTo(-2.0);
    assertThat(s.degreesOfFreedom(0)).isEqualTo(98);
    assertThat(s.positiveEstimationShare(1)).isEqualTo(0.49);
    assertThat(s.meanCrossCorrelation()).isEqualTo(0.1);
    assertThat(s.windowLength()).isEqualTo(3);
    // the AAR days without the empty one, kept for cda-t
    assertThat(s.estimationAarDays).containsExactly(0.001, 0.002, 0, 0);
    assertThat(s).hasToString("CarSample[N=2, L=3]");
    assertThat(s)
        .isEqualTo(
            CarSample.of(
                new double[] {0.01, -0.02},
                new double[] {1.0, -2.0},
                new double[] {98, 98},
                new double[] {0.5, 0.49},
                0.1,
                new double[] {0.001, Double.NaN, 0.002, 0, 0},
                new double[10],
                6,
                8))
        .hasSameHashCodeAs(
            CarSample.of(
                new double[] {0.01, -0.02},
                new double[] {1.0, -2.0},
                new double[] {98, 98},
                new double[] {0.5, 0.49},
                0.1,
                new double[] {0.001, Double.NaN, 0.002, 0, 0},
                new double[10],
                6,
                8));
  }

  @Test
  void aValueSampleIsAPlainCopyWithALabel() {
    double[] values = {0.03, -0.01};
    ValueSample s = Sample.of(values);
    values[0] = 42;
    assertThat(s.values()).containsExactly(0.03, -0.01);
    assertThat(s.label()).isEqualTo("value").isEqualTo(ValueSample.DEFAULT_LABEL);
    assertThat(s).isEqualTo(ValueSample.of(0.03, -0.01)).hasToString("ValueSample[value, N=2]");
    ValueSample bhar = ValueSample.of("BHAR", 0.03, -0.01);
    assertThat(bhar.label()).isEqualTo("BHAR");
    assertThat(bhar).isNotEqualTo(s);
    assertThat(bhar.hashCode()).isNotEqualTo(s.hashCode());
    assertThat(Sample.of().size()).isZero();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ValueSample.of(" ", 0.1))
        .withMessage("A sample's label must name its values, not be blank");
  }
}
