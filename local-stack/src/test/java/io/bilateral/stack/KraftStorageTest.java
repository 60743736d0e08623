package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KraftStorageTest {

    @TempDir
    Path dir;

    @Test
    void shouldFormatOnceAndKeepTheClusterIdAfterwards() throws Exception {
        KafkaConfig config = new KafkaConfig(new BrokerConfig(dir, 19092, 19093, Map.of()).brokerProperties());

        assertThat(KraftStorage.formatIfNeeded(config)).isTrue();
        String meta = Files.readString(dir.resolve("meta.properties"));

        assertThat(KraftStorage.formatIfNeeded(config)).isFalse();
        assertThat(Files.readString(dir.resolve("meta.properties"))).isEqualTo(meta);
        assertThat(meta).contains("cluster.id=").contains("node.id=1");
        assertThat(dir.resolve("bootstrap.checkpoint")).exists();
    }
}
