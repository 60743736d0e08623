package io.bilateral.enrich.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CueTraceTest {

    private static final RuleBasedEnricher ENGINE = RuleBasedEnricher.create();

    private static String explain(String body) {
        return ENGINE.explain(new ArticleInput("t", "", body, Instant.parse("2024-01-01T00:00:00Z"), null, null));
    }

    @Test
    void shouldShowEachSentencesMentionsCuesAndEvents() {
        String trace = explain("Weather was mild. Slovenia urged Croatia to open the crossing.");

        assertThat(trace)
                .doesNotContain("Weather was mild")
                .contains("sentence: Slovenia urged Croatia to open the crossing.")
                .contains("[Slovenia COUNTRY SVN actor]", "[Croatia COUNTRY HRV actor]")
                .contains("[urged 020")
                .contains("event: SVN -> HRV 020");
    }

    @Test
    void shouldShowAPlaceThatIsNoActor() {
        String trace = explain("Flights to Croatia resumed as Slovenia lifted its curbs.");

        assertThat(trace).contains("[Croatia COUNTRY HRV place]").doesNotContain("event:");
    }
}
