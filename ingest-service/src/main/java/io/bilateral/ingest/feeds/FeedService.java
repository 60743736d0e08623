package io.bilateral.ingest.feeds;

import io.bilateral.text.LogText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * <p>Polls run on a small pool ({@link TaskScheduler#pool}), so a slow host delays only its own feeds: at most one poll
 * per host runs at a time — a feed whose host is busy is deferred by {@link #HOST_BUSY_RETRY} instead of taking a
 * second thread to wait on the same server — so as long as fewer hosts are slow than there are threads, every other
 * feed is polled on time. The per-host spacing ({@link HostRateLimiter}) and the fetch limits hold as before. Closing
 * stops the scheduler; a poll in progress is interrupted.
 */
public final class FeedService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedService.class);

    private final List<FeedSource> sources;
    private final FeedPoller poller;
    private final PollTiming timing;
    private final TaskScheduler scheduler;
    private final DoubleSupplier random;
    /** How long a poll waits when another poll of its host is running. */
    static final Duration HOST_BUSY_RETRY = Duration.ofSeconds(1);

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Set<String> busyHosts = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public FeedService(
            List<FeedSource> sources,
            FeedPoller poller,
            PollTiming timing,
            TaskScheduler scheduler,
            DoubleSupplier random) {
        this.sources = List.copyOf(sources);
        this.poller = poller;
        this.timing = timing;
        this.scheduler = scheduler;
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
        String host = host(source);
        if (!busyHosts.add(host)) {
            scheduler.schedule(() -> run(source), HOST_BUSY_RETRY);
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
        } finally {
            busyHosts.remove(host);
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
            scheduler.schedule(() -> run(source), next);
        }
    }

    private static String host(FeedSource source) {
        String host = source.url().getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /** Consecutive failures of {@code source} so far (0 after a success). */
    public int failures(String source) {
        return failures.getOrDefault(source, 0);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.close();
    }
}
