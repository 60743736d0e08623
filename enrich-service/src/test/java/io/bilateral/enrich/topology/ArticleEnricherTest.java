package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.engine.Annotation;
import io.bilateral.enrich.engine.CodedEvent;
import io.bilateral.enrich.engine.Entity;
import io.bilateral.enrich.engine.EntityType;
import io.bilateral.enrich.engine.EventActor;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.EntityMention;
import io.bilateral.schemas.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Avro edge: the engine's types reach the topics as the strings their readers match on. */
class ArticleEnricherTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private static EnrichedArticle enrich(Annotation annotation) {
        RawArticle raw = RawArticle.newBuilder()
                .setId("a1")
                .setTitle("Title")
                .setBody("Body")
                .setLanguage("en")
                .setIngestedAt(NOW)
                .setOrigin("http")
                .build();
        return new ArticleEnricher(article -> annotation, Clock.fixed(NOW, ZoneOffset.UTC)).enrich(raw);
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void shouldWriteAnEntityTypeAsItsName(EntityType type) {
        Entity entity = new Entity("Zorbel", type, 7, 13, "UZB", null, null);

        EnrichedArticle article = enrich(new Annotation(List.of(entity), List.of("UZB"), List.of(), 0.0, List.of()));

        assertThat(article.getEntities())
                .containsExactly(new EntityMention("Zorbel", type.name(), 7, 13, "UZB", null, null));
    }

    @Test
    void shouldWriteEventActorTypesAsTheirNames() {
        CodedEvent event = new CodedEvent(
                "IRN",
                "UZB",
                false,
                "040",
                "04",
                1,
                1.0,
                "The envoys met.",
                List.of(
                        new EventActor("Zorbel Quintaro", EntityType.PERSON, "UZB", "envoy"),
                        new EventActor("the Security Council", EntityType.ORGANIZATION, "IRN", null)),
                List.of());

        EnrichedArticle article =
                enrich(new Annotation(List.of(), List.of("IRN", "UZB"), List.of(), 0.0, List.of(event)));

        assertThat(article.getEvents().get(0).getActors())
                .containsExactly(
                        new io.bilateral.schemas.EventActor("Zorbel Quintaro", "PERSON", "UZB", "envoy"),
                        new io.bilateral.schemas.EventActor("the Security Council", "ORGANIZATION", "IRN", null));
    }
}
