package io.bilateral.enrich;

import io.bilateral.registry.SchemaRegistryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a dying stream thread does. Broker trouble (a retriable error such as a timeout, or an aborted transaction,
 * anywhere in the cause chain) replaces the thread in this process: the loaded dictionary and global store stay, and
 * exactly-once holds because the new thread's producer fences the old one. A broker down for longer than
 * {@code max.block.ms} (60 s) used to end the process ("Topic news.articles.enriched not present in metadata after
 * 60000 ms"), so it only came back with a restart. Any other error, or more than {@code maxReplacements} within
 * {@code window}, shuts the client down and the process exits for its supervisor to see.
 *
 * <p>A registry that did not answer, or answered 5xx, counts as transient trouble too: the processing handlers fail
 * the thread rather than dead-letter a record the registry could not serialize or read
 * ({@link io.bilateral.enrich.errors.RegistryTrouble}), and the replaced thread processes it again.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StreamThreadFailures.class);
    private static final int MAX_CAUSES = 32;

    private final int maxReplacements;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public StreamThreadFailures(int maxReplacements, Duration window, Clock clock) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.clock = clock;
    }

    /** The service's policy: at most 5 replacements within 10 minutes. */
    public static StreamThreadFailures standard(Clock clock) {
        return new StreamThreadFailures(5, Duration.ofMinutes(10), clock);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        StreamThreadExceptionResponse response = decide(exception);
        log.error(
                response == StreamThreadExceptionResponse.REPLACE_THREAD
                        ? "Stream thread died of broker or registry trouble; replacing it"
                        : "Stream thread died; shutting the client down",
                exception);
        return response;
    }

    private synchronized StreamThreadExceptionResponse decide(Throwable exception) {
        if (!isTransientTrouble(exception)) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.removeFirst();
        }
        if (recent.size() >= maxReplacements) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recent.addLast(now);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    static boolean isTransientTrouble(Throwable exception) {
        Throwable t = exception;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof TransactionAbortableException) {
                return true;
            }
            if (t instanceof SchemaRegistryException registry) {
                return registry.isTransient();
            }
        }
        return false;
    }
}
