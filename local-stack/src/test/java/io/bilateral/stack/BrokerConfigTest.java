package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void shouldUseDefaultPortsWhenOnlyDataDirIsGiven() {
        BrokerConfig config = BrokerConfig.parse(List.of("--data-dir", "/tmp/k"), NO_PROPERTIES);

        assertThat(config).isEqualTo(new BrokerConfig(Path.of("/tmp/k"), 9092, 9093, Map.of()));
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void shouldPreferArgumentsOverSystemProperties() {
        Properties system = new Properties();
        system.setProperty(BrokerConfig.DATA_DIR_PROPERTY, "/from/property");
        system.setProperty(BrokerConfig.PORT_PROPERTY, "19092");
        system.setProperty(BrokerConfig.CONTROLLER_PORT_PROPERTY, "19093");

        BrokerConfig config = BrokerConfig.parse(List.of("--port", "29092"), system);

        assertThat(config).isEqualTo(new BrokerConfig(Path.of("/from/property"), 29092, 19093, Map.of()));
    }

    @Test
    void shouldLetKeyValueArgumentsOverrideBrokerProperties() {
        BrokerConfig config = BrokerConfig.parse(
                List.of("--data-dir", "/d", "num.partitions=3", "group.initial.rebalance.delay.ms=100"), NO_PROPERTIES);

        assertThat(config.brokerProperties())
                .containsEntry("num.partitions", "3")
                .containsEntry("group.initial.rebalance.delay.ms", "100");
    }

    @Test
    void shouldConfigureACombinedSingleNodeOnLoopbackOnly() {
        Map<String, String> props = new BrokerConfig(Path.of("/d"), 1234, 1235, Map.of()).brokerProperties();

        assertThat(props)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:1235")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:1234,CONTROLLER://127.0.0.1:1235")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:1234")
                .containsEntry("log.dirs", Path.of("/d").toAbsolutePath().toString())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void shouldRoundTripThroughItsArguments() {
        BrokerConfig config = new BrokerConfig(Path.of("/d"), 1234, 1235, Map.of("num.partitions", "2"));

        assertThat(BrokerConfig.parse(config.toArgs(), NO_PROPERTIES)).isEqualTo(config);
    }

    @Test
    void shouldNameTheMissingDataDir() {
        var e = assertThrows(IllegalArgumentException.class, () -> BrokerConfig.parse(List.of(), NO_PROPERTIES));

        assertThat(e).hasMessageContaining("--data-dir").hasMessageContaining(BrokerConfig.DATA_DIR_PROPERTY);
    }

    @Test
    void shouldNameAnUnknownArgument() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> BrokerConfig.parse(List.of("--data-dir", "/d", "--verbose"), NO_PROPERTIES));

        assertThat(e).hasMessageContaining("'--verbose'");
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> BrokerConfig.parse(List.of("--data-dir", "/d", "--port", "kafka"), NO_PROPERTIES));

        assertThat(e).hasMessage("--port must be a port number, got 'kafka'");
    }

    @Test
    void shouldRejectTheSamePortForBrokerAndController() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> new BrokerConfig(Path.of("/d"), 9092, 9092, Map.of()));

        assertThat(e).hasMessageContaining("must differ");
    }
}
