package io.bilateral.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How far one feed has been read: the validators for a conditional GET and the items already handled (published, or
 * rejected for good), oldest first. Every value a feed controls is bounded here, since the cursor is kept on disk and
 * in memory for as long as the feed is polled: an item is remembered by a fixed-length hash of its key (a feed whose
 * ids are a megabyte each costs 16 characters an item, not a megabyte), at most {@link #MAX_SEEN} of them, and an
 * ETag or Last-Modified value longer than {@link #MAX_VALIDATOR_CHARS} is not kept (the next GET is then unconditional).
 *
 * @param seen hashes ({@link #hash}) of the handled items' keys, oldest first
 */
public record SourceCursor(String etag, String lastModified, List<String> seen) {

    /**
     * Items remembered per feed: twice the most items read from one feed document ({@link FeedParser#MAX_ENTRIES}), so
     * an item still listed is never forgotten and republished; about 40 KB a feed on disk.
     */
    public static final int MAX_SEEN = 2 * FeedParser.MAX_ENTRIES;
    /** Longest ETag or Last-Modified kept; real ones are under 100 characters. */
    public static final int MAX_VALIDATOR_CHARS = 256;

    public static final SourceCursor EMPTY = new SourceCursor(null, null, List.of());

    public SourceCursor {
        etag = bounded(etag);
        lastModified = bounded(lastModified);
        seen = seen == null ? List.of() : List.copyOf(seen.subList(Math.max(0, seen.size() - MAX_SEEN), seen.size()));
    }

    /** The fixed-length form an item key is remembered by: 96 bits of its SHA-256, base64url (16 characters). */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** This cursor with the hashes {@code hashes} appended, dropping the oldest beyond {@link #MAX_SEEN}. */
    public SourceCursor withSeen(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return this;
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(seen);
        all.addAll(hashes);
        return new SourceCursor(etag, lastModified, new ArrayList<>(all));
    }

    public SourceCursor withValidators(String newEtag, String newLastModified) {
        return new SourceCursor(newEtag, newLastModified, seen);
    }

    private static String bounded(String validator) {
        return validator == null || validator.length() > MAX_VALIDATOR_CHARS ? null : validator;
    }
}
