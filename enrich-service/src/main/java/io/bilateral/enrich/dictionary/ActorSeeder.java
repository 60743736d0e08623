package io.bilateral.enrich.dictionary;

import io.bilateral.config.Settings;
import io.bilateral.enrich.engine.kb.DictionaryEntry;
import io.bilateral.schemas.ActorEntry;
import io.bilateral.topics.ClientConfigs;
import io.bilateral.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled dictionary into {@code reference.actors} when the topic is empty (first start), so the topic is the
 * one place to read, list and change every actor. Later starts leave it alone: what users changed there stays.
 */
public final class ActorSeeder {

    private static final Logger log = LoggerFactory.getLogger(ActorSeeder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ActorSeeder() {}

    /** Returns the number of entries published: 0 when the topic already had records. */
    public static int seedIfEmpty(Settings settings, Topics topics, List<DictionaryEntry> entries) {
        String topic = topics.referenceActors().name();
        if (!isEmpty(settings, topic)) {
            return 0;
        }
        Map<String, Object> props = ClientConfigs.reliableWriter(settings.kafkaProperties());
        Instant now = Instant.now();
        try (KafkaProducer<String, ActorEntry> producer = new KafkaProducer<>(
                props,
                topics.referenceActors().keySerde().serializer(),
                topics.referenceActors().valueSerde().serializer())) {
            for (DictionaryEntry entry : entries) {
                producer.send(new ProducerRecord<>(topic, entry.id(), ActorEntries.toAvro(entry, now)));
            }
            producer.flush();
        }
        log.info("Loaded the bundled dictionary into {}: {} entries", topic, entries.size());
        return entries.size();
    }

    private static boolean isEmpty(Settings settings, String topic) {
        Map<String, Object> props = ClientConfigs.committedReader(settings.kafkaProperties());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            return partitions.stream().allMatch(p -> end.get(p).equals(begin.get(p)));
        }
    }
}
