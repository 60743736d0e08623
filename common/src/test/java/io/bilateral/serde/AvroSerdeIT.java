package io.bilateral.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bilateral.registry.HttpSchemaRegistryClient;
import io.bilateral.registry.RegistryClientOptions;
import io.bilateral.schemas.PairSummary;
import io.bilateral.schemas.RelationshipEvent;
import io.bilateral.testsupport.TestStack;
import io.bilateral.testsupport.TestStackExtension;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Records go through a real broker and a real registry, written and read by separate serde instances. */
@ExtendWith(TestStackExtension.class)
class AvroSerdeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void shouldProduceAndConsumeThroughTheBrokerAndRegistry(TestStack stack) throws Exception {
        String topic = "it.serde." + UUID.randomUUID();
        stack.createTopic(topic, 1, Map.of("cleanup.policy", "compact"));
        RelationshipEvent event = SampleRecords.filled(RelationshipEvent.class, false);
        RelationshipEvent sparse = SampleRecords.filled(RelationshipEvent.class, true);

        try (KafkaProducer<String, RelationshipEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new StringSerializer(),
                AvroSerde.forValues(registry(stack), RelationshipEvent.class).serializer())) {
            producer.send(new ProducerRecord<>(topic, "e1", event)).get();
            producer.send(new ProducerRecord<>(topic, "e2", sparse)).get();
            producer.send(new ProducerRecord<>(topic, "e1", null)).get();
        }

        // a second client with empty caches, as in another service: the writer schema comes from the registry by id
        List<ConsumerRecord<String, RelationshipEvent>> records =
                consume(stack, topic, AvroSerde.forValues(registry(stack), RelationshipEvent.class), 3);

        assertThat(records).extracting(ConsumerRecord::key).containsExactly("e1", "e2", "e1");
        assertEquals(event, records.get(0).value());
        assertEquals(sparse, records.get(1).value());
        assertEquals(null, records.get(2).value(), "the tombstone stays a tombstone");
    }

    @Test
    void shouldRegisterUnderTheTopicValueSubject(TestStack stack) throws Exception {
        String topic = "it.serde." + UUID.randomUUID();
        stack.createTopic(topic, 1, Map.of());
        HttpSchemaRegistryClient registry = registry(stack);
        PairSummary summary = SampleRecords.filled(PairSummary.class, false);

        byte[] bytes =
                AvroSerde.forValues(registry, PairSummary.class).serializer().serialize(topic, summary);

        int latestId = registry(stack).latest(topic + "-value").id();
        assertEquals(latestId, ByteBuffer.wrap(bytes, 1, 4).getInt());
        assertEquals(PairSummary.getClassSchema(), registry(stack).getById(latestId));
    }

    private static HttpSchemaRegistryClient registry(TestStack stack) {
        return new HttpSchemaRegistryClient(RegistryClientOptions.of(stack.registryUrl()));
    }

    private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> consume(
            TestStack stack, String topic, AvroSerde<T> serde, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (records.size() < expected) {
                assertThat(System.nanoTime() - deadline)
                        .as("%d records within %s", expected, DEADLINE)
                        .isNegative();
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
