package io.bilateral.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentilesTest {

    private static double[] oneToHundred() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[99 - i] = i + 1; // descending on purpose: of() must sort
        }
        return samples;
    }

    @Test
    void shouldTakeNearestRankWhenSamplesAreOneToHundred() {
        Percentiles p = Percentiles.of(oneToHundred());

        assertThat(p).isEqualTo(new Percentiles(100, 50, 95, 99, 100));
    }

    @ParameterizedTest
    @CsvSource({"50, 2", "95, 4", "99, 4", "100, 4", "25, 1", "26, 2"})
    void shouldRoundTheRankUpWhenItFallsBetweenSamples(double p, double expected) {
        assertThat(Percentiles.nearestRank(new double[] {10, 20, 30, 40}, p)).isEqualTo(expected * 10);
    }

    @Test
    void shouldReportEverySampleWhenThereIsOnlyOne() {
        assertThat(Percentiles.of(new double[] {7.5})).isEqualTo(new Percentiles(1, 7.5, 7.5, 7.5, 7.5));
    }

    @Test
    void shouldBeEmptyWithoutSamples() {
        assertThat(Percentiles.of(new double[0])).isEqualTo(Percentiles.EMPTY);
        assertThat(Percentiles.EMPTY.p99Ms()).isNaN();
    }

    @Test
    void shouldNotChangeTheCallersArray() {
        double[] samples = {3, 1, 2};
        Percentiles.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void shouldRejectAPercentileOutsideZeroToHundred() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Percentiles.nearestRank(new double[] {1}, 0));
        assertThat(e).hasMessageContaining("(0, 100]").hasMessageContaining("0.0");
    }
}
