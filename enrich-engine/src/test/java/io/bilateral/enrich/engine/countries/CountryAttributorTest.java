package io.bilateral.enrich.engine.countries;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.enrich.engine.kb.KnowledgeBase;
import io.bilateral.enrich.engine.kb.RuleTables;
import io.bilateral.enrich.engine.names.Mention;
import io.bilateral.enrich.engine.names.NameTagger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attribution stage on its own, fed by the same preparation and name tagging as the engine. */
class CountryAttributorTest {

    private static final RuleBasedEnricher ENGINE = RuleBasedEnricher.create();
    private static final CountryAttributor ATTRIBUTOR = new CountryAttributor(RuleTables.bundled());

    private static List<Mention> attributed(String body, String sourceCountry) {
        RuleBasedEnricher.Prepared p = ENGINE.prepare("\n\n" + body, 2);
        KnowledgeBase kb = ENGINE.knowledgeBase();
        List<Mention> mentions =
                NameTagger.rules(RuleTables.bundled()).tag(p.tokens(), p.sentence(), p.dictionary(), kb);
        ATTRIBUTOR.attribute(p.tokens(), mentions, sourceCountry);
        return mentions;
    }

    private static Mention person(List<Mention> mentions) {
        return mentions.stream()
                .filter(m -> m.type == EntityType.PERSON)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldGiveAPersonTheCountryOfTheNationalityBeforeTheRole() {
        assertThat(person(attributed("He met his Uzbek counterpart, Viktor Makhmudov, in Tashkent.", null)).country)
                .isEqualTo("UZB");
    }

    @Test
    void shouldGiveAPersonTheCountryOfTheInstitutionAfterTheRole() {
        assertThat(person(attributed(
                                "Ali Shamkhani, Secretary of Iran's Supreme National Security Council, spoke.", null))
                        .country)
                .isEqualTo("IRN");
    }

    @Test
    void shouldTagOurCountryOnlyWhenThePublisherCountryIsKnown() {
        String body = "Our country signed a deal with Uzbekistan.";
        assertThat(attributed(body, "IRN")).anySatisfy(m -> {
            assertThat(m.type).isEqualTo(EntityType.COUNTRY);
            assertThat(m.country).isEqualTo("IRN");
            assertThat(m.from).isZero();
        });
        assertThat(attributed(body, null)).noneMatch(m -> "IRN".equals(m.country));
    }

    @Test
    void shouldReadACompanyWhoseNameOpensWithATitleWordByItsLegalForm() {
        List<Mention> mentions = attributed("Sales at General Motors Corp fell.", null);
        assertThat(mentions).noneMatch(m -> m.type == EntityType.PERSON);
        assertThat(mentions).anySatisfy(m -> {
            assertThat(m.type).isEqualTo(EntityType.ORGANIZATION);
            assertThat(m.country).isEqualTo("USA");
        });
    }
}
