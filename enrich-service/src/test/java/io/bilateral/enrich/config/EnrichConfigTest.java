package io.bilateral.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void productionDefaultsAreExactlyOnceWithAShortCommitIntervalAndPollTime() {
        Properties props = new EnrichConfig(Settings.of(EnrichConfig.DEFAULTS)).streamsProperties();

        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30);
        assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(30);
        // what Kafka Streams makes of them
        StreamsConfig streams = new StreamsConfig(props);
        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30L);
        assertThat(streams.getLong(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(30L);
    }

    @Test
    void kafkaSettingsOverrideTheCommitIntervalAndPollTime() {
        Map<String, String> values = new HashMap<>(EnrichConfig.DEFAULTS);
        values.put("kafka.commit.interval.ms", "100");
        values.put("kafka.poll.ms", "250");

        StreamsConfig streams = new StreamsConfig(new EnrichConfig(Settings.of(values)).streamsProperties());

        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        assertThat(streams.getLong(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(250L);
        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldJoinAsAStaticMemberNamedAfterTheQueryAddress() {
        Map<String, String> values = new HashMap<>(EnrichConfig.DEFAULTS);
        values.put(EnrichConfig.HTTP_PORT, "28090");

        StreamsConfig streams = new StreamsConfig(new EnrichConfig(Settings.of(values)).streamsProperties());

        // Kafka Streams appends the thread index, so each stream thread is a member of its own
        assertThat(streams.getMainConsumerConfigs("bilateral-enrich", "client", 1))
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "bilateral-enrich-127.0.0.1-28090-1");
        assertThat(streams.getGlobalConsumerConfigs("client"))
                .doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    }

    @Test
    void shouldUseTheHostNameWhenServingOnAWildcardAddress() {
        Map<String, String> values = new HashMap<>(EnrichConfig.DEFAULTS);
        values.put(EnrichConfig.HTTP_HOST, "0.0.0.0");

        assertThat(new EnrichConfig(Settings.of(values)).groupInstanceId(() -> "enrich:7f3a"))
                .isEqualTo("bilateral-enrich-enrich_7f3a-8090");
    }

    @Test
    void shouldTakeAnExplicitGroupInstanceIdOrApplicationServer() {
        Map<String, String> values = new HashMap<>(EnrichConfig.DEFAULTS);
        values.put("kafka.application.server", "enrich-2.internal:8090");
        assertThat(new EnrichConfig(Settings.of(values)).streamsProperties())
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "bilateral-enrich-enrich-2.internal-8090");

        values.put("kafka.group.instance.id", "enrich-b");
        assertThat(new EnrichConfig(Settings.of(values)).streamsProperties())
                .containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "enrich-b");
    }
}
