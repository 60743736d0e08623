package io.bilateral.enrich.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Theme keywords (rules/themes.tsv). */
class ThemesTest {

    @ParameterizedTest
    @CsvSource({
        "'They discussed the fight against terrorism.', TERRORISM",
        "'Drug trafficking is rising.', DRUGS",
        "'Transnational organized crimes were discussed.', ORGANIZED_CRIME",
        "'Oil exports fell.', ENERGY",
        "'The NPT and uranium enrichment.', NUCLEAR"
    })
    void shouldFindThemes(String body, String theme) {
        assertThat(RuleBasedEnricher.create()
                        .annotate(new ArticleInput("t", "", body, null, null, null))
                        .themes())
                .contains(theme);
    }
}
