package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.bilateral.ingest.intake.IngestMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: the counters in the Prometheus text format, for a scraper. */
final class MetricsHandler implements HttpHandler {

    private final IngestMetrics metrics;

    MetricsHandler(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                JsonResponses.error(
                        exchange,
                        404,
                        "no such resource: " + exchange.getRequestURI().getPath(),
                        null);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                JsonResponses.methodNotAllowed(exchange, "GET");
                return;
            }
            byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
