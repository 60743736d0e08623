package io.bilateral.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The machine and the software versions a result belongs to: a figure without them means little.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes MemTotal of /proc/meminfo (0 when unknown)
 * @param cpu the processor's model name, or "unknown"
 * @param os name and kernel version
 * @param versions bilateral (with the git commit), Java, Kafka, Avro
 */
public record Machine(int cores, long memoryBytes, String cpu, String os, Map<String, String> versions) {

    public static Machine describe(Path repoRoot) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(
                "bilateral",
                "0.1.0-SNAPSHOT" + gitCommit(repoRoot).map(c -> " (" + c + ")").orElse(""));
        versions.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        versions.put("kafka", AppInfoParser.getVersion());
        String avro = Schema.class.getPackage().getImplementationVersion();
        versions.put("avro", avro == null ? "unknown" : avro);
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                versions);
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return ProcStats.statusKb(line, "MemTotal") * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return 0;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return "unknown";
    }

    private static Optional<String> gitCommit(Path repoRoot) {
        try {
            Process git = new ProcessBuilder("git", "-C", repoRoot.toString(), "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes()).trim();
            if (git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{4,40}")) {
                return Optional.of(out);
            }
        } catch (IOException e) {
            // no git: no commit in the report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
