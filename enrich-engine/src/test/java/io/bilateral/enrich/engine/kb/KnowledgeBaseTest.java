package io.bilateral.enrich.engine.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeBaseTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    private static List<Entity> entities(String body) {
        return ENGINE.annotate(new ArticleInput("t", "", body, null, null, null))
                .entities();
    }

    @ParameterizedTest
    @CsvSource({
        "'Talks were held in the U.S. on Monday.', U.S., USA",
        "'The UK and Britain are the same.', UK, GBR",
        "'The DPRK fired a missile.', DPRK, PRK",
        "'He met his Uzbek counterpart.', Uzbek, UZB",
        "'The Tajik minister spoke.', Tajik, TJK",
        "'A Kyrgyz delegation arrived.', Kyrgyz, KGZ",
        "'The Supreme National Security Council met.', Supreme National Security Council, IRN",
        "'Officials met in Tashkent.', Tashkent, UZB",
        "'Shares fell in Tokyo.', Tokyo, JPN"
    })
    void shouldResolveAliasesToCountries(String body, String text, String country) {
        assertThat(entities(body)).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo(text);
            assertThat(e.country()).isEqualTo(country);
        });
    }

    @ParameterizedTest
    @CsvSource({
        "'We ate turkey and rice.', turkey",
        "'She collects fine china.', china",
        "'He studied at Columbia University.', Colombia",
        "'Michael Jordan scored 30 points.', Jordan",
        "'The Albany council voted.', Albania"
    })
    void shouldNotTagCountriesInOtherSenses(String body, String word) {
        assertThat(entities(body))
                .noneMatch(e -> e.type() == EntityType.COUNTRY && e.text().equalsIgnoreCase(word));
    }

    @ParameterizedTest
    @CsvSource({
        "'Long Island Lighting Co said it revised its net.', ISL",
        "'The Three Mile Island plant was closed.', ISL",
        "'Bank of New England Corp raised its dividend.', GBR",
        "'Georgia-Pacific Corp said sales rose.', GEO",
        "'Georgia Gulf Corp filed for a share offer.', GEO",
        "'Jersey Central Power and Light Co cut its rates.', JEY",
        "'Carolina Power and Light Co said it will redeem stock.', PRI"
    })
    void shouldNotReadCompanyAndRegionNamesAsCountries(String body, String country) {
        assertThat(ENGINE.annotate(new ArticleInput("t", "", body, null, null, null))
                        .countries())
                .doesNotContain(country);
    }

    @Test
    void shouldReadAnAllCapsHeadlineNameAsTheBodyReadsIt() {
        Annotation a = ENGINE.annotate(new ArticleInput(
                "t",
                "GEORGIA GULF FILES FOR SHARE OFFER",
                "Georgia Gulf Corp said it filed for an offering of four mln shares.",
                null,
                null,
                null));
        assertThat(a.countries()).doesNotContain("GEO");
    }

    @Test
    void shouldKeepTwoPlacesJoinedByAHyphen() {
        assertThat(entities("Tehran-Tashkent cooperation grew."))
                .extracting(Entity::country)
                .contains("IRN", "UZB");
    }

    @Test
    void shouldKnowTheLargestCitiesEvenWhenTheirNameIsAlsoAWord() {
        assertThat(entities("Talks were held in Shanghai."))
                .anySatisfy(e -> assertThat(e.country()).isEqualTo("CHN"));
    }

    @Test
    void shouldTagGeorgiaAsTheUsStateWhenTheContextIsAmerican() {
        List<Entity> es = entities("Storms hit Atlanta and the rest of Georgia on Monday.");
        assertThat(es).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("Georgia");
            assertThat(e.country()).isEqualTo("USA");
        });
        assertThat(entities("Georgia and Armenia signed a deal.")).anySatisfy(e -> {
            assertThat(e.text()).isEqualTo("Georgia");
            assertThat(e.country()).isEqualTo("GEO");
        });
    }

    @Test
    void shouldListEntriesAsPlainRecords() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        assertThat(kb.size()).isGreaterThan(4000);
        assertThat(kb.byId("country:IRN").aliases()).contains("Islamic Republic of Iran");
        assertThat(kb.byId("person:ali-shamkhani").country()).isEqualTo("IRN");
        assertThat(kb.entries()).extracting(DictionaryEntry::type).contains(ActorType.values());
    }

    @Test
    void shouldApplyRuntimeUpdatesInANewInstance() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        DictionaryEntry added = new DictionaryEntry(
                "person:test-envoy", "Zorbel Quintaro", List.of("Quintaro"), ActorType.PERSON, "UZB", "Envoy");
        KnowledgeBase updated = kb.withChanges(List.of(added), List.of("place:tashkent"));
        assertThat(kb.byId("person:test-envoy")).isNull();
        assertThat(updated.byId("person:test-envoy")).isEqualTo(added);
        assertThat(updated.byId("place:tashkent")).isNull();
        List<Entity> es = RuleBasedEnricher.create(updated)
                .annotate(new ArticleInput("t", "", "Zorbel Quintaro arrived in Tashkent.", null, null, null))
                .entities();
        assertThat(es).anySatisfy(e -> assertThat(e.actorId()).isEqualTo("person:test-envoy"));
        assertThat(es).noneMatch(e -> "place:tashkent".equals(e.actorId()));
    }

    @Test
    void shouldRejectANonAlpha3Country() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new DictionaryEntry("x", "X", List.of(), ActorType.PERSON, "Iran", null));
        assertThat(e.getMessage()).contains("x").contains("alpha-3");
    }
}
