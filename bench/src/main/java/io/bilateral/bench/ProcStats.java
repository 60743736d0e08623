package io.bilateral.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux says about a process in {@code /proc/<pid>}: peak and current resident memory from {@code status}
 * ({@code VmHWM}, {@code VmRSS}) and CPU time from {@code stat} ({@code utime + stime}). The process's own figures,
 * children excluded, which is why the services run as separate JVMs.
 *
 * @param peakRssBytes VmHWM, the high-water mark of the resident set since the process started
 * @param rssBytes VmRSS now
 * @param cpuSeconds user + system CPU time so far
 */
public record ProcStats(long peakRssBytes, long rssBytes, double cpuSeconds) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: USER_HZ, 100 on every Linux architecture in use. */
    static final int USER_HZ = 100;

    /** The figures of a running process. */
    public static ProcStats read(long pid) throws IOException {
        Path dir = Path.of("/proc", String.valueOf(pid));
        String status = Files.readString(dir.resolve("status"));
        String stat = Files.readString(dir.resolve("stat"));
        return new ProcStats(
                statusKb(status, "VmHWM") * 1024, statusKb(status, "VmRSS") * 1024, cpuTicks(stat) / (double) USER_HZ);
    }

    /** Whether this machine has {@code /proc} (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** A {@code Key:   123 kB} line of {@code /proc/<pid>/status}, in kB. */
    static long statusKb(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String value = line.substring(key.length() + 1).trim();
                if (!value.endsWith("kB")) {
                    throw new IllegalArgumentException(key + " in /proc status is not in kB: '" + line + "'");
                }
                return Long.parseLong(value.substring(0, value.length() - 2).trim());
            }
        }
        throw new IllegalArgumentException("no " + key + " line in /proc status");
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses
     * and may itself hold spaces and parentheses, so fields are counted from the last ')'.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc stat line: '" + stat + "'");
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
