package io.bilateral.ingest.feeds;

import java.time.Duration;

/** Waits; injected so tests advance a manual clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
