package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventClusterProcessorTest {

    /** The keys of events already in a store were written with {@code %08d}: a day must still map to the same key. */
    @ParameterizedTest
    @ValueSource(
            longs = {-10_000_001L, -10_000_000L, -9_999_999L, -719_528L, -1L, 0L, 18_962L, 89_999_999L, 90_000_000L})
    void shouldWriteTheDayAsTheFormattedKeyDid(long epochDay) {
        assertThat(EventClusterProcessor.sortableDay(epochDay))
                .isEqualTo(String.format(Locale.ROOT, "%08d", epochDay + 10_000_000L));
    }

    @Test
    void shouldSortKeysByDayWhenDaysAreBeforeAndAfter1970() {
        List<Long> days = List.of(
                LocalDate.of(1900, 1, 1).toEpochDay(),
                -1L,
                0L,
                1L,
                LocalDate.of(2026, 12, 6).toEpochDay());

        List<String> keys =
                days.stream().map(EventClusterProcessor::sortableDay).toList();

        assertThat(keys).isSortedAccordingTo(Comparator.naturalOrder());
    }
}
