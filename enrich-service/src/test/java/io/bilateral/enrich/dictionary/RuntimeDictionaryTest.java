package io.bilateral.enrich.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.ArticleInput;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.schemas.ActorEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuntimeDictionaryTest {

    private static RuleBasedEnricher bundled;
    private static final ArticleInput ARTICLE = new ArticleInput(
            "a1",
            "Security talks",
            "Zorbek Alimov met Ali Shamkhani in Tehran on Sunday and signed a security cooperation memorandum.",
            Instant.parse("2024-03-03T10:00:00Z"),
            null,
            null);

    @BeforeAll
    static void loadBundled() {
        bundled = RuleBasedEnricher.create();
    }

    static ActorEntry person(String id, String name, String country) {
        return ActorEntry.newBuilder()
                .setId(id)
                .setName(name)
                .setAliases(List.of())
                .setType("PERSON")
                .setCountry(country)
                .setRole("Security Council Secretary")
                .setUpdatedAt(Instant.EPOCH)
                .build();
    }

    private static Entity entity(Annotation annotation, String text) {
        return annotation.entities().stream()
                .filter(e -> e.text().equals(text))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void shouldAttributeANewlyPublishedActorInTheNextArticle() {
        RuntimeDictionary dictionary = new RuntimeDictionary(bundled);
        Annotation before = dictionary.annotate(ARTICLE);

        dictionary.upsert(person("person:zorbek-alimov", "Zorbek Alimov", "KGZ"));
        Annotation after = dictionary.annotate(ARTICLE);

        assertThat(before.countries()).doesNotContain("KGZ");
        assertThat(after.countries()).contains("KGZ", "IRN");
        assertThat(entity(after, "Zorbek Alimov").country()).isEqualTo("KGZ");
        assertThat(entity(after, "Zorbek Alimov").actorId()).isEqualTo("person:zorbek-alimov");
        assertThat(after.events()).extracting(e -> e.pairId()).contains("IRN-KGZ");
    }

    @Test
    void shouldForgetARemovedActorAndIgnoreAnInvalidOne() {
        RuntimeDictionary dictionary = new RuntimeDictionary(bundled);
        dictionary.upsert(person("person:zorbek-alimov", "Zorbek Alimov", "KGZ"));
        dictionary.annotate(ARTICLE);

        dictionary.remove("person:zorbek-alimov");
        dictionary.upsert(ActorEntry.newBuilder(person("person:bad", "Bad Entry", "KGZ"))
                .setType("WIZARD")
                .build());
        Annotation after = dictionary.annotate(ARTICLE);

        assertThat(after.countries()).doesNotContain("KGZ");
        assertThat(after.entities()).noneMatch(e -> "person:zorbek-alimov".equals(e.actorId()));
        assertThat(dictionary.version()).isEqualTo(2);
    }

    @Test
    void shouldChangeTheCountryOfAKnownActor() {
        RuntimeDictionary dictionary = new RuntimeDictionary(bundled);
        dictionary.upsert(person("person:ali-shamkhani", "Ali Shamkhani", "TJK"));

        assertThat(entity(dictionary.annotate(ARTICLE), "Ali Shamkhani").country())
                .isEqualTo("TJK");
    }
}
