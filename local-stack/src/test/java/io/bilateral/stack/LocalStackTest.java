package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no processes; starting and stopping them is covered by {@code LocalStackIT}. */
class LocalStackTest {

    @TempDir
    Path dir;

    @Test
    void shouldDeriveAddressesFromThePorts() {
        LocalStack stack = LocalStack.builder(dir)
                .brokerPort(19092)
                .controllerPort(19093)
                .registryPort(18081)
                .build();

        assertThat(stack.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(stack.registryUrl()).isEqualTo("http://127.0.0.1:18081/apis/ccompat/v7");
        assertThat(stack.layout().root()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void shouldGiveEachNodeOfAThreeBrokerClusterItsOwnPortsDirectoryAndTheSameClusterId() {
        LocalStack stack = LocalStack.builder(dir)
                .brokers(3)
                .brokerPort(29092)
                .controllerPort(29093)
                .build();

        assertThat(stack.bootstrapServers()).isEqualTo("127.0.0.1:29092,127.0.0.1:29094,127.0.0.1:29096");
        List<BrokerConfig> nodes = stack.brokers();
        assertThat(nodes).extracting(BrokerConfig::controllerPort).containsExactly(29093, 29095, 29097);
        assertThat(nodes).extracting(BrokerConfig::dataDir).doesNotHaveDuplicates();
        assertThat(nodes)
                .extracting(BrokerConfig::clusterId)
                .containsOnly(nodes.get(0).clusterId());
        Map<String, String> node2 = nodes.get(1).brokerProperties();
        assertThat(node2)
                .containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:29093,2@127.0.0.1:29095,3@127.0.0.1:29097")
                .containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("transaction.state.log.min.isr", "2")
                .doesNotContainKey(BrokerConfig.CLUSTER_ID);
        // the id is kept: a restarted stack formats no node with another one
        assertThat(LocalStack.builder(dir).brokers(3).build().brokers().get(2).clusterId())
                .isEqualTo(nodes.get(0).clusterId());
        assertThat(LocalStack.brokerName(1)).isEqualTo("broker");
        assertThat(LocalStack.brokerName(3)).isEqualTo("broker-3");
    }

    @Test
    void shouldDoNothingWhenNothingRuns() throws IOException {
        LocalStack stack = LocalStack.builder(dir.resolve("never-started")).build();

        stack.down(true);

        assertThat(stack.running()).isEmpty();
        assertThat(dir.resolve("never-started")).doesNotExist();
    }

    @Test
    void shouldClearStalePidFilesOnDown() throws IOException {
        LocalStack stack = LocalStack.builder(dir).build();
        Process exited = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        exited.onExit().join();
        PidFile.of(exited.toHandle()).write(stack.layout().pidFile("broker"));

        assertThat(stack.running()).isEmpty();
        stack.down(false);

        assertThat(stack.layout().recordedProcesses()).isEmpty();
    }

    @Test
    void shouldRefuseToPurgeADirectoryItDidNotCreate() throws IOException {
        Path precious = Files.writeString(dir.resolve("thesis.tex"), "years of work");
        LocalStack stack = LocalStack.builder(dir).build();

        var e = assertThrows(IllegalStateException.class, () -> stack.down(true));

        assertThat(e).hasMessageContaining("refusing to delete " + dir.toAbsolutePath());
        assertThat(precious).exists();
    }

    @Test
    void shouldFailBeforeStartingAnythingWhenTheRegistryJarIsMissing() throws IOException {
        LocalStack stack = LocalStack.builder(dir.resolve("data"))
                .repoRoot(dir.resolve("empty-repo"))
                .build();

        var e = assertThrows(IllegalStateException.class, stack::up);

        assertThat(e).hasMessageContaining("no Apicurio runner jar");
        assertThat(stack.running()).isEmpty();
    }

    @Test
    void shouldReserveTheStacksOwnProcessNames() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new ServiceSpec("broker", "a.Main", List.of(), Map.of(), URI.create("http://127.0.0.1:1/")));

        assertThat(e).hasMessageContaining("'broker' is reserved");
    }
}
