package io.bilateral.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /healthz}: 200 while the server runs. A liveness check only: the broker's health shows in the 503s of
 * {@code POST /articles}, and restarting the API because the broker is down would not help.
 */
final class HealthHandler implements HttpHandler {

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals("/healthz")) {
                JsonResponses.error(
                        exchange,
                        404,
                        "no such resource: " + exchange.getRequestURI().getPath(),
                        null);
            } else if (method.equals("GET") || method.equals("HEAD")) {
                JsonResponses.send(exchange, 200, Map.of("status", "ok"));
            } else {
                JsonResponses.methodNotAllowed(exchange, "GET, HEAD");
            }
        }
    }
}
