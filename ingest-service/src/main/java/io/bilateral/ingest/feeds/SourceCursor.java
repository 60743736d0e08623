package io.bilateral.ingest.feeds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How far one feed has been read: the validators for a conditional GET and the keys of the items already handled
 * (published, or rejected for good), oldest first and bounded, since a feed only ever shows its latest items.
 */
public record SourceCursor(String etag, String lastModified, List<String> seen) {

    /** Keys kept per feed: many times the length of any real feed, so an item never comes back as new. */
    public static final int MAX_SEEN = 5_000;

    public static final SourceCursor EMPTY = new SourceCursor(null, null, List.of());

    public SourceCursor {
        seen = seen == null ? List.of() : List.copyOf(seen);
    }

    public boolean hasSeen(String key) {
        return seen.contains(key);
    }

    /** This cursor with {@code keys} appended, dropping the oldest beyond {@link #MAX_SEEN}. */
    public SourceCursor withSeen(List<String> keys) {
        LinkedHashSet<String> all = new LinkedHashSet<>(seen);
        all.addAll(keys);
        List<String> kept = new ArrayList<>(all);
        return new SourceCursor(etag, lastModified, kept.subList(Math.max(0, kept.size() - MAX_SEEN), kept.size()));
    }

    public SourceCursor withValidators(String newEtag, String newLastModified) {
        return new SourceCursor(newEtag, newLastModified, seen);
    }
}
