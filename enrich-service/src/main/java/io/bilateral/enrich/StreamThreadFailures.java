package io.bilateral.enrich;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * What a dying stream thread does. Broker trouble (a retriable error such as a timeout, or an aborted transaction,
 * anywhere in the cause chain) replaces the thread in this process: the loaded dictionary and global store stay, and
 * exactly-once holds because the new thread's producer fences the old one. A broker down for longer than
 * {@code max.block.ms} (60 s) used to end the process ("Topic news.articles.enriched not present in metadata after
 * 60000 ms"), so it only came back with a restart. Any other error, or more than {@code maxReplacements} within
 * {@code window}, shuts the client down and the process exits for its supervisor to see.
 */
public final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

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

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
        if (!isBrokerTrouble(exception)) {
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

    static boolean isBrokerTrouble(Throwable exception) {
        Throwable t = exception;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof TransactionAbortableException) {
                return true;
            }
        }
        return false;
    }
}
