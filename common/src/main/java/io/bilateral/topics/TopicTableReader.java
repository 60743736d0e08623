package io.bilateral.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from the beginning as a table (latest value per key, committed records only) until a condition on
 * that table holds, or fails when the deadline passes, naming the topic and what was read so far.
 */
public final class TopicTableReader {

    private final Map<String, Object> kafkaProperties;

    /** @param kafkaProperties client settings, at least {@code bootstrap.servers} */
    public TopicTableReader(Map<String, Object> kafkaProperties) {
        this.kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** The whole topic as a table, as of the end offsets when reading started. */
    public <K, V> Map<K, V> readToEnd(Topic<K, V> topic, Duration timeout) {
        return read(topic, null, timeout, "the end");
    }

    /**
     * Reads until {@code done} holds for the table read so far.
     *
     * @throws IllegalStateException when {@code timeout} passes first, naming {@code waitingFor}
     */
    public <K, V> Map<K, V> readUntil(
            Topic<K, V> topic, Predicate<Map<K, V>> done, Duration timeout, String waitingFor) {
        return read(topic, done, timeout, waitingFor);
    }

    /** With {@code done} null, reads up to the end offsets taken at the start. */
    private <K, V> Map<K, V> read(Topic<K, V> topic, Predicate<Map<K, V>> done, Duration timeout, String waitingFor) {
        Map<String, Object> props = ClientConfigs.committedReader(kafkaProperties);
        Map<K, V> table = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(
                props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Predicate<Map<K, V>> finished = done != null
                    ? done
                    : t -> partitions.stream().allMatch(p -> consumer.position(p, timeout) >= end.get(p));
            while (!finished.test(table)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for "
                            + waitingFor + " in " + topic.name() + " (" + table.size() + " keys read)");
                }
                for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        table.remove(record.key());
                    } else {
                        table.put(record.key(), record.value());
                    }
                }
            }
        }
        return table;
    }
}
