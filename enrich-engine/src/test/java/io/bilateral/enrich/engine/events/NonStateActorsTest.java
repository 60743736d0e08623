package io.bilateral.enrich.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Armed non-state groups and international organisations (kb/groups-own.tsv, kb/armed-groups.tsv,
 * kb/international-orgs.tsv) are never a country actor, and a nationality or country before one does not make one.
 */
class NonStateActorsTest {

    private static final Enricher ENGINE = EventCodingTest.ENGINE;

    /** The pairs of a body, as {@link EventCodingTest} reads them. */
    private static List<String> pairs(String body) {
        return EventCodingTest.pairs("", body);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // a group or organisation alone
                "Hezbollah fired rockets at Israel on Sunday.",
                "Hamas condemned Egypt over the closure of the crossing.",
                "The Taliban accused Pakistan of air strikes.",
                "The M23 attacked Congolese army positions.",
                "NATO warned Russia against any escalation.",
                "The IAEA criticised Iran for restricting inspections.",
                "The Rapid Support Forces shelled El Fasher.",
                // a nationality or country in front of one
                "The Yemeni Houthi movement attacked a Saudi oil terminal.",
                "Lebanese Hezbollah condemned Israel on Monday.",
                "Yemen's Houthis threatened Saudi Arabia with new strikes.",
                "Pakistani Taliban fighters attacked Afghan border posts."
            })
    void shouldNeverMakeAGroupAState(String body) {
        assertThat(pairs(body)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Hezbollah | armed group",
                "Houthis | armed group",
                "Kurdistan Workers' Party | armed group",
                "ECOWAS | international organization",
                "Shanghai Cooperation Organization | international organization"
            })
    void shouldTagThemAsOrganisationsWithoutCountry(String name, String role) {
        List<Entity> es = ENGINE.annotate(
                        new ArticleInput("t", "", "On Monday " + name + " said it was ready.", null, null, null))
                .entities();
        assertThat(es).filteredOn(e -> e.text().equals(name)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntityType.ORGANIZATION);
            assertThat(e.country()).isNull();
            assertThat(e.role()).isEqualTo(role);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // the state itself still acts next to them
                "Israel struck Hezbollah positions in southern Lebanon on Sunday. | ISR>LBN",
                "The Lebanese government condemned Israel on Monday. | LBN>ISR"
            })
    void shouldKeepTheStatesThemselves(String body, String expected) {
        assertThat(pairs(body)).contains(expected);
    }

    @Test
    void shouldNotRunAnOrganisationsNameOnOverACountryInThePossessive() {
        // "Somalia's" starts a phrase of its own: not the name of a UN office in Somalia
        List<Entity> es = ENGINE.annotate(new ArticleInput(
                        "t",
                        "Kenya tells UN Security Council Somalia's militia threatens its border",
                        "",
                        null,
                        null,
                        null))
                .entities();
        assertThat(es).extracting(Entity::text).containsExactly("Kenya", "UN Security Council", "Somalia");
        assertThat(es.get(1).country()).isNull();
        assertThat(es.get(2).country()).isEqualTo("SOM");
    }
}
