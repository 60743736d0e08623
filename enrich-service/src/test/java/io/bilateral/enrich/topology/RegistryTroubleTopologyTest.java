package io.bilateral.enrich.topology;

import static io.bilateral.enrich.topology.ScriptedEnricher.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bilateral.config.Settings;
import io.bilateral.enrich.config.EnrichConfig;
import io.bilateral.enrich.dictionary.ActorUpdates;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.registry.SchemaRegistryException;
import io.bilateral.schemas.RawArticle;
import io.bilateral.serde.SchemaRegistration;
import io.bilateral.topics.Topic;
import io.bilateral.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A registry that fails while articles are processed never costs an article: with every schema registered before the
 * start, processing does not need it; and when it is needed and fails, the stream thread fails (to process the record
 * again from the last commit) instead of sending the record to the dead-letter queue, as a poison record would be.
 */
class RegistryTroubleTopologyTest {

    private static final Instant T0 = Instant.parse("2021-12-01T08:00:00Z");
    private static final String SIGNING =
            "Iran and Uzbekistan signed a joint security cooperation document in Tashkent";

    private final BreakableRegistry registry = new BreakableRegistry();
    private final Topics topics = Topics.create(registry);
    private final EnrichConfig config = new EnrichConfig(Settings.of(EnrichConfig.DEFAULTS));
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeEach
    void start() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Properties props = new Properties();
        props.putAll(config.streamsProperties()); // the production error handlers
        driver = new TopologyTestDriver(
                RelationsTopology.build(
                        topics,
                        new ScriptedEnricher(Map.of(
                                "a1", List.of(meeting("IRN", "UZB", SIGNING)),
                                "a2", List.of(meeting("IRN", "UZB", SIGNING)))),
                        ActorUpdates.NONE,
                        new EventClustering(Duration.ofDays(3), 0.2, Duration.ofDays(10)),
                        clock),
                props);
        raw = driver.createInputTopic(
                topics.rawArticles().name(),
                topics.rawArticles().keySerde().serializer(),
                topics.rawArticles().valueSerde().serializer());
        dlq = driver.createOutputTopic(
                topics.dlq().name(),
                topics.dlq().keySerde().deserializer(),
                topics.dlq().valueSerde().deserializer());
        // what the ingest-service registers, so the test can write raw articles whatever happens next
        register(List.of(SchemaRegistration.Output.values(topics.rawArticles())));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldNotNeedTheRegistryToWriteOnceTheOutputsAreRegisteredAtStartUp() {
        register(RelationsTopology.avroOutputs(config.applicationId(), topics));
        registry.failRegistrations = true;

        publish("a1", "A");
        publish("a2", "B");

        assertThat(output(topics.relationEvents()).values())
                .as("the event with both reports")
                .anySatisfy(e -> assertThat(e.getNumArticles()).isEqualTo(2));
        assertThat(output(topics.relationPairs())).containsKey("IRN-UZB");
        assertThat(output(topics.enrichedArticles())).containsKeys("a1", "a2");
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(registry.failedRegistrations)
                .as("subjects processing had to register")
                .isEmpty();
    }

    @Test
    void shouldFailTheThreadInsteadOfDeadLetteringWhenARegistrationFailsWhileProcessing() {
        registry.failRegistrations = true;

        RuntimeException e = assertThrows(RuntimeException.class, () -> publish("a1", "A"));

        assertThat(SchemaRegistryException.findIn(e))
                .as("the registry error, in %s", e)
                .hasValueSatisfying(r -> assertThat(r.httpStatus()).isEqualTo(500));
        assertThat(dlq.isEmpty()).as("nothing dead-lettered").isTrue();
    }

    @Test
    void shouldFailTheThreadInsteadOfDeadLetteringWhenAWriterSchemaCannotBeFetched() {
        register(RelationsTopology.avroOutputs(config.applicationId(), topics));
        registry.failLookups = true;

        RuntimeException e = assertThrows(RuntimeException.class, () -> publish("a1", "A"));

        assertThat(SchemaRegistryException.findIn(e))
                .as("the registry error, in %s", e)
                .isPresent();
        assertThat(dlq.isEmpty()).as("nothing dead-lettered").isTrue();
    }

    private <V> Map<String, V> output(Topic<String, V> topic) {
        return driver.createOutputTopic(
                        topic.name(),
                        topic.keySerde().deserializer(),
                        topic.valueSerde().deserializer())
                .readKeyValuesToMap();
    }

    private void register(List<SchemaRegistration.Output> outputs) {
        new SchemaRegistration(Duration.ZERO, Clock.systemUTC(), d -> {}, new Random(1)).registerAll(outputs);
    }

    private void publish(String id, String outlet) {
        raw.pipeInput(
                id,
                RawArticle.newBuilder()
                        .setId(id)
                        .setTitle("t " + id)
                        .setBody("b")
                        .setSource(outlet)
                        .setPublished(T0)
                        .setIngestedAt(T0)
                        .setOrigin("test")
                        .build(),
                T0);
    }

    /** An in-memory registry whose registrations or schema lookups can be made to fail with a 500. */
    private static final class BreakableRegistry extends InMemorySchemaRegistry {
        final List<String> failedRegistrations = new ArrayList<>();
        volatile boolean failRegistrations;
        volatile boolean failLookups;

        @Override
        public int register(String subject, Schema schema) {
            if (failRegistrations) {
                failedRegistrations.add(subject);
                throw new SchemaRegistryException(
                        "register subject '" + subject + "': HTTP 500: Timeout trying to lock table", 500, 50001);
            }
            return super.register(subject, schema);
        }

        @Override
        public Schema getById(int id) {
            if (failLookups) {
                throw new SchemaRegistryException("getById id " + id + ": HTTP 503: unavailable", 503, 50301);
            }
            return super.getById(id);
        }
    }
}
