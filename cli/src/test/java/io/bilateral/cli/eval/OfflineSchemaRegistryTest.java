package io.bilateral.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bilateral.registry.SchemaRegistryException;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.topics.Topic;
import io.bilateral.topics.Topics;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The registry of {@code score --clusters}: enough for the production serdes, and nothing it would have to invent. */
class OfflineSchemaRegistryTest {

    private final OfflineSchemaRegistry registry = new OfflineSchemaRegistry();

    @Test
    void shouldReadBackWhatTheProductionSerdeWrote() {
        Topic<String, RawArticle> topic = Topics.create(registry).rawArticles();
        RawArticle article = RawArticle.newBuilder()
                .setId("a1")
                .setTitle("Ministers meet")
                .setBody("The two ministers met on Monday.")
                .setIngestedAt(Instant.parse("2024-05-01T10:00:00Z"))
                .setOrigin("file:score")
                .build();

        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), article);

        assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes))
                .isEqualTo(article);
    }

    @Test
    void shouldGiveOneSchemaOneIdAndAnotherSchemaAnother() {
        int raw = registry.register("news.articles.raw-value", RawArticle.getClassSchema());
        int again = registry.register("other-value", RawArticle.getClassSchema());
        int event = registry.register("relations.events-value", RelationshipEvent.getClassSchema());

        assertThat(again).isEqualTo(raw);
        assertThat(event).isNotEqualTo(raw);
        assertThat(registry.getById(event)).isEqualTo(RelationshipEvent.getClassSchema());
    }

    @Test
    void shouldNameAnUnknownIdWhenAskedForIt() {
        registry.register("news.articles.raw-value", RawArticle.getClassSchema());

        assertThatThrownBy(() -> registry.getById(2))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("id 2");
    }

    @Test
    void shouldRefuseVersionQuestionsItCannotAnswer() {
        assertThatThrownBy(() -> registry.latest("news.articles.raw-value"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("latest:");
    }
}
