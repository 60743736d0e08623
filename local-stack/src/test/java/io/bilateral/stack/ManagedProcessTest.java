package io.bilateral.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real (small) JVMs: the behaviour under test is the operating system's. */
class ManagedProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path pidFile;
    private Path logFile;

    @AfterEach
    void stopLeftovers() throws IOException {
        if (pidFile != null) {
            ManagedProcess.stop(pidFile, Duration.ofSeconds(1));
        }
    }

    @Test
    void shouldRunInTheBackgroundUntilStopped() throws Exception {
        pidFile = dir.resolve("pids/sleeper.pid");
        logFile = dir.resolve("logs/sleeper.log");

        ManagedProcess process =
                ManagedProcess.start(sleeper(List.of()).withEnv(Map.of("GREETING", "world")), pidFile, logFile);
        awaitLogLine(process, "hello world");

        assertThat(ManagedProcess.isRunning(pidFile)).isTrue();
        assertThat(ManagedProcess.find(pidFile))
                .hasValueSatisfying(p -> assertThat(p.pid()).isEqualTo(process.pid()));
        assertThat(ManagedProcess.stop(pidFile, WAIT)).isTrue();
        assertThat(process.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
        assertThat(ManagedProcess.isRunning(pidFile)).isFalse();
        // SIGTERM, not SIGKILL: the shutdown hook ran
        assertThat(Files.readString(logFile)).contains("stopping");
    }

    @Test
    void shouldKillAProcessThatIgnoresSigterm() throws Exception {
        pidFile = dir.resolve("stubborn.pid");
        logFile = dir.resolve("stubborn.log");
        ManagedProcess process = ManagedProcess.start(sleeper(List.of("ignore-term")), pidFile, logFile);
        awaitLogLine(process, "hello");

        assertThat(process.stop(Duration.ofMillis(500))).isTrue();

        assertThat(process.isAlive()).isFalse();
        assertThat(Files.readString(logFile)).contains("stopping");
    }

    @Test
    void shouldRefuseToStartTwiceOnOnePidFile() throws IOException {
        pidFile = dir.resolve("once.pid");
        logFile = dir.resolve("once.log");
        ManagedProcess.start(sleeper(List.of()), pidFile, logFile);

        var e = assertThrows(
                IllegalStateException.class, () -> ManagedProcess.start(sleeper(List.of()), pidFile, logFile));

        assertThat(e).hasMessageContaining("already running").hasMessageContaining(pidFile.toString());
    }

    @Test
    void shouldTreatAStalePidFileAsNotRunningAndRemoveItOnStop() throws IOException {
        Path stale = dir.resolve("stale.pid");
        Process exited = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        exited.onExit().join();
        PidFile.of(exited.toHandle()).write(stale);

        assertThat(ManagedProcess.isRunning(stale)).isFalse();
        assertThat(ManagedProcess.stop(stale, WAIT)).isFalse();
        assertThat(stale).doesNotExist();
    }

    private static JavaCommand sleeper(List<String> args) {
        return JavaCommand.mainClass(Sleeper.class.getName(), args).withJvmArgs(List.of("-Xmx32m"));
    }

    /** Polls the log; the pause between polls is a wait for the process to exit, which fails the test early. */
    private void awaitLogLine(ManagedProcess process, String text) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!Files.exists(logFile) || !Files.readString(logFile).contains(text)) {
            assertThat(System.nanoTime() - deadline)
                    .as("'%s' in %s within %s", text, logFile, WAIT)
                    .isNegative();
            try {
                process.handle().onExit().get(50, TimeUnit.MILLISECONDS);
                fail("process exited before logging '" + text + "': " + Files.readString(logFile));
            } catch (TimeoutException e) {
                // still running: poll again
            }
        }
    }
}
