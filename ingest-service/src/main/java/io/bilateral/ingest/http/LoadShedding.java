package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bilateral.ingest.intake.IngestMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Answers 503 with {@code Retry-After} to a request that waited longer than {@code maxWait} for a worker, without
 * reading its body. Past that wait the broker (or the CPU) is slower than the offered load: accepting the request
 * anyway would only make every request behind it wait longer, until clients time out with no answer at all, while a
 * refusal costs microseconds and tells the client when to come back. The wait is measured from the moment the server
 * handed the connection to the pool ({@link #timing}) to the moment a worker starts it.
 */
final class LoadShedding {

    /** Seconds an overloaded server asks a client to wait: the queue drains in about {@code maxWait}. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final ThreadLocal<Boolean> OVERDUE = ThreadLocal.withInitial(() -> false);

    private final long maxWaitNanos;
    private final IngestMetrics metrics;
    private final LongSupplier nanoTime;

    /** @param nanoTime {@code System::nanoTime}, or a test's clock */
    LoadShedding(Duration maxWait, IngestMetrics metrics, LongSupplier nanoTime) {
        this.maxWaitNanos = maxWait.toNanos();
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    /** {@code pool}, with each task marked overdue while it runs when it waited longer than {@code maxWait}. */
    Executor timing(Executor pool) {
        return task -> {
            long handedOver = nanoTime.getAsLong();
            pool.execute(() -> {
                OVERDUE.set(nanoTime.getAsLong() - handedOver > maxWaitNanos);
                try {
                    task.run();
                } finally {
                    OVERDUE.remove();
                }
            });
        };
    }

    /** {@code handler}, answering 503 instead when the request is overdue. */
    HttpHandler guard(HttpHandler handler) {
        return exchange -> {
            if (OVERDUE.get()) {
                refuse(exchange);
            } else {
                handler.handle(exchange);
            }
        };
    }

    private void refuse(HttpExchange exchange) throws IOException {
        metrics.rejected("overloaded");
        try (exchange) {
            exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            JsonResponses.error(exchange, 503, "ingest-service is overloaded, retry later", null);
        }
    }
}
