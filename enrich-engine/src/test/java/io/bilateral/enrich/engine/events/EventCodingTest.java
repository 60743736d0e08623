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

/** Event cues (rules/event-cues.tsv), actor/topic decisions (rules/topic-context.tsv, roles.tsv), history. */
class EventCodingTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    private static List<CodedEvent> events(String body) {
        return ENGINE.annotate(new ArticleInput("t", "", body, Instant.parse("2021-12-05T00:00:00Z"), null, "IRN"))
                .events();
    }

    @ParameterizedTest
    @CsvSource({
        "'Iran and Uzbekistan signed a security agreement.', IRN, UZB, 057, false",
        "'Iran and Tajikistan held talks in Dushanbe.', IRN, TJK, 040, false",
        "'Iran condemned the United States.', IRN, USA, 111, true",
        "'Russia threatened Ukraine with retaliation.', RUS, UKR, 130, true",
        "'Germany criticized France over its budget.', DEU, FRA, 111, true",
        "'The Iranian foreign minister met his Uzbek counterpart.', IRN, UZB, 040, false",
        "'The agreement paves the way for Tehran-Tashkent cooperation.', IRN, UZB, 057, false",
        "'Japan urged China to open its markets.', JPN, CHN, 020, true",
        "'Our country signed a deal with Uzbekistan.', IRN, UZB, 057, false",
        "'The Iraqi Defence Ministry accused Iran of shelling its positions.', IRQ, IRN, 112, true"
    })
    void shouldCodeWhoDoesWhatToWhom(String body, String a1, String a2, String code, boolean directed) {
        assertThat(events(body)).first().satisfies(e -> {
            assertThat(e.actor1()).isEqualTo(a1);
            assertThat(e.actor2()).isEqualTo(a2);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.directed()).isEqualTo(directed);
        });
    }

    @ParameterizedTest
    @CsvSource({
        "'Iran stressed the need for peace in Afghanistan.'",
        "'Iraq exports oil to Japan.'",
        "'The 2014 agreement between Iran and Tajikistan emphasizes cooperation.'",
        "'The joint borders of Iran with Afghanistan require cooperation.'",
        "'Afghanistan''s northern border with Tajikistan is unstable.'",
        "'Finnair Oy agreed to buy two aircraft from McDonnell Douglas Corp of the U.S.'",
        "'General Motors of Canada Ltd, wholly owned by General Motors Corp, said sales rose.'"
    })
    void shouldNotCodeTopicsOrHistory(String body) {
        assertThat(events(body)).isEmpty();
    }
}
