package io.bilateral.ingest.fetch;

import java.time.Duration;

/**
 * Bounds on one fetch, so a hostile or broken server costs at most this much.
 *
 * @param connectTimeout per TCP connection attempt
 * @param readTimeout    longest silence between two reads
 * @param deadline       the whole fetch, redirects included: defeats a server that sends one byte just before every
 *                       read timeout (slow-loris)
 * @param maxBytes       largest body, counted both as received and after gzip decompression (gzip bombs)
 * @param maxRedirects   redirects followed before giving up
 * @param userAgent      sent with every request
 */
public record FetchLimits(
        Duration connectTimeout,
        Duration readTimeout,
        Duration deadline,
        int maxBytes,
        int maxRedirects,
        String userAgent) {

    public static final FetchLimits DEFAULTS = new FetchLimits(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            5 * 1024 * 1024,
            5,
            "bilateral-ingest/0.1 (+https://github.com/bilateral)");

    public FetchLimits {
        if (maxBytes < 1 || maxRedirects < 0) {
            throw new IllegalArgumentException("maxBytes must be positive and maxRedirects not negative, got "
                    + maxBytes + " and " + maxRedirects);
        }
    }
}
