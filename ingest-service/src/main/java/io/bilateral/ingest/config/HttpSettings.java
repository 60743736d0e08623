package io.bilateral.ingest.config;

import java.time.Duration;

/**
 * The HTTP API's settings.
 *
 * @param host          address to bind; loopback by default, so a laptop does not expose the API to its network
 * @param port          0 picks a free port (tests)
 * @param maxBodyBytes  largest request body read; larger ones get 413 without being read further
 * @param threads       worker threads; with {@code queue} they bound the requests held in memory at once
 * @param queue         requests waiting for a worker; beyond it connections are refused
 * @param ackTimeout    how long a request waits for the broker's acknowledgement before answering 503
 */
public record HttpSettings(String host, int port, int maxBodyBytes, int threads, int queue, Duration ackTimeout) {
}
