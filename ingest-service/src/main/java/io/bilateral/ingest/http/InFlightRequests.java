package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;

/**
 * Counts running requests so shutdown can let them finish. The JDK 17 server's own {@code stop(delay)} always waits
 * the whole delay, even when idle, and {@code stop(0)} cuts running requests off; this waits exactly as long as needed.
 * Once draining has begun, new requests get 503.
 */
final class InFlightRequests {

    private int active;
    private boolean draining;

    /** {@code handler}, counted, and answering 503 while draining. */
    HttpHandler track(HttpHandler handler) {
        return exchange -> {
            if (!enter()) {
                refuse(exchange);
                return;
            }
            try {
                handler.handle(exchange);
            } finally {
                exit();
            }
        };
    }

    /** Stops admitting requests and waits until none runs or {@code timeout} passes; true when none runs. */
    synchronized boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized boolean enter() {
        if (draining) {
            return false;
        }
        active++;
        return true;
    }

    private synchronized void exit() {
        active--;
        notifyAll();
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Retry-After", "5");
            JsonResponses.error(exchange, 503, "ingest-service is shutting down, retry later", null);
        }
    }
}
