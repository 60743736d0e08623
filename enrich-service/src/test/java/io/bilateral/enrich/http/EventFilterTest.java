package io.bilateral.enrich.http;

import static io.bilateral.enrich.http.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventFilterTest {

    @Test
    void shouldLetEverythingThroughWhenTheQueryIsEmpty() {
        assertThat(EventFilter.parse(null)).isEqualTo(EventFilter.ALL);
        assertThat(EventFilter.parse("")).isEqualTo(EventFilter.ALL);
        assertThat(EventFilter.parse("scope=local")).isEqualTo(EventFilter.ALL);
        assertThat(EventFilter.parse("from=&to=&root=")).isEqualTo(EventFilter.ALL);
    }

    @Test
    void shouldReadEveryParameter() {
        EventFilter filter = EventFilter.parse("from=2021-12-01&to=2021-12-31&root=05&quad=2&minEvents=3&scope=local");

        assertThat(filter)
                .isEqualTo(new EventFilter(LocalDate.of(2021, 12, 1), LocalDate.of(2021, 12, 31), "05", 2, 3));
    }

    @ParameterizedTest
    @CsvSource({
        "from=2021-12-02, false",
        "to=2021-11-30, false",
        "from=2021-12-01&to=2021-12-01, true",
        "root=05, true",
        "root=04, false",
        "quad=2, true",
        "quad=1, false"
    })
    void shouldKeepAnEventWhenItIsInsideTheWindowAndTheCategory(String query, boolean kept) {
        assertThat(EventFilter.parse(query).test(event("e", "IRN-UZB", "057", 2, 8, "2021-12-01")))
                .isEqualTo(kept);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "from=2021-13-01 | from: expected a day as YYYY-MM-DD, not '2021-13-01'",
                "from=2021-12-02&to=2021-12-01 | from: 2021-12-02 is after to: 2021-12-01",
                "root=5 | root: expected a two-digit CAMEO root code, e.g. 05, not '5'",
                "quad=5 | quad: expected a quad class from 1 to 4, not 5",
                "quad=one | quad: expected a whole number, not 'one'",
                "minEvents=0 | minEvents: expected at least 1, not 0",
                "country=IRN | unknown parameter 'country'; expected from, to, root, quad or minEvents"
            })
    void shouldNameTheParameterThatIsWrong(String query, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EventFilter.parse(query));
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
