package io.bilateral.topics;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client configurations derived from a service's {@code kafka.*} settings, which may also hold Kafka Streams keys
 * ({@code application.id}, {@code processing.guarantee} …) that plain clients would only warn about.
 */
public final class ClientConfigs {

    private ClientConfigs() {}

    /** A consumer outside any group that reads committed records only, as a downstream reader sees them. */
    public static Map<String, Object> committedReader(Map<String, Object> kafkaProperties) {
        Map<String, Object> props = withoutStreamsKeys(kafkaProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    /** A producer that loses nothing it acknowledged: every replica in sync, idempotent. */
    public static Map<String, Object> reliableWriter(Map<String, Object> kafkaProperties) {
        Map<String, Object> props = withoutStreamsKeys(kafkaProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static Map<String, Object> withoutStreamsKeys(Map<String, Object> kafkaProperties) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.keySet()
                .removeIf(k -> k.startsWith("application.")
                        || k.startsWith("processing.")
                        || k.equals("state.dir")
                        || k.startsWith("errors.")
                        || k.endsWith(".exception.handler"));
        return props;
    }
}
