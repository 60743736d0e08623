package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackLayoutTest {

    @TempDir
    Path dir;

    @Test
    void shouldPlaceEverythingUnderTheDataDir() {
        StackLayout layout = new StackLayout(dir);

        assertThat(layout.kafkaDir()).isEqualTo(dir.resolve("kafka"));
        assertThat(layout.registryDir()).isEqualTo(dir.resolve("registry"));
        assertThat(layout.logFile("broker")).isEqualTo(dir.resolve("logs/broker.log"));
        assertThat(layout.pidFile("ingest-service")).isEqualTo(dir.resolve("pids/ingest-service.pid"));
    }

    @Test
    void shouldMakeTheRootAbsolute() {
        assertThat(new StackLayout(Path.of("data")).root()).isAbsolute();
    }

    @Test
    void shouldRejectNamesThatAreNotPlainFileNames() {
        StackLayout layout = new StackLayout(dir);

        var e = assertThrows(IllegalArgumentException.class, () -> layout.pidFile("../etc"));

        assertThat(e).hasMessageContaining("../etc");
    }

    @Test
    void shouldListRecordedProcessesFromPidFiles() throws IOException {
        StackLayout layout = new StackLayout(dir);
        assertThat(layout.recordedProcesses()).isEmpty();
        Files.createDirectories(layout.pidsDir());
        Files.writeString(layout.pidFile("registry"), "1\n");
        Files.writeString(layout.pidFile("broker"), "2\n");
        Files.writeString(layout.pidsDir().resolve("broker.pid.tmp"), "3\n");

        assertThat(layout.recordedProcesses()).containsExactly("broker", "registry");
    }
}
