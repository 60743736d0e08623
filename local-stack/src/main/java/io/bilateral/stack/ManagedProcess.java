package io.bilateral.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background JVM that outlives the JVM that started it, known to later JVMs through its pid file.
 *
 * <p>{@code ./bilateral up} starts processes and returns; {@code ./bilateral down}, another JVM, finds them
 * with {@link #find} and stops them with {@link #stop(Path, Duration)}. Output (stdout and stderr) is
 * appended to a log file. Where {@code setsid} exists the child runs in its own session, so Ctrl-C or a
 * closed terminal in the caller's shell does not reach it: callers that want the child gone when they
 * exit must stop it themselves.
 */
public final class ManagedProcess {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
    private static final List<Path> SETSID = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
    /** After SIGKILL the OS needs a moment to reap the process; it cannot refuse. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final ProcessHandle handle;
    private final Path pidFile;

    private ManagedProcess(ProcessHandle handle, Path pidFile) {
        this.handle = handle;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} in the background, appending its output to {@code logFile} and recording it
     * in {@code pidFile}; does not wait for it to be ready (see {@link Readiness}).
     *
     * @throws IllegalStateException if {@code pidFile} names a process that still runs
     */
    public static ManagedProcess start(JavaCommand command, Path pidFile, Path logFile) throws IOException {
        Optional<ManagedProcess> running = find(pidFile);
        if (running.isPresent()) {
            throw new IllegalStateException(
                    "already running as pid " + running.get().pid() + " (" + pidFile + ")");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(
                logFile,
                "=== " + Instant.now() + " starting: " + String.join(" ", command.commandLine())
                        + System.lineSeparator(),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(detached(command.commandLine()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(command.env());
        Process process = builder.start();
        // nothing is ever typed into it: give it end-of-input instead of a pipe nobody writes to
        process.getOutputStream().close();
        PidFile.of(process.toHandle()).write(pidFile);
        log.debug("started pid {}: {}", process.pid(), command.commandLine());
        return new ManagedProcess(process.toHandle(), pidFile);
    }

    /** The running process recorded in {@code pidFile}; empty if there is none or it has exited. */
    public static Optional<ManagedProcess> find(Path pidFile) throws IOException {
        return PidFile.read(pidFile).flatMap(PidFile::live).map(h -> new ManagedProcess(h, pidFile));
    }

    /** Whether the process recorded in {@code pidFile} is running. */
    public static boolean isRunning(Path pidFile) throws IOException {
        return find(pidFile).isPresent();
    }

    /**
     * Stops the process recorded in {@code pidFile}, if any, and deletes the pid file (also a stale one).
     *
     * @return whether a running process was stopped
     */
    public static boolean stop(Path pidFile, Duration timeout) throws IOException {
        Optional<ManagedProcess> process = find(pidFile);
        if (process.isPresent()) {
            return process.get().stop(timeout);
        }
        Files.deleteIfExists(pidFile);
        return false;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** The OS handle, e.g. for {@link Readiness#watching(ProcessHandle)}. */
    public ProcessHandle handle() {
        return handle;
    }

    /**
     * Asks the process to stop (SIGTERM, which runs its shutdown hooks), kills it if it is still running
     * after {@code timeout}, and deletes the pid file.
     *
     * @return whether the process was running
     */
    public boolean stop(Duration timeout) throws IOException {
        boolean wasAlive = handle.isAlive();
        if (wasAlive) {
            handle.destroy();
            if (!awaitExit(timeout)) {
                log.warn("pid {} did not stop within {} after SIGTERM; killing it", pid(), Readiness.describe(timeout));
                handle.destroyForcibly();
                if (!awaitExit(KILL_WAIT)) {
                    throw new IllegalStateException("pid " + pid() + " survived SIGKILL (" + pidFile + ")");
                }
            }
        }
        Files.deleteIfExists(pidFile);
        return wasAlive;
    }

    private boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping pid " + pid(), e);
        }
    }

    /** setsid execs in place (the child is never a group leader), so the pid is still the JVM's. */
    private static List<String> detached(List<String> commandLine) {
        Optional<Path> setsid = SETSID.stream().filter(Files::isExecutable).findFirst();
        if (setsid.isEmpty()) {
            return commandLine;
        }
        List<String> line = new ArrayList<>();
        line.add(setsid.get().toString());
        line.addAll(commandLine);
        return line;
    }

    @Override
    public String toString() {
        return "pid " + pid();
    }
}
