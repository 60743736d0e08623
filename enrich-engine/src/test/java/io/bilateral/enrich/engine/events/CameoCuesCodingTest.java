package io.bilateral.enrich.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verbs the hand-written cue table does not have, coded as the CAMEO verb dictionary says (rules/cameo-cues.tsv). */
class CameoCuesCodingTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    private static List<CodedEvent> events(String body) {
        return ENGINE.annotate(new ArticleInput("t", "", body, Instant.parse("2021-12-05T00:00:00Z"), null, null))
                .events();
    }

    @ParameterizedTest
    @CsvSource({
        "'China congratulated Kenya on the peaceful election.', CHN, KEN, 051",
        "'Ukraine thanked Poland for its support.', UKR, POL, 051",
        "'Qatar brokered a ceasefire between Israel and Hamas.', QAT, ISR, 045",
        "'India rebuked Pakistan over the border incident.', IND, PAK, 111",
        "'China blockaded Taiwan.', CHN, TWN, 170",
        "'Canada expelled Indian diplomats.', CAN, IND, 174",
        // a material act outranks the hand-written "hosted" (043)
        "'Ethiopia boycotted the summit hosted by Egypt.', ETH, EGY, 163"
    })
    void shouldCodeVerbsAsCameoDoes(String body, String a1, String a2, String code) {
        assertThat(events(body)).first().satisfies(e -> {
            assertThat(e.actor1()).isEqualTo(a1);
            assertThat(e.actor2()).isEqualTo(a2);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @ParameterizedTest
    @CsvSource({
        // common words with a non-political sense first are pruned from the generated table
        "'Japan faced Brazil in the final.'",
        "'Shares of the Korean unit ran higher in Tokyo.'"
    })
    void shouldNotCodeCommonWords(String body) {
        assertThat(events(body)).isEmpty();
    }
}
