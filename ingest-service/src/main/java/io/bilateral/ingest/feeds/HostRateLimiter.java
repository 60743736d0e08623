package io.bilateral.ingest.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * At most one request per host every {@code minInterval}, across all feeds and their pages: many feeds of one
 * outlet, or full-text fetches of twenty links, must not hammer one server. Time comes from the injected clock.
 * Thread-safe.
 */
public final class HostRateLimiter {

    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Duration minInterval;
    private final Map<String, Instant> nextSlot = new HashMap<>();

    public HostRateLimiter(Clock clock, Duration minInterval) {
        this.clock = clock;
        this.minInterval = minInterval;
    }

    /** Reserves the next slot for {@code host} and says how long to wait for it (zero when it is free now). */
    public synchronized Duration reserve(String host) {
        Instant now = clock.instant();
        if (nextSlot.size() > PRUNE_ABOVE) {
            nextSlot.values().removeIf(slot -> slot.isBefore(now));
        }
        String key = host.toLowerCase(Locale.ROOT);
        Instant free = nextSlot.getOrDefault(key, now);
        Instant slot = free.isAfter(now) ? free : now;
        nextSlot.put(key, slot.plus(minInterval));
        return Duration.between(now, slot);
    }
}
