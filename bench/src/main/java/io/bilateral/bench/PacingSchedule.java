package io.bilateral.bench;

import java.time.Duration;

/**
 * When each message of a paced run is due: message {@code k} (from 0) at {@code start + k / rate}. Latency is
 * measured from this scheduled time, not from when the sender got round to it, so a stalled sender or a back-pressured
 * producer shows up in the figures instead of silently lowering the offered load (coordinated omission).
 *
 * @param ratePerSecond offered rate, messages per second
 * @param startNanos {@link System#nanoTime()} at which message 0 is due
 */
public record PacingSchedule(double ratePerSecond, long startNanos) {

    public PacingSchedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException(
                    "rate must be a positive number of messages per second, got " + ratePerSecond);
        }
    }

    /** The nanoTime at which message {@code k} is due. Computed from k, never accumulated, so rounding never drifts. */
    public long dueNanos(long k) {
        if (k < 0) {
            throw new IllegalArgumentException("message index must be >= 0, got " + k);
        }
        return startNanos + Math.round(k * 1_000_000_000.0 / ratePerSecond);
    }

    /** How many messages a run of {@code duration} offers: {@code round(rate * seconds)}, at least one. */
    public static int messagesIn(double ratePerSecond, Duration duration) {
        return (int) Math.max(1, Math.round(ratePerSecond * duration.toNanos() / 1e9));
    }
}
