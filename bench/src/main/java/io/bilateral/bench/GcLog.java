package io.bilateral.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a unified GC log ({@code -Xlog:gc:file=...}): every collection logs
 * {@code used-before->used-after(committed)}, e.g. {@code Pause Young (Normal) (G1 Evacuation Pause) 24M->6M(256M) 3.1ms}.
 * The simplest reliable source: no attach, no JMX port, and it covers the whole run, not one moment.
 *
 * @param collections number of collections logged
 * @param peakUsedBytes the most heap in use when a collection started
 * @param peakLiveBytes the most heap still in use after a collection: what the service really needs
 * @param peakCommittedBytes the largest heap the JVM had reserved from the OS
 */
public record GcLog(int collections, long peakUsedBytes, long peakLiveBytes, long peakCommittedBytes) {

    private static final Pattern TRANSITION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    public static GcLog read(Path file) throws IOException {
        return Files.isRegularFile(file) ? parse(Files.readString(file)) : new GcLog(0, 0, 0, 0);
    }

    static GcLog parse(String log) {
        int collections = 0;
        long used = 0;
        long live = 0;
        long committed = 0;
        for (String line : log.split("\n")) {
            Matcher m = TRANSITION.matcher(line);
            if (!m.find()) {
                continue;
            }
            collections++;
            used = Math.max(used, bytes(m.group(1), m.group(2)));
            live = Math.max(live, bytes(m.group(3), m.group(4)));
            committed = Math.max(committed, bytes(m.group(5), m.group(6)));
        }
        return new GcLog(collections, used, live, committed);
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }
}
