package io.bilateral.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.enrich.dictionary.RuntimeDictionary;
import io.bilateral.enrich.engine.RuleBasedEnricher;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reference.actors GlobalKTable feeds the engine's dictionary: a new actor counts from the next article on. */
class RuntimeDictionaryTopologyTest {

    private static final Instant T0 = Instant.parse("2024-03-03T10:00:00Z");
    private static final String BODY =
            "Zorbek Alimov met Ali Shamkhani in Tehran on Sunday and signed a security cooperation memorandum.";

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, ActorEntry> actors;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, RelationshipEvent> events;

    @BeforeEach
    void start() {
        Topics topics = Topics.create(new InMemorySchemaRegistry());
        RuntimeDictionary dictionary = new RuntimeDictionary(RuleBasedEnricher.create());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dictionary-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(
                RelationsTopology.build(
                        topics,
                        dictionary,
                        dictionary,
                        new EventClustering(Duration.ofDays(3), 0.2),
                        Clock.fixed(T0, ZoneOffset.UTC)),
                props);
        raw = driver.createInputTopic(
                topics.rawArticles().name(),
                topics.rawArticles().keySerde().serializer(),
                topics.rawArticles().valueSerde().serializer());
        actors = driver.createInputTopic(
                topics.referenceActors().name(),
                topics.referenceActors().keySerde().serializer(),
                topics.referenceActors().valueSerde().serializer());
        enriched = driver.createOutputTopic(
                topics.enrichedArticles().name(),
                topics.enrichedArticles().keySerde().deserializer(),
                topics.enrichedArticles().valueSerde().deserializer());
        events = driver.createOutputTopic(
                topics.relationEvents().name(),
                topics.relationEvents().keySerde().deserializer(),
                topics.relationEvents().valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void publish(String id) {
        raw.pipeInput(
                id,
                RawArticle.newBuilder()
                        .setId(id)
                        .setTitle("Security talks")
                        .setBody(BODY)
                        .setPublished(T0)
                        .setIngestedAt(T0)
                        .setOrigin("test")
                        .build(),
                T0);
    }

    @Test
    void shouldAttributeAnActorPublishedAtRuntimeFromTheNextArticleOn() {
        publish("before");
        actors.pipeInput(
                "person:zorbek-alimov",
                ActorEntry.newBuilder()
                        .setId("person:zorbek-alimov")
                        .setName("Zorbek Alimov")
                        .setAliases(List.of("Alimov"))
                        .setType("PERSON")
                        .setCountry("KGZ")
                        .setRole("Secretary of the Security Council")
                        .setUpdatedAt(T0)
                        .build());
        publish("after");
        actors.pipeInput("person:zorbek-alimov", null);
        publish("removed");

        List<EnrichedArticle> articles = enriched.readValuesToList();
        assertThat(articles).extracting(EnrichedArticle::getId).containsExactly("before", "after", "removed");
        assertThat(articles.get(0).getCountries()).doesNotContain("KGZ");
        assertThat(articles.get(1).getCountries()).contains("IRN", "KGZ");
        assertThat(articles.get(2).getCountries()).doesNotContain("KGZ");
        assertThat(events.readValuesToList())
                .extracting(RelationshipEvent::getPairId)
                .containsOnly("IRN-KGZ");
    }
}
