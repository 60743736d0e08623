package io.bilateral.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the local stack keeps its files under one data directory:
 * {@code kafka/} (broker log dirs), {@code registry/} (the registry's H2 database),
 * {@code logs/<name>.log} (stdout and stderr of each process) and {@code pids/<name>.pid}.
 *
 * @param root the data directory; made absolute, because child processes may run elsewhere
 */
public record StackLayout(Path root) {

    /** Process names become file names, so they are kept to a safe alphabet. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private static final String PID_SUFFIX = ".pid";

    public StackLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path kafkaDir() {
        return root.resolve("kafka");
    }

    public Path registryDir() {
        return root.resolve("registry");
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path pidsDir() {
        return root.resolve("pids");
    }

    /** The log file of a process, e.g. {@code logs/broker.log}. */
    public Path logFile(String name) {
        return logsDir().resolve(checkName(name) + ".log");
    }

    /** The pid file of a process, e.g. {@code pids/broker.pid}. */
    public Path pidFile(String name) {
        return pidsDir().resolve(checkName(name) + PID_SUFFIX);
    }

    /** Names of all processes that have a pid file, sorted; the pid files may be stale. */
    public List<String> recordedProcesses() throws IOException {
        if (!Files.isDirectory(pidsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pidsDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(PID_SUFFIX))
                    .map(f -> f.substring(0, f.length() - PID_SUFFIX.length()))
                    .filter(n -> NAME.matcher(n).matches())
                    .sorted()
                    .toList();
        }
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("process name must match " + NAME + ": " + name);
        }
        return name;
    }
}
