package io.bilateral.bench;

/**
 * Wall-clock milliseconds derived from {@link System#nanoTime()} and one reading of the wall clock, so that scheduled
 * send times and receive times come from one monotonic source with sub-millisecond resolution.
 */
record NanoClock(long baseNanos, long baseEpochMillis) {

    static NanoClock start() {
        return new NanoClock(System.nanoTime(), System.currentTimeMillis());
    }

    double epochMillis(long nanos) {
        return baseEpochMillis + (nanos - baseNanos) / 1e6;
    }

    double nowEpochMillis() {
        return epochMillis(System.nanoTime());
    }
}
