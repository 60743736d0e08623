package io.bilateral.enrich.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bilateral.config.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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
}
