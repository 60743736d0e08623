package io.bilateral.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({
        "500ms,  500",
        "30s,    30000",
        "5m,     300000",
        "2h,     7200000",
        "7d,     604800000",
        "' 10 S', 10000",
        "PT1.5S, 1500",
        "pt2m,   120000",
    })
    void shouldParseNumbersWithUnitsAndIso8601(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"30", "", "5 minutes", "-5s", "1.5s", "PTX", "s"})
    void shouldRejectAmbiguousOrMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertEquals(
                "is not a duration (use a number with a unit: 500ms, 30s, 5m, 2h, 7d, or ISO-8601 like PT30S)",
                e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"99999999999999999999s", "9223372036854775807d"})
    void shouldRejectDurationsTooLargeToRepresent(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));

        assertEquals("is too large for a duration", e.getMessage());
    }
}
