package io.bilateral.ingest.feeds;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When each feed is polled next. After a success: its interval. After failures: exponential back-off from
 * {@code retryInitial}, doubling per consecutive failure up to {@code maxBackoff} (a broken feed is tried less and
 * less often, a briefly broken one soon again). Every delay is spread by ±{@code jitter} so feeds configured alike
 * do not poll in lock-step, and the first polls are spread over the first interval (at most a minute).
 */
public record PollTiming(Duration retryInitial, Duration maxBackoff, double jitter) {

    public static final PollTiming DEFAULTS = new PollTiming(Duration.ofSeconds(30), Duration.ofHours(1), 0.1);

    public PollTiming {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** Delay of the first poll; {@code random} yields values in [0, 1). */
    public Duration first(FeedSource source, DoubleSupplier random) {
        long spread =
                Math.min(source.pollInterval().toMillis(), Duration.ofMinutes(1).toMillis());
        return Duration.ofMillis((long) (spread * random.getAsDouble()));
    }

    public Duration afterSuccess(FeedSource source, DoubleSupplier random) {
        return jittered(source.pollInterval(), random);
    }

    /** Delay after the {@code failures}-th consecutive failure (1 for the first). */
    public Duration afterFailure(FeedSource source, int failures, DoubleSupplier random) {
        Duration backoff = retryInitial;
        for (int i = 1; i < failures && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return jittered(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff, random);
    }

    private Duration jittered(Duration base, DoubleSupplier random) {
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }
}
