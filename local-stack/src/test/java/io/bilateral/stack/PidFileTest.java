package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripThroughAFile() throws IOException {
        PidFile written = new PidFile(4242, Optional.of(Instant.parse("2026-01-02T03:04:05.678Z")));
        Path file = dir.resolve("pids/x.pid");

        written.write(file);

        assertThat(PidFile.read(file)).contains(written);
        assertThat(Files.readString(file)).isEqualTo("4242\n2026-01-02T03:04:05.678Z\n");
    }

    @Test
    void shouldAcceptAFileWithoutStartTime() {
        assertThat(PidFile.parse(List.of("17"))).contains(new PidFile(17, Optional.empty()));
    }

    @Test
    void shouldIgnoreMissingOrUnreadableFiles() throws IOException {
        Files.writeString(dir.resolve("bad.pid"), "not a pid\n");

        assertThat(PidFile.read(dir.resolve("missing.pid"))).isEmpty();
        assertThat(PidFile.read(dir.resolve("bad.pid"))).isEmpty();
        assertThat(PidFile.parse(List.of())).isEmpty();
    }

    @Test
    void shouldFindTheLiveProcessItDescribes() {
        ProcessHandle self = ProcessHandle.current();

        assertThat(PidFile.of(self).live()).contains(self);
    }

    @Test
    void shouldNotMistakeAReusedPidForTheRecordedProcess() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().orElseThrow();

        PidFile otherProcess = new PidFile(self.pid(), Optional.of(started.minusSeconds(3600)));

        assertThat(otherProcess.live()).isEmpty();
    }
}
