package io.bilateral.enrich.engine.countries;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Enricher;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Office-holders of kb/officials-since-2015.tsv and kb/officials.tsv act for the state whose term covers the
 * article's date; out of office they are no actor; a bare surname after the full name reads the same way.
 */
class OfficeHoldersTest {

    private static final Enricher ENGINE = RuleBasedEnricher.create();

    private static Instant day(String d) {
        return d.equals("-") ? null : Instant.parse(d + "T12:00:00Z");
    }

    private static List<Entity> persons(String body, String date) {
        return ENGINE.annotate(new ArticleInput("t", "", body, day(date), null, null)).entities().stream()
                .filter(e -> e.type() == EntityType.PERSON)
                .toList();
    }

    /** Sorted pairs, with the direction of directed events. */
    private static List<String> pairs(String title, String body, String date) {
        return ENGINE.annotate(new ArticleInput("t", title, body, day(date), null, null)).events().stream()
                .map(e -> e.directed() ? e.actor1() + ">" + e.actor2() : e.pairId())
                .distinct()
                .sorted()
                .toList();
    }

    @ParameterizedTest
    @CsvSource({
        // the same person in two roles: foreign minister, then head of government (and nothing in between)
        "Fumio Kishida, 2016-05-02, JPN, foreign minister",
        "Fumio Kishida, 2022-05-02, JPN, head of government",
        "Boris Johnson, 2017-03-01, GBR, foreign minister",
        "Boris Johnson, 2020-03-01, GBR, head of government",
        "Hakan Fidan, 2020-01-10, TUR, intelligence chief",
        "Hakan Fidan, 2024-01-10, TUR, foreign minister",
        // no date: the latest term
        "Wang Yi, -, CHN, foreign minister",
        // a term of the generated table (Phoenix), before 2015
        "Hosni Mubarak, 2005-01-03, EGY, GOV"
    })
    void shouldTakeTheTermOfTheArticlesDate(String name, String date, String country, String role) {
        List<Entity> ps = persons(name + " arrived in Paris on Monday.", date);
        assertThat(ps).first().satisfies(p -> {
            assertThat(p.text()).isEqualTo(name);
            assertThat(p.country()).isEqualTo(country);
            if (!role.equals("-")) {
                assertThat(p.role()).isEqualTo(role);
            }
        });
    }

    @Test
    void shouldNotLetAFormerOfficeHolderActForTheState() {
        String body = "John Kerry criticised Iran over its nuclear programme on Tuesday.";
        assertThat(pairs("", body, "2015-06-02")).containsExactly("USA>IRN");
        assertThat(pairs("", body, "2019-06-04")).isEmpty(); // out of office from 2017 to 2021
        assertThat(pairs("", body, "2022-06-07")).containsExactly("USA>IRN"); // climate envoy
        // out of office, still a national of the state
        assertThat(persons(body, "2019-06-04")).first().satisfies(p -> {
            assertThat(p.country()).isEqualTo("USA");
            assertThat(p.role()).isNull();
        });
    }

    @Test
    void shouldReadTheMinisterWhoHeldTheOfficeThen() {
        // Israel's foreign ministers: Eli Cohen (2022-12-29 to 2024-01-01), then Israel Katz
        String body = "Eli Cohen arrived in Ankara on Monday. Cohen condemned Iran over its drone exports.";
        assertThat(pairs("", body, "2023-06-05")).contains("ISR>IRN");
        assertThat(pairs("", body, "2025-06-02")).doesNotContain("ISR>IRN");
    }

    @Test
    void shouldResolveABareSurnameLikeTheFullName() {
        String body = "Ararat Mirzoyan met reporters in Yerevan. Later, Mirzoyan criticised Azerbaijan.";
        List<Entity> ps = persons(body, "2023-03-01");
        assertThat(ps).extracting(Entity::text).containsExactly("Ararat Mirzoyan", "Mirzoyan");
        assertThat(ps).extracting(Entity::country).containsExactly("ARM", "ARM");
        assertThat(pairs("", body, "2023-03-01")).contains("ARM>AZE");
    }

    @Test
    void shouldNotLetAFormerOfficeHolderNamedByTitleActForTheState() {
        // the guide: former officials speaking privately are no state actor, whatever the dictionary knows of them
        assertThat(pairs(
                        "", "The former Chilean foreign minister, Ana Rivas, criticised Peru on Monday.", "2024-03-04"))
                .isEmpty();
        assertThat(pairs("", "The Chilean foreign minister, Ana Rivas, criticised Peru on Monday.", "2024-03-04"))
                .containsExactly("CHL>PER");
    }
}
