package io.bilateral.ingest.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every feed's {@link SourceCursor} in one small JSON file ({@code feeds-cursor.json} under the state directory), so
 * a restarted service does not publish old items again. Each save writes a temporary file next to it and renames it
 * over the old one, so a crash mid-write leaves the previous cursor, never half a file. Thread-safe.
 */
public final class CursorStore {

    private static final Logger log = LoggerFactory.getLogger(CursorStore.class);
    static final String FILE_NAME = "feeds-cursor.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, SourceCursor> cursors;

    private CursorStore(Path file, Map<String, SourceCursor> cursors) {
        this.file = file;
        this.cursors = cursors;
    }

    /**
     * Opens the store in {@code stateDir}, creating the directory. An unreadable file is moved aside and the feeds
     * start from scratch: their items are then published again, which the enrich topology recognises as re-deliveries.
     */
    public static CursorStore open(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the feed state directory " + stateDir + ": " + e, e);
        }
        Map<String, SourceCursor> cursors = new HashMap<>();
        if (Files.exists(file)) {
            try {
                cursors.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, SourceCursor>>() {}));
            } catch (IOException e) {
                Path aside = file.resolveSibling(FILE_NAME + ".corrupt");
                log.warn(
                        "Feed cursor {} is unreadable ({}); moved to {}, feeds start from scratch",
                        file,
                        e.getMessage(),
                        aside);
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException moveFailed) {
                    throw new UncheckedIOException(
                            "cannot move the unreadable feed cursor " + file + " aside", moveFailed);
                }
            }
        }
        return new CursorStore(file, cursors);
    }

    public synchronized SourceCursor get(String source) {
        return cursors.getOrDefault(source, SourceCursor.EMPTY);
    }

    /** Stores {@code cursor} for {@code source} and writes the file. */
    public synchronized void put(String source, SourceCursor cursor) {
        cursors.put(source, cursor);
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), new TreeMap<>(cursors));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The cursor stays in memory; only a restart before the next successful write would repeat items.
            log.warn("Cannot write feed cursor {}: {}", file, e.toString());
        }
    }

    public Path file() {
        return file;
    }
}
