package io.bilateral.ingest;

import io.bilateral.ingest.publish.ArticlePublisher;
import io.bilateral.registry.InMemorySchemaRegistry;
import io.bilateral.schemas.RawArticle;
import io.bilateral.topics.Topic;
import io.bilateral.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An {@link ArticlePublisher} over Kafka's {@link MockProducer} for unit tests: records stay in memory, values go
 * through the real Avro serializer against an in-memory registry, and the test decides when and how sends complete.
 */
public final class InMemoryPublisher {

    /** The ingest time every test article gets. */
    public static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    public final MockProducer<String, RawArticle> producer;
    public final ArticlePublisher publisher;

    private InMemoryPublisher(boolean autoComplete) {
        Topic<String, RawArticle> topic =
                Topics.create(new InMemorySchemaRegistry()).rawArticles();
        producer = new MockProducer<>(
                autoComplete,
                null,
                topic.keySerde().serializer(),
                topic.valueSerde().serializer());
        publisher = new ArticlePublisher(producer, topic.name(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Every send is acknowledged at once. */
    public static InMemoryPublisher acking() {
        return new InMemoryPublisher(true);
    }

    /** Sends stay pending until the test calls {@code producer.completeNext()} or {@code errorNext(...)}. */
    public static InMemoryPublisher manual() {
        return new InMemoryPublisher(false);
    }

    /** The records sent so far, in order. */
    public List<ProducerRecord<String, RawArticle>> sent() {
        return producer.history();
    }
}
