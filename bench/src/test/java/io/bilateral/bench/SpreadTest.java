package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void shouldTakeTheMiddleValueOfAnOddNumberOfRuns() {
        assertThat(Spread.of(List.of(431.0, 398.0, 412.0))).isEqualTo(new Spread(412, 398, 431, 3));
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenNumberOfRuns() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0)).median()).isEqualTo(2.5);
    }

    @Test
    void shouldLeaveOutRunsThatDidNotMeasureTheFigure() {
        assertThat(Spread.of(List.of(Double.NaN, 5.0))).isEqualTo(new Spread(5, 5, 5, 1));
        assertThat(Spread.of(List.of(Double.NaN)).runs()).isZero();
    }

    @Test
    void shouldGiveTheRangeRelativeToTheMedian() {
        assertThat(Spread.of(List.of(90.0, 100.0, 110.0)).relativeRange()).isEqualTo(0.2);
    }
}
