package io.bilateral.ingest.feeds;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilateral.text.LogText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every feed's {@link SourceCursor}, one small JSON file per feed ({@code cursors/<name>.json} under the state
 * directory), so a restarted service does not publish old items again. A poll writes only its own feed's file, and
 * only when the cursor changed: polling one feed never rewrites another's state, and an unchanged feed writes
 * nothing. Each write goes to a temporary file renamed over the old one, so a crash mid-write leaves the previous
 * cursor, never half a file. The size is bounded by {@link SourceCursor} (about 40 KB a feed, whatever the feed
 * holds) times the number of feeds ({@link SourcesFile#MAX_SOURCES} at most). The single {@code feeds-cursor.json} of
 * earlier versions is split into these files on open. Thread-safe: polls of different feeds run in parallel.
 */
public final class CursorStore {

    private static final Logger log = LoggerFactory.getLogger(CursorStore.class);
    static final String DIRECTORY = "cursors";
    static final String LEGACY_FILE = "feeds-cursor.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The file format; {@code version} 2 holds hashed keys. */
    record Stored(int version, String etag, String lastModified, List<String> seen) {}

    /** A feed's entry in the one-file cursor of earlier versions. */
    record Legacy(String etag, String lastModified, List<String> seen) {}

    private final Path directory;
    private final Map<String, SourceCursor> cursors = new ConcurrentHashMap<>();

    private CursorStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens the store in {@code stateDir}, creating the directories. An unreadable feed file is moved aside and that
     * feed starts from scratch: its items are then published again, which the enrich topology recognises as
     * re-deliveries.
     */
    public static CursorStore open(Path stateDir) {
        Path directory = stateDir.resolve(DIRECTORY);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the feed state directory " + directory + ": " + e, e);
        }
        CursorStore store = new CursorStore(directory);
        store.migrate(stateDir.resolve(LEGACY_FILE));
        return store;
    }

    /** The cursor of {@code source}, read from its file the first time. */
    public SourceCursor get(String source) {
        return cursors.computeIfAbsent(source, this::read);
    }

    /** Stores {@code cursor} for {@code source}; writes its file only if the cursor changed. */
    public void put(String source, SourceCursor cursor) {
        SourceCursor old = get(source);
        if (old.equals(cursor)) {
            return;
        }
        cursors.put(source, cursor);
        write(source, cursor);
    }

    /** The file of {@code source}'s cursor. */
    public Path file(String source) {
        if (!NAME.matcher(source).matches()) {
            // SourcesFile enforces this already; a name with '/' must never become a path.
            throw new IllegalArgumentException("feed name '" + LogText.safe(source) + "' cannot name a cursor file");
        }
        return directory.resolve(source + ".json");
    }

    private SourceCursor read(String source) {
        Path file = file(source);
        if (!Files.exists(file)) {
            return SourceCursor.EMPTY;
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            if (stored.version() != 2) {
                throw new IOException("unknown cursor version " + stored.version());
            }
            return new SourceCursor(stored.etag(), stored.lastModified(), stored.seen());
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            log.warn(
                    "Feed cursor {} is unreadable ({}); moved to {}, the feed starts from scratch",
                    file,
                    LogText.safe(e.getMessage()),
                    aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot move the unreadable feed cursor " + file + " aside", moveFailed);
            }
            return SourceCursor.EMPTY;
        }
    }

    private synchronized void write(String source, SourceCursor cursor) {
        Path file = file(source);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writeValue(temporary.toFile(), new Stored(2, cursor.etag(), cursor.lastModified(), cursor.seen()));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The cursor stays in memory; only a restart before the next successful write would repeat items.
            log.warn("Cannot write feed cursor {}: {}", file, LogText.safe(e.toString()));
        }
    }

    /** Splits the one-file cursor of earlier versions (raw keys) into per-feed files of hashed keys. */
    private void migrate(Path legacy) {
        if (!Files.exists(legacy)) {
            return;
        }
        try {
            Map<String, Legacy> old = JSON.readValue(legacy.toFile(), new TypeReference<Map<String, Legacy>>() {});
            old.forEach((source, cursor) -> {
                if (NAME.matcher(source).matches() && !Files.exists(file(source))) {
                    List<String> seen = cursor.seen() == null
                            ? List.of()
                            : cursor.seen().stream().map(SourceCursor::hash).toList();
                    put(source, new SourceCursor(cursor.etag(), cursor.lastModified(), seen));
                }
            });
            Files.move(legacy, legacy.resolveSibling(LEGACY_FILE + ".migrated"), StandardCopyOption.REPLACE_EXISTING);
            log.info("Feed cursor {} split into one file per feed under {}", legacy, directory);
        } catch (IOException e) {
            log.warn(
                    "Old feed cursor {} is unreadable ({}); left in place, feeds start from scratch",
                    legacy,
                    LogText.safe(e.getMessage()));
        }
    }
}
