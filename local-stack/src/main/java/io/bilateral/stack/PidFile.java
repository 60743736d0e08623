package io.bilateral.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The content of a pid file: the pid and, when the platform reports it, the process start time.
 * The start time guards against pid reuse: after a reboot, a stale file may name someone else's process,
 * which {@code down} must not signal.
 */
record PidFile(long pid, Optional<Instant> started) {

    /** Start times read back from the OS are rounded to clock ticks; allow for that. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    static PidFile of(ProcessHandle process) {
        return new PidFile(process.pid(), process.info().startInstant());
    }

    /** Reads a pid file; empty when it does not exist or cannot be parsed (a half-written or foreign file). */
    static Optional<PidFile> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return parse(lines);
    }

    static Optional<PidFile> parse(List<String> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<Instant> started = lines.size() > 1 && !lines.get(1).isBlank()
                    ? Optional.of(Instant.parse(lines.get(1).trim()))
                    : Optional.empty();
            return Optional.of(new PidFile(pid, started));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    String format() {
        return pid + "\n" + started.map(Instant::toString).orElse("") + "\n";
    }

    /** Writes via a temporary file, so a concurrent reader never sees half a pid. */
    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, format(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The live process this file describes, if it still runs and is the same process that wrote it. */
    Optional<ProcessHandle> live() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
    }

    boolean sameStart(ProcessHandle process) {
        if (started.isEmpty()) {
            return true;
        }
        return process.info()
                .startInstant()
                .map(actual -> Duration.between(started.get(), actual).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(true);
    }
}
