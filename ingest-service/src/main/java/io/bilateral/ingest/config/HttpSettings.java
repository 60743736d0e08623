package io.bilateral.ingest.config;

import java.time.Duration;

/**
 * The HTTP API's settings.
 *
 * @param host           address to bind; loopback by default, so a laptop does not expose the API to its network
 * @param port           0 picks a free port (tests)
 * @param maxBodyBytes   largest body of {@code POST /articles}; larger ones get 413 without being read further
 * @param threads        worker threads; with {@code queue} they bound the requests held in memory at once
 * @param queue          requests waiting for a worker; beyond it connections are refused
 * @param ackTimeout     how long a request waits for the broker's acknowledgement before answering 503
 * @param maxBatchBytes  largest body of {@code POST /articles:batch}
 * @param maxBatchItems  most articles in one batch
 * @param maxQueueWait   a request that waited longer than this for a worker is answered 503 with {@code Retry-After}
 *                       at once, body unread: past it the server is overloaded, and a fast refusal drains the queue
 *                       where a slow acceptance would make every later request wait longer still
 */
public record HttpSettings(
        String host,
        int port,
        int maxBodyBytes,
        int threads,
        int queue,
        Duration ackTimeout,
        int maxBatchBytes,
        int maxBatchItems,
        Duration maxQueueWait) {

    /** Batch limits: 10 MiB and 1 000 articles, about what one broker round trip carries comfortably. */
    public static final int DEFAULT_MAX_BATCH_BYTES = 10 * 1024 * 1024;

    public static final int DEFAULT_MAX_BATCH_ITEMS = 1_000;

    /** One second in the queue: ten times a request's usual service time at the broker's comfortable rate. */
    public static final Duration DEFAULT_MAX_QUEUE_WAIT = Duration.ofSeconds(1);

    /** Settings with the default queue wait. */
    public HttpSettings(
            String host,
            int port,
            int maxBodyBytes,
            int threads,
            int queue,
            Duration ackTimeout,
            int maxBatchBytes,
            int maxBatchItems) {
        this(
                host,
                port,
                maxBodyBytes,
                threads,
                queue,
                ackTimeout,
                maxBatchBytes,
                maxBatchItems,
                DEFAULT_MAX_QUEUE_WAIT);
    }

    /** Settings with the default batch limits and queue wait. */
    public HttpSettings(String host, int port, int maxBodyBytes, int threads, int queue, Duration ackTimeout) {
        this(host, port, maxBodyBytes, threads, queue, ackTimeout, DEFAULT_MAX_BATCH_BYTES, DEFAULT_MAX_BATCH_ITEMS);
    }
}
