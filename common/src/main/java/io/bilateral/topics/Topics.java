package io.bilateral.topics;

import io.bilateral.registry.SchemaRegistryClient;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.schemas.EnrichedArticle;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RawArticle;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The immutable topic catalogue: every topic of the contract with its serdes, built once from a registry client.
 * Keys are plain UTF-8 strings; values are Avro in the Confluent wire format; the DLQ keeps the original bytes.
 */
public record Topics(
        Topic<String, RawArticle> rawArticles,
        Topic<String, EnrichedArticle> enrichedArticles,
        Topic<String, RelationshipEvent> relationEvents,
        Topic<String, PairSummary> relationPairs,
        Topic<String, ActorEntry> referenceActors,
        Topic<byte[], byte[]> dlq) {

    public static Topics create(SchemaRegistryClient registry) {
        return new Topics(
                new Topic<>(TopicNames.RAW_ARTICLES, Serdes.String(), AvroSerde.forValues(registry, RawArticle.class)),
                new Topic<>(
                        TopicNames.ENRICHED_ARTICLES,
                        Serdes.String(),
                        AvroSerde.forValues(registry, EnrichedArticle.class)),
                new Topic<>(
                        TopicNames.RELATION_EVENTS,
                        Serdes.String(),
                        AvroSerde.forValues(registry, RelationshipEvent.class)),
                new Topic<>(
                        TopicNames.RELATION_PAIRS, Serdes.String(), AvroSerde.forValues(registry, PairSummary.class)),
                new Topic<>(
                        TopicNames.REFERENCE_ACTORS, Serdes.String(), AvroSerde.forValues(registry, ActorEntry.class)),
                new Topic<>(TopicNames.DLQ, Serdes.ByteArray(), Serdes.ByteArray()));
    }
}
