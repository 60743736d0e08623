package io.bilateral.ingest.intake;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the articles published most recently, least recently seen evicted first. It only spares the broker and
 * the client a second copy: it starts empty (filled as articles are published, never read back from the topic) and is
 * lost on restart, which is harmless because the enrich topology recognises a re-delivered article id itself.
 * Thread-safe.
 */
public final class RecentIds {

    /** 100k ids of 16 characters: a few MB, and more than a day of articles from hundreds of feeds. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Boolean> ids;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.ids = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when {@code id} was published recently; counts as a use, so a popular id stays in. */
    public synchronized boolean contains(String id) {
        return ids.get(id) != null;
    }

    public synchronized void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    public synchronized int size() {
        return ids.size();
    }
}
