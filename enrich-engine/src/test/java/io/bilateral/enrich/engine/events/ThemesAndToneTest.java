package io.bilateral.enrich.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.CodedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tone is the mean Goldstein score of the coded events, to one decimal. */
class ThemesAndToneTest {

    private static CodedEvent event(double goldstein) {
        return new CodedEvent("IRN", "UZB", false, "057", "05", 1, goldstein, "s", List.of(), List.of());
    }

    @Test
    void shouldBeNeutralWithoutEvents() {
        assertThat(ThemesAndTone.tone(List.of())).isZero();
    }

    @Test
    void shouldAverageTheEventsToOneDecimal() {
        assertThat(ThemesAndTone.tone(List.of(event(8.0), event(-2.0), event(1.0))))
                .isEqualTo(2.3);
    }
}
