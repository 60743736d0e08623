package io.bilateral.ingest.feeds;

import io.bilateral.text.LogText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every configured feed on its own schedule: each poll schedules the feed's next one — its interval after a
 * success, a growing back-off after failures ({@link PollTiming}). A failing feed never disturbs the others.
 *
 * <p>Polls run on a small pool ({@link TaskScheduler#pool}), so a slow feed holds one thread, not the queue behind
 * it. A feed whose last poll spent {@link #SLOW_POLL} or longer fetching ({@link FeedPoller#lastFetchTime}: a silent
 * or trickling server, a timeout; waiting for a busy host's slot does not count) is polled on
 * a separate slow lane from then on, until a poll of it is quick again: slow feeds wait on each other there and never
 * again on the main pool, so other feeds — on other hosts or the same one — are polled on time. Only the first slow
 * poll of a feed holds a main thread (at most the fetch deadline). The per-host spacing ({@link HostRateLimiter}) and
 * the fetch limits hold as before. Closing stops both; a poll in progress is interrupted.
 */
public final class FeedService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedService.class);

    private final List<FeedSource> sources;
    private final FeedPoller poller;
    private final PollTiming timing;
    private final TaskScheduler scheduler;
    private final TaskScheduler slowLane;
    private final DoubleSupplier random;
    /** A poll this long or longer sends its feed to the slow lane. */
    static final Duration SLOW_POLL = Duration.ofSeconds(5);

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Set<String> slow = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Every feed on {@code scheduler}, with no separate slow lane. */
    public FeedService(
            List<FeedSource> sources,
            FeedPoller poller,
            PollTiming timing,
            TaskScheduler scheduler,
            DoubleSupplier random) {
        this(sources, poller, timing, scheduler, scheduler, random);
    }

    /** @param slowLane where feeds whose last poll was slow are polled */
    public FeedService(
            List<FeedSource> sources,
            FeedPoller poller,
            PollTiming timing,
            TaskScheduler scheduler,
            TaskScheduler slowLane,
            DoubleSupplier random) {
        this.sources = List.copyOf(sources);
        this.poller = poller;
        this.timing = timing;
        this.scheduler = scheduler;
        this.slowLane = slowLane;
        this.random = random;
    }

    /** Schedules the first poll of every feed. */
    public FeedService start() {
        for (FeedSource source : sources) {
            scheduler.schedule(() -> run(source), timing.first(source, random));
        }
        log.info(
                "Polling {} feed(s): {}",
                sources.size(),
                sources.stream().map(FeedSource::name).toList());
        return this;
    }

    private void run(FeedSource source) {
        if (closed) {
            return;
        }
        PollResult result;
        try {
            result = poller.poll(source);
        } catch (RuntimeException e) {
            // A bug must not end this feed's schedule: log it and treat it as a failure (back-off).
            // The message may quote feed data: escaped on the line, the stack trace only at debug.
            log.error("Feed {}: poll failed unexpectedly: {}", source.name(), LogText.safe(e));
            log.debug("Feed {}: stack trace", source.name(), e);
            result = PollResult.failed(e.toString());
        }
        Duration took = poller.lastFetchTime(source.name());
        if (took.compareTo(SLOW_POLL) >= 0) {
            if (slow.add(source.name())) {
                log.info(
                        "Feed {}: its fetches took {} s; polled on the slow lane until they are quick again",
                        source.name(),
                        took.toSeconds());
            }
        } else {
            slow.remove(source.name());
        }
        Duration next;
        if (result.status() == PollResult.Status.FAILED) {
            int count = failures.merge(source.name(), 1, Integer::sum);
            next = timing.afterFailure(source, count, random);
            log.info("Feed {}: failure {} in a row, next poll in {} s", source.name(), count, next.toSeconds());
        } else {
            failures.remove(source.name());
            next = timing.afterSuccess(source, random);
        }
        if (!closed) {
            (slow.contains(source.name()) ? slowLane : scheduler).schedule(() -> run(source), next);
        }
    }

    /** Whether {@code source}'s last poll was slow, so it is polled on the slow lane. */
    public boolean isSlow(String source) {
        return slow.contains(source);
    }

    /** Consecutive failures of {@code source} so far (0 after a success). */
    public int failures(String source) {
        return failures.getOrDefault(source, 0);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.close();
        slowLane.close();
    }
}
